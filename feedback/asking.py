"""Asking: after a session ends, each person marked present is asked once for feedback,
in the inbox and by e-mail (as their preferences for "Feedback asked after sessions" say).

:func:`ask_for_feedback` is run by Celery beat every quarter of an hour
(``feedback.ask_for_feedback``). It is safe to run twice, or in two workers at once: the
:class:`~feedback.models.SessionFeedback` row of a person and a session is written (unique)
before they are told, in the same transaction, and only the rows this run wrote are told.
Someone who answered before being asked is not asked.

Who is asked: the people a session invites are a city's members (``schedule.audience``:
mayors and senior teams); attendance is marked only for them. Coaches and staff are not a
city's invitees, so they are never asked; when they host a session they read its feedback
instead (``/staff/cohorts/<cohort>/feedback/<session>/``).
"""

import uuid

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django_scopes import scopes_disabled

from caching.data_versions import forget_data
from feedback.answers import OPEN_FOR
from feedback.models import SessionFeedback
from notifications.models import Category
from notifications.services import Message, deliver_messages
from schedule.models import Attendance

EVENT = "feedback.requested"


def attendees_not_asked(*, now):
    """Attendance of active people at sessions whose feedback is open, with no feedback row
    yet (each with its session, city and user)."""
    asked = SessionFeedback.objects.filter(session=OuterRef("session"), user=OuterRef("user"))
    return (Attendance.objects.filter(
        session__ends_at__lte=now, session__ends_at__gt=now - OPEN_FOR,
        session__is_cancelled=False, user__is_active=True,
    ).filter(~Exists(asked)).select_related("session", "city", "user")
        .order_by("session__ends_at", "session_id", "user_id"))


@transaction.atomic
def ask_for_feedback(*, now=None):
    """Ask everyone who attended a session that ended (in the last 7 days) and was not asked
    yet; return how many people were asked."""
    now = now or timezone.now()
    claim = uuid.uuid4().hex
    with scopes_disabled():
        due = list(attendees_not_asked(now=now))
        if not due:
            return 0
        SessionFeedback.objects.bulk_create([
            SessionFeedback(session=a.session, city=a.city, user=a.user, asked_at=now,
                            claim=claim)
            for a in due
        ], ignore_conflicts=True)
        ours = {(f.session_id, f.user_id): f for f in SessionFeedback.objects.filter(claim=claim)}
        messages = []
        for attendance in due:
            feedback = ours.get((attendance.session_id, attendance.user_id))
            if feedback is None:  # another run asked them first
                continue
            feedback.session, feedback.city, feedback.user = (
                attendance.session, attendance.city, attendance.user)
            messages.append(Message(
                event=EVENT, recipients=[attendance.user], about=feedback,
                category=Category.FEEDBACK,
                context={"session": attendance.session, "city": attendance.city,
                         "closes_at": attendance.session.ends_at + OPEN_FOR},
            ))
        deliver_messages(messages=messages)
    forget_data(city_ids={a.city_id for a in due})  # a bulk write sends no signal
    return len(messages)
