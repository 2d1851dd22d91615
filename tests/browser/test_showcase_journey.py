"""A showcase from draft to the practice library, in a real browser (axe on every page):
the CDO submits it with evidence, the coach asks for a revision, the team resubmits, the
coach accepts, staff schedule it and approve publication, and the other demo city finds it
in the library."""

import re

import pytest

from demo import samples
from tests.browser.conftest import assert_accessible, login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Street-light outage routine"


def sign_in_as(page, live_server, email):
    page.context.clear_cookies()
    return login(page, live_server, email)


def submit(page, button_name):
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name=button_name).first.click()
    snap(page)


@requires_chromium
def test_a_showcase_from_draft_to_the_library(page, live_server, demo):
    base = live_server.url

    # The CDO drafts the showcase, adds evidence and submits it.
    sign_in_as(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{base}/c/riverton/showcases/", expect_status=200)
    assert_accessible(page)
    page.get_by_role("link", name="New showcase").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.fill("#id_title", TITLE)
    page.select_option("#id_practice_type", "data_routine")
    page.select_option("#id_pillar", "lead")
    page.fill("#id_what_changed", "Outages reported by residents are mapped every morning.")
    page.fill("#id_who_involved", "Public works and the data office.")
    page.fill("#id_impact", "Outages fixed within 3 days, expected up from 50% to 80%.")
    page.fill("#id_sustainment_owner", "Public works director")
    page.fill("#id_sustainment_how", "A morning stand-up uses the map; monthly review.")
    page.fill("#id_sustainment_review_on", "2027-06-01")
    submit(page, "Save draft")
    assert "Draft saved." in page.inner_text("main")
    showcase_path = path_of(page)
    assert re.fullmatch(r"/c/riverton/showcases/\d+/", showcase_path)

    page.get_by_role("link", name="Add evidence").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.fill("#id_title", "Outage map summary")
    page.set_input_files("#id_file", files=[{
        "name": "outage-map.pdf", "mimeType": "application/pdf",
        "buffer": samples.pdf_bytes("Outage map"),
    }])
    submit(page, "Add evidence")
    assert page.get_by_role("link", name="Outage map summary").is_visible()
    submit(page, "Submit to coach")
    assert "Submitted" in page.inner_text("main")
    assert_accessible(page)

    # The coach asks for a revision.
    sign_in_as(page, live_server, "coach@demo.test")
    visit(page, base + showcase_path, expect_status=200)
    page.get_by_role("link", name="Give feedback").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.fill("#id_strengths", "A clear owner and a daily routine.")
    page.fill("#id_suggestions", "Add last quarter's baseline.")
    page.check("#id_revision_requested")
    submit(page, "Send feedback")
    assert "Feedback sent to the team." in page.inner_text("main")

    # The team revises and resubmits.
    sign_in_as(page, live_server, "cdo@riverton.demo.test")
    visit(page, base + showcase_path, expect_status=200)
    assert "Your coach asked for a revision." in page.inner_text("main")
    assert "Add last quarter's baseline." in page.inner_text("main")
    assert_accessible(page)
    page.get_by_role("link", name="Edit").click()
    page.wait_for_load_state("load")
    page.fill("#id_impact", "Fixed within 3 days: 50% last quarter, 78% this month.")
    submit(page, "Save draft")
    submit(page, "Resubmit to coach")
    assert "Resubmitted" in page.inner_text("main")

    # The coach accepts.
    sign_in_as(page, live_server, "coach@demo.test")
    visit(page, base + showcase_path, expect_status=200)
    submit(page, "Accept showcase")
    assert "Accepted. The team has been told." in page.inner_text("main")
    assert_accessible(page)

    # Staff schedule it in the showcase session.
    sign_in_as(page, live_server, "staff@demo.test")
    visit(page, f"{base}/staff/showcases/", expect_status=200)
    assert_accessible(page)
    form = page.get_by_role("form", name=f"Schedule {TITLE}")
    form.locator("select").select_option(index=1)
    with page.expect_navigation(wait_until="load"):
        form.get_by_role("button", name="Place in session").click()
    assert f"{TITLE} is scheduled." in page.inner_text("main")
    sessions = page.get_by_role("region", name="Showcase sessions")
    assert TITLE in sessions.inner_text()

    # The city agrees to share it; staff approve.
    sign_in_as(page, live_server, "cdo@riverton.demo.test")
    visit(page, base + showcase_path, expect_status=200)
    assert "Scheduled in" in page.inner_text("main")
    submit(page, "Share in the practice library")
    sign_in_as(page, live_server, "staff@demo.test")
    visit(page, f"{base}/staff/showcases/", expect_status=200)
    submit(page, f"Publish {TITLE}")
    assert f"{TITLE} is published in the library." in page.inner_text("main")

    # The other demo city finds it in the library.
    sign_in_as(page, live_server, "cdo@lakeside.demo.test")
    visit(page, f"{base}/library/", expect_status=200)
    assert_accessible(page)
    page.fill("#id_q", "street-light")
    page.select_option("#id_pillar", "lead")
    # Lakeside's CDO reads the site in Spanish, so the button is found by its place.
    with page.expect_navigation(wait_until="load"):
        page.locator("form[role=search] button[type=submit]").click()
    assert page.get_by_role("link", name="311 response-time routine").count() == 0
    assert_accessible(page)
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_load_state("load")
    assert "Riverton" in page.inner_text("main")
    assert page.get_by_role("link", name="Outage map summary").is_visible()
    assert_accessible(page)
