"""Telling a session's audience about it: one message per city and language, each with
the .ics.

Every person reads the session's time in their own time zone (the notifications engine
renders each message in the recipient's zone and language); the .ics is written in the
recipients' language too (its category is the session's kind, a label we ship).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from notifications.services import notify
from schedule.audience import invited_memberships
from schedule.calendar import build_calendar, ics_filename, session_ics


def ics_attachment(*, session, city=None, language=None):
    """The session's .ics as an outbox attachment, in ``language`` (its readers')."""
    method = "CANCEL" if session.is_cancelled else "PUBLISH"
    with translation.override(language or settings.LANGUAGE_CODE):
        content = session_ics(session=session, city=city).decode("utf-8")
    return {
        "filename": ics_filename(session),
        "mimetype": "text/calendar",
        "method": method,
        "content": content,
    }


def by_language(users):
    """``{language: [user, …]}``: the people who read a message (and its .ics) alike."""
    grouped = {}
    for user in users:
        grouped.setdefault(user.language or settings.LANGUAGE_CODE, []).append(user)
    return grouped


def recipients_by_city(*, session):
    """``{city: [user, …]}`` of the people invited to ``session``."""
    grouped = {}
    for membership in invited_memberships(session=session):
        grouped.setdefault(membership.city, []).append(membership.user)
    return grouped


def notify_session_changed(*, session, event, previous_start=None, reason=""):
    """Tell the audience that ``session`` moved or was cancelled (``event``)."""
    for city, everyone in recipients_by_city(session=session).items():
        for language, users in by_language(everyone).items():
            _notify_changed(session=session, event=event, city=city, users=users,
                            language=language, previous_start=previous_start, reason=reason)


def _notify_changed(*, session, event, city, users, language, previous_start, reason):
    notify(
        event,
        recipients=users,
        about=session,
        context={
            "session": session, "city": city, "previous_start": previous_start,
            "reason": reason, "link": session.get_absolute_url(city),
        },
        category="sessions",
        attachments=[ics_attachment(session=session, city=city, language=language)],
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
        language = user.language or settings.LANGUAGE_CODE
        key = (city.pk, tuple(s.pk for s in mine), language)
        groups.setdefault(key, (city, mine, []))[2].append(user)
    for (_city_id, _sessions, language), (city, mine, users) in groups.items():
        first = mine[0]
        with translation.override(language):
            content = build_calendar(sessions=mine, city_for=lambda s, c=city: c)
        attachment = {
            "filename": ics_filename(first) if len(mine) == 1 else "sessions.ics",
            "mimetype": "text/calendar",
            "method": "PUBLISH",
            "content": content.decode("utf-8"),
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
