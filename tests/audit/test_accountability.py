"""Staff actions leave a trace: the admin's log records form edits and bulk actions with the
staff member, history rows carry who made them, and the staff activity page shows it all
(without the private coach notes)."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from applications.models import Application
from applications.models import ApplicationState as S
from coaching.checkins import log_checkin
from schedule.models import Session
from tests import factories
from tests.tenancy import build_world


@pytest.fixture
def staff(db):
    return factories.UserFactory(
        email="rita.reviewer@example.test", name="Rita Reviewer", is_staff=True, is_superuser=True
    )


@pytest.fixture
def admin_client(staff):
    client = Client()
    client.force_login(staff)
    return client


def _log(model, pk):
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=str(pk)
        ).order_by("pk")
    )


def test_an_admin_edit_and_a_bulk_action_are_both_logged_with_the_staff_member(admin_client, staff):
    application = factories.ApplicationFactory(state=S.SUBMITTED)
    admin_client.post(
        f"/admin/cities/application/{application.pk}/change/",
        {
            "score_data_foundations": 4,
            "score_leadership": 4,
            "score_team": 3,
            "internal_notes": "Ask about the data team.",
        },
    )
    admin_client.post(
        "/admin/cities/application/",
        {"action": "start_review", "_selected_action": [application.pk]},
    )

    edit, action = _log(Application, application.pk)
    assert (edit.user, edit.action_flag, action.user, action.action_flag) == (
        staff,
        CHANGE,
        staff,
        CHANGE,
    )
    assert "Internal notes (staff only)" in edit.get_change_message()
    log_page = admin_client.get(f"/admin/admin/logentry/?user__id__exact={staff.pk}")
    text = log_page.content.decode()
    assert "Ran the action “Start review”." in text
    assert application.city_name in text

    versions = list(application.history.order_by("history_date"))
    assert [v.state for v in versions[-2:]] == [S.SUBMITTED, S.UNDER_REVIEW]
    assert all(v.history_user == staff for v in versions[-2:])


def test_a_failed_bulk_action_is_not_logged_as_done(admin_client):
    draft = factories.ApplicationFactory()  # a draft cannot be declined
    admin_client.post(
        "/admin/cities/application/", {"action": "decline", "_selected_action": [draft.pk]}
    )
    assert _log(Application, draft.pk) == []


def test_the_log_speaks_the_readers_language(admin_client, staff):
    application = factories.ApplicationFactory(state=S.SUBMITTED)
    admin_client.post(
        "/admin/cities/application/", {"action": "decline", "_selected_action": [application.pk]}
    )
    admin_client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    page = admin_client.get("/admin/admin/logentry/", HTTP_ACCEPT_LANGUAGE="es")
    assert "Ejecutó la acción «Rechazar»." in page.content.decode()


def test_session_actions_are_logged(admin_client, staff):
    with scopes_disabled():
        session = factories.SessionFactory()
    admin_client.post(
        "/admin/cohorts/session/", {"action": "cancel_sessions", "_selected_action": [session.pk]}
    )
    (entry,) = _log(Session, session.pk)
    assert entry.user == staff
    assert "Cancel and tell the audience" in entry.change_message


def test_the_log_is_read_only_even_for_staff(admin_client, staff):
    application = factories.ApplicationFactory(state=S.SUBMITTED)
    admin_client.post(
        "/admin/cities/application/", {"action": "waitlist", "_selected_action": [application.pk]}
    )
    (entry,) = _log(Application, application.pk)
    url = f"/admin/admin/logentry/{entry.pk}/change/"
    assert admin_client.get(url).status_code == 200  # readable
    admin_client.post(url, {"change_message": "nothing happened"})
    admin_client.post(f"/admin/admin/logentry/{entry.pk}/delete/", {"post": "yes"})
    entry.refresh_from_db()
    assert "Waitlist" in entry.change_message


def test_staff_who_are_not_superusers_read_the_log(admin_client, staff):
    reader = factories.UserFactory(is_staff=True)
    client = Client()
    client.force_login(reader)
    assert client.get("/admin/admin/logentry/").status_code == 200


# --- the activity page ---------------------------------------------------------------------


@pytest.fixture
def world(db):
    return build_world()


def _activity(client, query=""):
    response = client.get(f"/staff/activity/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_activity_shows_who_changed_what_in_which_city(world, admin_client, staff):
    application = factories.ApplicationFactory(
        state=S.SUBMITTED, city=world.city, city_name="Alphaville"
    )
    admin_client.post(
        "/admin/cities/application/",
        {"action": "start_review", "_selected_action": [application.pk]},
    )
    page = _activity(admin_client, "?kind=application")
    assert "Rita Reviewer" in page
    assert "Alphaville (United States of America)" in page
    assert "Submitted → Under review" in page


def test_activity_never_shows_private_coach_notes(world, admin_client):
    coach = world.users["coach_a"]
    with scope(city=world.city):
        checkin = log_checkin(
            city=world.city,
            by=coach,
            values={
                "happened_at": timezone.now() - datetime.timedelta(hours=2),
                "duration_minutes": 45,
                "mode": "video",
                "summary": "Shared words.",
                "private_notes": "SECRET-IN-HISTORY-91",
                "lead_rag": "green",
                "lead_why": "On track.",
            },
            attendee_ids={world.users["member_a"].pk},
        )
        checkin.private_notes = "SECRET-IN-HISTORY-92"
        checkin.summary = "Shared words, revised."
        checkin.save()
    page = _activity(admin_client, f"?city={world.city.slug}&kind=checkin")
    assert "Check-in of" in page and str(coach) in page
    assert "SECRET-IN-HISTORY" not in page


def test_activity_filters_by_city(world, admin_client):
    with scopes_disabled():
        factories.ActionItemFactory(city=world.city, title="Alpha task")
        factories.ActionItemFactory(city=world.other_city, title="Beta task")
    page = _activity(admin_client, f"?city={world.city.slug}")
    assert "Alpha task" in page and "Beta task" not in page
    everything = _activity(admin_client)
    assert "Alpha task" in everything and "Beta task" in everything


def _changes(world, n):
    with scopes_disabled():
        for i in range(n):
            item = factories.ActionItemFactory(city=world.city, title=f"Item {i}")
            item.status = "done"
            item.save()
            factories.ApplicationFactory(city=world.city, city_name=f"Town {i}")
            factories.ShowcaseFactory(city=world.city)


@pytest.mark.parametrize("size", [1, 6])
def test_activity_query_count_does_not_grow(world, admin_client, size, django_assert_num_queries):
    _changes(world, size)
    # The same count at both sizes: the session, the user, the cities, then per kind of
    # record the latest versions and, for the kinds with edits, their previous versions.
    with django_assert_num_queries(18):
        admin_client.get("/staff/activity/")
