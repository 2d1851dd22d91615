"""Staff filter the cohort health dashboard, open a red cell and export what they see."""

import io

import pytest
from openpyxl import load_workbook

from tests.browser.conftest import assert_accessible, login, path_of, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@requires_chromium
def test_staff_filter_open_a_red_cell_and_export_xlsx(page, live_server, demo):
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/")
    current = page.locator("tr", has_text="(demo cohort)")
    current.get_by_role("link", name="Cohort health").click()
    assert path_of(page) == "/staff/cohorts/demo-cohort/health/"
    assert_accessible(page)

    # The demo cohort has two US cities: Greenfield (Jordan Coach) and Riverton (Casey Coach).
    page.get_by_label("Country").select_option("US")
    page.get_by_role("button", name="Apply").click()
    rows = page.locator("table.health tbody th[scope=row]")
    assert [t.splitlines()[0] for t in rows.all_inner_texts()] == ["Greenfield", "Riverton"]
    assert all("United States" in t for t in rows.all_inner_texts())

    # Both filters at once: Riverton's coach among the US cities leaves Riverton alone.
    from accounts.models import User

    coach = User.objects.get(email="coach@demo.test")
    page.get_by_label("Coach").select_option(str(coach.pk))
    page.get_by_role("button", name="Apply").click()
    assert page.get_by_label("Country").input_value() == "US"
    assert rows.all_inner_texts() == [t for t in rows.all_inner_texts() if "Riverton" in t]
    assert rows.count() == 1

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export XLSX").click()
    sheet = load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read())).active
    exported = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert exported == ["Riverton"]

    red = page.locator("td.health-red a").first
    target = red.get_attribute("href")
    red.click()
    assert path_of(page) == target
    assert_accessible(page)
