"""What the cohort health dashboard reads (``dashboards/health.py`` turns it into figures):
a constant number of queries whatever the number of cities, each read once and shared by the
columns that need it."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Prefetch, Sum, Value
from django.db.models.functions import TruncMonth
from django_scopes import scopes_disabled

from accounts.models import Membership, Role, User
from assignments.progress import PROGRAM, grouped_counts
from cities.places import country_code
from coaching.models import ActionItem, ActionItemStatus, CheckIn, CheckInStatus, CoachAssignment
from cohorts.models import Enrollment
from common.statements import rows_of
from schedule.models import (
    Attendance,
    Audience,
    HoursEntry,
    Rsvp,
    RsvpAnswer,
    Session,
    SessionKind,
)
from showcases.models import Showcase, State


def cohort_enrollments(cohort):
    """Every enrollment of ``cohort`` with its city, cohort and coaches (two queries)."""
    with scopes_disabled():
        return list(
            Enrollment.objects.filter(cohort=cohort).select_related("city", "cohort")
            .prefetch_related(Prefetch(
                "coach_assignments", queryset=CoachAssignment.objects.select_related("coach")))
            .order_by("city__name", "pk")
        )


def assigned_to(enrollment, assignments=None):
    """The coach assignments of ``enrollment``: from ``assignments`` (by enrollment id, as
    :func:`coaches_of_enrollments` gives them) when the caller read them so, else its own
    (prefetched)."""
    if assignments is not None:
        return assignments.get(enrollment.pk, [])
    return enrollment.coach_assignments.all()


@dataclass(eq=False)
class Assigned:
    """A coach assignment as the figures read one: the coach's id, the cadence and the
    coach as shown (an unsaved user with the coach's id, name and e-mail)."""

    coach_id: int
    cadence_days: int
    coach: object


def coaches_of_enrollments(enrollments):
    """``{enrollment id: [Assigned]}`` of ``enrollments``, in one query of values: cheaper
    than prefetching the assignments and their coaches as records, when only the coach's
    name and e-mail and the cadence are read."""
    by_enrollment = {enrollment.pk: [] for enrollment in enrollments}
    for enrollment_id, coach_id, cadence_days, name, email in (
        CoachAssignment.objects.filter(enrollment_id__in=by_enrollment).order_by("pk")
        .values_list("enrollment_id", "coach_id", "cadence_days", "coach__name",
                     "coach__email")
    ):
        by_enrollment[enrollment_id].append(Assigned(
            coach_id, cadence_days, User(pk=coach_id, name=name, email=email)))
    return by_enrollment


def filter_enrollments(enrollments, *, coach=None, country=None, assignments=None):
    """The ``enrollments`` one coach (a user, or an id) coaches, in one country
    (``assignments``: as :func:`assigned_to` reads them)."""
    coach_id = getattr(coach, "pk", coach)
    if coach_id is not None:
        enrollments = [e for e in enrollments
                       if any(a.coach_id == coach_id for a in assigned_to(e, assignments))]
    if country:
        code = country_code(country) or country
        enrollments = [e for e in enrollments if e.city.country == code]
    return enrollments


# What the figures read of a membership and its person (the mayors' and senior teams' rules:
# role, active, sorted by name and email); nothing else of them is shown.
PEOPLE_FIELDS = ("id", "city_id", "user_id", "role", "user__id", "user__name", "user__email",
                 "user__is_active")


@dataclass(eq=False)
class Person:
    """A member as the figures read one: a user's id, name, e-mail and whether active."""

    pk: int
    name: str
    email: str
    is_active: bool

    @property
    def id(self):
        return self.pk


@dataclass(eq=False)
class Place:
    """A membership as the figures read one (its person, its city and role): read as
    values, not as records, since a cohort's hundreds of them are only counted and
    sorted (a third of the time of building records)."""

    pk: int
    city_id: int
    user_id: int
    role: str
    user: Person
    city: object

    @property
    def id(self):
        return self.pk


def people_of_cities(cities):
    """Who is in ``cities`` (every membership as a :class:`Place`, with its :class:`Person`
    and its city: one of ``cities``, not read again), by name: the senior teams, the mayors
    and the head count by role all come from this one read."""
    by_id = {city.pk: city for city in cities}
    return [
        Place(pk, city_id, user_id, role, Person(user_id, name, email, is_active),
              by_id[city_id])
        for pk, city_id, user_id, role, _user_id, name, email, is_active in
        Membership.objects.filter(city_id__in=by_id).order_by("user__name", "user_id")
        .values_list(*PEOPLE_FIELDS)
    ]


def _live(cohort):
    return Session.objects.filter(cohort=cohort, is_cancelled=False).exclude(
        kind=SessionKind.COACHING)


# What the figures read of a session (who is invited, when, which kind); its texts, address
# and bookkeeping are not read, and not loaded.
SESSION_FIELDS = ("id", "cohort_id", "city_id", "kind", "audience", "starts_at", "ends_at",
                  "is_cancelled", "time_zone")


def live_sessions(cohort):
    """The cohort's sessions that are not cancelled and not one city's coaching, by start
    (their :data:`SESSION_FIELDS`)."""
    return list(_live(cohort).only(*SESSION_FIELDS).order_by("starts_at", "pk"))


def invited_places(past, memberships, city_ids):
    """``{city_id: places}``: how many of each city's people were invited to the ``past``
    sessions, added up: the mayors to mayors' sessions, the rest of the team to senior
    teams' sessions, everyone to sessions for everyone and to the city's own sessions
    (``memberships``: :func:`people_of_cities`; no query)."""
    by_role = defaultdict(lambda: {"mayor": 0, "team": 0})
    for membership in memberships:
        by_role[membership.city_id]["mayor" if membership.role == Role.MAYOR else "team"] += 1
    invited = defaultdict(int)
    for session in past:
        for city_id in city_ids:
            people = by_role[city_id]
            if session.audience == Audience.MAYORS:
                invited[city_id] += people["mayor"]
            elif session.audience == Audience.SENIOR_TEAMS:
                invited[city_id] += people["team"]
            elif session.audience == Audience.EVERYONE or session.city_id == city_id:
                invited[city_id] += people["mayor"] + people["team"]
    return invited


def _per_city(queryset, what):
    """``(city_id, what, rows)`` of ``queryset`` for each city: one part of :func:`city_counts`."""
    return (queryset.order_by().values("city_id").annotate(what=Value(what), n=Count("pk"))
            .values_list("city_id", "what", "n"))


def city_counts(cohort, city_ids, past, today, now, extra=()):
    """``{city_id: {figure: count}}``: places attended at ``past`` sessions (``attended``),
    logged check-ins since the cohort began (``held``), open and overdue action items
    (``open``, ``overdue``), showcases by state (one figure per state) and assignments
    accepted (``assignments.progress.grouped_counts``, with the program's), for every city
    in one query (the grouped counts of each table, one after the other). ``past``: the
    :func:`live_sessions` that ended before ``now``, asked again inside the query (not
    their ids bound one by one). ``extra``: more grouped counts ``(city_id, what, n)`` asked
    in the same query (the impact report's)."""
    return counts_and_answers(cohort, city_ids, past, today, now, convening=(),
                              extra=extra)[0]


# The rows of the convening's answers in counts_and_answers' query: (session, one of these, user).
SAID_YES, MARKED_PRESENT = "convening:yes", "convening:present"


def own_counts(cohort, city_ids, today):
    """The grouped counts ``(city_id, figure, count)`` of the cities' own records, which no
    shared change moves (each city's data version covers them): logged check-ins since the
    cohort began (``held``), open and overdue action items (``open``, ``overdue``) and
    showcases by state (one figure per state). Parts of a union query."""
    held = _per_city(CheckIn.objects.filter(
        city_id__in=city_ids, status=CheckInStatus.LOGGED,
        happened_at__date__gte=cohort.starts_on), "held")
    open_items = ActionItem.objects.filter(city_id__in=city_ids, status=ActionItemStatus.OPEN)
    return [
        held,
        _per_city(open_items, "open"),
        _per_city(open_items.filter(due_on__lt=today), "overdue"),
        Showcase.objects.filter(city_id__in=city_ids).order_by().values("city_id", "state")
        .annotate(n=Count("pk")).values_list("city_id", "state", "n"),
    ]


OWN_FIGURES = ("held", "open", "overdue", "attended", *State.values)


def counted_own(cohort, city_ids, today, past_ids):
    """``{city_id: {figure: count}}`` of :func:`own_counts` and the places the cities'
    people attended at the sessions ``past_ids`` (``attended``), in one query; every figure
    of :data:`OWN_FIGURES` present."""
    counts = {city_id: dict.fromkeys(OWN_FIGURES, 0) for city_id in city_ids}
    parts = own_counts(cohort, city_ids, today)
    if past_ids:
        parts.append(_per_city(Attendance.objects.filter(
            city_id__in=city_ids, session_id__in=past_ids), "attended"))
    first, *rest = parts
    for city_id, what, n in first.union(*rest, all=True):
        counts[city_id][what] = n
    return counts


def counts_and_answers(cohort, city_ids, past, today, now, *, convening, extra=(), own=True,
                       statement_key=None):
    """``(counts, yes, present)``: :func:`city_counts`, and the ``(session id, user id)``
    pairs that said yes to, and that were marked present at, the ``convening`` sessions
    (ids), in the same query (their rows are ``(session id, SAID_YES | MARKED_PRESENT,
    user id)`` among the counts' ``(city id, figure, count)``). ``own=False`` leaves out
    :func:`own_counts` and the places attended (their figures stay 0: the caller kept them,
    :func:`counted_own`). ``extra``: more parts, or a function that makes them.
    ``statement_key``: the query's statement is compiled once per key
    (:func:`common.statements.rows_of`); the caller names in it every input the parts
    depend on."""

    def union():
        parts = own_counts(cohort, city_ids, today) if own else []
        if past and own:
            parts.append(_per_city(Attendance.objects.filter(
                city_id__in=city_ids,
                session__in=_live(cohort).filter(ends_at__lt=now).values("pk")), "attended"))
        parts += grouped_counts(city_ids, today)
        if convening:
            parts += [
                queryset.filter(session_id__in=convening).order_by().annotate(what=Value(what))
                .values_list("session_id", "what", "user_id")
                for queryset, what in (
                    (Rsvp.objects.filter(answer=RsvpAnswer.YES), SAID_YES),
                    (Attendance.objects.all(), MARKED_PRESENT))
            ]
        first, *rest = [*parts, *(extra() if callable(extra) else extra)]
        return first.union(*rest, all=True)

    figures = ["held", "open", "overdue", "attended", *State.values]
    counts = {city_id: dict.fromkeys(figures, 0) for city_id in city_ids}
    counts[PROGRAM] = {}
    answers = {SAID_YES: set(), MARKED_PRESENT: set()}
    rows = union() if statement_key is None else rows_of(statement_key, union)
    for number, what, n in rows:
        if what in answers:
            answers[what].add((number, n))
        else:
            counts[number][what] = n
    program = counts.pop(PROGRAM)  # the program's assignments: every city's figure needs them
    for row in counts.values():
        row.update(program)
    return counts, answers[SAID_YES], answers[MARKED_PRESENT]


def hours_by_member(city_ids, first, last):
    """``{city_id: {(user_id, month): hours}}``: the hours each person logged for their
    city each month from ``first`` to ``last`` (days), in one query."""
    hours = {city_id: defaultdict(Decimal) for city_id in city_ids}
    for city_id, user_id, month, total in (
        HoursEntry.objects.filter(city_id__in=city_ids, on_date__gte=first, on_date__lte=last)
        .annotate(month=TruncMonth("on_date")).values("city_id", "user_id", "month")
        .annotate(total=Sum("hours")).values_list("city_id", "user_id", "month", "total")
    ):
        if isinstance(month, datetime):
            month = month.date()
        hours[city_id][(user_id, month)] += Decimal(total or 0)
    return {city_id: dict(by_member) for city_id, by_member in hours.items()}
