"""Reminders: rules are data (:class:`ReminderRule`), sources are code, the sweep sends.

Each app plugs in a *reminder source* for a kind, in its own ``<app>/reminders.py`` (these
modules are imported at start-up)::

    from notifications.reminders import DueReminder, register_reminder_source

    @register_reminder_source(
        "session_starting", event="session.reminder", category="sessions",
        stale_after=timedelta(hours=6),
    )
    def sessions_starting(*, rule, now, since):
        for session in Session.objects.filter(start__gt=now, ...):   # prefetch what you need
            for person in audience_of(...):
                yield DueReminder(
                    about=session, recipient=person,
                    occurrence=session.start.isoformat(),   # moving the session re-arms
                    due_at=session.start - rule.offset,
                    context={"session": session},
                )

The sweep sends each reminder whose ``due_at`` lies between ``since`` (``now`` minus the
source's ``stale_after``) and ``now``: after downtime it catches up with what is still
relevant and skips what is stale. Before sending, it writes a unique
``ReminderDelivery(rule, object, recipient, occurrence)`` in the same transaction as the
notification and its outbox rows, so a doubled sweep, a second worker or a crash never sends
a reminder twice, and a crash before commit never loses one. Sources run with scopes
disabled, since the sweep looks across cities.
"""

import logging
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import islice

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from notifications.models import ReminderDelivery, ReminderRule
from notifications.outbox import requeue_stalled_emails
from notifications.services import Message, deliver_messages

BATCH_SIZE = 100
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DueReminder:
    """One reminder a source found: about what, for whom, which occurrence, due when."""

    about: object
    recipient: object  # a user, or a bare e-mail address
    occurrence: str
    due_at: datetime
    context: dict = field(default_factory=dict)
    attachments: list = field(default_factory=list)


@dataclass(frozen=True)
class ReminderSource:
    kind: str
    find_due: Callable
    event: str
    category: str
    stale_after: timedelta
    mandatory: bool = False


_SOURCES: dict[str, ReminderSource] = {}


def register_reminder_source(kind, *, event, category, stale_after, mandatory=False):
    """Decorator: ``find_due(*, rule, now, since)`` yields the :class:`DueReminder` of ``kind``."""

    def decorator(find_due):
        _SOURCES[kind] = ReminderSource(
            kind=kind, find_due=find_due, event=event, category=category,
            stale_after=stale_after, mandatory=mandatory,
        )
        return find_due

    return decorator


def reminder_source(kind):
    """The source registered for ``kind``, or None."""
    return _SOURCES.get(kind)


@contextmanager
def override_reminder_source(source):
    """Register ``source`` for the duration of a block (tests)."""
    previous = _SOURCES.get(source.kind)
    _SOURCES[source.kind] = source
    try:
        yield source
    finally:
        if previous is None:
            _SOURCES.pop(source.kind, None)
        else:
            _SOURCES[source.kind] = previous


def moment_source(*, objects, moment, recipients, after=False, context=None):
    """A ``find_due`` for "``offset`` before (or ``after``) each object's moment".

    ``objects(rule, now, since)`` returns the candidate objects, ``moment(obj)`` their
    datetime, ``recipients(obj, rule)`` whom to remind, ``context(obj)`` (optional) more
    template context. The occurrence is the moment itself, so moving it re-arms the reminder.
    """

    def find_due(*, rule, now, since):
        for obj in objects(rule, now, since):
            when = moment(obj)
            if when is None:
                continue
            due_at = when + rule.offset if after else when - rule.offset
            for person in recipients(obj, rule):
                yield DueReminder(
                    about=obj, recipient=person, occurrence=when.isoformat(), due_at=due_at,
                    context={"object": obj, "moment": when, **(context(obj) if context else {})},
                )

    return find_due


def _batched(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def _recipient_key(recipient):
    if hasattr(recipient, "pk"):
        return f"user:{recipient.pk}"
    return f"email:{str(recipient).strip().lower()}"


def _key(reminder):
    content_type = ContentType.objects.get_for_model(reminder.about, for_concrete_model=True)
    return (
        content_type.pk, str(reminder.about.pk), _recipient_key(reminder.recipient),
        str(reminder.occurrence)[:100],
    )


@transaction.atomic
def send_reminder_batch(*, rule, source, reminders):
    """Claim and send one batch of due reminders; return how many were sent.

    A constant number of queries per batch: one INSERT … ON CONFLICT DO NOTHING of the
    claims, one SELECT of the claims this call won, then the notifications and outbox rows
    in bulk. Everything commits together, and the mail is queued on commit.
    """
    User = get_user_model()
    claim = uuid.uuid4().hex
    unique = {}
    for reminder in reminders:
        unique.setdefault(_key(reminder), reminder)
    ReminderDelivery.objects.bulk_create(
        [
            ReminderDelivery(
                rule=rule, content_type_id=key[0], object_id=key[1], recipient_key=key[2],
                occurrence=key[3], claim=claim,
                recipient=reminder.recipient if isinstance(reminder.recipient, User) else None,
            )
            for key, reminder in unique.items()
        ],
        ignore_conflicts=True,
    )
    won = set(
        ReminderDelivery.objects.filter(claim=claim).values_list(
            "content_type_id", "object_id", "recipient_key", "occurrence"
        )
    )
    messages = [
        Message(
            event=source.event, recipients=[reminder.recipient], category=source.category,
            about=reminder.about, mandatory=source.mandatory,
            context={**reminder.context, "rule": rule, "due_at": reminder.due_at},
            attachments=reminder.attachments,
        )
        for key, reminder in unique.items()
        if key in won
    ]
    if messages:
        deliver_messages(messages=messages)
    return len(messages)


def run_reminder_sweep(*, now=None, batch_size=BATCH_SIZE):
    """Send every due, still-relevant reminder of every active rule; return the count.

    Also hands outbox rows that lost their task back to the sender. A rule whose source
    fails does not hold the others up: the error is logged, the other rules are swept, and
    the first error is raised at the end (what was committed stays sent; the failed batch
    rolled back and is tried again by the next sweep).
    """
    now = now or timezone.now()
    sent, errors = 0, []
    with scopes_disabled():
        for rule in ReminderRule.objects.filter(active=True).order_by("pk"):
            source = reminder_source(rule.kind)
            if source is None:
                continue
            try:
                sent += _sweep_rule(rule=rule, source=source, now=now, batch_size=batch_size)
            except Exception as error:  # noqa: BLE001 - logged, re-raised after the others
                logger.exception("Reminder rule %s (%s) failed", rule.pk, rule.kind)
                errors.append(error)
        requeue_stalled_emails(now=now)
    if errors:
        raise errors[0]
    return sent


def _sweep_rule(*, rule, source, now, batch_size):
    since = now - source.stale_after
    due = (
        reminder
        for reminder in source.find_due(rule=rule, now=now, since=since)
        if since <= reminder.due_at <= now
    )
    sent = 0
    for batch in _batched(due, batch_size):
        sent += send_reminder_batch(rule=rule, source=source, reminders=batch)
    return sent
