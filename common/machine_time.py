"""``{% load machine_time %}``: the machine-readable value of a ``<time datetime="…">``.

HTML accepts at most three digits of fractional seconds in a ``datetime`` attribute, so
``|date:'c'`` (which writes microseconds) is invalid. Every ``<time datetime>`` in the
templates uses this filter instead (``tests/test_time_elements.py`` checks):

    <time datetime="{{ event.at|machine_datetime }}">{{ event.at|date:"DATETIME_FORMAT" }}</time>

An aware datetime is written in UTC to the second (``2026-03-03T14:05:09Z``), a naive one
to the second without a zone, a date as ``2026-03-03``; anything else is ``""``.
"""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_datetime(value):
    """A valid HTML ``datetime`` attribute value for ``value`` (see the module docstring)."""
    if isinstance(value, datetime.datetime):
        value = value.replace(microsecond=0)
        if timezone.is_aware(value):
            return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
