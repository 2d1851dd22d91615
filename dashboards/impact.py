"""The cohort's impact report for the funder: what the program delivered, per city and for
the cohort, computed from the underlying records.

Every figure is a sum of rows: ledger hours, places attended, showcases, approved strategies.
The whole report reads the cohort's cities once and each table once, grouped by city, so it
costs the same number of queries for 5 or 50 cities (:func:`impact_report`).
"""

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal

from django.db.models import Count, IntegerField, Q, Sum, Value
from django.db.models.functions import Cast, Concat, Round
from django.utils import timezone
from django_scopes import scopes_disabled

from cities.places import country_code
from cohorts.models import Enrollment
from dashboards.health_reads import (
    city_counts,
    filter_enrollments,
    invited_places,
    live_sessions,
    people_of_cities,
)
from dashboards.impact_assessment import assessment_figures
from feedback.figures import figures_by_city
from schedule.commitment import senior_teams_among
from schedule.models import HoursEntry
from showcases.models import Showcase, State
from strategy.models import Strategy, StrategyState

TENTH = Decimal("0.1")
SHOWCASED = (State.ACCEPTED, State.PRESENTED)


@dataclass
class Figures:
    """The report's figures for one city, or added up for the cohort (:meth:`plus`)."""

    hours: Decimal = Decimal("0")  # delivered: every ledger line in the period
    committed: Decimal = Decimal("0")  # per member per month × members × months begun
    sessions: int = 0  # program sessions held that the city was invited to
    attended: int = 0  # places filled at them
    invited: int = 0  # places offered at them
    showcased: int = 0  # showcases accepted or presented
    published: int = 0  # of all the city's showcases, those in the practice library
    approved: int = 0  # strategies approved by the mayor (0 or 1 for a city)
    asked: int = 0  # people asked for feedback on a session (feedback/)
    answered: int = 0  # of them, those who gave a rating
    rating_total: int = 0  # the ratings given, added up (1 to 5 each)

    @property
    def hours_percent(self):
        """Hours delivered as a share of the hours committed (whole percent)."""
        return round(self.hours * 100 / self.committed) if self.committed else None

    @property
    def attendance_percent(self):
        """Places filled as a share of the places offered (whole percent)."""
        return round(self.attended * 100 / self.invited) if self.invited else None

    @property
    def response_percent(self):
        """People who rated a session as a share of those asked (whole percent)."""
        return round(self.answered * 100 / self.asked) if self.asked else None

    @property
    def average_rating(self):
        """The average rating given, from 1 to 5, to one decimal."""
        if not self.answered:
            return None
        return (Decimal(self.rating_total) / self.answered).quantize(TENTH)

    def plus(self, other):
        """These figures and ``other``'s, added up."""
        return Figures(**{f.name: getattr(self, f.name) + getattr(other, f.name)
                          for f in fields(self)})


@dataclass
class CityImpact:
    city: object
    enrollment: object
    figures: Figures
    strategy_state: str = ""  # the latest strategy's state ("" when none was started)


@dataclass
class Impact:
    """The report: the cohort, the period it covers, the rows and their total."""

    cohort: object
    today: date
    country: str  # the ISO code filtered on, or ""
    countries: list  # every ISO country of the cohort's cities, for the filter
    unknown_country: str = ""  # a country asked for that is none of them (not applied)
    rows: list = field(default_factory=list)
    sessions_held: int = 0  # the cohort's program sessions held (each counted once)
    assessments: dict = field(default_factory=dict)  # {city_id: {"baseline"|"end": Score}}
    practice_areas: dict = field(default_factory=dict)  # {area key: name}

    @property
    def total(self):
        """The cohort's figures: each city's added up (sessions: each held once)."""
        total = Figures()
        for row in self.rows:
            total = total.plus(row.figures)
        total.sessions = self.sessions_held
        return total

    @property
    def period_end(self):
        """The last day the figures cover: the report's day, or the cohort's end."""
        return min(self.today, self.cohort.ends_on)


def months_begun(cohort, until):
    """How many calendar months of the cohort have begun by ``until`` (its first included)."""
    if until < cohort.starts_on:
        return 0
    last = min(until, cohort.ends_on)
    return (last.year - cohort.starts_on.year) * 12 + last.month - cohort.starts_on.month + 1


def hours_delivered(*, cohort, city_ids, until):
    """Grouped ``(city_id, "hours", hundredths of an hour)``: every line of each city's
    training ledger dated within the cohort up to ``until`` (sessions attended, coaching,
    self-logged learning), as whole hundredths so it is asked with the other counts (a
    ledger line has two decimals: the sum is exact)."""
    return (
        HoursEntry.objects.filter(city_id__in=city_ids, on_date__gte=cohort.starts_on,
                                  on_date__lte=min(until, cohort.ends_on))
        .order_by().values("city_id")
        .annotate(what=Value("hours"),
                  n=Cast(Round(Sum("hours") * 100), output_field=IntegerField()))
        .values_list("city_id", "what", "n")
    )


def hours_committed(*, cohort, cities, teams, until):
    """``{city_id: hours}``: what each city committed to by ``until``: its monthly hours per
    senior-team member, times its active senior-team members, times the cohort's months
    begun. No query (``teams``: :func:`schedule.commitment.senior_teams_among`)."""
    months = months_begun(cohort, until)
    return {city.pk: Decimal(city.monthly_commitment_hours) * len(teams[city.pk]) * months
            for city in cities}


def sessions_invited(*, past, city_ids):
    """``{city_id: sessions}``: the ``past`` program sessions each city was invited to:
    every session for the cohort, and the city's own. No query."""
    return {city_id: sum(1 for s in past if s.city_id in (None, city_id))
            for city_id in city_ids}


def published_showcases(*, city_ids):
    """Grouped ``(city_id, "published", showcases)`` in the practice library (consented
    and approved)."""
    return (
        Showcase.objects.filter(city_id__in=city_ids, published_at__isnull=False)
        .order_by().values("city_id").annotate(what=Value("published"), n=Count("pk"))
        .values_list("city_id", "what", "n")
    )


def strategy_states(*, cohort, city_ids):
    """Grouped ``(city_id, "strategy:<state>", strategies)``: the cities' strategies for
    this cohort (or for none) by state."""
    return (
        Strategy.objects.filter(Q(cohort=cohort) | Q(cohort__isnull=True), city_id__in=city_ids)
        .order_by().values("city_id", "state")
        .annotate(what=Concat(Value("strategy:"), "state"), n=Count("pk"))
        .values_list("city_id", "what", "n")
    )


# A city with several strategies (rare) is shown at the furthest one's stage.
STAGES = (StrategyState.APPROVED, StrategyState.IN_REVIEW, StrategyState.CHANGES_REQUESTED,
          StrategyState.DRAFTING)


def strategy_stage(counts):
    """The furthest stage among a city's strategies (``counts``: a row of
    :func:`dashboards.health_reads.city_counts`), or ``""`` when none was started."""
    return next((state for state in STAGES if counts.get(f"strategy:{state}")), "")


def cohort_cities(**cohort):
    """Every enrollment of the cohort (``cohort=…`` or ``cohort__slug=…``), with its city and
    its cohort's program (one query)."""
    with scopes_disabled():
        return list(
            Enrollment.objects.filter(**cohort).select_related("city", "cohort__program")
            .order_by("city__name", "pk")
        )


def impact_report(*, cohort, country="", today=None, enrollments=None):
    """The cohort's :class:`Impact` as the records stand ``today`` (the cohort's local
    date by default), for the cities of one ``country`` (an ISO code or a name; every
    country when empty; one that is none of the cohort's is not applied but named in
    ``unknown_country``). ``enrollments``: :func:`cohort_cities` when the caller read them.
    Twelve queries (eleven with ``enrollments``), whatever the number of cities: the
    cities, their people, the sessions, every count grouped by city in one, the feedback,
    the assessments' scores (five) and their practice areas."""
    today = today or _cohort_today(cohort)
    code = country_code(country) or ""
    with scopes_disabled():
        everyone = cohort_cities(cohort=cohort) if enrollments is None else enrollments
        countries = sorted({e.city.country.code for e in everyone})
        if code not in countries:  # not one of the cohort's: shown as unknown, not applied
            code = ""
        impact = Impact(cohort=everyone[0].cohort if everyone else cohort, today=today,
                        country=code, countries=countries,
                        unknown_country="" if code else str(country or "").strip())
        enrollments = filter_enrollments(everyone, country=code) if code else everyone
        if not enrollments:
            return impact
        cities = [e.city for e in enrollments]
        city_ids = [c.pk for c in cities]
        memberships = people_of_cities(cities)
        now = timezone.now()
        past = [s for s in live_sessions(cohort) if s.ends_at < now]
        counts = city_counts(cohort, city_ids, past, today, now, extra=[
            hours_delivered(cohort=cohort, city_ids=city_ids, until=today),
            published_showcases(city_ids=city_ids),
            strategy_states(cohort=cohort, city_ids=city_ids),
        ])
        invited = invited_places(past, memberships, city_ids)
        sessions = sessions_invited(past=past, city_ids=city_ids)
        committed = hours_committed(cohort=cohort, cities=cities,
                                    teams=senior_teams_among(memberships), until=today)
        feedback = figures_by_city(cohort=cohort, city_ids=city_ids)
        impact.assessments, impact.practice_areas = assessment_figures(
            cohort=cohort, city_ids=city_ids)
    labels = dict(StrategyState.choices)
    stages = {city_id: strategy_stage(row) for city_id, row in counts.items()}
    impact.sessions_held = sum(1 for s in past if s.city_id is None or s.city_id in city_ids)
    impact.rows = [
        CityImpact(
            city=e.city, enrollment=e, strategy_state=str(labels.get(stages[e.city_id], "")),
            figures=Figures(
                hours=(Decimal(counts[e.city_id].get("hours", 0)) / 100).quantize(TENTH),
                committed=committed[e.city_id].quantize(TENTH),
                sessions=sessions[e.city_id], attended=counts[e.city_id]["attended"],
                invited=invited[e.city_id],
                showcased=sum(counts[e.city_id][state] for state in SHOWCASED),
                published=counts[e.city_id].get("published", 0),
                approved=int(stages[e.city_id] == StrategyState.APPROVED),
                **_feedback(feedback.get(e.city_id)),
            ),
        )
        for e in enrollments
    ]
    return impact


def _feedback(figures):
    """The feedback counts of one city (``feedback.figures.Figures`` or None)."""
    if figures is None:
        return {}
    return {"asked": figures.asked, "answered": figures.answered,
            "rating_total": figures.rating_total}


def _cohort_today(cohort):
    """Today in the cohort's time zone."""
    with timezone.override(cohort.time_zone):
        return timezone.localdate()
