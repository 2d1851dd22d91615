"""The API half of the tenancy proof: every operation of the generated OpenAPI schema (each
path with each of its methods) has a case in the tenancy matrix with that same method, so
reads and writes are both asked by every role for its own city, another city and anonymous
(see tests/tenancy.py and tests/test_tenancy_matrix.py, which runs the cases)."""

import re

from tests.fuzz.openapi import schema_operations
from tests.tenancy import ROLES
from tests.test_tenancy_matrix import CASES

DJANGO_PARAMETER = re.compile(r"<(?:\w+:)?\w+>|\(\?P<\w+>[^)]*\)")
SCHEMA_PARAMETER = re.compile(r"\{\w+\}")


def schema_key(path):
    """``/api/v1/cities/{city}/checkins/{id}/`` → ``api/v1/cities/{}/checkins/{}/``."""
    return SCHEMA_PARAMETER.sub("{}", path.lstrip("/"))


def pattern_key(pattern):
    """``api/v1/cities/<slug:city>/^checkins/(?P<pk>[^/.]+)/$`` → the same key."""
    return DJANGO_PARAMETER.sub("{}", pattern).replace("^", "").replace("$", "")


def api_cases():
    return [case for case in CASES if case.pattern.startswith("api/v1/")]


def test_keys_read_django_and_schema_spellings_alike():
    assert pattern_key("api/v1/cities/<slug:city>/^checkins/(?P<pk>[^/.]+)/$") == (
        schema_key("/api/v1/cities/{city}/checkins/{id}/")
    )
    assert pattern_key("api/v1/^cities/(?P<city>[-a-zA-Z0-9_]+)/$") == "api/v1/cities/{}/"
    assert pattern_key("api/v1/cohorts/<slug:slug>/health/") == "api/v1/cohorts/{}/health/"


def test_every_schema_operation_has_a_matrix_case_with_its_method():
    covered = {(pattern_key(case.pattern), case.method.lower()) for case in api_cases()}
    missing = sorted(
        f"{method.upper()} {path}"
        for path, method in schema_operations()
        if (schema_key(path), method) not in covered
    )
    assert not missing, "API operations missing from the tenancy matrix:\n" + "\n".join(missing)


def test_api_cases_ask_every_role_with_a_token():
    for case in api_cases():
        assert case.api, f"{case.name}: an API case must call with a token (api=True)"
        assert set(case.expect) == set(ROLES), case.name
        assert case.expect["anonymous"] in (401, 400, 200), (
            f"{case.name}: anonymous callers of the API get 401, not a sign-in page"
        )


def test_every_city_operation_is_404_for_another_citys_people():
    city_operations = [
        (schema_key(path), method) for path, method in schema_operations() if "{city}" in path
    ]
    checked = {
        (pattern_key(case.pattern), case.method.lower())
        for case in api_cases()
        if case.expect["member_b"] == 404 and case.expect["coach_b"] == 404
    }
    unchecked = sorted(f"{m.upper()} {p}" for p, m in city_operations if (p, m) not in checked)
    assert not unchecked, "not asked by another city's people:\n" + "\n".join(unchecked)
