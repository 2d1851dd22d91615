"""Answering: a person who attended a session rates it (1–5) and, if they like, says what
was most useful and what to change; they may change their answer while it is open.

Feedback on a session opens when it ends and closes :data:`OPEN_FOR` later (the same moment
for everyone who attended it). Only a person marked present may answer, once (a second
answer changes the first). Who is calling is the door's question (``feedback/rules.py``:
the city's own people); these functions check the state of things.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from feedback.models import COMMENT_MAX, HIGHEST, LOWEST, SessionFeedback
from schedule.models import Attendance

OPEN_FOR = timedelta(days=7)


def closes_at(session):
    """When feedback on ``session`` closes: :data:`OPEN_FOR` after it ends."""
    return session.ends_at + OPEN_FOR


def is_open(session, *, now=None):
    """True while ``session``'s feedback may be given or changed."""
    now = now or timezone.now()
    return not session.is_cancelled and session.ends_at <= now < closes_at(session)


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def refusal(*, session, attended, now=None):
    """Why feedback on ``session`` cannot be given now (a sentence), or None when it can.
    ``attended``: whether the person was marked present at it."""
    now = now or timezone.now()
    if session.is_cancelled:
        return _("This session was cancelled, so there is no feedback to give.")
    if session.ends_at > now:
        return _("Feedback opens when the session ends (%(when)s).") % {
            "when": _when(session.ends_at)}
    if not attended:
        return _("You can give feedback only on sessions you attended. If you were there, "
                 "ask the program team to mark your attendance.")
    if now >= closes_at(session):
        return _("Feedback on this session closed on %(when)s: answers can be given and "
                 "changed for 7 days after a session.") % {"when": _when(closes_at(session))}
    return None


def attended(*, session, user, city):
    """Whether ``user`` was marked present at ``session`` for ``city``."""
    with scopes_disabled():  # asked of one city's row by its keys, from any door
        return Attendance.objects.filter(session=session, user=user, city=city).exists()


def _clean(rating, most_useful, to_change):
    errors = {}
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = None
    if rating is None or not LOWEST <= rating <= HIGHEST:
        errors["rating"] = _("Choose a rating from 1 (very poor) to 5 (excellent).")
    texts = {"most_useful": (most_useful or "").strip(), "to_change": (to_change or "").strip()}
    for name, text in texts.items():
        if len(text) > COMMENT_MAX:
            errors[name] = _("Keep this to %(max)s characters (it has %(n)s).") % {
                "max": COMMENT_MAX, "n": len(text)}
    if errors:
        raise ValidationError(errors)
    return rating, texts


@transaction.atomic
def give_feedback(*, session, user, city, rating, most_useful="", to_change="", now=None):
    """Save ``user``'s feedback on ``session`` (as a member of ``city``) and return it.

    Refused, changing nothing, when the session was cancelled or has not ended, when the
    person was not marked present, once feedback closed (7 days after the end), or when the
    rating is not 1–5 or a comment is longer than 2,000 characters. A second answer
    replaces the first: one answer per person and session.
    """
    now = now or timezone.now()
    reason = refusal(session=session, attended=attended(session=session, user=user, city=city),
                     now=now)
    if reason:
        raise ValidationError({"rating": reason})
    rating, texts = _clean(rating, most_useful, to_change)
    with scopes_disabled():  # the person's own row, by its keys (the city's, checked above)
        feedback, _created = SessionFeedback.objects.select_for_update().get_or_create(
            session=session, user=user, defaults={"city": city})
        feedback.rating = rating
        feedback.most_useful = texts["most_useful"]
        feedback.to_change = texts["to_change"]
        feedback.answered_at = feedback.answered_at or now
        feedback.save()
    return feedback


@dataclass
class FeedbackItem:
    """A session a person attended, seen from their feedback: open or not, answered or not."""

    session: object
    feedback: SessionFeedback | None
    is_open: bool
    attended: bool = True

    @property
    def answered(self):
        return self.feedback is not None and self.feedback.rating is not None

    @property
    def closes_at(self):
        return closes_at(self.session)


def feedback_items(*, user, city, now=None):
    """The sessions ``user`` attended for ``city`` that have ended (newest first), each with
    their feedback (two queries, inside the city's scope)."""
    now = now or timezone.now()
    with scopes_disabled():  # the person's own rows of this city, by their keys
        sessions = [a.session for a in Attendance.objects.filter(
            user=user, city=city, session__ends_at__lte=now, session__is_cancelled=False,
        ).select_related("session").order_by("-session__ends_at", "-session_id")]
        answers = {f.session_id: f for f in SessionFeedback.objects.filter(
            user=user, session_id__in=[s.pk for s in sessions])}
    return [FeedbackItem(session=s, feedback=answers.get(s.pk), is_open=is_open(s, now=now))
            for s in sessions]


def feedback_item(*, session, user, city, now=None):
    """One session as :func:`feedback_items` sees it, or None when the person did not
    attend it (or it has not ended)."""
    now = now or timezone.now()
    if session.is_cancelled or session.ends_at > now or not attended(
            session=session, user=user, city=city):
        return None
    with scopes_disabled():
        feedback = SessionFeedback.objects.filter(session=session, user=user).first()
    return FeedbackItem(session=session, is_open=is_open(session, now=now), feedback=feedback)


def session_feedback_state(*, session, user, city, now=None):
    """``(item, reason)``: ``user``'s :class:`FeedbackItem` for ``session`` (``attended``
    False and no feedback when they were not marked present) and why it cannot be given
    now (None when it can)."""
    now = now or timezone.now()
    item = feedback_item(session=session, user=user, city=city, now=now)
    if item is None:
        item = FeedbackItem(session=session, feedback=None, is_open=False, attended=False)
    return item, refusal(session=session, attended=item.attended, now=now)


def split_items(items):
    """``(waiting, answered, missed)``: open and unanswered, answered, closed unanswered."""
    waiting = [i for i in items if i.is_open and not i.answered]
    answered = [i for i in items if i.answered]
    missed = [i for i in items if not i.is_open and not i.answered]
    return waiting, answered, missed
