"""What the feedback says, in figures: per session and per kind of session, how many
people were asked, how many answered (the response rate), the average rating and how many
gave each rating; and the comments, with or without names.

"Asked" counts every feedback row (a person asked, or who answered before being asked):
the people marked present at a session whose feedback has been requested. The figures are
counted by the database from the rows, in one grouped query per cohort.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_scopes import scopes_disabled

from feedback.models import HIGHEST, LOWEST, ProgramFeedbackSettings, SessionFeedback
from schedule.models import Session, SessionKind

RATINGS = range(LOWEST, HIGHEST + 1)


@dataclass
class Figures:
    """Counts of one group of feedback rows (a session, a kind, a cohort, a city)."""

    asked: int = 0
    answered: int = 0
    by_rating: dict = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))

    @property
    def rating_total(self):
        return sum(rating * n for rating, n in self.by_rating.items())

    @property
    def average(self):
        """The average rating (a float), or None before any answer."""
        return self.rating_total / self.answered if self.answered else None

    @property
    def response_rate(self):
        """The share of people asked who answered, in percent (None when nobody was asked)."""
        return 100 * self.answered / self.asked if self.asked else None

    @property
    def distribution(self):
        """``[(rating, count, percent of answers)]`` from 1 to 5."""
        return [(r, n, 100 * n / self.answered if self.answered else 0)
                for r, n in self.by_rating.items()]

    def add(self, other):
        self.asked += other.asked
        self.answered += other.answered
        for rating, n in other.by_rating.items():
            self.by_rating[rating] += n


def _grouped(rows, key):
    figures = {}
    counts = {f"r{r}": Count("pk", filter=Q(rating=r)) for r in RATINGS}
    for row in rows.order_by().values(key).annotate(
            asked=Count("pk"), answered=Count("rating"), **counts):
        figures[row[key]] = Figures(
            asked=row["asked"], answered=row["answered"],
            by_rating={r: row[f"r{r}"] for r in RATINGS})
    return figures


def figures_by_session(*, cohort):
    """``{session_id: Figures}`` for every session of ``cohort`` with feedback (one query)."""
    with scopes_disabled():
        return _grouped(SessionFeedback.objects.filter(session__cohort=cohort), "session_id")


def figures_of(session):
    """The :class:`Figures` of one session (one query)."""
    with scopes_disabled():
        found = _grouped(SessionFeedback.objects.filter(session=session), "session_id")
    return found.get(session.pk, Figures())


def figures_by_city(*, cohort, city_ids):
    """``{city_id: Figures}``: the feedback of ``city_ids``' people on ``cohort``'s sessions
    (one query)."""
    with scopes_disabled():
        return _grouped(SessionFeedback.objects.filter(
            session__cohort=cohort, city_id__in=city_ids), "city_id")


def city_feedback_parts(*, cohort, city_ids):
    """Grouped counts ``(city_id, what, n)`` of the feedback of ``city_ids``' people on
    ``cohort``'s sessions, to be asked inside another union query (the cohort health's
    ``city_counts``): ``feedback_asked`` (rows), ``feedback_answered`` (ratings given) and
    ``feedback_points`` (the ratings added up)."""
    with scopes_disabled():
        rows = SessionFeedback.objects.filter(
            session__cohort=cohort, city_id__in=city_ids).order_by().values("city_id")
    return [
        rows.annotate(what=Value(what), n=figure).values_list("city_id", "what", "n")
        for what, figure in (("feedback_asked", Count("pk")),
                             ("feedback_answered", Count("rating")),
                             ("feedback_points", Coalesce(Sum("rating"), 0)))
    ]


def by_kind(sessions, per_session):
    """``[(kind label, number of sessions, Figures)]`` for each kind among ``sessions``,
    in the order of :class:`SessionKind`, summed from ``per_session``; and the total."""
    kinds = {kind: [0, Figures()] for kind in SessionKind.values}
    total = Figures()
    for session in sessions:
        figures = per_session.get(session.pk, Figures())
        kinds[session.kind][0] += 1
        kinds[session.kind][1].add(figures)
        total.add(figures)
    rows = [(SessionKind(kind).label, n, figures) for kind, (n, figures) in kinds.items() if n]
    return rows, total


def ended_sessions(cohort, *, now=None):
    """``cohort``'s sessions that took place (ended, not cancelled), the latest first."""
    return list(Session.objects.filter(
        cohort=cohort, is_cancelled=False, ends_at__lte=now or timezone.now(),
    ).order_by("-starts_at", "-pk"))


def cohort_feedback(*, cohort, now=None):
    """``(rows, kinds, total)`` of ``cohort``: ``[(session, Figures)]`` for every session
    that took place, :func:`by_kind`'s rows and the cohort's total (two queries)."""
    sessions = ended_sessions(cohort, now=now)
    per_session = figures_by_session(cohort=cohort)
    kinds, total = by_kind(sessions, per_session)
    return [(s, per_session.get(s.pk, Figures())) for s in sessions], kinds, total


def is_anonymous_to_host(cohort):
    """Whether ``cohort``'s program chose that hosts read feedback without names."""
    if cohort.program_id is None:
        return False
    return ProgramFeedbackSettings.objects.filter(
        program_id=cohort.program_id, anonymous_to_host=True).exists()


def shows_names(*, user, cohort):
    """Whether ``user`` reads the names beside ``cohort``'s feedback: staff always (they run
    the program and follow up), a host unless the program chose anonymity."""
    return user.is_staff or not is_anonymous_to_host(cohort)


def answers_of(session):
    """The answers to ``session`` (rating given), with their people, lowest rating first."""
    with scopes_disabled():
        return list(SessionFeedback.objects.filter(session=session, rating__isnull=False)
                    .select_related("user", "city")
                    .order_by("rating", "most_useful", "to_change", "pk"))
