"""The schedule in a real browser: a team member opens the schedule, answers a session's
invitation and downloads its .ics; staff tick attendance; the city's hours go up."""

import datetime
import re
from decimal import Decimal

import icalendar
import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible, login, path_of, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _month_hours(page, month_label):
    row = page.locator("table.months tr").filter(has=page.get_by_role("rowheader",
                                                                       name=month_label))
    return Decimal(row.locator("td.month-hours").inner_text().strip())


def _sign_out(page):
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Sign out").click()


@requires_chromium
def test_member_rsvps_downloads_ics_staff_mark_attendance_hours_update(page, live_server,
                                                                      demo):
    from django_scopes import scopes_disabled

    from cohorts.models import Cohort
    from schedule.scheduling import schedule_session

    with scopes_disabled():
        cohort = Cohort.objects.get(enrollments__city__slug="riverton")
    started = (timezone.now() - datetime.timedelta(hours=3)).replace(microsecond=0)
    workshop = schedule_session(
        cohort=cohort, kind="workshop",
        title="Browser journey workshop", starts_at=started,
        ends_at=started + datetime.timedelta(hours=2),
    )
    month_label = timezone.localtime(started, workshop.zone).strftime("%B %Y")

    # 1. The team member opens the schedule from the city navigation.
    login(page, live_server, "cdo@riverton.demo.test")
    city_nav = page.get_by_role("navigation", name="City")
    city_nav.get_by_role("link", name="Schedule").click()
    page.wait_for_load_state("load")
    assert path_of(page) == "/c/riverton/schedule/"
    assert page.get_by_role("heading", name="Upcoming").is_visible()
    assert_accessible(page)

    # 2. The month view.
    page.get_by_role("link", name="Month").click()
    page.wait_for_load_state("load")
    assert page.locator("table.month").is_visible()
    assert_accessible(page)

    # 3. Open the next workshop and answer "Maybe".
    visit(page, f"{live_server.url}/c/riverton/schedule/")
    upcoming = page.locator("section[aria-labelledby=upcoming-heading] h3 a",
                            has_text="Workshop:").first
    title = upcoming.inner_text()
    upcoming.click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert_accessible(page)
    page.get_by_label("Maybe").check()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Save my answer").click()
    assert "You answered: Maybe." in page.inner_text("main")
    assert_accessible(page)

    # 4. Download the session's .ics: one event, the session's stable UID.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    ics = download_info.value.path().read_bytes()
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [title]
    assert re.fullmatch(r"\S+@civic-accelerator", str(events[0]["UID"]))

    # 5. The hours before attendance is marked.
    visit(page, f"{live_server.url}/c/riverton/hours/", expect_status=200)
    before = _month_hours(page, month_label)
    assert_accessible(page)
    _sign_out(page)

    # 6. Staff tick the member on the attendance checklist.
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/sessions/{workshop.pk}/attendance/",
          expect_status=200)
    assert_accessible(page)
    page.get_by_label("Dana Data").check()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Save attendance").click()
    assert "Attendance saved" in page.inner_text("main")
    assert page.get_by_label("Dana Data").is_checked()
    assert_accessible(page)

    # 7. The city's hours went up by the workshop's two hours.
    visit(page, f"{live_server.url}/c/riverton/hours/", expect_status=200)
    assert _month_hours(page, month_label) == before + 2
    ledger = page.locator("table.ledger").inner_text()
    assert "Browser journey workshop" in ledger
    # Each senior-team member against the commitment, and the rule in words.
    assert "only when every active senior-team member met it" in page.inner_text("main")
    members = page.locator("table.members")
    assert members.get_by_role("rowheader", name="Dana Data").is_visible()
    assert "Mayor" not in members.locator("th[scope=row]").all_inner_texts()
    assert_accessible(page)
