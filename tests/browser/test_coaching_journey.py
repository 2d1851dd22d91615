"""Coaching in a real browser (axe on every page): the demo coach logs a check-in with two
action items, the CDO sees the summary and the items on the city home, and the mayor
answers the coach's request for a decision."""

import re

import pytest

from tests.browser.conftest import assert_accessible, login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUMMARY = "Inventory finished; the stewards network meets monthly from now on."
PRIVATE = "Dana needs backing from the city manager on the stewards."


def sign_in_as(page, live_server, email):
    page.context.clear_cookies()
    return login(page, live_server, email)


def submit(page, button_name):
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name=button_name).first.click()
    snap(page)


@requires_chromium
def test_a_checkin_its_actions_and_the_mayors_answer(page, live_server, demo):
    base = live_server.url

    # The coach sees their city and logs a check-in from the quick form.
    sign_in_as(page, live_server, "coach@demo.test")
    visit(page, f"{base}/coach/", expect_status=200)
    main = page.inner_text("main")
    assert "Riverton" in main and "Lakeside" not in main
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Log a check-in")).first.click()
    page.wait_for_load_state("load")
    assert path_of(page) == "/c/riverton/coaching/checkins/new/"
    # Nobody is ticked in advance (a ticked box credits hours): the coach ticks who came.
    assert not page.get_by_label("Dana Data").is_checked()
    page.get_by_label("Dana Data").check()
    assert_accessible(page)

    page.fill("#id_summary", SUMMARY)
    page.fill("#id_private_notes", PRIVATE)
    # The draft saves itself as the coach types.
    page.wait_for_function(
        "() => document.querySelector('[data-autosave-status]').textContent"
        ".includes('Draft saved')"
    )
    assert re.fullmatch(r"/c/riverton/coaching/checkins/\d+/", path_of(page))
    page.check('input[name="lead_rag"][value="green"]')
    page.fill("#id_lead_why", "The mayor presented the data vision to the council.")
    page.fill("#id_decisions", "Publish the inventory internally.")
    page.fill("#id_action-0-title", "Share the inventory with every department")
    page.select_option("#id_action-0-owner", label="Dana Data")
    page.fill("#id_action-0-due_on", "2099-01-15")
    page.fill("#id_action-1-title", "Prepare the open-data briefing")
    page.select_option("#id_action-1-owner", label="Casey Coach")
    page.fill("#id_action-1-due_on", "2099-01-20")
    submit(page, "Log check-in")
    assert path_of(page) == "/c/riverton/coaching/"
    main = page.inner_text("main")
    assert "Check-in logged." in main and SUMMARY in main
    assert_accessible(page)

    # The CDO sees the summary and the items, never the private notes.
    sign_in_as(page, live_server, "cdo@riverton.demo.test")
    assert path_of(page) == "/c/riverton/"
    home = page.inner_text("main")
    assert "Share the inventory with every department" in home
    assert "Prepare the open-data briefing" in home
    assert_accessible(page)
    page.get_by_role("navigation", name="City").get_by_role("link", name="Coaching").click()
    page.wait_for_load_state("load")
    snap(page)
    coaching = page.inner_text("main")
    assert SUMMARY in coaching and PRIVATE not in page.content()
    assert_accessible(page)

    # The mayor answers the request on the city home.
    sign_in_as(page, live_server, "mayor@riverton.demo.test")
    assert path_of(page) == "/c/riverton/"
    assert "Should Riverton publish its datasets as open data by default?" in page.inner_text(
        "main")
    assert_accessible(page)
    page.get_by_label("Your answer").first.fill("Yes: open by default, with a privacy review.")
    submit(page, "Send my answer")
    assert path_of(page) == "/c/riverton/"
    assert "your answer was sent to the coach" in page.inner_text("main")
    assert_accessible(page)
    visit(page, f"{base}/c/riverton/coaching/", expect_status=200)
    assert "Yes: open by default, with a privacy review." in page.inner_text("main")
    assert_accessible(page)
