"""The coaching API: two check-in serializers, writes through the domain, 404 elsewhere."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled
from rest_framework.authtoken.models import Token

from coaching.models import ActionItem, CheckIn
from schedule.models import HoursEntry
from tests import factories


def _api(world, role):
    client = Client()
    token, _ = Token.objects.get_or_create(user=world.users[role])
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return client


def test_the_coach_logs_a_checkin_through_the_api(world):
    response = _api(world, "coach_a").post(
        "/api/v1/cities/alphaville/checkins/",
        {"happened_at": (timezone.now() - datetime.timedelta(hours=1)).isoformat(),
         "duration_minutes": 30, "mode": "phone", "attendees": [world.users["member_a"].pk],
         "summary": "Quick call.", "private_notes": "Between us.", "empower_rag": "green",
         "empower_why": "Residents on board."},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "logged" and body["private_notes"] == "Between us."
    with scopes_disabled():
        assert HoursEntry.objects.get(user=world.users["member_a"]).hours == 0.5


def test_bad_api_input_gets_a_message_per_field_and_changes_nothing(world):
    response = _api(world, "coach_a").post(
        "/api/v1/cities/alphaville/checkins/",
        {"summary": "", "attendees": [world.users["member_b"].pk]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "attendees" in response.json()
    with scopes_disabled():
        assert not CheckIn.objects.exists()


def test_members_see_logged_checkins_only(world):
    with scopes_disabled():
        logged = factories.CheckInFactory(city=world.city)
        factories.CheckInFactory(city=world.city, status="draft", summary="Draft text")
    member = _api(world, "member_a").get("/api/v1/cities/alphaville/checkins/").json()
    coach = _api(world, "coach_a").get("/api/v1/cities/alphaville/checkins/").json()
    assert [c["id"] for c in member["results"]] == [logged.pk]
    assert "private_notes" not in member["results"][0]
    assert coach["count"] == 2 and "private_notes" in coach["results"][0]


@pytest.mark.parametrize("method, url", [
    ("get", "/api/v1/cities/alphaville/checkins/"),
    ("get", "/api/v1/cities/alphaville/action-items/"),
    ("post", "/api/v1/cities/alphaville/action-items/"),
])
def test_another_coach_gets_404(world, method, url):
    response = getattr(_api(world, "coach_b"), method)(
        url, {"title": "x", "owner": world.users["member_a"].pk, "due_on": "2099-01-01"},
        content_type="application/json")
    assert response.status_code == 404
    with scopes_disabled():
        assert not ActionItem.objects.exists()


def test_action_items_are_created_and_closed_through_the_api(world):
    created = _api(world, "coach_a").post(
        "/api/v1/cities/alphaville/action-items/",
        {"title": "Publish", "owner": world.users["member_a"].pk,
         "due_on": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    url = f"/api/v1/cities/alphaville/action-items/{created.json()['id']}/"
    assert _api(world, "mayor_a").patch(url, {"status": "done"},
                                        content_type="application/json").status_code == 403
    done = _api(world, "member_a").patch(url, {"status": "done"},
                                         content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "done"
    # The owner may close it, but not rewrite it.
    assert _api(world, "member_a").patch(url, {"title": "Other"},
                                         content_type="application/json").status_code == 403
