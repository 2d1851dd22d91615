"""The browser harness checks the document that is really on screen.

CI once failed because axe ran while a clicked link's page was still replacing the one
before it (``documentElement`` was null). The harness waits for the document to load and,
when a navigation replaces the document axe is reading, checks the new one instead.
"""

import pytest
from playwright.sync_api import Error

from tests.browser import conftest
from tests.browser.conftest import assert_accessible, path_of, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@requires_chromium
def test_axe_checks_the_page_that_replaced_the_one_it_was_reading(page, live_server, monkeypatch):
    visit(page, f"{live_server.url}/accounts/login/", expect_status=200)
    real_run = conftest._axe.run
    checked = []

    def run_replaced_once(target):
        checked.append(path_of(target))
        if len(checked) == 1:
            # The page's own script navigates away while axe reads it.
            target.evaluate("() => { location.href = '/accounts/password/reset/'; }")
            target.wait_for_url("**/accounts/password/reset/", wait_until="commit")
            raise Error("Execution context was destroyed, most likely because of a navigation")
        return real_run(target)

    monkeypatch.setattr(conftest._axe, "run", run_replaced_once)
    results = assert_accessible(page)

    assert checked == ["/accounts/login/", "/accounts/password/reset/"]
    assert results.response["url"].endswith("/accounts/password/reset/")


@requires_chromium
def test_an_error_that_is_not_a_navigation_fails_at_once(page, live_server, monkeypatch):
    visit(page, f"{live_server.url}/accounts/login/", expect_status=200)
    calls = []

    def broken(target):
        calls.append(target.url)
        raise Error("axe is not defined")

    monkeypatch.setattr(conftest._axe, "run", broken)
    with pytest.raises(Error, match="axe is not defined"):
        assert_accessible(page)
    assert len(calls) == 1


@requires_chromium
def test_a_clicked_link_is_checked_once_its_page_has_loaded(page, live_server):
    visit(page, f"{live_server.url}/accounts/login/", expect_status=200)
    page.locator("a[href='/accounts/password/reset/']").first.click()

    assert path_of(page) == "/accounts/password/reset/"
    assert page.evaluate("() => document.readyState") == "complete"
    conftest.snap(page)
    # This document was checked by axe and saved (1: the login page, 2: this one).
    assert page.evaluate("() => window.__civicAxe === true && window.__civicScreenshot === true")
    assert page.civic_shots.count == 2
