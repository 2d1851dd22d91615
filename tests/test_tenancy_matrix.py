"""Every URL pattern × every role × own city / other city / anonymous (see tests/tenancy.py)."""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from django.urls import URLResolver, get_resolver
from django_scopes import ScopeError, scope

import tests
from accounts.models import Membership
from tests.tenancy import ROLES, build_world, run_case


def all_cases():
    cases = []
    for module in pkgutil.walk_packages([str(Path(tests.__file__).parent)], "tests."):
        if module.name.endswith(".matrix"):
            cases.extend(importlib.import_module(module.name).CASES)
    return cases


CASES = all_cases()


def all_url_patterns(patterns=None, prefix=""):
    """Every URL pattern of the project as one string (includes resolved recursively)."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            yield from all_url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


@pytest.fixture
def world(db):
    return build_world()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_matrix(world, case, role):
    expected, got, response = run_case(world, case, role)
    body = response.content[:300] if got != expected else b""
    assert got == expected, f"{case.name} as {role}: expected {expected}, got {got} {body!r}"


def test_every_url_pattern_is_in_the_matrix():
    exact = {case.pattern for case in CASES if not case.covers_prefix}
    prefixes = tuple(case.pattern for case in CASES if case.covers_prefix)
    uncovered = [
        pattern for pattern in all_url_patterns()
        if pattern not in exact and not pattern.startswith(prefixes)
    ]
    assert not uncovered, "URL patterns missing from the tenancy matrix:\n" + "\n".join(uncovered)


def test_city_patterns_are_all_checked_from_another_city():
    """Each pattern carrying a city is asked by city B's people, who must get 404."""
    city_patterns = {p for p in all_url_patterns() if re.search(r"<slug:city>|\?P<city>", p)}
    checked = {
        case.pattern for case in CASES
        if case.expect["member_b"] == 404 and case.expect["coach_b"] == 404
    }
    assert city_patterns <= checked, sorted(city_patterns - checked)


def test_an_unscoped_tenant_query_raises(world):
    """Outside a scope, touching a tenant model fails loudly instead of leaking rows."""
    with pytest.raises(ScopeError):
        list(Membership.objects.all())


def test_a_scoped_query_sees_only_its_city(world):
    with scope(city=world.city):
        cities = {m.city_id for m in Membership.objects.all()}
    assert cities == {world.city.pk}
