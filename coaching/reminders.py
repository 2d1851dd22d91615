"""Coaching's reminder sources (see ``notifications.reminders``); the rules are data.

- ``checkin_due``: the coach, ``offset`` before the day a city's next check-in is due
  (09:00 in the city), so that it is held before it is overdue.
- ``action_item_overdue``: the owner, ``offset`` after an open item became overdue
  (the day after its due date, 00:00 in the city).
- ``action_item_due``: the owner, ``offset`` before the due date (09:00 in the city).
- ``mayor_request_unanswered``: the mayor, ``offset`` before the deadline of a request
  still unanswered (09:00 in the city).

A rule whose audience is not "default" reminds that audience of the city instead.
Occurrences are the moments themselves, so a moved date re-arms its reminder.
"""

import zoneinfo
from datetime import datetime, time, timedelta

from django.urls import reverse

from cities.people import mayors_by_city
from coaching.cadence import city_cadences
from coaching.models import ActionItem, ActionItemStatus, CoachAssignment, MayorRequest
from notifications.audiences import audience_of
from notifications.models import Audience, ReminderKind
from notifications.reminders import DueReminder, register_reminder_source

MORNING = time(9)


def _at(day, city, at=MORNING):
    return datetime.combine(day, at, zoneinfo.ZoneInfo(city.time_zone))


def _days_between(start, end, pad=2):
    """Dates covering [start, end] whatever the time zone (padded by ``pad`` days)."""
    return start.date() - timedelta(days=pad), end.date() + timedelta(days=pad)


def _recipients(rule, city, default, cache):
    if rule.audience == Audience.DEFAULT:
        return [person for person in default if person is not None and person.is_active]
    if city.pk not in cache:
        cache[city.pk] = audience_of(city=city, audience=rule.audience)
    return cache[city.pk]


@register_reminder_source(
    ReminderKind.CHECKIN_DUE, event="coaching.checkin_due", category="coaching",
    stale_after=timedelta(days=2),
)
def checkins_due(*, rule, now, since):
    """Remind each primary coach before their city's next check-in is due."""
    running = CoachAssignment.objects.filter(
        is_primary=True, enrollment__cohort__ends_on__gte=now.date()
    ).select_related("coach")
    cache = {}
    for row in city_cadences(running, today=now.date()):
        city = row.assignment.enrollment.city
        moment = _at(row.next_due_on, city)
        for person in _recipients(rule, city, [row.assignment.coach], cache):
            yield DueReminder(
                about=row.assignment, recipient=person, occurrence=moment.isoformat(),
                due_at=moment - rule.offset,
                context={"city": city, "due_on": row.next_due_on,
                         "last_checkin_on": row.last_checkin_on,
                         "link": reverse("coaching:checkin_new", kwargs={"city": city.slug})},
            )


def _open_items(first_day, last_day):
    return ActionItem.objects.filter(
        status=ActionItemStatus.OPEN, due_on__gte=first_day, due_on__lte=last_day
    ).select_related("city", "owner").order_by("due_on", "pk")


@register_reminder_source(
    ReminderKind.ACTION_ITEM_OVERDUE, event="coaching.action_item_overdue",
    category="coaching", stale_after=timedelta(days=2),
)
def action_items_overdue(*, rule, now, since):
    """Remind owners ``offset`` after an open action item became overdue."""
    first, last = _days_between(since - rule.offset, now - rule.offset)
    cache = {}
    for item in _open_items(first - timedelta(days=1), last):
        moment = _at(item.due_on + timedelta(days=1), item.city, time(0))
        for person in _recipients(rule, item.city, [item.owner], cache):
            yield DueReminder(
                about=item, recipient=person, occurrence=item.due_on.isoformat(),
                due_at=moment + rule.offset, context={"item": item, "city": item.city},
            )


@register_reminder_source(
    ReminderKind.ACTION_ITEM_DUE, event="coaching.action_item_due", category="coaching",
    stale_after=timedelta(days=1),
)
def action_items_due(*, rule, now, since):
    """Remind owners ``offset`` before an open action item is due."""
    first, last = _days_between(since + rule.offset, now + rule.offset)
    cache = {}
    for item in _open_items(first, last):
        moment = _at(item.due_on, item.city)
        for person in _recipients(rule, item.city, [item.owner], cache):
            yield DueReminder(
                about=item, recipient=person, occurrence=item.due_on.isoformat(),
                due_at=moment - rule.offset, context={"item": item, "city": item.city},
            )


@register_reminder_source(
    ReminderKind.MAYOR_REQUEST_UNANSWERED, event="coaching.mayor_request_waiting",
    category="coaching", stale_after=timedelta(days=1),
)
def mayor_requests_unanswered(*, rule, now, since):
    """Remind the mayor ``offset`` before the deadline of a request still unanswered."""
    first, last = _days_between(since + rule.offset, now + rule.offset)
    requests = list(
        MayorRequest.objects.filter(
            answered_at__isnull=True, deadline__gte=first, deadline__lte=last
        ).select_related("city")
    )
    mayors = mayors_by_city({r.city_id for r in requests})
    cache = {}
    for mayor_request in requests:
        moment = _at(mayor_request.deadline, mayor_request.city)
        default = mayors.get(mayor_request.city_id, [])
        for person in _recipients(rule, mayor_request.city, default, cache):
            yield DueReminder(
                about=mayor_request, recipient=person,
                occurrence=mayor_request.deadline.isoformat(), due_at=moment - rule.offset,
                context={"mayor_request": mayor_request, "city": mayor_request.city},
            )
