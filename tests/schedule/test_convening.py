"""The mayor at the convening: one rule on cohort health, the staff calendar and the
mayor's home. Attendance recorded after the fact counts; before, the mayor's yes."""

import datetime

from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from dashboards.health import AMBER, GREEN, RED, cohort_health
from schedule.attendance import mark_attendance
from schedule.rsvp import rsvp
from schedule.scheduling import schedule_session


def _convening(town, *, days):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)
    return schedule_session(
        cohort=town.cohort, kind="convening", title=f"Convening day {days}", starts_at=start,
        ends_at=start + datetime.timedelta(hours=3), audience="mayors",
        location="Civic Center",
    )


def _cells(town):
    return {row.city.pk: row.cells["convening"] for row in cohort_health(cohort=town.cohort)}


def _staff_calendar(town):
    client = Client()
    client.force_login(town.staff)
    return client.get(f"/staff/cohorts/{town.cohort.slug}/").content.decode()


def test_mayors_marked_present_at_a_past_convening_are_green_everywhere(town, no_scope):
    past = _convening(town, days=-3)
    for mayor, city in ((town.mayor, town.city), (town.other_mayor, town.other)):
        mark_attendance(session=past, user=mayor, city=city, by=town.staff)

    cells = _cells(town)
    page = _staff_calendar(town)

    assert [(c.rag, str(c.text)) for c in cells.values()] == [(GREEN, "Attended")] * 2
    assert "not confirmed" not in page and "Every mayor was marked present." in page


def test_a_past_convening_without_attendance_is_flagged_as_such(town, no_scope):
    past = _convening(town, days=-3)
    with scopes_disabled():
        from schedule.models import Rsvp

        Rsvp.objects.create(session=past, user=town.mayor, city=town.city, answer="yes")
    mark_attendance(session=past, user=town.other_mayor, city=town.other, by=town.staff)

    cells = _cells(town)
    page = _staff_calendar(town)

    assert (cells[town.city.pk].rag, str(cells[town.city.pk].text)) == (
        AMBER, "Said yes; attendance not recorded"
    )
    assert cells[town.other.pk].rag == GREEN
    assert "1 of 2 mayors is not marked present" in page


def test_before_the_convening_a_yes_is_what_counts(town, no_scope):
    soon = _convening(town, days=5)
    later = _convening(town, days=40)
    for session in (soon, later):
        rsvp(session=session, user=town.mayor, city=town.city, answer="yes")
    rsvp(session=later, user=town.other_mayor, city=town.other, answer="yes")

    cells = _cells(town)

    assert (cells[town.city.pk].rag, str(cells[town.city.pk].text)) == (GREEN, "Confirmed")
    assert (cells[town.other.pk].rag, str(cells[town.other.pk].text)) == (RED, "Not confirmed")


def test_held_and_coming_sessions_combine(town, no_scope):
    held, coming = _convening(town, days=-2), _convening(town, days=30)
    mark_attendance(session=held, user=town.mayor, city=town.city, by=town.staff)
    rsvp(session=coming, user=town.mayor, city=town.city, answer="yes")
    mark_attendance(session=held, user=town.other_mayor, city=town.other, by=town.staff)

    cells = _cells(town)

    assert cells[town.city.pk].rag == GREEN
    assert (cells[town.other.pk].rag, str(cells[town.other.pk].text)) == (AMBER, "Not confirmed")


def test_the_mayors_home_asks_for_exactly_the_sessions_staff_see_unconfirmed(town, no_scope):
    confirmed, open_one = _convening(town, days=10), _convening(town, days=12)
    held = _convening(town, days=-1)
    rsvp(session=confirmed, user=town.mayor, city=town.city, answer="yes")
    client = Client()
    client.force_login(town.mayor)

    home = client.get(f"/c/{town.city.slug}/").content.decode()
    page = _staff_calendar(town)

    assert home.count("Please confirm you will attend") == 1
    assert open_one.title in home and held.title not in home.split("What needs you")[1][:800]
    assert page.count("2 of 2 mayors have not confirmed") == 1  # the open one
    assert "2 of 2 mayors are not marked present" in page  # the one held yesterday
