"""Logging in, in a real browser: each person lands where they work and nowhere else."""

import re

import pytest

from tests.browser.conftest import assert_accessible, login, path_of, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@requires_chromium
def test_city_team_member_lands_on_their_city_home(page, live_server, demo):
    login(page, live_server, "cdo@riverton.demo.test")

    assert path_of(page) == "/c/riverton/"
    heading = page.locator("h1").first
    assert "Riverton" in heading.inner_text()
    assert_accessible(page)


@requires_chromium
def test_another_city_is_not_found(page, live_server, demo):
    login(page, live_server, "cdo@riverton.demo.test")

    visit(page, f"{live_server.url}/c/lakeside/", expect_status=404)

    body = page.inner_text("body")
    assert re.search(r"not found", body, re.IGNORECASE), body
    # Nobody learns that the other city exists.
    assert "Lakeside" not in body
    assert_accessible(page)


@requires_chromium
def test_anonymous_visitor_is_sent_to_login_and_back(page, live_server, demo):
    visit(page, f"{live_server.url}/c/riverton/", expect_status=200)

    assert path_of(page) == "/accounts/login/"
    assert "next=/c/riverton/" in page.url.replace("%2F", "/")
    assert_accessible(page)

    login(page, live_server, "cdo@riverton.demo.test")
    assert path_of(page) == "/c/riverton/"


@requires_chromium
def test_staff_member_reaches_the_staff_landing(page, live_server, demo):
    login(page, live_server, "staff@demo.test")

    visit(page, f"{live_server.url}/staff/", expect_status=200)
    assert path_of(page) == "/staff/"
    assert page.locator("h1").first.is_visible()
    assert_accessible(page)
