"""The API: sessions with the caller's RSVP, the RSVP action, the ledger with months."""

import datetime

from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from schedule.hours import city_today, credit_hours, month_starts
from schedule.models import Rsvp
from schedule.rsvp import rsvp
from tests import factories


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_sessions_carry_the_callers_rsvp(town, no_scope):
    answered = factories.SessionFactory(cohort=town.cohort, title="Answered")
    factories.SessionFactory(cohort=town.cohort, title="Open")
    factories.SessionFactory(cohort=town.cohort, title="Beta only", audience="city",
                             city=town.other)
    rsvp(session=answered, user=town.cdo, city=town.city, answer="maybe")

    data = _client(town.cdo).get(f"/api/v1/cities/{town.city.slug}/sessions/").json()

    assert data["count"] == 2
    assert {s["title"]: s["my_rsvp"] for s in data["results"]} == {"Answered": "maybe",
                                                                    "Open": None}


def test_the_rsvp_action_answers_and_errors_are_per_field(town):
    with scopes_disabled():
        session = factories.SessionFactory(cohort=town.cohort)
    url = f"/api/v1/cities/{town.city.slug}/sessions/{session.pk}/rsvp/"

    ok = _client(town.cdo).post(url, {"answer": "yes"}, format="json")
    bad = _client(town.cdo).post(url, {"answer": "sure"}, format="json")
    coach = _client(town.coach).post(url, {"answer": "yes"}, format="json")

    assert (ok.status_code, ok.json()["my_rsvp"]) == (200, "yes")
    assert bad.status_code == 400 and "answer" in bad.json()
    assert coach.status_code == 403
    with scopes_disabled():
        assert list(Rsvp.objects.values_list("user_id", "answer")) == [(town.cdo.pk, "yes")]


def test_hours_lists_entries_and_months_against_the_commitment(town, no_scope):
    credit_hours(city=town.city, user=town.cdo, hours=2, on_date=city_today(town.city),
                 source="self", source_key="self:api")

    data = _client(town.coach).get(f"/api/v1/cities/{town.city.slug}/hours/").json()

    assert data["count"] == 1 and data["results"][0]["hours"] == "2.00"
    current = data["months"][0]
    members = current.pop("members")
    assert current == {"month": city_today(town.city).strftime("%Y-%m"), "hours": "2.00",
                       "commitment": "5.0", "met": False}
    assert {(m["user"], m["hours"]) for m in members} == {(town.cdo.pk, "2.00"),
                                                          (town.policy.pk, "0.00")}
    # Six months back at most, and none before the city's cohort began.
    expected = [m.strftime("%Y-%m") for m in month_starts(city=town.city, months=6)
                if m >= town.cohort.starts_on]
    assert [m["month"] for m in data["months"]] == expected


def test_logging_hours_through_the_api_checks_the_input(town):
    url = f"/api/v1/cities/{town.city.slug}/hours/"
    yesterday = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()

    ok = _client(town.cdo).post(url, {"hours": "1.5", "on_date": yesterday,
                                      "note": "Assignment"}, format="json")
    bad = _client(town.cdo).post(url, {"hours": "-1", "on_date": yesterday, "note": "x"},
                                 format="json")

    assert ok.status_code == 201
    assert bad.status_code == 400 and "hours" in bad.json()
