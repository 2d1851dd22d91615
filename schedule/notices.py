"""Telling a session's audience about it: one message per city, each with the .ics.

Every person reads the session's time in their own time zone (the notifications engine
renders each message in the recipient's zone and language).
"""

from django.urls import reverse

from notifications.services import notify
from schedule.audience import invited_memberships
from schedule.calendar import build_calendar, ics_filename, session_ics


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


def _invited_by_person(sessions):
    """``{(user_id, city_id): (user, city, [session, …])}`` for new ``sessions``."""
    memberships = {}  # (cohort, audience, city) → invited memberships: one query each
    people = {}
    for session in sessions:
        if session.is_cancelled:
            continue
        key = (session.cohort_id, session.audience, session.city_id)
        if key not in memberships:
            memberships[key] = invited_memberships(session=session)
        for membership in memberships[key]:
            entry = people.setdefault(
                (membership.user_id, membership.city_id),
                (membership.user, membership.city, []),
            )
            entry[2].append(session)
    return people


def announce_sessions(*, sessions):
    """Tell each person invited to any of ``sessions`` (just scheduled, copied, or a
    weekly series) about them: ONE notification per person and city for the whole batch,
    listing the sessions they are invited to, with one .ics holding those sessions.

    Goes through ``notify()`` (category ``sessions``), so each person's preference for
    that category decides e-mail, digest or inbox only. Returns the number of people told.
    """
    groups = {}  # people with the same city and the same sessions share one message
    for user, city, mine in _invited_by_person(list(sessions)).values():
        mine = sorted(mine, key=lambda s: (s.starts_at, s.pk))
        key = (city.pk, tuple(s.pk for s in mine))
        groups.setdefault(key, (city, mine, []))[2].append(user)
    for city, mine, users in groups.values():
        first = mine[0]
        attachment = {
            "filename": ics_filename(first) if len(mine) == 1 else "sessions.ics",
            "mimetype": "text/calendar",
            "method": "PUBLISH",
            "content": build_calendar(sessions=mine, city_for=lambda s, c=city: c)
            .decode("utf-8"),
        }
        notify(
            "session.announced",
            recipients=users,
            about=first,
            context={
                "session": first, "sessions": mine, "count": len(mine), "city": city,
                "link": first.get_absolute_url(city),
                "schedule_link": reverse("schedule:schedule", kwargs={"city": city.slug}),
            },
            category="sessions",
            attachments=[attachment],
        )
    return sum(len(users) for _city, _mine, users in groups.values())
