"""Charts as a screen reader gets them, from Chromium's accessibility tree: the cohort
health's hours bars and the strategy roadmap are images with a name, and their text
alternative (description, table) holds the same figures as the page's tables."""

import re

import pytest

from tests.browser.conftest import assert_accessible, login, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def accessible(page, selector):
    """[(role, name, description)] of every element matching ``selector``."""
    cdp = page.context.new_cdp_session(page)
    found = []
    for index in range(page.locator(selector).count()):
        handle = cdp.send(
            "Runtime.evaluate", {"expression": f"document.querySelectorAll({selector!r})[{index}]"}
        )
        tree = cdp.send(
            "Accessibility.getPartialAXTree",
            {"objectId": handle["result"]["objectId"], "fetchRelatives": False},
        )
        node = tree["nodes"][0]
        found.append(
            tuple((node.get(key) or {}).get("value", "") for key in ("role", "name", "description"))
        )
    cdp.detach()
    return found


@requires_chromium
def test_health_hours_charts_read_out_the_figures_of_the_hours_table(page, live_server, demo):
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/cohorts/demo-cohort/health/", expect_status=200)
    assert_accessible(page)

    # The table under "Training hours by month, as a table" (closed): hours per city, month.
    table = page.locator("details.card table")
    months = [m.strip() for m in table.locator("thead th").all_text_contents()[1:-1]]
    expected = {}
    for row in table.locator("tbody tr").all():
        city = row.locator("th").text_content().strip()
        hours = [float(h) for h in row.locator("td").all_text_contents()[:-1]]
        expected[city] = list(zip(months, hours, strict=True))

    charts = accessible(page, "table.health svg[role=img]")
    assert len(charts) == len(expected) > 0
    for role, name, description in charts:
        assert role == "image"
        city = name.removeprefix("Training hours per month, ")
        assert city in expected, name
        said = [
            (month, float(hours))
            for month, hours in re.findall(r"(\w+ \d{4}): ([\d.]+) of [\d.]+ hours", description)
        ]
        assert said == expected[city], f"{name}: {description}"


@requires_chromium
def test_roadmap_is_named_and_its_table_lists_every_bar(page, live_server, demo):
    login(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{live_server.url}/c/riverton/strategy/step/roadmap/", expect_status=200)
    assert_accessible(page)

    [(role, name, description)] = accessible(page, "svg.roadmap-svg")
    assert role == "image"
    assert name.startswith("Three-year roadmap of Riverton")
    bars = page.locator("svg.roadmap-svg rect[rx]").count()
    rows = page.locator("table.roadmap-table tbody tr").count()
    assert bars == rows > 0
    assert f"{rows} initiatives placed by year and quarter" in name + " " + description
