"""Staff open the demo cohort's impact report from cohort health, keep Mexico's cities,
read the figures, and download the PDF for the funder with the same filter."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.browser.conftest import login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@requires_chromium
def test_staff_open_the_impact_report_filter_by_country_and_download_the_pdf(
        page, live_server, demo):
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/cohorts/demo-cohort/health/", expect_status=200)
    page.get_by_role("link", name="Impact report for the funder").click()
    page.wait_for_load_state("load")
    assert path_of(page) == "/staff/cohorts/demo-cohort/impact/"
    snap(page)
    cities = page.locator("#hours-table tbody th[scope=row]")
    assert cities.count() == 11  # every city of the demo cohort
    glance = page.locator(".impact-glance").inner_text()
    assert "Strategies approved" in glance and "Training hours delivered" in glance
    assert "Data practice: criteria met" in glance  # the demo's baselines and ends

    # Mexico only: Lakeside and Puerto Sol, in every section.
    page.get_by_label("Country").select_option("MX")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Apply").click()
    snap(page)
    for key in ("assessment", "areas", "hours", "sessions", "showcases", "strategies",
                "feedback"):
        names = page.locator(f"#{key}-table tbody th[scope=row]").all_inner_texts()
        assert names == ["Lakeside", "Puerto Sol"], key
    hours = page.locator("#hours-table tfoot td").all_inner_texts()
    delivered = float(hours[1])
    assert delivered > 0  # the demo's ledger, not an empty report

    # The PDF for the funder, with the same filter.
    page.get_by_role("link", name="PDF for the funder").click()
    page.wait_for_load_state("load")
    assert path_of(page) == "/staff/cohorts/demo-cohort/impact/pdf/"
    download = page.get_by_role("link", name="Download the PDF")
    download.wait_for(timeout=90_000)  # the page refreshes itself until the PDF is made
    snap(page)
    with page.expect_download() as info:
        download.click()
    text = " ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(open(info.value.path(), "rb").read())).pages)
    text = re.sub(r"\s+", " ", text)
    assert "Impact report:" in text and "Cities in Mexico only." in text
    assert "Lakeside" in text and "Puerto Sol" in text and "Riverton" not in text
    assert f"All cities {hours[1]} {hours[2]}" in text  # the page's total, the PDF's total
