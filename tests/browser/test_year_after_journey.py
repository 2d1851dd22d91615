"""The year after: Harborview's coach sees quarter 3 late on the coach's home; the city's chief
data officer records quarter 3 (a bad link is refused where it was typed, then statuses, a
PDF as evidence and the metrics' actual values); the coach no longer sees it late and reads
the update in the city's history; staff see it in the cohort's alumni view."""

import pytest

from tests.browser.conftest import assert_accessible, login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INITIATIVES = {
    "Publish a citywide data inventory": "Done",
    "Monthly performance reviews with department heads": "In progress",
    "Open the 311 service data": "Delayed",
}


def _quarter_row(page, number):
    return page.locator("section[aria-labelledby=quarters-heading] tbody tr",
                        has_text=f"Quarter {number}")


@requires_chromium
def test_the_team_records_a_late_quarter_and_the_coach_sees_it(page, live_server, demo,
                                                                tmp_path):
    from django_scopes import scopes_disabled

    from followon.models import InitiativeUpdate

    # 1. The coach's home: Harborview's quarter 3 is late.
    login(page, live_server, "coach3@demo.test")
    visit(page, f"{live_server.url}/coach/")
    snap(page)
    late = page.locator("section", has_text="The year after: updates late")
    assert "Harborview" in late.inner_text() and "quarter 3 was due" in late.inner_text()
    page.context.clear_cookies()

    # 2. The team opens the year after: the late quarter is the one offered.
    login(page, live_server, "cdo@harborview.demo.test")
    visit(page, f"{live_server.url}/c/harborview/year-after/")
    assert path_of(page) == "/c/harborview/year-after/"
    snap(page)
    assert "Update for quarter 3" in page.inner_text("body")
    assert "Late" in _quarter_row(page, 3).inner_text()

    # 3. A link that is not a web address is refused at its field; nothing is saved.
    first = page.locator("fieldset", has_text="Publish a citywide data inventory")
    first.get_by_label("Status").select_option(label="Done")
    first.get_by_label("Evidence link").fill("inventory on the shared drive")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Save quarter 3").click()
    assert "Enter a web address starting with https://" in first.inner_text()
    assert_accessible(page)
    with scopes_disabled():
        assert not InitiativeUpdate.objects.filter(quarter=3).exists()

    # 4. The whole quarter, with a PDF as evidence.
    pdf = tmp_path / "inventory.pdf"
    pdf.write_bytes(b"%PDF-1.7\n% the published inventory\n")
    for title, status in INITIATIVES.items():
        row = page.locator("fieldset", has_text=title)
        row.get_by_label("Status").select_option(label=status)
        row.get_by_label("Note").fill(f"{title}: where we are.")
    first.get_by_label("Evidence link").fill("https://data.harborview.example/inventory")
    first.get_by_label("Evidence file (PDF, PNG, JPEG, CSV or XLSX)").set_input_files(str(pdf))
    page.locator("fieldset", has_text="Departments holding monthly").get_by_label(
        "Actual value").fill("5")
    page.locator("fieldset", has_text="Datasets published").get_by_label(
        "Actual value").fill("29")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Save quarter 3").click()
    snap(page)
    assert "Quarter 3 saved" in page.inner_text("body")
    assert "Late" not in _quarter_row(page, 3).inner_text()
    with scopes_disabled():
        assert InitiativeUpdate.objects.filter(quarter=3).count() == 3
    page.context.clear_cookies()

    # 5. The coach: nothing late any more; the city's history shows quarter 3.
    login(page, live_server, "coach3@demo.test")
    visit(page, f"{live_server.url}/coach/")
    assert "The year after: updates late" not in page.inner_text("body")
    visit(page, f"{live_server.url}/c/harborview/year-after/?quarter=3")
    snap(page)
    history = page.locator("section", has_text="History, quarter by quarter")
    row = history.locator("tr", has_text="Open the 311 service data")
    assert "Delayed" in row.inner_text()
    assert "File: inventory.pdf" in history.inner_text()
    page.context.clear_cookies()

    # 6. Staff: the cohort's alumni view.
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/cohorts/past-cohort/alumni/")
    snap(page)
    body = page.inner_text("body")
    assert "Harborview" in body and "0 cities are late with an update" in body
    quarter_3 = page.locator("tr", has_text="Quarter 3")
    assert "3 of 3 initiatives, 2 of 2 metrics" in quarter_3.inner_text()
