"""iCalendar (.ics) for sessions: the per-session download, the personal feed and e-mails.

Each session keeps its ``uid`` forever and raises ``sequence`` when it moves or is
cancelled, so Google, Outlook and Apple calendars update their copy instead of adding one.
Times are written in the session's own time zone (with its VTIMEZONE), so every calendar
shows them in its owner's zone.
"""

from datetime import UTC, datetime

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

PRODID = "-//Civic Accelerator//Sessions//EN"


def _session_link(session, city):
    if city is None:
        return ""
    path = reverse("schedule:session", kwargs={"city": city.slug, "session_id": session.pk})
    return settings.SITE_URL.rstrip("/") + path


def session_event(*, session, city=None):
    """The VEVENT of one session (``city``: whose portal the event links to)."""
    zone = session.zone
    event = icalendar.Event()
    event.add("uid", session.uid)
    event.add("sequence", session.sequence)
    event.add("dtstamp", datetime.now(UTC))
    event.add("last-modified", session.updated_at or timezone.now())
    event.add("dtstart", timezone.localtime(session.starts_at, zone))
    event.add("dtend", timezone.localtime(session.ends_at, zone))
    event.add("summary", session.title)
    link = _session_link(session, city)
    description = "\n\n".join(
        part for part in (session.description, session.video_url, link) if part
    )
    if description:
        event.add("description", description)
    if session.location or session.video_url:
        event.add("location", session.location or session.video_url)
    if link:
        event.add("url", link)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    event.add("categories", [session.get_kind_display()])
    return event


def build_calendar(*, sessions, name="", city_for=None, method="PUBLISH"):
    """An .ics document (bytes) with one VEVENT per session.

    ``city_for(session)`` returns the city whose portal link goes into the event.
    ``method`` is ``PUBLISH`` for downloads and feeds, ``CANCEL`` for a cancellation mail.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for session in sessions:
        city = city_for(session) if city_for else None
        calendar.add_component(session_event(session=session, city=city))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def session_ics(*, session, city=None):
    """The .ics of one session (a download or an e-mail attachment)."""
    method = "CANCEL" if session.is_cancelled else "PUBLISH"
    return build_calendar(sessions=[session], city_for=lambda s: city, method=method)


def ics_filename(session):
    return f"session-{session.pk}.ics"
