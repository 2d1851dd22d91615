"""Short labels the strategy shows in every language (quarters of a year)."""

from django.utils.functional import lazy
from django.utils.translation import gettext, pgettext


def year_label(number):
    """ "Year 2" in the active language."""
    return gettext("Year %(year)s") % {"year": number}


year_label_lazy = lazy(year_label, str)


def quarter_label(number):
    """ "Q2" in English, "T2" in Spanish and Portuguese: a quarter of a year, short."""
    return pgettext("quarter of a year, short", "Q%(number)s") % {"number": number}


quarter_label_lazy = lazy(quarter_label, str)


def quarters_text(numbers):
    """The quarters, e.g. "Q1, Q3", in the active language."""
    return ", ".join(quarter_label(n) for n in numbers)
