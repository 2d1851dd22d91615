"""The city's data export holds exactly what the city's own people can see in the portal and
the API: for each kind of row, the ids exported are the ids the city's administrator is
shown. A coach's draft check-in (summary, decisions, ratings) is the coach's until logged:
the city never sees it, so it is never exported."""

import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage
from django_scopes import scope, scopes_disabled
from rest_framework.authtoken.models import Token

from stewardship.archive import KINDS, collect_city_data
from stewardship.exports import build_city_export, request_city_export
from tests import factories

DRAFT_TEXT = "DRAFT-ONLY-THE-COACH-SEES"


@pytest.fixture
def city_with_a_draft(world):
    """City A as stocked by the conftest, plus a coach's draft check-in and an action item
    agreed in it, and a session of the cohort meant for city B only."""
    with scopes_disabled():
        draft = factories.CheckInFactory(
            city=world.city, enrollment=world.enrollment, coach=world.users["coach_a"],
            status="draft", logged_at=None, summary=f"{DRAFT_TEXT} summary",
            decisions=f"{DRAFT_TEXT} decisions", lead_rag="red", lead_why=f"{DRAFT_TEXT} why",
        )
        draft.attendees.add(world.users["member_a"])
        factories.SessionFactory(cohort=world.cohort, audience="city", city=world.other_city,
                                 title="BETA-ONLY session")
    world.extra["draft"] = draft
    return world


def _api_ids(world, path):
    """The ids the city's administrator (member_a) gets from a city API list, every page."""
    from django.test import Client

    token, _created = Token.objects.get_or_create(user=world.users["member_a"])
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    url, ids = f"/api/v1/cities/{world.city.slug}/{path}/", set()
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        ids |= {row["id"] for row in response.json()["results"]}
        url = response.json()["next"]
    return ids


def _coaching_page(world, name):
    from django.test import Client

    client = Client()
    client.force_login(world.users["member_a"])
    response = client.get(f"/c/{world.city.slug}/coaching/", {"history": "all", "items": "all"})
    assert response.status_code == 200
    return response.context[name]


# Each exported kind the city also sees in a list: what the administrator is shown there.
SHOWN_TO_THE_CITY = {
    "checkins": lambda w: _api_ids(w, "checkins"),
    "action_items": lambda w: _api_ids(w, "action-items"),
    "sessions": lambda w: _api_ids(w, "sessions"),
    "training_hours": lambda w: _api_ids(w, "hours"),
    "showcases": lambda w: _api_ids(w, "showcases"),
    "mayor_requests": lambda w: {r.pk for r in _coaching_page(w, "requests")},
}


@pytest.mark.parametrize("kind", sorted(SHOWN_TO_THE_CITY))
def test_each_exported_kind_is_what_the_city_is_shown(city_with_a_draft, kind):
    world = city_with_a_draft
    with scope(city=world.city):
        exported = {row["id"] for row in collect_city_data(city=world.city).documents[kind]}
    shown = SHOWN_TO_THE_CITY[kind](world)
    assert shown, f"{kind}: the world should show the city at least one"
    assert exported == shown, f"{kind}: exported {sorted(exported)}, shown {sorted(shown)}"


def test_the_coaching_page_shows_the_city_the_checkins_it_exports(city_with_a_draft):
    world = city_with_a_draft
    with scope(city=world.city):
        exported = {row["id"] for row in collect_city_data(city=world.city).documents["checkins"]}
    assert {c.pk for c in _coaching_page(world, "checkins")} == exported
    assert world.extra["draft"].pk not in exported


def test_a_draft_check_in_is_not_in_the_archive(
    city_with_a_draft, django_capture_on_commit_callbacks
):
    world = city_with_a_draft
    with django_capture_on_commit_callbacks(execute=True), scope(city=world.city):
        export = request_city_export(city=world.city, user=world.users["member_a"])
    with scope(city=world.city):
        export.refresh_from_db()
        if export.status != "ready":  # tasks run eagerly in tests; build it if not yet
            build_city_export(export=export)
    with default_storage.open(export.file.name, "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    everything = b"\n".join(archive.read(name) for name in archive.namelist())
    assert DRAFT_TEXT.encode() not in everything
    assert b"BETA-ONLY" not in everything
    checkins = json.loads(archive.read("checkins.json"))
    assert [c["summary"] for c in checkins] == ["ALPHA shared summary"]


def test_every_kind_is_compared_or_owned_by_the_city_alone():
    """A new kind in the export must join SHOWN_TO_THE_CITY, or be one whose every row of
    the city is the city's own to see (listed here on purpose)."""
    whole_city_kinds = {
        "city", "memberships", "invitations", "applications", "enrollments",
        "coach_assignments", "rsvps", "attendance", "strategy", "notification_log",
    }
    assert set(KINDS) == set(SHOWN_TO_THE_CITY) | whole_city_kinds
