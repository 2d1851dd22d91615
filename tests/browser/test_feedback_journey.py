"""A CDO rates a workshop from the inbox and staff see it in the figures: Riverton's CDO
attended a workshop that ended this morning; the asking task tells them in the inbox; they
open it, forget the rating (the page says so at the field), rate it 4 with two comments, see
it among their answers; staff open the cohort's feedback from the staff home and find the
answer counted under workshops and the session, with the comments."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import User
from cities.models import City
from cohorts.models import Cohort
from feedback.models import SessionFeedback
from feedback.tasks import ask
from schedule.attendance import mark_attendance
from tests import factories
from tests.browser.conftest import assert_accessible, login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Workshop: open data portals in practice"


@requires_chromium
def test_a_cdo_rates_a_workshop_from_the_inbox_and_staff_see_it(page, live_server, demo):
    cohort = Cohort.objects.get(slug="demo-cohort")
    riverton = City.objects.get(slug="riverton")
    cdo = User.objects.get(email="cdo@riverton.demo.test")
    end = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(hours=2)
    workshop = factories.SessionFactory(
        cohort=cohort, kind="workshop", title=TITLE, starts_at=end - datetime.timedelta(hours=2),
        ends_at=end)
    mark_attendance(session=workshop, user=cdo, city=riverton,
                    by=User.objects.get(email="staff@demo.test"))
    assert ask.delay().get() >= 1  # Celery beat's quarter-hourly asking

    # 1. The CDO finds the question in the inbox and follows it.
    login(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{live_server.url}/inbox/", expect_status=200)
    snap(page)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name=f"How was “{TITLE}”? Rate it in one minute").click()
    assert path_of(page) == f"/c/riverton/feedback/{workshop.pk}/"
    snap(page)
    assert "without your name" in page.inner_text("main")  # the demo program's choice

    # 2. Sent without a rating: the page says so at the field and keeps what was typed.
    page.get_by_label("What was most useful? (optional)").fill(
        "The walk-through of Lakeside's portal.")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Send my feedback").click()
    assert "Choose a rating" in page.inner_text("main")
    assert page.get_by_label("What was most useful? (optional)").input_value() == (
        "The walk-through of Lakeside's portal.")
    assert_accessible(page)
    with scopes_disabled():
        assert not SessionFeedback.objects.filter(session=workshop,
                                                  rating__isnull=False).exists()

    # 3. Rated 4 with both comments: saved, and listed among the CDO's answers.
    page.get_by_label("4 — Good").check()
    page.get_by_label("What should we change? (optional)").fill("Share the slides before.")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Send my feedback").click()
    assert path_of(page) == "/c/riverton/feedback/"
    snap(page)
    assert "your feedback is saved" in page.inner_text("main")
    row = page.locator("tr", has_text=TITLE)
    assert "4 of 5" in row.inner_text()
    with scopes_disabled():
        feedback = SessionFeedback.objects.get(session=workshop, user=cdo)
    assert (feedback.rating, feedback.to_change) == (4, "Share the slides before.")

    # 4. Staff: from the staff home to the cohort's feedback, where the answer is counted.
    page.context.clear_cookies()
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/", expect_status=200)
    with page.expect_navigation(wait_until="load"):
        page.locator("tr", has_text="(demo cohort)").get_by_role(
            "link", name="Session feedback").click()
    assert path_of(page) == f"/staff/cohorts/{cohort.slug}/feedback/"
    snap(page)
    cells = page.locator("table.feedback-sessions tr", has_text=TITLE).locator(
        "td").all_inner_texts()
    # kind, held on, asked, answered (rate), average, then people per rating 1 to 5
    assert cells[0] == "Workshop"
    assert (cells[2], cells[3].split()[0], cells[4]) == ("1", "1", "4.0")
    assert cells[5:] == ["0", "0", "0", "1", "0"]
    assert "Workshop" in page.locator("table.feedback-kinds").inner_text()

    # 5. The session's page has the comments, with the CDO's name (staff see names).
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name=TITLE).click()
    snap(page)
    answers = page.locator(".feedback-answer").all_inner_texts()
    assert any("Share the slides before." in a and "Dana Data" in a for a in answers)
