"""Telling a session's audience about it: one message per city, each with the .ics.

Every person reads the session's time in their own time zone (the notifications engine
renders each message in the recipient's zone and language).
"""

from cohorts.audience import invited_memberships
from cohorts.calendar import ics_filename, session_ics


def ics_attachment(*, session, city=None):
    """The session's .ics as an outbox attachment."""
    method = "CANCEL" if session.is_cancelled else "PUBLISH"
    return {
        "filename": ics_filename(session),
        "mimetype": "text/calendar",
        "method": method,
        "content": session_ics(session=session, city=city).decode("utf-8"),
    }


def recipients_by_city(*, session):
    """``{city: [user, …]}`` of the people invited to ``session``."""
    grouped = {}
    for membership in invited_memberships(session=session):
        grouped.setdefault(membership.city, []).append(membership.user)
    return grouped


def notify_session_changed(*, session, event, previous_start=None, reason=""):
    """Tell the audience that ``session`` moved or was cancelled (``event``)."""
    from notifications.services import notify

    for city, users in recipients_by_city(session=session).items():
        notify(
            event,
            recipients=users,
            about=session,
            context={
                "session": session, "city": city, "previous_start": previous_start,
                "reason": reason, "link": session.get_absolute_url(city),
            },
            category="sessions",
            attachments=[ics_attachment(session=session, city=city)],
        )
