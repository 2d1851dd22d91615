"""A chart drawn again from the same figures (dashboards.charts keeps the last ones drawn) is
the chart drawn afresh, in the language active at the time."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from django.utils import translation

from dashboards import charts

MONTHS = [(date(2026, 1, 1), Decimal("12.5"), Decimal("10")),
          (date(2026, 2, 1), Decimal("3"), Decimal("10"))]


def test_a_chart_kept_is_the_chart_drawn_afresh_in_each_language():
    city = SimpleNamespace(name="Riverton")
    for language in ("en", "es", "pt-br"):
        with translation.override(language):
            charts._drawn.cache_clear()
            afresh = charts.hours_bars(MONTHS, city=city)
            kept = charts.hours_bars(list(MONTHS), city=city)
            assert kept == afresh
    with translation.override("es"):
        spanish = charts.hours_bars(MONTHS, city=city)
    with translation.override("en"):
        assert charts.hours_bars(MONTHS, city=city) != spanish
