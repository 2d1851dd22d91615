"""Hypothesis throws extreme values at every page and every API operation: huge and tiny
numbers and dates (``1e999``, ``-0``, NaN, year 1 and 9999), nesting 10,000 deep, very long
strings and wrong types, in query strings, form posts and JSON bodies.

The targets are found, not listed: every case of the tenancy matrix (so every URL pattern of
the portal, with its legitimate user) and every operation of the OpenAPI schema; the query
parameters are those the code reads (``request.GET.get("…")`` anywhere in the project) and
those the schema documents. Whatever is sent: never a 500 (the test client raises the
view's exception), and an API error is JSON. The budget is fixed and derandomized.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token

from tests.architecture.graph import CONTRACTS
from tests.fuzz import extremes
from tests.fuzz.openapi import (
    query_parameters,
    request_properties,
    schema_operations,
    takes_a_body,
)
from tests.fuzz.world import build_fuzz_world
from tests.tenancy import LOGIN

PAGE_EXAMPLES = 3  # per matrix case
API_EXAMPLES = 8  # per API operation


def _settings(examples):
    return settings(
        max_examples=examples, derandomize=True, deadline=None, database=None,
        phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck),
    )


ROOT = Path(__file__).resolve().parents[2]
# Every app of the project, as the import-layer contract lists them (a new app is swept too).
APPS = tuple(CONTRACTS["root_packages"])
_READS = re.compile(r"""(?:GET|query_params)(?:\.get|\.getlist|\[)\(?\s*["']([^"']+)["']""")


def query_names_read_by_the_code():
    """Every query parameter name the project's code reads."""
    names = set()
    for app in APPS:
        for source in (ROOT / app).rglob("*.py"):
            names |= set(_READS.findall(source.read_text(encoding="utf-8")))
    return names


QUERY_NAMES = query_names_read_by_the_code()


def _matrix_modules():
    return sorted(str(p.relative_to(ROOT).with_suffix("")).replace("/", ".")
                  for p in (ROOT / "tests").rglob("matrix.py"))


def _who_gets_in(case):
    """A role that reaches the view's own logic (not a 404, 403 or sign-in page), if any."""
    for role in ("member_a", "mayor_a", "coach_a", "staff", "outsider", "anonymous"):
        if case.expect.get(role) not in (LOGIN, 401, 403, 404, 405):
            return role
    return None


def _client(world, role, *, api):
    client = Client()
    if role == "anonymous":
        return client
    if api:
        token, _created = Token.objects.get_or_create(user=world.users[role])
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    else:
        client.force_login(world.users[role])
    return client


def test_the_code_reads_query_parameters_the_sweep_knows():
    """The scan found the parameters (a regression here would make the sweep toothless)."""
    assert {"month", "view", "page", "coach", "kind", "history"} <= QUERY_NAMES


def _fuzz_case(world, case, role):
    url = case.url(world)
    data = case.data(world) if callable(case.data) else dict(case.data or {})

    @_settings(PAGE_EXAMPLES)
    @given(params=extremes.query(QUERY_NAMES), body=st.data())
    def fuzz(params, body):
        client = _client(world, role, api=False)
        target = f"{url}{'&' if '?' in url else '?'}{urlencode(params)}" if params else url
        if case.method == "get":
            response = client.get(target)
        elif body.draw(st.booleans(), label="as JSON"):
            response = client.generic(
                case.method.upper(), target,
                body.draw(extremes.json_body(set(data)), label="json").encode(),
                content_type="application/json",
            )
        else:
            form = {
                key: body.draw(extremes.TEXT, label=key)
                if body.draw(st.booleans(), label=f"extreme {key}") else value
                for key, value in data.items()
            }
            response = getattr(client, case.method)(target, form)
        assert response.status_code < 500, (
            f"{case.name} as {role}: {response.status_code} for {params!r}"
        )

    fuzz()


@pytest.mark.parametrize("module", _matrix_modules())
def test_every_page_survives_extreme_query_strings_and_posts(module, db):
    """Every non-API case of a matrix module, as a role that gets in: extreme query
    parameters, and for a write its data with extreme values (or a JSON body) instead."""
    from django_scopes import scopes_disabled

    world = build_fuzz_world()
    for case in importlib.import_module(module).CASES:
        role = _who_gets_in(case)
        if case.api or role is None:
            continue
        if case.setup:
            with scopes_disabled():
                case.setup(world)
        _fuzz_case(world, case, role)


def _api_path(world, path):
    from tests.fuzz.test_api_schemathesis import _row

    row = _row(world, path, "a")
    return (path.replace("{city}", world.city.slug)
            .replace("{id}", str(row if row is not None else 1))
            .replace("{slug}", str(row if row is not None else "x")))


API_OPERATIONS = sorted(f"{method.upper()} {path}" for path, method in schema_operations())


@pytest.mark.parametrize("label", API_OPERATIONS)
def test_every_api_operation_survives_extreme_values(label, db):
    """As the city's member, its coach or staff: extreme query parameters and, for a write,
    a JSON body of extreme values (or nested 10,000 deep, or no object at all)."""
    method, path = label.split(" ", 1)
    world = build_fuzz_world()
    url = _api_path(world, path)
    names = set(query_parameters(path, method.lower())) | {"page", "format"}
    properties = request_properties(path, method.lower())

    @_settings(API_EXAMPLES)
    @given(role=st.sampled_from(["member_a", "coach_a", "staff"]),
           params=extremes.query(names), body=extremes.json_body(properties))
    def fuzz(role, params, body):
        client = _client(world, role, api=True)
        target = f"{url}?{urlencode(params)}" if params else url
        if takes_a_body(path, method.lower()):
            response = client.generic(method, target, body.encode(),
                                      content_type="application/json")
        else:
            response = client.generic(method, target)
        assert response.status_code < 500, f"{label} as {role}: {response.status_code}"
        if response.status_code >= 400:
            assert response["Content-Type"].startswith("application/json"), (
                f"{label} as {role}: a {response.status_code} that is not JSON"
            )

    fuzz()
