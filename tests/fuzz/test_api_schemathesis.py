"""Schemathesis fuzzes every operation of ``/api/schema/`` (as served by the app) against the
WSGI app, as a city member, the city's coach and program staff, and as city A's member and
coach against city B.

For every generated request (valid and invalid input alike): no 500, the status code is one
the schema documents, and the body matches the documented schema. For a path under
``/api/v1/cities/{city}/`` sent to another city: 404, and every row of that city is
unchanged afterwards. The budget is fixed (``MAX_EXAMPLES`` per operation, derandomized), so
the run is bounded and the same on every machine.
"""

from __future__ import annotations

import functools

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django_scopes import scopes_disabled
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from followon.models import InitiativeUpdate, MetricUpdate
from tests.fuzz.openapi import schema_operations
from tests.fuzz.world import build_fuzz_world, city_snapshot

SCHEMA_URL = "/api/schema/"
MAX_EXAMPLES = 10
ROLES = ("member_a", "coach_a", "staff")
INTRUDERS = ("member_a", "coach_a")  # city A's people, aiming at city B
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
FUZZ = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@functools.cache
def api_schema():
    """The schema exactly as the app serves it at ``/api/schema/`` (its request needs the
    database, so load it inside a test)."""
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application())


def operation_of(label):
    method, path = label.split(" ", 1)
    return api_schema()[path][method]


LABELS = sorted(f"{method.upper()} {path}" for path, method in schema_operations())


# Which world row a detail path's ``{id}``/``{slug}`` names (and the actions under it),
# in city "a" or "b".
ROWS = {
    "/api/v1/cities/{city}/checkins/{id}/": lambda w, c: w.extra["checkin_" + c].pk,
    "/api/v1/cities/{city}/action-items/{id}/": lambda w, c: w.extra["item_" + c].pk,
    "/api/v1/cities/{city}/showcases/{id}/": lambda w, c: w.extra["showcase_" + c].pk,
    "/api/v1/cities/{city}/sessions/{id}/": lambda w, c: w.extra["session"].pk,
    "/api/v1/applications/{id}/": lambda w, c: w.extra["application"].pk,
    "/api/v1/cohorts/{slug}/": lambda w, c: w.cohort.slug,
    "/api/v1/cohorts/{slug}/health/": lambda w, c: w.cohort.slug,
    "/api/v1/library/{id}/": lambda w, c: w.extra["showcase_" + c].pk,
    "/api/v1/cities/{city}/assignments/{id}/": lambda w, c: w.extra["assignment"].pk,
    "/api/v1/cities/{city}/assessment/{id}/": lambda w, c: w.extra["assessment_" + c].pk,
    "/api/v1/cities/{city}/year-after/initiative-updates/{id}/": lambda w, c: _first(
        InitiativeUpdate, w.extra["follow_on_" + c]),
    "/api/v1/cities/{city}/year-after/metric-updates/{id}/": lambda w, c: _first(
        MetricUpdate, w.extra["follow_on_" + c]),
    "/api/v1/reviews/{id}/": lambda w, c: w.extra["review"].pk,
}


def _first(model, follow_on):
    """The id of the year after's first update of ``model`` (quarter 1's, in the world)."""
    with scopes_disabled():
        return model.objects.filter(follow_on=follow_on).order_by("pk").first().pk


def _row(world, path, city_key):
    """The world's row for ``path`` (a detail path, or an action under one), if any."""
    keys = [key for key in ROWS if path.startswith(key)]
    return ROWS[max(keys, key=len)](world, city_key) if keys else None


def _aim(case, world, *, city_key, real_row):
    """Point the case at city A or B, and (when asked) at a row that exists there."""
    city = world.city if city_key == "a" else world.other_city
    params = dict(case.path_parameters or {})
    if "city" in params:
        params["city"] = city.slug
    if real_row:
        row = _row(world, case.operation.path, city_key)
        for name in ("id", "slug"):
            if name in params and row is not None:
                params[name] = row
    case.path_parameters = params


@pytest.fixture
def wsgi_in_test_transaction():
    """The WSGI app closes 'old' connections at each request's start and end, which would
    close the test's transaction; the Django test client disconnects the same handlers."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_world(db, wsgi_in_test_transaction):
    world = build_fuzz_world()
    world.tokens = {
        role: Token.objects.get_or_create(user=user)[0].key for role, user in world.users.items()
    }
    return world


def _send(case, world, role):
    headers = {"Authorization": f"Token {world.tokens[role]}"}
    return case.call(headers=headers), headers


def _strategy(operation):
    return st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )


@pytest.mark.parametrize("label", LABELS)
def test_operation(label, fuzz_world):
    """Each generated request, sent to city A as its member, its coach and staff, answers
    as documented; sent to city B by A's member and coach, it is 404 and B is untouched."""
    operation = operation_of(label)
    other_city = fuzz_world.other_city
    city_b_before = city_snapshot(other_city)

    @FUZZ
    @given(case=_strategy(operation), real_row=st.booleans())
    def fuzz(case, real_row):
        _aim(case, fuzz_world, city_key="a", real_row=real_row)
        for role in ROLES:
            response, headers = _send(case, fuzz_world, role)
            case.validate_response(response, checks=CHECKS, headers=headers)
        if "{city}" not in label:
            return
        _aim(case, fuzz_world, city_key="b", real_row=real_row)
        for role in INTRUDERS:
            response, _headers = _send(case, fuzz_world, role)
            assert response.status_code == 404, (
                f"{label} as {role} of city A against city B: {response.status_code} "
                f"{response.content[:300]!r}"
            )
        assert city_snapshot(other_city) == city_b_before, f"{label} changed city B's rows"

    fuzz()
