"""``.ics`` attachments for session e-mail (icalendar).

A stable ``uid`` per session and a growing ``sequence`` make a calendar replace the event
when it moves instead of adding a second one; ``method="CANCEL"`` removes it::

    from notifications.calendar import CalendarEvent, ics_attachment

    event = CalendarEvent(
        uid=f"session-{session.pk}@civic-accelerator", sequence=session.sequence,
        start=session.start, end=session.end, summary=session.title,
        description=..., location=session.place or session.video_link,
    )
    notify("session.scheduled", ..., attachments=[ics_attachment([event])])
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from icalendar import Calendar, Event

PRODID = "-//Civic Accelerator//Sessions//EN"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: datetime
    end: datetime
    summary: str
    sequence: int = 0
    description: str = ""
    location: str = ""
    url: str = ""


def _get(event, name, default=None):
    if isinstance(event, dict):
        return event.get(name, default)
    return getattr(event, name, default)


def build_ics(events, method="REQUEST"):
    """An iCalendar document (bytes) for ``events`` with ``METHOD:REQUEST`` or ``CANCEL``.

    ``events`` are :class:`CalendarEvent`, or any objects/dicts with ``uid``, ``sequence``,
    ``start``, ``end``, ``summary``, ``description``, ``location`` (and optional ``url``).
    Times must be aware; they are written in UTC.
    """
    method = method.upper()
    if method not in ("REQUEST", "CANCEL", "PUBLISH"):
        raise ValueError(f"Unsupported iCalendar method: {method}")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    stamp = datetime.now(UTC)
    for item in events:
        event = Event()
        event.add("uid", _get(item, "uid"))
        event.add("sequence", int(_get(item, "sequence", 0) or 0))
        event.add("dtstamp", stamp)
        event.add("dtstart", _get(item, "start").astimezone(UTC))
        event.add("dtend", _get(item, "end").astimezone(UTC))
        event.add("summary", _get(item, "summary", ""))
        if _get(item, "description"):
            event.add("description", _get(item, "description"))
        if _get(item, "location"):
            event.add("location", _get(item, "location"))
        if _get(item, "url"):
            event.add("url", _get(item, "url"))
        event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
        event.add("organizer", f"mailto:{_organizer()}")
        calendar.add_component(event)
    return calendar.to_ical()


def _organizer():
    from email.utils import parseaddr

    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "noreply@civic.test"


def ics_attachment(events, method="REQUEST", filename="invite.ics"):
    """An outbox attachment (for ``notify(attachments=[...])``) carrying :func:`build_ics`."""
    method = method.upper()
    return {
        "filename": filename,
        "mimetype": "text/calendar",
        "method": method,
        "content": build_ics(events, method=method).decode("utf-8"),
    }
