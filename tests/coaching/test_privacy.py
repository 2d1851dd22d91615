"""Private coach notes never reach the city's people: no page, API field, notification or
e-mail carries them. The coach and staff do see them."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled
from rest_framework.authtoken.models import Token

from coaching.actions import create_action_item
from coaching.checkins import log_checkin
from coaching.key_moments import answer_mayor_request, request_mayor_decision
from notifications.models import EmailOutbox, Notification
from notifications.reminders import run_reminder_sweep
from tests.notifications.reminder_helpers import only_rule

SECRET = "PRIVATE-COACH-REMARK-7f3a"


@pytest.fixture
def coached(world, django_capture_on_commit_callbacks):
    """A logged check-in with private notes, an item and an answered request, with every
    notification and e-mail they cause sent."""
    coach = world.users["coach_a"]
    with django_capture_on_commit_callbacks(execute=True), scope(city=world.city):
        checkin = log_checkin(
            city=world.city, by=coach,
            values={"happened_at": timezone.now() - datetime.timedelta(hours=1),
                    "duration_minutes": 60, "mode": "video", "summary": "Shared summary.",
                    "private_notes": SECRET, "lead_rag": "red", "lead_why": "Slow start."},
            attendee_ids={world.users["member_a"].pk, world.users["mayor_a"].pk},
        )
        create_action_item(city=world.city, by=coach, checkin=checkin, title="Do it",
                           owner=world.users["member_a"],
                           due_on=timezone.localdate() + datetime.timedelta(days=1))
        request = request_mayor_decision(
            city=world.city, by=coach, question="Decide?", context="Because.",
            deadline=timezone.localdate() + datetime.timedelta(days=3))
        answer_mayor_request(request=request, by=world.users["mayor_a"], answer="Yes.")
    return checkin


def _api(world, role):
    client = Client()
    token, _ = Token.objects.get_or_create(user=world.users[role])
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return client


@pytest.mark.parametrize("role", ["member_a", "mayor_a", "manager_a"])
def test_a_city_member_never_receives_the_private_notes(world, coached, role):
    user = world.users[role]
    web = Client()
    web.force_login(user)
    pages = [
        "/c/alphaville/", "/c/alphaville/coaching/",
        f"/c/alphaville/coaching/checkins/{coached.pk}/", "/inbox/",
    ]
    api = [
        "/api/v1/cities/alphaville/checkins/",
        f"/api/v1/cities/alphaville/checkins/{coached.pk}/",
        "/api/v1/cities/alphaville/action-items/",
    ]
    responses = [web.get(url) for url in pages] + [_api(world, role).get(url) for url in api]
    for response in responses:
        assert response.status_code == 200, response.request["PATH_INFO"]
        assert SECRET not in response.content.decode(), response.request["PATH_INFO"]
    assert "Shared summary." in responses[1].content.decode()
    checkins = responses[len(pages)].json()["results"]
    assert checkins and all("private_notes" not in c for c in checkins)

    # Reminders too (a sweep a day after the item was due).
    only_rule(kind="action_item_overdue", offset=datetime.timedelta(0))
    run_reminder_sweep(now=timezone.now() + datetime.timedelta(days=2, hours=12))

    with scopes_disabled():
        notes = list(Notification.objects.filter(recipient=user))
        emails = list(EmailOutbox.objects.filter(recipient=user))
    assert notes and emails, "the member was told (in the app and by e-mail)"
    for note in notes:
        assert SECRET not in note.subject + note.body
    for email in emails:
        assert SECRET not in email.subject + email.body_text + email.body_html
    for message in mail.outbox:
        bodies = [message.subject, message.body,
                  *[alt[0] for alt in getattr(message, "alternatives", [])]]
        assert all(SECRET not in body for body in bodies)


@pytest.mark.parametrize("role", ["coach_a", "staff"])
def test_the_coach_and_staff_read_the_private_notes(world, coached, role):
    web = Client()
    web.force_login(world.users[role])
    assert SECRET in web.get(f"/c/alphaville/coaching/checkins/{coached.pk}/").content.decode()
    detail = _api(world, role).get(f"/api/v1/cities/alphaville/checkins/{coached.pk}/")
    assert detail.json()["private_notes"] == SECRET


def test_private_notes_are_not_kept_in_the_history(world, coached):
    with scope(city=world.city):
        versions = list(coached.history.all())
    assert versions and all(not hasattr(v, "private_notes") for v in versions)
