"""The coaching page's action items read as plain rows, their statements compiled once.

A page shows up to 26 open and 20 closed items; reading them as model instances (with
their owner and initiative) cost more Python than the rows themselves: compiling two
querysets and building ~100 instances on each page rendered afresh. Here each list is one
statement compiled once per (city, limit) (:func:`common.statements.rows_of`) whose rows
become :class:`ItemRow` s with what the page reads of an item; each owner is a
:class:`accounts.models.User` with its name and email only (what its ``__str__`` reads).
The next check-in's cadence facts likewise (one row).
"""

from types import SimpleNamespace

from django_scopes.state import get_scope

from accounts.models import User
from coaching.cadence import cadence_for, with_cadence_facts
from coaching.models import (
    ActionItem,
    ActionItemStatus,
    CheckIn,
    CheckInMode,
    CheckInStatus,
    CoachAssignment,
)
from common.statements import rows_of
from curriculum.pillars import Pillar

FIELDS = ("pk", "title", "details", "due_on", "status", "owner_id", "owner__name",
          "owner__email", "initiative__title", "initiative_id")


class ItemRow:
    """What the coaching page reads of an action item (see :mod:`coaching.page_rows`)."""

    __slots__ = ("pk", "title", "details", "due_on", "status", "owner_id", "owner",
                 "initiative", "can_update")

    def __init__(self, row, owners):
        (self.pk, self.title, self.details, self.due_on, self.status, self.owner_id,
         name, email, initiative_title, initiative_id) = row
        self.owner = owners(self.owner_id, name, email)
        self.initiative = (SimpleNamespace(pk=initiative_id, title=initiative_title)
                           if initiative_id is not None else None)
        self.can_update = False


def _owners():
    """``owner(pk, name, email)``: the owner's user (None for none), built once per pk."""
    seen = {None: None}

    def owner(pk, name, email):
        if pk not in seen:
            seen[pk] = User(pk=pk, name=name, email=email)
        return seen[pk]
    return owner


def _in_own_scope(city):
    """Whether the tenant scope is ``city``'s alone (the page's), so that the statement
    depends only on the city's id."""
    scope = get_scope()
    return scope.get("_enabled", True) and getattr(scope.get("city"), "pk", None) == city.pk


def _rows(name, city, limit, build, fields=FIELDS):
    """The rows of ``build()``'s ``fields`` (the first ``limit``), compiled once per city
    when the scope is the city's own."""

    def queryset():
        rows = build().values_list(*fields)
        return rows if limit is None else rows[:limit]
    if not _in_own_scope(city):
        return list(queryset())
    return rows_of(("coaching.page_reads", name, city.pk, limit), queryset)


def open_items(*, city, limit=None):
    """The city's open items, soonest due first (the first ``limit``), as :class:`ItemRow`."""
    rows = _rows("open", city, limit, lambda: ActionItem.objects.filter(
        city=city, status=ActionItemStatus.OPEN).order_by("due_on", "pk"))
    owners = _owners()
    return [ItemRow(row, owners) for row in rows]


def closed_items(*, city, limit):
    """The city's done and dropped items by due date (the first ``limit``), as
    :class:`ItemRow`."""
    rows = _rows("closed", city, limit, lambda: ActionItem.objects.filter(city=city).exclude(
        status=ActionItemStatus.OPEN).order_by("due_on", "pk"))
    owners = _owners()
    return [ItemRow(row, owners) for row in rows]


CADENCE_FIELDS = ("coach_id", "coach__name", "coach__email", "cadence_days",
                  "last_checkin_at", "planned_next_on", "enrollment__cohort__starts_on")


def upcoming_checkin(*, city):
    """The primary coach's cadence facts for ``city`` (next check-in due), or None: what
    :func:`coaching.portal.upcoming_checkin` gave, read as one row. Its ``assignment``
    has the coach (a user with name and email), ``cadence_days``, the cadence facts and
    ``enrollment.cohort.starts_on``: what the page and :func:`cadence_for` read."""
    rows = _rows("upcoming", city, 1, lambda: with_cadence_facts(
        CoachAssignment.objects.filter(enrollment__city=city)
    ).order_by("-is_primary", "-enrollment__cohort__starts_on"), CADENCE_FIELDS)
    if not rows:
        return None
    coach_id, name, email, cadence_days, last_at, planned_on, starts_on = rows[0]
    return cadence_for(SimpleNamespace(
        coach=User(pk=coach_id, name=name, email=email), cadence_days=cadence_days,
        last_checkin_at=last_at, planned_next_on=planned_on,
        enrollment=SimpleNamespace(cohort=SimpleNamespace(starts_on=starts_on)),
    ))


CHECKIN_FIELDS = ("pk", "happened_at", "duration_minutes", "mode", "status", "summary",
                  "decisions", "coach_id", "coach__name", "coach__email",
                  *(f"{pillar.value}_{what}" for pillar in Pillar for what in ("rag", "why")))
MODES = dict(CheckInMode.choices)


class CheckinRow:
    """What the coaching page reads of a check-in (see :mod:`coaching.page_rows`): never
    its private notes."""

    __slots__ = ("pk", "happened_at", "duration_minutes", "mode", "status", "summary",
                 "decisions", "coach", "rated", "attendees")

    def __init__(self, row, people):
        (self.pk, self.happened_at, self.duration_minutes, self.mode, self.status,
         self.summary, self.decisions, coach_id, name, email, *rated) = row
        self.coach = people(coach_id, name, email)
        self.rated = rated
        self.attendees = []

    @property
    def is_logged(self):
        return self.status == CheckInStatus.LOGGED

    def get_mode_display(self):
        """The mode's label, as the model's ``get_mode_display``."""
        return str(MODES.get(self.mode, self.mode))

    def ratings(self):
        """``[(pillar, rag, why)]`` for the three pillars, in order (as the model's)."""
        return [(pillar, *self.rated[2 * n:2 * n + 2]) for n, pillar in enumerate(Pillar)]


def history(*, city, visible, drafts, limit):
    """The latest ``limit`` of the check-ins ``visible()`` gives (those of ``city`` someone
    may read: with the drafts or not, as ``drafts`` says), newest first, as
    :class:`CheckinRow` with their attendees (by email, as the model's ordering of users):
    two statements compiled once per (city, drafts, limit)."""

    def latest():
        return visible().order_by("-happened_at", "-pk")

    rows = _rows(f"history:{drafts}", city, limit, latest, CHECKIN_FIELDS)
    people = _owners()
    cards = [CheckinRow(row, people) for row in rows]
    if not cards:
        return cards
    by_pk = {card.pk: card for card in cards}
    attendance = _rows(f"attendees:{drafts}:{limit}", city, None, lambda: (
        CheckIn.attendees.through.objects.filter(
            checkin__in=latest().values("pk")[:limit]).order_by("user__email")
    ), ("checkin_id", "user_id", "user__name", "user__email"))
    for checkin_id, *person in attendance:
        by_pk[checkin_id].attendees.append(people(*person))
    return cards
