"""One value escaped for HTML the way Django's templates escape it, for the pages that write
their rows in Python (admin lists, the coaching page, the schedule, cohort health)."""

import html

from django.utils.functional import Promise


def escaped(value):
    """``value`` as ``{{ value }}`` (:func:`~django.utils.html.conditional_escape`) writes
    it: its own HTML when it has one (``__html__``), otherwise its text HTML-escaped
    (``html.escape``, which Django's ``escape`` calls). A lazy translation is its text."""
    if isinstance(value, Promise):
        value = str(value)
    as_html = getattr(value, "__html__", None)
    return as_html() if as_html is not None else html.escape(str(value))
