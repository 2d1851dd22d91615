"""A session at 18:00 in New York, seen from Los Angeles and São Paulo, on both sides of
the US daylight-saving change (14 March 2027): in pages, e-mails and the calendar feed.

São Paulo has no daylight saving, so 18:00 New York is 20:00 there in winter (EST) and
19:00 after the change (EDT); Los Angeles changes on the same day as New York (15:00).
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import Client
from django_scopes import scopes_disabled

from notifications.models import EmailOutbox
from schedule.scheduling import create_weekly_series, move_session, schedule_session
from tests.schedule.conftest import at

BEFORE_CHANGE = at(2027, 3, 11, 18)  # Thursday, EST (UTC-5)
AFTER_CHANGE = at(2027, 3, 18, 18)  # Thursday, EDT (UTC-4)


def _workshop(town, starts_at, title="Data inventory workshop"):
    return schedule_session(
        cohort=town.cohort, kind="workshop", title=title, starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1), time_zone="America/New_York",
    )


def _page(user, session, town):
    client = Client()
    client.force_login(user)
    return client.get(f"/c/{town.city.slug}/schedule/{session.pk}/").content.decode()


@pytest.mark.parametrize(
    ("starts_at", "los_angeles", "sao_paulo"),
    [(AFTER_CHANGE, "15:00–16:00", "19:00–20:00"), (BEFORE_CHANGE, "15:00–16:00",
                                                     "20:00–21:00")],
    ids=["after-us-dst-change", "before-us-dst-change"],
)
def test_session_page_shows_the_viewers_time_and_the_sessions_own(
    town, starts_at, los_angeles, sao_paulo
):
    session = _workshop(town, starts_at)

    la_page = _page(town.cdo, session, town)
    sp_page = _page(town.policy, session, town)
    ny_page = _page(town.mayor, session, town)

    assert f"{los_angeles} America/Los Angeles (18:00–19:00 America/New York)" in la_page
    assert f"{sao_paulo} America/Sao Paulo (18:00–19:00 America/New York)" in sp_page
    # The New Yorker sees the session's own time, without a second zone.
    assert "18:00–19:00 America/New York" in ny_page
    assert "(18:00–19:00 America/New York)" not in ny_page


def test_schedule_list_and_month_view_use_the_viewers_zone(town):
    _workshop(town, AFTER_CHANGE)
    client = Client()
    client.force_login(town.policy)

    listing = client.get(f"/c/{town.city.slug}/schedule/").content.decode()
    month = client.get(f"/c/{town.city.slug}/schedule/?view=month&month=2027-03").content.decode()

    assert "19:00–20:00 America/Sao Paulo" in listing
    assert "19:00 Data inventory workshop" in month


def test_a_weekly_series_keeps_18_00_new_york_across_the_change(town):
    first = _workshop(town, BEFORE_CHANGE)

    (second,) = create_weekly_series(session=first, weeks=2)

    assert second.starts_at == AFTER_CHANGE
    # One hour less than a week of real time: the clocks went forward in between.
    utc = datetime.UTC
    assert second.starts_at.astimezone(utc) - first.starts_at.astimezone(utc) == (
        datetime.timedelta(days=7, hours=-1)
    )
    assert "19:00–20:00 America/Sao Paulo" in _page(town.policy, second, town)
    assert "20:00–21:00 America/Sao Paulo" in _page(town.policy, first, town)


def test_the_moved_session_email_shows_each_persons_time(town, django_capture_on_commit_callbacks):
    session = _workshop(town, BEFORE_CHANGE)

    with django_capture_on_commit_callbacks(execute=True):
        move_session(session=session, starts_at=AFTER_CHANGE)

    with scopes_disabled():
        moved = EmailOutbox.objects.filter(record__event="session.moved")
        bodies = {e.to: e.body_text for e in moved}
    assert "15:00–16:00 America/Los Angeles" in bodies[town.cdo.email]
    assert "19:00–20:00 America/Sao Paulo" in bodies[town.policy.email]
    assert "18:00–19:00 America/New York" in bodies[town.mayor.email]


def test_the_feed_puts_the_session_at_18_00_new_york(town):
    _workshop(town, AFTER_CHANGE)
    _workshop(town, BEFORE_CHANGE, title="Winter workshop")
    client = Client()

    feed = client.get(f"/calendar/{town.policy.calendar_token}.ics")

    calendar = icalendar.Calendar.from_ical(feed.content)
    starts = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
    summer, winter = starts["Data inventory workshop"], starts["Winter workshop"]
    assert summer.astimezone(ZoneInfo("America/Los_Angeles")).hour == 15
    assert summer.astimezone(ZoneInfo("America/Sao_Paulo")).hour == 19
    assert winter.astimezone(ZoneInfo("America/Los_Angeles")).hour == 15
    assert winter.astimezone(ZoneInfo("America/Sao_Paulo")).hour == 20
    assert summer.tzinfo is not None and winter.utcoffset() == datetime.timedelta(hours=-5)
