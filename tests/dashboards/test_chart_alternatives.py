"""Charts carry their figures as text (WCAG 1.1.1): the training-hours bars and the strategy
roadmap are images with a name, and their text alternative gives the same figures as the
picture draws."""

import datetime
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from types import SimpleNamespace

from dashboards.charts import BAR_WIDTH, GAP, HEIGHT, hours_bars
from strategy.roadmap import LABEL_WIDTH, QUARTER_WIDTH, roadmap_svg, roadmap_table

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = [
    (datetime.date(2026, 9, 1), Decimal("3.5"), Decimal("6")),
    (datetime.date(2026, 10, 1), Decimal("8"), Decimal("6")),
    (datetime.date(2026, 11, 1), Decimal("0"), Decimal("6")),
]


def _parse(svg):
    """The SVG as an element tree (the hours chart has no xmlns: give it one)."""
    text = str(svg)
    if "xmlns=" not in text:
        text = text.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return ET.fromstring(text)


def test_hours_chart_is_a_named_image_whose_description_gives_each_bars_figures():
    root = _parse(hours_bars(MONTHS, city=SimpleNamespace(name="Riverton")))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Training hours per month, Riverton"
    description = root.find(f"{SVG}desc").text
    said = re.findall(r"(\w+ \d{4}): ([\d.]+) of ([\d.]+) hours", description)
    assert said == [
        ("September 2026", "3.5", "6.0"),
        ("October 2026", "8.0", "6.0"),
        ("November 2026", "0.0", "6.0"),
    ]

    # The bars drawn say the same: one per month, in order, as tall as the hours.
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == len(said)
    scale = (HEIGHT - 2) / 8  # the tallest figure (8 hours) fills the chart
    for index, (bar, (_month, hours, commitment)) in enumerate(zip(bars, said, strict=True)):
        assert float(bar.get("x")) == index * (BAR_WIDTH + GAP)
        assert float(bar.get("height")) == round(float(hours) * scale, 1)
        assert bar.get("class") == ("met" if float(hours) >= float(commitment) else "short")
    line = root.find(f"{SVG}line")
    assert float(line.get("y1")) == round(HEIGHT - 6 * scale, 1)


def test_hours_chart_for_no_months_draws_nothing():
    assert hours_bars([], city=SimpleNamespace(name="Riverton")) == ""


SNAPSHOT = {
    "city": "Riverton",
    "components": [
        {
            "title": "Governance",
            "initiatives": [
                {
                    "title": "Data stewards network",
                    "year": 1,
                    "quarters": [1, 2],
                    "owner": "CDO",
                    "status": "planned",
                },
                {
                    "title": "Data policy",
                    "year": 2,
                    "quarters": [],
                    "owner": "",
                    "status": "planned",
                },
            ],
        },
        {
            "title": "Transparency",
            "initiatives": [
                {
                    "title": "Open data portal with a very long title that is cut in the picture",
                    "year": 3,
                    "quarters": [2, 3],
                    "owner": "IT",
                    "status": "in_progress",
                },
            ],
        },
    ],
}


def _bar_span(bar):
    """(year, first quarter, last quarter) a roadmap bar covers on the 12-quarter axis."""
    first = round((float(bar.get("x")) - 2 - LABEL_WIDTH) / QUARTER_WIDTH)
    last = first + round((float(bar.get("width")) + 4) / QUARTER_WIDTH) - 1
    return first // 4 + 1, first % 4 + 1, last % 4 + 1


def test_roadmap_is_a_named_image_and_its_table_gives_the_same_initiatives_and_quarters():
    root = _parse(roadmap_svg(SNAPSHOT, id_prefix="rm"))
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    texts = {el.get("id"): el.text for el in root if el.get("id")}
    assert [texts[i] for i in ids] == [
        "Three-year roadmap of Riverton",
        "3 initiatives placed by year and quarter for each component; the table that "
        "follows gives the same information.",
    ]

    rows = roadmap_table(SNAPSHOT)
    assert [(r["component"], r["title"], r["when"]) for r in rows] == [
        ("Governance", "Data stewards network", "Year 1, Q1, Q2"),
        ("Governance", "Data policy", "Year 2"),
        (
            "Transparency",
            "Open data portal with a very long title that is cut in the picture",
            "Year 3, Q2, Q3",
        ),
    ]
    # Each bar the picture draws sits where its table row says (a year without quarters
    # spans the whole year).
    bars = [r for r in root.findall(f"{SVG}rect") if r.get("rx")]
    assert len(bars) == len(rows)
    spans = sorted(_bar_span(bar) for bar in bars)
    assert spans == [(1, 1, 2), (2, 1, 4), (3, 2, 3)]
