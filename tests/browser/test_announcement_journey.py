"""Staff write an announcement to every mayor of the demo cohort, preview it as a
Spanish-speaking mayor, schedule it for tomorrow morning in the program's zone; the due
dispatch runs; the page shows it delivered to each mayor."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible, login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Convening travel: book by Friday"


@requires_chromium
def test_staff_schedule_an_announcement_to_all_mayors_and_see_it_delivered(
        page, live_server, demo):
    from announcements.models import Announcement, AnnouncementStatus
    from announcements.sending import dispatch_due_announcements
    from cohorts.models import Cohort

    cohort = Cohort.objects.get(slug="demo-cohort")
    zone = zoneinfo.ZoneInfo(cohort.time_zone)
    tomorrow = timezone.localdate(timezone.now(), zone) + datetime.timedelta(days=1)

    # 1. From the staff home to the cohort's announcements.
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/")
    page.locator("tr", has_text="(demo cohort)").get_by_role(
        "link", name="Announcements").click()
    assert path_of(page) == "/staff/cohorts/demo-cohort/announcements/"
    snap(page)

    # 2. Write it in English and Spanish, to every mayor.
    page.get_by_label("Subject (English)").fill(SUBJECT)
    page.get_by_label("Text (English)").fill("Please book your travel by Friday.")
    page.get_by_label("Subject (Spanish)").fill("Viaje a la convención: reserven antes del "
                                                "viernes")
    page.get_by_label("Text (Spanish)").fill("Por favor reserven su viaje antes del viernes.")
    page.get_by_label("Mayors", exact=True).check()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Save and preview").click()
    snap(page)
    assert "Announcement saved" in page.inner_text("body")

    # 3. Preview it as Lakeside's mayor (Spanish).
    option = page.get_by_label("Preview as").locator("option", has_text="Lakeside").first
    page.get_by_label("Preview as").select_option(option.get_attribute("value"))
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Show").click()
    snap(page)
    assert "reserven antes del viernes" in page.locator("article").inner_text()

    # 4. A time in the past is refused; tomorrow 09:00 is accepted.
    yesterday = tomorrow - datetime.timedelta(days=2)
    page.get_by_label("Date").fill(yesterday.isoformat())
    page.get_by_label("Time", exact=True).fill("09:00")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Schedule it").click()
    assert "Choose a time in the future" in page.inner_text("body")
    assert_accessible(page)
    page.get_by_label("Date").fill(tomorrow.isoformat())
    page.get_by_label("Time", exact=True).fill("09:00")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Schedule it").click()
    snap(page)
    assert "Announcement scheduled." in page.inner_text("body")
    announcement = Announcement.objects.get(subject_en=SUBJECT)
    assert announcement.status == AnnouncementStatus.SCHEDULED
    assert announcement.send_at == datetime.datetime.combine(
        tomorrow, datetime.time(9, 0), tzinfo=zone)

    # 5. The dispatch runs once it is due (Celery beat, every minute).
    assert dispatch_due_announcements(
        now=announcement.send_at + datetime.timedelta(minutes=1)) >= 1

    # 6. The page shows it delivered to each mayor.
    visit(page, f"{live_server.url}{path_of(page)}", expect_status=200)
    rows = page.locator("table tbody tr")
    assert rows.count() >= 2
    assert all("Delivered by e-mail" in text for text in rows.all_inner_texts())
    assert any("Lakeside" in text and "Spanish" in text for text in rows.all_inner_texts())
    visit(page, f"{live_server.url}/staff/cohorts/demo-cohort/announcements/",
          expect_status=200)
    assert SUBJECT in page.inner_text("table")
