"""On a phone the header folds into a "Menu" and a "City menu" button, which work with
JavaScript switched off (they are <details> disclosures), and the page keeps its width."""

import pytest

from tests.browser.checks import PHONE, PHONE_HEADER_MAX
from tests.browser.conftest import DEMO_PASSWORD
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser):
    """A phone-sized page with JavaScript switched off."""
    context = browser.new_context(locale="en-US", viewport=PHONE, java_script_enabled=False)
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@requires_chromium
def test_the_menus_fold_on_a_phone_and_open_without_javascript(phone, live_server, demo):
    phone.goto(f"{live_server.url}/accounts/login/")
    phone.fill('input[name="login"]', "mayor@riverton.demo.test")
    phone.fill('input[name="password"]', DEMO_PASSWORD)
    with phone.expect_navigation():
        phone.locator('form [type="submit"]').last.click()
    assert phone.url.endswith("/c/riverton/")

    header = phone.locator("header.site-header")
    assert header.bounding_box()["height"] <= PHONE_HEADER_MAX
    # Folded: the links are hidden until the person asks for them.
    library = phone.get_by_role("link", name="Practice library")
    strategy = phone.get_by_role("link", name="Strategy", exact=True)
    assert not library.is_visible() and not strategy.is_visible()

    phone.get_by_text("City menu", exact=True).click()
    assert strategy.is_visible()
    with phone.expect_navigation():
        strategy.click()
    assert phone.url.endswith("/c/riverton/strategy/")

    phone.locator("summary", has_text="Menu").first.click()
    assert library.is_visible()
    assert phone.get_by_role("button", name="Sign out").is_visible()
    with phone.expect_navigation():
        library.click()
    assert "/library/" in phone.url
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
