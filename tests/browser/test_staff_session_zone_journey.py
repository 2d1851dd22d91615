"""Staff in New York add a session planned in Mexico City time in the admin; a Riverton
member (New York) sees it at their own time, with the session's own, on the schedule and in
their calendar feed; a Lakeside member (Mexico City, Spanish) sees 13:30."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible, login, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEXICO_CITY = ZoneInfo("America/Mexico_City")
NEW_YORK = ZoneInfo("America/New_York")
TITLE = "Zone journey workshop"


def _sign_out(page, name="Sign out"):
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name=name).click()


def _session_field(page, label):
    """The session form's own field with this label: the materials inline below it labels
    its cells too (a "Title" column), so look only in the session's fieldset."""
    return page.locator("#session_form fieldset.module.aligned").get_by_label(label)


def _entry(page):
    """The text of the journey's session on the schedule list."""
    return page.locator("section[aria-labelledby=upcoming-heading] li",
                        has_text=TITLE).first.inner_text()


@requires_chromium
def test_staff_add_a_session_in_its_zone_and_each_city_sees_its_own_time(page, live_server,
                                                                        demo):
    from django_scopes import scopes_disabled

    from cohorts.models import Cohort
    from schedule.models import Session

    with scopes_disabled():
        cohort = Cohort.objects.get(enrollments__city__slug="riverton")
    day = timezone.localdate(timezone.now(), MEXICO_CITY) + datetime.timedelta(days=3)
    starts = datetime.datetime.combine(day, datetime.time(13, 30), tzinfo=MEXICO_CITY)
    in_new_york = starts.astimezone(NEW_YORK)
    new_york_times = (f"{in_new_york:%H:%M}–"
                      f"{in_new_york + datetime.timedelta(minutes=90):%H:%M}")
    assert in_new_york.utcoffset() != starts.utcoffset()  # the journey needs two zones

    # 1. Staff (New York) add the session in the admin, typing Mexico City time.
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/admin/cohorts/session/add/", expect_status=200)
    _session_field(page, "Cohort").select_option(label=str(cohort))
    _session_field(page, "Kind").select_option(label="Workshop")
    _session_field(page, "Title").fill(TITLE)
    _session_field(page, "Time zone").select_option("America/Mexico_City")
    _session_field(page, "Starts at").fill(day.isoformat())
    _session_field(page, "Start time").fill("13:30")
    _session_field(page, "Ends at").fill(day.isoformat())
    _session_field(page, "End time").fill("15:00")
    _session_field(page, "Audience").select_option(label="Everyone")
    snap(page, force=True)  # the form as typed
    with page.expect_navigation(wait_until="load"):
        page.locator('input[name="_save"]').click()
    assert "was added successfully" in page.inner_text("body")
    assert_accessible(page)
    with scopes_disabled():
        session = Session.objects.get(title=TITLE)
    assert session.starts_at == starts

    # 2. The change form shows the session's own time back, and the list says the zone.
    assert f"{day:%Y-%m-%d} 13:30 America/Mexico_City" in page.inner_text("#result_list")
    visit(page, f"{live_server.url}/admin/cohorts/session/{session.pk}/change/",
          expect_status=200)
    assert _session_field(page, "Start time").input_value() == "13:30"
    assert _session_field(page, "Starts at").input_value() == day.isoformat()
    _sign_out(page, name="Log out")  # the admin's own button

    # 3. A Riverton member (New York) sees their time and the session's own.
    login(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{live_server.url}/c/riverton/schedule/", expect_status=200)
    assert f"{new_york_times} America/New York (13:30–15:00 America/Mexico City)" in _entry(page)

    # 4. … and their calendar feed puts it at 13:30 Mexico City, their 14:30.
    visit(page, f"{live_server.url}/calendar/", expect_status=200)
    feed = page.request.get(page.locator("#feed-url").input_value())
    assert feed.status == 200
    (event,) = [e for e in icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")
                if str(e["SUMMARY"]) == TITLE]
    start = event.decoded("DTSTART")
    assert start == starts
    assert f"{start.astimezone(NEW_YORK):%H:%M}" == f"{in_new_york:%H:%M}"
    assert str(event["DTSTART"].params["TZID"]) == "America/Mexico_City"
    _sign_out(page)

    # 5. A Lakeside member (Mexico City, in Spanish) sees 13:30, with no second zone.
    login(page, live_server, "cdo@lakeside.demo.test")
    visit(page, f"{live_server.url}/c/lakeside/schedule/", expect_status=200)
    entry = _entry(page)
    assert "13:30–15:00 America/Mexico City" in entry
    assert "America/New York" not in entry
