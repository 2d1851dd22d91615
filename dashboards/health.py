"""Cohort health: one row per city with the figures staff check before every coaching sync.

Every figure is computed from the underlying records with aggregate queries over all the
cohort's cities at once, so the dashboard costs the same number of queries for 5 or 50
cities. Each figure gets red / amber / green by the rules in :data:`RULES`, which the page
shows in words.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from accounts.models import Role
from assignments.progress import health_figure
from dashboards.health_cache import own_figures
from dashboards.health_reads import (
    assigned_to,
    cohort_enrollments,
    counts_and_answers,
    filter_enrollments,
    invited_places,
    live_sessions,
    people_of_cities,
)
from feedback.figures import city_feedback_parts
from schedule import convening
from schedule.commitment import senior_teams_among
from schedule.convening import (
    city_convening_status,
    is_convening_session,
    mayor_sessions,
    mayor_statuses,
)
from schedule.hours import city_today
from showcases.models import State
from strategy.models import StrategyState

GREEN, AMBER, RED, NONE = "green", "amber", "red", "none"
WITHDRAWN = "withdrawn"  # a city that left the cohort: figures shown, nothing to chase

RULES = {
    "convening": _("Green: the mayor was marked present at every mayors' session of the "
                   "convening held so far, and said yes to those still to come. Red: not "
                   "marked present at one held (and no yes), or no yes and it is less than 14 "
                   "days away. Amber: "
                   "said yes but attendance not recorded yet, or no yes with more time."),
    "attendance": _("Share of invited places filled at past sessions. Green: 80% or more. "
                    "Amber: 60% or more. Red: below 60%."),
    "hours": _("Each active senior-team member's hours this month against the commitment "
               "each of them made, pro rata to today. Green: every member on track. Amber: "
               "everyone at least 75% of the pro-rata target. Red: someone below."),
    "checkins": _("Logged check-ins against the coach's cadence since the cohort began. "
                  "Green: as many as expected. Amber: one short. Red: two or more short."),
    "actions": _("Open action items past their due date. Green: none. Amber: one or two. "
                 "Red: three or more."),
    "showcases": _("Green: at least one showcase accepted or presented. Amber: one submitted "
                   "or in feedback, or none yet before the cohort's midpoint. Red: none after "
                   "the midpoint."),
    "strategy": _("Green: approved, or as complete as the time elapsed. Amber: within 25 "
                  "points of that. Red: further behind."),
    "feedback": _("Share of the feedback asked of the city's people after sessions that they "
                  "gave, with their average rating (1 to 5). Green: 70% or more. Amber: 40% "
                  "or more. Red: below 40%."),
    "assignments": _("Curriculum assignments accepted by the coach, per pillar. Green: every "
                     "assignment due so far accepted. Amber: one of them not yet. Red: two or "
                     "more."),
}


@dataclass
class Cell:
    """One figure of the dashboard with its colour and a short text for the table."""
    rag: str
    text: str
    value: float | int | None = None


@dataclass
class CityHealth:
    city: object
    enrollment: object
    coaches: list
    cells: dict = field(default_factory=dict)
    hours_by_month: list = field(default_factory=list)  # [(month, hours, commitment)]

    @property
    def reds(self):
        return sum(1 for cell in self.cells.values() if cell.rag == RED)


def _rag(value, green, amber):
    """Green at or above ``green``, amber at or above ``amber``, else red."""
    if value >= green:
        return GREEN
    return AMBER if value >= amber else RED


def _months_of(cohort, today):
    first, months = cohort.starts_on.replace(day=1), []
    while first <= min(cohort.ends_on, today):
        months.append(first)
        first = (first + timedelta(days=32)).replace(day=1)
    return months


def _convening(cohort, sessions, memberships, city_ids, today, now, yes, present):
    """``{city_id: Cell}``: is each city's mayor at every session of the convening
    (``sessions``: its sessions; ``yes``, ``present``: the ``(session id, user id)`` pairs
    that said yes to them, and that were marked present)?

    The status per session comes from :func:`schedule.convening.mayor_statuses`, the rule of
    :func:`schedule.convening.mayor_presence` (attendance once the session has begun, the
    mayor's yes before); the city's cell is its worst.
    """
    if not sessions:
        return {city_id: Cell(NONE, _("No convening scheduled")) for city_id in city_ids}
    mayors = [m for m in memberships if m.role == Role.MAYOR and m.user.is_active]
    by_city_and_session = defaultdict(list)  # each city's statuses at each session
    for status in mayor_statuses(sessions=mayor_sessions(sessions),
                                 mayors_by_cohort={cohort.pk: mayors}, yes=yes,
                                 present=present, now=now):
        by_city_and_session[(status.membership.city_id, status.session.pk)].append(status)
    cells = {}
    for city_id in city_ids:
        per_session = {
            s.pk: city_convening_status(statuses=by_city_and_session[(city_id, s.pk)],
                                        session=s, now=now)
            for s in sessions
        }
        status = convening.worst(per_session.values())
        if status in convening.OK:
            cells[city_id] = Cell(GREEN, convening.LABELS[status], 1)
            continue
        if status == convening.NOT_CONFIRMED:
            first = min(s.starts_at for s in sessions if per_session[s.pk] == status)
            rag = RED if first.date() - today <= timedelta(days=14) else AMBER
        else:
            rag = RED if status == convening.MISSED else AMBER
        cells[city_id] = Cell(rag, convening.LABELS[status], 0)
    return cells


def _attendance(past, memberships, city_ids, attended):
    """``{city_id: Cell}``: attended places / invited places at past sessions (``attended``:
    ``{city_id: places attended}``; the places by :func:`invited_places`)."""
    invited = invited_places(past, memberships, city_ids)
    cells = {}
    for city_id in city_ids:
        if not invited[city_id]:
            cells[city_id] = Cell(NONE, _("No past sessions"))
            continue
        rate = min(attended.get(city_id, 0) / invited[city_id], 1)
        cells[city_id] = Cell(_rag(rate, 0.8, 0.6), f"{round(rate * 100)}%", round(rate * 100))
    return cells


def _hours(cohort, cities, teams, today, own):
    """``({city_id: Cell}, {city_id: [(month, team hours, team commitment)]})``.

    The cell is per member: each active senior-team member's hours this month against the
    per-member commitment pro rata to today; the city is as red as its furthest-behind
    member (see :mod:`schedule.commitment`). ``own``: :func:`own_figures` (the hours each
    person logged each month).
    """
    months = _months_of(cohort, today)
    sums = defaultdict(Decimal)  # (city_id, month) → team total
    per_user = {}  # (city_id, user_id, month) → hours
    for city in cities:
        for (user_id, month), total in own[city.pk]["hours"].items():
            sums[(city.pk, month)] += total
            per_user[(city.pk, user_id, month)] = total
    cells, bars = {}, {}
    for city in cities:
        commitment = Decimal(city.monthly_commitment_hours)
        team = teams[city.pk]
        bars[city.pk] = [(m, sums[(city.pk, m)], commitment * len(team)) for m in months]
        if not months:
            cells[city.pk] = Cell(NONE, _("Not started"))
            continue
        if not team:
            cells[city.pk] = Cell(RED, _("No senior team"), 0)
            continue
        city_now = city_today(city)
        this_month = city_now.replace(day=1)
        if this_month not in {m for m in months}:
            this_month = months[-1]
        days_in_month = ((this_month + timedelta(days=32)).replace(day=1) - this_month).days
        elapsed = (city_now - this_month).days + 1 if city_now >= this_month else days_in_month
        target = commitment * Decimal(min(elapsed, days_in_month)) / Decimal(days_in_month)
        ratios = [
            float(per_user.get((city.pk, user.pk, this_month), 0) / target) if target else 1.0
            for user in team
        ]
        on_track = sum(1 for ratio in ratios if ratio >= 1)
        cells[city.pk] = Cell(
            _rag(min(ratios), 1, 0.75),
            gettext("%(on_track)s of %(members)s on track") % {
                "on_track": on_track, "members": len(team)},
            on_track,
        )
    return cells, bars


def _checkins(enrollments, counts, today, assignments=None):
    """``{city_id: Cell}``: logged check-ins since the cohort began against the cadence."""
    cells = {}
    for enrollment in enrollments:
        cadence = min((a.cadence_days for a in assigned_to(enrollment, assignments)),
                      default=0)
        n = counts[enrollment.city_id]["held"]
        if not cadence:
            cells[enrollment.city_id] = Cell(NONE, _("No coach assigned"), n)
            continue
        elapsed = max((min(today, enrollment.cohort.ends_on) - enrollment.cohort.starts_on).days, 0)
        expected = elapsed // cadence
        short = expected - n
        rag = GREEN if short <= 0 else AMBER if short == 1 else RED
        cells[enrollment.city_id] = Cell(rag, f"{n} / {expected}", n)
    return cells


def _actions(city_ids, counts):
    """``{city_id: Cell}``: open action items past their due date."""
    cells = {}
    for city_id in city_ids:
        row = {"open": counts[city_id]["open"], "overdue": counts[city_id]["overdue"]}
        overdue = row["overdue"]
        rag = GREEN if overdue == 0 else AMBER if overdue <= 2 else RED
        cells[city_id] = Cell(
            rag, _("%(open)s open, %(overdue)s overdue") % row, overdue
        )
    return cells


def _showcases(cohort, city_ids, counts, today):
    """``{city_id: Cell}``: the city's showcases by state."""
    midpoint = cohort.starts_on + (cohort.ends_on - cohort.starts_on) / 2
    labels = {state: str(label) for state, label in State.choices}  # translated once
    cells = {}
    for city_id in city_ids:
        by_state = {state: counts[city_id][state] for state in State.values
                    if counts[city_id][state]}
        done = by_state.get(State.ACCEPTED, 0) + by_state.get(State.PRESENTED, 0)
        moving = sum(by_state.get(s, 0) for s in (State.SUBMITTED, State.FEEDBACK_GIVEN,
                                                   State.REVISED))
        if done:
            rag = GREEN
        elif moving or today < midpoint:
            rag = AMBER
        else:
            rag = RED
        text = ", ".join(f"{labels[s]}: {n}" for s, n in sorted(by_state.items())) or _("None")
        cells[city_id] = Cell(rag, text, done)
    return cells


def _assignments(city_ids, counts):
    """``{city_id: Cell}``: the assignments accepted per pillar; behind on those due?"""
    figures = {city_id: health_figure(counts[city_id]) for city_id in city_ids}
    return {city_id: Cell(GREEN if not f.behind else AMBER if f.behind == 1 else RED,
                          f.text, f.accepted) if f.total else Cell(NONE, _("No assignments"), 0)
            for city_id, f in figures.items()}


def _strategies(cohort, city_ids, today, own):
    """``{city_id: Cell}``: the city's latest strategy, complete as the time elapsed?
    (``own``: :func:`own_figures`.)"""
    latest = {city_id: own[city_id]["strategy"] for city_id in city_ids}
    states = dict(StrategyState.choices)
    span = max((cohort.ends_on - cohort.starts_on).days, 1)
    expected = min(max((today - cohort.starts_on).days / span, 0), 1) * 100
    cells = {}
    for city_id in city_ids:
        if not latest[city_id]:
            cells[city_id] = Cell(RED if expected > 25 else AMBER, _("Not started"), 0)
            continue
        state, percent = latest[city_id]
        if state == StrategyState.APPROVED or percent >= expected:
            rag = GREEN
        else:
            rag = AMBER if percent >= expected - 25 else RED
        cells[city_id] = Cell(rag, f"{percent}% · {states.get(state, state)}", percent)
    return cells


def _feedback(city_ids, counts):
    """``{city_id: Cell}``: the feedback the city's people gave after sessions, of that
    asked of them (:func:`feedback.figures.city_feedback_parts`), and its average."""
    cells = {}
    for city_id in city_ids:
        row = counts[city_id]
        asked, answered = row.get("feedback_asked", 0), row.get("feedback_answered", 0)
        if not asked:
            cells[city_id] = Cell(NONE, gettext("Not asked yet"), None)
            continue
        rate = 100 * answered / asked
        average = number_format(row.get("feedback_points", 0) / answered, 1) if answered else "—"
        cells[city_id] = Cell(
            _rag(rate, 70, 40),
            gettext("%(answered)s of %(asked)s answered · average %(average)s") % {
                "answered": answered, "asked": asked, "average": average}, round(rate))
    return cells


def cohort_health(*, cohort, coach=None, country=None, today=None, enrollments=None,
                  assignments=None):
    """One :class:`CityHealth` per enrolled city, filtered by coach (a user or an id) and
    country; ``enrollments`` are :func:`cohort_enrollments` when the caller read them, and
    ``assignments`` their coaches (:func:`coaches_of_enrollments`) when it read those so.
    At most nine queries (seven when the caller read the enrollments, three when every
    city's own figures are kept: :func:`own_figures`), whatever the number of cities."""
    today = today or timezone.localdate()
    now = timezone.now()
    with scopes_disabled():
        if enrollments is None:
            enrollments = cohort_enrollments(cohort)
        enrollments = filter_enrollments(enrollments, coach=coach, country=country,
                                         assignments=assignments)
        cities = [e.city for e in enrollments]
        city_ids = [c.pk for c in cities]
        if not city_ids:
            return []
        memberships = people_of_cities(cities)
        sessions = live_sessions(cohort)
        past = [s for s in sessions if s.ends_at < now]
        the_convening = [s for s in sessions if is_convening_session(s)]
        own = own_figures(cohort, city_ids, today, past_ids=[s.pk for s in past])
        mayors_sessions = [s.pk for s in mayor_sessions(the_convening)]
        counts, yes, present = counts_and_answers(
            cohort, city_ids, past, today, now, convening=mayors_sessions,
            extra=lambda: city_feedback_parts(cohort=cohort, city_ids=city_ids), own=False,
            # what the shared query depends on (not ``now``: the places attended are the
            # cities' own figures)
            statement_key=("health:shared-counts", cohort.pk, tuple(city_ids), today,
                           tuple(mayors_sessions)))
        for city_id in city_ids:
            counts[city_id].update(own[city_id]["counts"])
        attended = {city_id: counts[city_id]["attended"] for city_id in city_ids}
        hours_cells, bars = _hours(cohort, cities, senior_teams_among(memberships), today,
                                   own)
        columns = {
            "convening": _convening(cohort, the_convening, memberships, city_ids, today,
                                    now, yes, present),
            "attendance": _attendance(past, memberships, city_ids, attended),
            "hours": hours_cells,
            "checkins": _checkins(enrollments, counts, today, assignments),
            "actions": _actions(city_ids, counts),
            "showcases": _showcases(cohort, city_ids, counts, today),
            "strategy": _strategies(cohort, city_ids, today, own),
            "feedback": _feedback(city_ids, counts),
            "assignments": _assignments(city_ids, counts),
        }
    return [
        CityHealth(
            city=e.city, enrollment=e,
            coaches=[a.coach for a in assigned_to(e, assignments)],
            cells={
                name: _withdrawn(column[e.city_id]) if _has_withdrawn(e, today)
                else column[e.city_id]
                for name, column in columns.items()
            },
            hours_by_month=bars[e.city_id],
        )
        for e in enrollments
    ]


def _has_withdrawn(enrollment, today):
    return enrollment.withdrawn_on is not None and enrollment.withdrawn_on <= today


def _withdrawn(cell):
    """A city that left the cohort keeps its figures but loses its colour."""
    return Cell(WITHDRAWN, cell.text, cell.value)


SORT_KEYS = ("city", "reds", *RULES)


def sort_rows(rows, key):
    """Sort dashboard rows by a column (``-`` prefix for descending); unknown keys keep order."""
    descending = key.startswith("-")
    name = key.lstrip("-")
    if name == "city":
        return sorted(rows, key=lambda r: r.city.name.lower(), reverse=descending)
    if name == "reds":
        return sorted(rows, key=lambda r: r.reds, reverse=descending)
    if name in RULES:
        order = {RED: 0, AMBER: 1, GREEN: 2, NONE: 3, WITHDRAWN: 4}
        return sorted(rows, key=lambda r: order[r.cells[name].rag], reverse=descending)
    return rows
