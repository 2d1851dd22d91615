"""The pages that write their rows in Python escape each value as the template did."""

import datetime
from decimal import Decimal

import pytest
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from common.escaping import escaped


class _OwnHtml:
    def __html__(self):
        return "<b>kept</b>"

    def __str__(self):
        return "<b>not this</b>"


# Named ids: a repr with an address differs between pytest-xdist's workers.
VALUES = {
    "text": "Riverton",
    "markup": "<script>alert('x')</script> & \"quotes\"",
    "accents": "São Paulo — Ñuñoa",
    "safe": mark_safe("<em>already safe</em>"),
    "lazy": gettext_lazy("Withdrew on %(day)s"),
    "own-html": _OwnHtml(),
    "int": 42,
    "decimal": Decimal("7.50"),
    "none": None,
    "date": datetime.date(2026, 12, 3),
    "empty": "",
}


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
def test_a_value_is_written_as_the_template_writes_it(value, language):
    with override(language):
        assert escaped(value) == str(conditional_escape(value))
