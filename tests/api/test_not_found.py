"""Under ``/api/`` every answer is JSON, and a city that does not exist answers exactly like
one the caller may not see: same status, same bytes, same headers, for every path of the
schema that names a city, every method, and every kind of caller (nobody included)."""

import json

import pytest
from django.test import RequestFactory
from rest_framework.renderers import JSONRenderer

from common import views
from tests.fuzz.openapi import generated_schema
from tests.fuzz.world import build_fuzz_world
from tests.tenancy import client_for

METHODS = ("get", "head", "options", "post", "put", "patch", "delete")
MISSING = "no-such-city"
# Nobody, someone of no city, a city's member, another city's coach, staff.
ROLES = ("anonymous", "outsider", "member_a", "coach_b", "staff")
# The city each role may not see (staff see every city: they only meet the missing one).
HIDDEN = {"anonymous": "a", "outsider": "a", "member_a": "b", "mayor_a": "b", "coach_a": "b",
          "member_b": "a", "coach_b": "a"}
# The row a ``{id}`` names in the hidden city, by the collection it is in.
ROWS = {"checkins": "checkin_", "action-items": "item_", "showcases": "showcase_"}


def city_paths():
    return sorted(path for path in generated_schema()["paths"] if "{city}" in path)


def fill(path, world, city_key, slug):
    """``path`` with ``{city}`` = ``slug`` and ``{id}`` = a row of the hidden city."""
    collection = path.split("{city}/")[1].split("/")[0]
    if collection in ROWS:
        row = world.extra[ROWS[collection] + city_key].pk
    elif collection == "sessions":
        row = world.extra["session"].pk
    else:
        row = 1
    return path.replace("{city}", slug).replace("{id}", str(row))


def ask(client, method, url):
    if method in ("post", "put", "patch"):
        return getattr(client, method)(url, {}, content_type="application/json")
    return getattr(client, method)(url)


def answer(response):
    headers = {k: v for k, v in response.headers.items() if k.lower() != "date"}
    return response.status_code, response.content, headers


@pytest.fixture
def world(db):
    return build_fuzz_world()


def test_a_missing_city_answers_like_a_hidden_one_everywhere(world, settings):
    settings.DEBUG = True  # Django's HTML 404 page would show here
    differences, not_json = [], []
    for role in ROLES:
        client = client_for(world, role, api=True)
        hidden_key = HIDDEN.get(role)
        hidden = {"a": world.city, "b": world.other_city}.get(hidden_key)
        for path in city_paths():
            for method in METHODS:
                missing = ask(client, method, fill(path, world, hidden_key or "a", MISSING))
                label = f"{role} {method.upper()} {path}"
                if method != "head" and (
                    missing["Content-Type"] != "application/json"
                    or "detail" not in json.loads(missing.content)
                ):
                    not_json.append(f"{label}: {missing.status_code} {missing.content[:80]!r}")
                if hidden is None:
                    if missing.status_code != 404:
                        differences.append(f"{label}: {missing.status_code}, not 404")
                    continue
                seen = ask(client, method, fill(path, world, hidden_key, hidden.slug))
                if answer(seen) != answer(missing):
                    differences.append(f"{label}:\n  hidden  {answer(seen)}\n"
                                       f"  missing {answer(missing)}")
    assert not not_json, "Not a JSON error:\n" + "\n".join(not_json)
    assert not differences, "Missing and hidden cities differ:\n" + "\n".join(differences)


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("path", [
    "/api/", "/api/v2/", "/api/v1/nothing-here/", "/api/v1/cities/alphaville/nothing-here/",
    "/api/v1/cities/no-such-city/nothing-here/", "/api/v1/cohorts/some-cohort/health/more/",
    "/api/v1/cities/alphaville/sessions/1/nothing/",
])
def test_an_unknown_api_path_is_a_json_404(world, settings, path, debug):
    settings.DEBUG = debug
    for role in ("anonymous", "member_a", "staff"):
        client = client_for(world, role, api=True)
        for method in ("get", "post", "delete"):
            response = ask(client, method, path)
            assert response.status_code == 404, (role, method, path)
            assert response["Content-Type"] == "application/json"
            assert response.content == b'{"detail":"Not found."}', (role, method, path)


@pytest.mark.parametrize("handler, status", [
    (views.error_400, 400), (views.error_403, 403), (views.error_404, 404),
])
def test_django_error_handlers_answer_the_api_json_shape(handler, status):
    request = RequestFactory().get("/api/v1/anything/")
    response = handler(request, Exception())
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    detail = json.loads(response.content)["detail"]
    assert response.content == JSONRenderer().render({"detail": detail})


def test_django_500_handler_answers_the_api_json_shape():
    response = views.error_500(RequestFactory().post("/api/v1/anything/"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.content == b'{"detail":"Internal error. The team has been told."}'
