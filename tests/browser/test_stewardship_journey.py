"""Data stewardship in a real browser (axe on every page): Riverton's administrator (the
CDO) exports the city's data and downloads the archive; the mayor deletes their account."""

import io
import json
import zipfile

import pytest

from tests.browser.conftest import DEMO_PASSWORD, assert_accessible, login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def click_and_wait(page, role, name):
    with page.expect_navigation(wait_until="load"):
        page.get_by_role(role, name=name).first.click()
    snap(page)


@requires_chromium
def test_the_administrator_exports_and_downloads_the_citys_data(page, live_server, demo):
    base = live_server.url
    login(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{base}/c/riverton/", expect_status=200)
    click_and_wait(page, "link", "Data export")
    assert path_of(page) == "/c/riverton/export/"
    assert "No export has been made yet." in page.inner_text("main")
    assert_accessible(page)

    click_and_wait(page, "button", "Export all of the city's data")
    assert "Your export is being prepared." in page.inner_text("main")
    assert_accessible(page)  # tasks run in-process here, so it is ready already

    with page.expect_download() as info:
        page.get_by_role("link", name="Download").first.click()
    download = info.value
    assert download.suggested_filename.startswith("riverton-data-export-")
    with open(download.path(), "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    assert json.loads(archive.read("README.json"))["city"]["slug"] == "riverton"
    assert json.loads(archive.read("city.json"))["name"] == "Riverton"

    visit(page, f"{base}/inbox/", expect_status=200)
    assert "The data export of Riverton is ready" in page.inner_text("main")
    assert_accessible(page)


@requires_chromium
def test_a_person_deletes_their_account(page, live_server, demo):
    base = live_server.url
    login(page, live_server, "mayor@riverton.demo.test")
    visit(page, f"{base}/inbox/preferences/", expect_status=200)
    click_and_wait(page, "link", "Delete your account")
    assert path_of(page) == "/account/delete/"
    assert_accessible(page)

    page.get_by_label("Your password").fill("not my password")
    click_and_wait(page, "button", "Delete my account")
    assert "That is not your password." in page.inner_text("main")
    assert_accessible(page)

    page.get_by_label("Your password").fill(DEMO_PASSWORD)
    click_and_wait(page, "button", "Delete my account")
    assert path_of(page) == "/"
    assert "Your account has been deleted." in page.inner_text("main")
    assert_accessible(page)

    visit(page, f"{base}/accounts/login/", expect_status=200)
    form = page.locator("form").filter(has=page.locator('input[name="password"]')).first
    form.locator('input[name="login"]').fill("mayor@riverton.demo.test")
    form.locator('input[name="password"]').fill(DEMO_PASSWORD)
    with page.expect_navigation(wait_until="load"):
        form.locator('[type="submit"]').first.click()
    assert path_of(page) == "/accounts/login/"  # the old address no longer signs in
