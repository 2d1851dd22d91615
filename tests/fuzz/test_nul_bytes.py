"""PostgreSQL cannot store a NUL byte in text (SQLite can): every form page, autosave and API
write must reject one with a message for the field, save nothing and never answer 500.
Run on both databases; on PostgreSQL a NUL that reaches the database is a 500."""

import json

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.test import Client
from rest_framework.authtoken.models import Token

from tests.fuzz.forms import TARGETS
from tests.fuzz.world import build_fuzz_world, row_counts

NUL = "before\x00after"


@pytest.fixture
def world(db):
    return build_fuzz_world()


def _client(world, role):
    client = Client()
    client.force_login(world.users[role])
    return client


@pytest.mark.parametrize("target", [t for t in TARGETS if t.has_text], ids=lambda t: t.name)
def test_form_rejects_nul_in_its_text(world, target):
    if target.setup:
        target.setup(world)
    data = target.valid(world)
    data[target.key] = NUL
    before = row_counts()
    response = _client(world, target.role).post(target.url(world), data)
    if target.rejects_by_redirect:  # a form inside another page: back there, with an error
        assert response.status_code == 302
        assert any(m.level >= messages.ERROR for m in get_messages(response.wsgi_request))
    else:
        assert response.status_code in (200, 400), response.status_code
        assert b'class="errorlist' in response.content
    assert row_counts() == before


@pytest.mark.parametrize(
    "payload",
    [
        {"section": "vision", "revision": 1, "fields": {"vision": NUL}},
        {"section": "vision", "revision": 1, "fields": {"priorities": NUL}},
        {"section": "component-governance", "revision": 1, "fields": {"goals": NUL}},
        {"section": NUL, "revision": 1, "fields": {"vision": "x"}},
        {"section": "vision", "revision": NUL, "fields": {"vision": "x"}},
    ],
)
def test_strategy_autosave_rejects_nul(world, payload):
    before = row_counts()
    response = _client(world, "member_a").post(
        f"/c/{world.city.slug}/strategy/autosave/",
        json.dumps(payload),
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert row_counts() == before


def test_strategy_autosave_ignores_a_field_it_does_not_know(world):
    """A NUL in an unknown field's name: ignored like any unknown field, nothing saved."""
    from django_scopes import scope

    strategy = world.extra["strategy_a"]
    with scope(city=world.city):
        strategy.refresh_from_db()
    revision = strategy.revision
    before = row_counts()
    response = _client(world, "member_a").post(
        f"/c/{world.city.slug}/strategy/autosave/",
        json.dumps({"section": "vision", "revision": revision, "fields": {NUL: "x"}}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert row_counts() == before
    with scope(city=world.city):
        strategy.refresh_from_db()
    assert strategy.revision == revision


@pytest.mark.parametrize("field", ["summary", "private_notes", "decisions", "lead_why"])
def test_checkin_autosave_rejects_nul(world, field):
    before = row_counts()
    response = _client(world, "coach_a").post(
        f"/c/{world.city.slug}/coaching/checkins/autosave/", {field: NUL}
    )
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert row_counts() == before


API_WRITES = [
    (
        "patch",
        "/api/v1/cities/{a}/strategy/",
        "member_a",
        {"section": "vision", "revision": 1, "fields": {"vision": NUL}},
    ),
    (
        "post",
        "/api/v1/cities/{a}/checkins/",
        "coach_a",
        {"summary": NUL, "duration_minutes": 30, "mode": "phone"},
    ),
    ("post", "/api/v1/cities/{a}/action-items/", "coach_a", {"title": NUL}),
    ("post", "/api/v1/cities/{a}/showcases/", "member_a", {"title": NUL}),
    (
        "post",
        "/api/v1/cities/{a}/hours/",
        "member_a",
        {"hours": "1", "on_date": "2026-11-20", "note": NUL},
    ),
    ("post", "/api/v1/applications/", "outsider", {"city_name": NUL, "cohort": "x"}),
    ("post", "/api/v1/applications/", "outsider", {"city_name": "Nulltown", "cohort": NUL}),
    ("post", "/api/v1/auth/token/", "outsider", {"email": "a@b.test", "password": NUL}),
]


@pytest.mark.parametrize(
    ("method", "path", "role", "body"),
    API_WRITES,
    ids=[f"{m.upper()} {p}" for m, p, _r, _b in API_WRITES],
)
def test_api_rejects_nul(world, method, path, role, body):
    token, _created = Token.objects.get_or_create(user=world.users[role])
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    before = row_counts()
    response = getattr(client, method)(
        path.format(a=world.city.slug), json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert row_counts() == before


def test_a_cohort_slug_with_nul_is_404(world):
    response = Client().get("/api/v1/cohorts/before%00after/")
    assert response.status_code == 404
