"""Showing a session's time in the viewer's zone, with the session's own zone when it differs.

The viewer's zone is the active one: the signed-in person's on pages, the recipient's in
e-mails (the notifications engine activates it while rendering).
"""

import zoneinfo

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from schedule.commitment import hours_this_month
from schedule.hours import ledger_note as note_of

register = template.Library()


def day_format():
    """The format of a session's day: "D, M j, Y" in English ("Tue, Mar 3, 2026"),
    translated for the others ("mar 3 de mar de 2026" would be wrong in Spanish)."""
    return pgettext("date format of a session's day (Django date syntax)", "D, M j, Y")


@register.filter
def session_day(value):
    """A session's day in the active language, e.g. "Tue, Mar 3, 2026"."""
    return formats.date_format(timezone.localtime(value), day_format()) if value else ""


def _zone_label(name):
    return name.replace("_", " ")


def session_when_text(session, zone=None):
    """E.g. "Tue, Mar 3, 2026 · 15:00–16:00 America/Los Angeles (18:00–19:00 America/New York)".

    ``zone``: the viewer's zone (default: the active one).
    """
    return when_text(session.starts_at, session.ends_at, session.time_zone, zone)


def _day_of(moment):
    return formats.date_format(moment, day_format())


def when_text(starts_at, ends_at, time_zone, zone=None, day=_day_of):
    """:func:`session_when_text` of a session's start, end and own zone's name; ``day``
    writes a local moment's day (a list of sessions may write each day once)."""
    zone = zone or timezone.get_current_timezone()
    start = timezone.localtime(starts_at, zone)
    end = timezone.localtime(ends_at, zone)
    text = f"{day(start)} · {start:%H:%M}–{end:%H:%M}" if start.date() == end.date() else (
        f"{day(start)} {start:%H:%M} – {day(end)} {end:%H:%M}"
    )
    text = f"{text} {_zone_label(getattr(zone, 'key', str(zone)))}"
    own = zoneinfo.ZoneInfo(time_zone)
    own_start = timezone.localtime(starts_at, own)
    if own_start.utcoffset() != start.utcoffset():
        own_end = timezone.localtime(ends_at, own)
        text += " " + _("(%(start)s–%(end)s %(zone)s)") % {
            "start": f"{own_start:%H:%M}", "end": f"{own_end:%H:%M}",
            "zone": _zone_label(time_zone),
        }
    return text


@register.simple_tag
def session_when(session):
    """The session's date and time for the viewer (see :func:`session_when_text`)."""
    return session_when_text(session)


@register.filter
def hours(value):
    """Hours without trailing zeros, for the locale: 1.50 → 1.5 (1,5 in Spanish), 2.00 → 2."""
    if value is None:
        return ""
    if hasattr(value, "normalize"):
        value = value.normalize()
    return formats.number_format(value)


@register.inclusion_tag("schedule/_hours_card.html")
def hours_card(city):
    """The city home's card: this month's hours against the commitment."""
    return {"city": city, "total": hours_this_month(city=city)}


@register.filter
def ledger_note(entry):
    """A training-hours line's note in the reader's language (``schedule.hours.ledger_note``)."""
    return note_of(entry)
