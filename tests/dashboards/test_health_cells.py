"""The health table's cells are written without template tags or format_html per cell
(dashboards.health_views): the same HTML Django's own escaping writes, for every kind of
value a cell holds."""

from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from dashboards.health import Cell
from dashboards.health_views import HEALTH_CELL, HOURS_CELL, _cells_html, _hours_html

VALUES = ["red", 'O\'Brien & <Sons> "quoted"', gettext_lazy("No data"),
          mark_safe("<b>kept</b>"), 42, 3.5, "—"]


def test_the_cells_are_what_format_html_join_writes():
    cells = [(Cell(rag, text), label, column, f"/c/{slug}/")
             for rag in ("red", "amber", "<x>") for text in VALUES
             for label, column, slug in ((VALUES[1], VALUES[2], "a&b"), ("Red", "Hours", "c"))]
    with override("es"):
        ours = _cells_html(cells)
        django = format_html_join("", HEALTH_CELL, (
            (cell.rag, url, label, column, cell.text) for cell, label, column, url in cells))
    assert ours == django
    assert "&lt;Sons&gt; &quot;quoted&quot;" in ours and "<b>kept</b>" in ours
    assert "Sin datos" in ours or "No data" in ours


def test_the_hours_cells_are_what_format_html_join_writes():
    months = [(None, hours, None) for hours in
              (Decimal("0"), Decimal("12.50"), Decimal("3.333"), 7, 1234.5)]
    for language in ("en", "es", "pt-br"):
        with override(language):
            assert _hours_html(months) == format_html_join("", HOURS_CELL, (
                (floatformat(hours, "-1"),) for _m, hours, _c in months))
