"""Labels every app shows in every language."""

from django.utils.text import get_text_list
from django.utils.translation import pgettext


def and_list(items):
    """ "A, B and C" in the active language ("A, B y C", "A, B e C")."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return get_text_list(items, pgettext("joins the last two items of a list", "and"))
