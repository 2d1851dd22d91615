"""Cadence: is each city met as often as its coach assignment says?

Everything here annotates a :class:`CoachAssignment` queryset so that a page listing any
number of cities costs one query.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from coaching.models import (
    ActionItem,
    ActionItemStatus,
    CheckIn,
    CheckInStatus,
    CoachAssignment,
    Pillar,
)


def _latest_logged(field, *, extra=None):
    checkins = CheckIn.objects.filter(city=OuterRef("enrollment__city"),
                                      status=CheckInStatus.LOGGED)
    if extra:
        checkins = checkins.filter(**extra)
    return Subquery(checkins.order_by("-happened_at", "-pk").values(field)[:1])


def _count_items(**filters):
    items = (
        ActionItem.objects.filter(city=OuterRef("enrollment__city"), status=ActionItemStatus.OPEN,
                                  **filters)
        .order_by().values("city").annotate(n=Count("pk")).values("n")
    )
    return Subquery(items)


def with_coaching_state(assignments, *, today=None):
    """Annotate assignments with their city's last and next check-in, open and overdue
    action items and the latest red/amber/green per pillar (one query in all)."""
    today = today or timezone.localdate()
    annotations = {
        "last_checkin_at": _latest_logged("happened_at"),
        "planned_next_on": _latest_logged("next_checkin_on"),
        "open_items": _count_items(),
        "overdue_items": _count_items(due_on__lt=today),
    }
    for pillar in Pillar:
        rag, why = f"{pillar.value}_rag", f"{pillar.value}_why"
        annotations[f"latest_{rag}"] = _latest_logged(rag, extra={f"{rag}__gt": ""})
        annotations[f"latest_{why}"] = _latest_logged(why, extra={f"{rag}__gt": ""})
    return assignments.select_related("enrollment__city", "enrollment__cohort").annotate(
        **annotations
    )


def with_cadence_facts(assignments):
    """Annotate assignments with only what :func:`cadence_for` needs (its city's last and
    planned next check-in): two subqueries instead of :func:`with_coaching_state`'s twelve."""
    return assignments.annotate(
        last_checkin_at=_latest_logged("happened_at"),
        planned_next_on=_latest_logged("next_checkin_on"),
    )


@dataclass
class CityCadence:
    """One assignment's cadence facts, computed from the annotations above."""

    assignment: object
    last_checkin_on: date | None
    next_due_on: date
    days_overdue: int

    @property
    def is_overdue(self):
        return self.days_overdue > 0

    @property
    def ratings(self):
        a = self.assignment
        return [
            (pillar, getattr(a, f"latest_{pillar.value}_rag") or "",
             getattr(a, f"latest_{pillar.value}_why") or "")
            for pillar in Pillar
        ]


def cadence_for(assignment, *, today=None):
    """When ``assignment``'s city is next due a check-in, and how late it is.

    Due on the date planned at the last check-in, else ``cadence_days`` after it, else
    ``cadence_days`` after the cohort started.
    """
    today = today or timezone.localdate()
    last = assignment.last_checkin_at
    last_on = timezone.localdate(last) if last else None
    cadence = timedelta(days=assignment.cadence_days)
    if assignment.planned_next_on:
        due = assignment.planned_next_on
    elif last_on:
        due = last_on + cadence
    else:
        due = assignment.enrollment.cohort.starts_on + cadence
    return CityCadence(
        assignment=assignment, last_checkin_on=last_on, next_due_on=due,
        days_overdue=max((today - due).days, 0),
    )


def city_cadences(assignments, *, today=None):
    """:class:`CityCadence` for each assignment of an annotated queryset (one query)."""
    today = today or timezone.localdate()
    return [cadence_for(a, today=today) for a in with_coaching_state(assignments, today=today)]


def cadence_watch(*, today=None):
    """Every running cohort's primary assignments with their cadence, the most overdue
    first (call with scopes disabled: it looks across cities)."""
    today = today or timezone.localdate()
    running = CoachAssignment.objects.filter(
        enrollment__cohort__ends_on__gte=today, is_primary=True
    ).select_related("coach")
    rows = city_cadences(running, today=today)
    return sorted(rows, key=lambda row: (-row.days_overdue, row.next_due_on))


def overdue_cities(*, today=None):
    """The rows of :func:`cadence_watch` whose city is overdue for a check-in."""
    return [row for row in cadence_watch(today=today) if row.is_overdue]
