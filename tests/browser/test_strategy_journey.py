"""The strategy from a component to an approved PDF, in a real browser (axe on every page):
the CDO fills a component and sees it saved, submits it; the mayor requests changes with a
comment; the team revises and resubmits; the mayor approves; the PDF downloads."""

import io

import pytest
from django_scopes import scopes_disabled
from pypdf import PdfReader

from tests.browser.conftest import assert_accessible, login, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_as(page, live_server, email):
    page.context.clear_cookies()
    return login(page, live_server, email)


def submit(page, button_name):
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name=button_name).first.click()
    snap(page)


def _send_demo_version_back():
    """The demo's version 1 waits for the mayor; she sent it back before this journey."""
    from accounts.models import User
    from strategy.models import Strategy
    from strategy.review import request_changes

    with scopes_disabled():
        strategy = Strategy.objects.get(city__slug="riverton")
        request_changes(strategy=strategy, user=User.objects.get(
            email="mayor@riverton.demo.test"), comment="Please complete transparency.")


@requires_chromium
def test_strategy_from_component_to_approved_pdf(page, live_server, demo):
    base = f"{live_server.url}/c/riverton/strategy"
    _send_demo_version_back()

    # The CDO fills the transparency component; autosave says it is saved.
    sign_in_as(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{base}/", expect_status=200)
    assert "Please complete transparency." in page.inner_text("main")
    assert_accessible(page)
    page.get_by_role("link", name="Transparency").first.click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.get_by_label("Target state in three years", exact=True).fill(
        "An open data portal residents use, and public progress reports on every priority.")
    page.get_by_label("Goals", exact=True).fill(
        "Publish 50 high-value datasets\nReport progress quarterly")
    page.locator("label[for=maturity-2]").click()
    status = page.locator("#save-state")
    status.filter(has_text="Saved at").wait_for()
    snap(page, force=True)
    visit(page, f"{base}/step/component-transparency/", expect_status=200)
    assert "Publish 50 high-value datasets" in page.get_by_label("Goals", exact=True).input_value()
    assert page.locator("#maturity-2").is_checked()

    # … and submits version 2 to the mayor.
    visit(page, f"{base}/step/review/", expect_status=200)
    assert_accessible(page)
    submit(page, "Submit for the mayor's review")
    assert "Version 2 is with the mayor for review." in page.inner_text("main")

    # The mayor reads it and requests changes with a comment.
    sign_in_as(page, live_server, "mayor@riverton.demo.test")
    visit(page, f"{base}/read/", expect_status=200)
    assert_accessible(page)
    page.get_by_label("Request changes").check()
    page.get_by_label("Comment for the team").fill("Name who owns the open data portal.")
    submit(page, "Send decision")
    assert "The team has been asked for changes." in page.inner_text("main")
    assert_accessible(page)

    # The team revises (a plain form post) and resubmits version 3.
    sign_in_as(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{base}/", expect_status=200)
    assert "Name who owns the open data portal." in page.inner_text("main")
    visit(page, f"{base}/step/vision/", expect_status=200)
    page.get_by_label("Vision statement").fill(
        "By 2029 Riverton runs on timely, trusted and open data.")
    submit(page, "Save")
    assert "Saved at" in page.inner_text("main")
    visit(page, f"{base}/step/review/", expect_status=200)
    submit(page, "Submit for the mayor's review")
    assert "Version 3 is with the mayor for review." in page.inner_text("main")
    visit(page, f"{base}/versions/3/diff/", expect_status=200)
    assert any("open" in text for text in page.locator("ins").all_inner_texts())
    assert_accessible(page)

    # The mayor approves.
    sign_in_as(page, live_server, "mayor@riverton.demo.test")
    visit(page, f"{base}/read/", expect_status=200)
    page.get_by_label("Approve the strategy").check()
    submit(page, "Send decision")
    assert "You approved the strategy." in page.inner_text("main")
    assert "Approved by Mayor Morgan Reyes" in page.inner_text("main")
    assert_accessible(page)

    # The PDF: "preparing…" refreshes itself until the download is offered.
    visit(page, f"{base}/pdf/", expect_status=200)
    download_link = page.get_by_role("link", name="Download the PDF")
    download_link.wait_for(timeout=30_000)
    assert_accessible(page)
    with page.expect_download() as info:
        download_link.click()
    with open(info.value.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Riverton" in text and "Roadmap" in text
    assert "Approved by Mayor Morgan Reyes" in text


@requires_chromium
def test_two_people_typing_in_the_same_section_see_both_versions(page, browser, live_server,
                                                                  demo):
    from strategy.models import Strategy

    base = f"{live_server.url}/c/riverton/strategy"
    _send_demo_version_back()
    sign_in_as(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{base}/step/vision/", expect_status=200)

    other_context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    try:
        other = other_context.new_page()
        login(other, live_server, "manager@riverton.demo.test")
        other.goto(f"{base}/step/vision/", wait_until="load")
        other.get_by_label("Vision statement").fill("Sam's vision: open by default.")
        other.locator("#save-state").filter(has_text="Saved at").wait_for()
    finally:
        other_context.close()

    # Dana, still on the page loaded before Sam saved, types too: nothing is overwritten.
    page.get_by_label("Vision statement").fill("Dana's vision: trusted data.")
    panel = page.locator("#conflict-panel")
    panel.wait_for(state="visible")
    snap(page, force=True)
    assert "Sam's vision: open by default." in panel.inner_text()
    assert "Dana's vision: trusted data." in panel.inner_text()
    assert "Not saved" in page.locator("#save-state").inner_text()
    with scopes_disabled():
        assert Strategy.objects.get(city__slug="riverton").vision == (
            "Sam's vision: open by default.")
    assert_accessible(page)

    # She merges in the form and keeps her version, deliberately.
    page.get_by_label("Vision statement").fill("Trusted data, open by default.")
    page.get_by_role("button", name="Save my version (as in the form)").click()
    page.locator("#save-state").filter(has_text="Saved at").wait_for()
    with scopes_disabled():
        assert Strategy.objects.get(city__slug="riverton").vision == (
            "Trusted data, open by default.")
