"""The inbox in a real browser: the unread count in the header, reading one notification."""

import pytest

from tests.browser.conftest import assert_accessible, login, path_of, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    """The demo's people and the notifications demo part only: this journey needs nothing
    else, and does not depend on reference rows that other transactional tests flush."""
    from django.db import transaction
    from django_scopes import scopes_disabled

    from demo import accounts as accounts_demo
    from demo import notifications as notifications_demo

    demo = {}
    with transaction.atomic(), scopes_disabled():
        accounts_demo.seed(demo)
        notifications_demo.seed(demo)
    return demo


def unread_in_header(page):
    badge = page.locator("header .inbox-link .unread-count")
    return int(badge.get_attribute("data-unread")) if badge.count() else 0


@requires_chromium
def test_a_team_member_reads_a_notification_and_the_count_drops(page, live_server, demo):
    login(page, live_server, "cdo@riverton.demo.test")
    before = unread_in_header(page)
    assert before >= 2, page.inner_text("header")
    assert f"{before} unread" in page.locator("header .inbox-link").inner_text()

    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Inbox").click()
    assert path_of(page) == "/inbox/"
    assert page.locator("h1").inner_text() == "Inbox"
    assert page.locator(".inbox-item.unread").count() == before
    assert_accessible(page)

    first = page.locator(".inbox-item.unread").first
    subject = first.locator(".inbox-subject a").inner_text()
    with page.expect_navigation(wait_until="load"):
        first.get_by_role("button", name="Mark as read").click()
    assert path_of(page) == "/inbox/"
    assert unread_in_header(page) == before - 1
    assert page.locator(".inbox-item.unread").count() == before - 1
    read_item = page.locator(".inbox-item").filter(has_text=subject).first
    assert "unread" not in (read_item.get_attribute("class") or "")
    assert_accessible(page)

    # The notification links to what it is about: the city's page.
    with page.expect_navigation(wait_until="load"):
        read_item.locator(".inbox-subject a").click()
    assert path_of(page) == "/c/riverton/"


@requires_chromium
def test_preferences_page_is_accessible(page, live_server, demo):
    login(page, live_server, "mayor@riverton.demo.test")
    visit(page, f"{live_server.url}/inbox/preferences/", expect_status=200)
    page.get_by_label("In-app only").first.check()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Save preferences").click()
    assert page.locator(".messages").is_visible()
    assert_accessible(page)
