"""What a request may send, parsed once for the whole site: JSON bodies (nesting depth,
finite numbers), ids and months from query strings and forms, and the years a date may have.

Each parser answers with a plain-language message (``InputError``) instead of letting an
``OverflowError``, a ``RecursionError`` or ``int('²')`` become a 500.
"""

from __future__ import annotations

import datetime
import json
import math
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Dates outside these years are refused where they come in: converting year 1 or 9999
# between time zones, or adding a few days to them, overflows Python's datetime.
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_JSON_DEPTH = 32
MAX_ID = 2**63 - 1  # the largest id a database column holds
_MONTH = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})")


class InputError(ValueError):
    """The request sent something this site cannot read; ``str()`` is the message."""


def _finite_float(text):
    number = float(text)
    if not math.isfinite(number):
        raise InputError(_("Numbers must be finite; %(number)s is too large.") % {"number": text})
    return number


def _no_constant(name):
    raise InputError(_("%(name)s is not a number JSON allows.") % {"name": name})


def _depth(data):
    """How deeply ``data`` nests lists and objects (walked without recursion)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            break
        stack.extend((item, depth + 1) for item in value)
    return deepest


def load_json(raw):
    """Parse a JSON request body (``bytes`` or ``str``): no NaN or infinite numbers (``1e999``),
    at most ``MAX_JSON_DEPTH`` levels of lists and objects. Raises :class:`InputError`."""
    try:
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8")
        data = json.loads(raw, parse_float=_finite_float, parse_constant=_no_constant)
    except InputError:
        raise
    except RecursionError as error:
        raise InputError(_too_deep()) from error
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError included
        raise InputError(_("This is not valid JSON: %(problem)s") % {"problem": error}) from error
    if _depth(data) > MAX_JSON_DEPTH:
        raise InputError(_too_deep())
    return data


def _too_deep():
    return _("The JSON is nested too deeply (at most %(depth)s levels).") % {
        "depth": MAX_JSON_DEPTH
    }


def parse_id(raw):
    """A database id from a query string or form value: ASCII digits within range, else
    ``None`` (``'²'``, ``'1e999'``, ``'-0'`` and twenty-digit numbers are not ids)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw if 0 <= raw <= MAX_ID else None
    raw = str(raw or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 19:
        return None
    number = int(raw)
    return number if number <= MAX_ID else None


def parse_whole_number(raw):
    """An integer sent as a JSON number or as text (``7``, ``"-7"``, ``7.0``), else ``None``:
    no ``inf``, NaN, fractions, booleans or numbers beyond 64 bits."""
    if isinstance(raw, float):
        if not raw.is_integer():  # False for inf and NaN too
            return None
        raw = int(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw if -MAX_ID <= raw <= MAX_ID else None
    text = str(raw or "").strip() if isinstance(raw, str) else ""
    number = parse_id(text.removeprefix("-"))
    if number is None:
        return None
    return -number if text.startswith("-") else number


def parse_month(raw):
    """The first day of the ``YYYY-MM`` month ``raw`` names, within the supported years.
    Raises :class:`InputError` with a message naming what was sent."""
    match = _MONTH.fullmatch(str(raw).strip())
    if match:
        year, month = int(match["year"]), int(match["month"])
        if 1 <= month <= 12 and MIN_YEAR <= year <= MAX_YEAR:
            return datetime.date(year, month, 1)
        if 1 <= month <= 12:
            raise InputError(_year_message())
    raise InputError(_("“%(month)s” is not a month; use YYYY-MM.") % {"month": raw})


def _year_message():
    return _("Enter a date between the years %(first)s and %(last)s.") % {
        "first": MIN_YEAR, "last": MAX_YEAR
    }


def validate_supported_year(value):
    """A validator for date and date-time fields: the year lies in MIN_YEAR..MAX_YEAR."""
    if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(_year_message(), code="year_out_of_range")


DATE_FIELDS = (forms.DateField, forms.DateTimeField, forms.SplitDateTimeField)


class SupportedYearsMixin:
    """For a form: every date and date-time field refuses years outside MIN_YEAR..MAX_YEAR
    (``tests/fuzz/test_extreme_values.py`` checks that every form with dates has it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, DATE_FIELDS):
                field.validators.append(validate_supported_year)
