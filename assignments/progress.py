"""What a city has done of the curriculum's assignments, per pillar: for one city (its
curriculum page, its home) and for many at once (a coach's home, the cohort health
dashboard), each in a constant number of queries. A hidden assignment is neither listed nor
counted."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import CharField, Count, F, IntegerField, Prefetch, Q, Value
from django.db.models.functions import Concat
from django.utils.translation import pgettext_lazy
from django_scopes import scopes_disabled

from assignments.models import State, Submission
from curriculum.models import Assignment, Material, Module, Pillar
from curriculum.pillars import PILLARS, pillar_text
from schedule.audience import sessions_for_city


@dataclass
class PillarProgress:
    """One pillar's assignments and how many of them a city has done."""

    pillar: object
    total: int = 0
    accepted: int = 0
    submitted: int = 0
    started: int = 0
    modules: list = field(default_factory=list)

    @property
    def description(self):
        """The pillar's description as staff typed it, else as shipped (reader's language)."""
        return pillar_text(self.pillar, "description")

    @property
    def percent(self):
        return round(100 * self.accepted / self.total) if self.total else 0


def _pillars():
    return list(Pillar.objects.order_by("order", "pk"))


def _pillars_with_totals():
    """The pillars, each with ``assignment_count`` (one query)."""
    return list(Pillar.objects.annotate(assignment_count=Count(
        "modules__assignments", filter=Q(modules__assignments__hidden=False)))
                .order_by("order", "pk"))


def completion_by_city(city_ids):
    """``{city_id: [PillarProgress, …]}`` for many cities, in two queries whatever their
    number: the pillars with their assignments' count, the cities' submissions per state."""
    pillars = _pillars_with_totals()
    counts = defaultdict(lambda: defaultdict(int))
    if city_ids:
        with scopes_disabled():
            rows = (Submission.objects.filter(city_id__in=city_ids, assignment__hidden=False)
                    .order_by()
                    .values_list("city_id", "assignment__module__pillar_id", "state")
                    .annotate(n=Count("pk")))
            for city_id, pillar_id, state, n in rows:
                counts[(city_id, pillar_id)][state] += n
    result = {}
    for city_id in city_ids:
        result[city_id] = [
            _progress(pillar, pillar.assignment_count, counts[(city_id, pillar.pk)])
            for pillar in pillars
        ]
    return result


def _progress(pillar, total, by_state, modules=None):
    return PillarProgress(
        pillar=pillar, total=total, accepted=by_state.get(State.ACCEPTED, 0),
        submitted=by_state.get(State.SUBMITTED, 0),
        started=sum(by_state.values()), modules=modules or [],
    )


def city_completion(*, city):
    """``[PillarProgress, …]`` for one city (one query: each pillar with its assignments and
    the city's submissions to them counted by state)."""
    handed_in = "modules__assignments__submissions"

    def handed_in_count(**where):
        return Count(handed_in, filter=Q(**{f"{handed_in}__city": city},
                                         modules__assignments__hidden=False,
                                         **{f"{handed_in}__{k}": v for k, v in where.items()}))

    pillars = Pillar.objects.annotate(
        total=Count("modules__assignments", distinct=True,
                    filter=Q(modules__assignments__hidden=False)),
        accepted=handed_in_count(state=State.ACCEPTED),
        submitted=handed_in_count(state=State.SUBMITTED),
        started=handed_in_count(),
    ).order_by("order", "pk")
    return [PillarProgress(pillar=p, total=p.total, accepted=p.accepted, submitted=p.submitted,
                           started=p.started) for p in pillars]


def city_curriculum(*, city):
    """The curriculum as ``city`` sees it: every pillar with its modules, each module with
    its objectives, materials, the city's sessions that teach it (by start) and its
    assignments, each with the city's submission (or None: not started). Seven queries."""
    modules = list(
        Module.objects.select_related("pillar").order_by("pillar__order", "order", "title")
        .prefetch_related(
            Prefetch("materials", queryset=Material.objects.order_by("order", "title")),
            Prefetch("assignments", queryset=Assignment.objects.filter(hidden=False)
                     .order_by("position", "due_on", "title")),
        )
    )
    sessions = defaultdict(list)
    for session in (sessions_for_city(city=city).filter(module__isnull=False)
                    .order_by("starts_at", "pk").distinct()):
        sessions[session.module_id].append(session)
    submissions = {s.assignment_id: s for s in Submission.objects.filter(city=city)}
    pillars = {pillar.pk: PillarProgress(pillar=pillar) for pillar in _pillars()}
    for module in modules:
        module.taught_in = sessions[module.pk]
        module.assignment_list = list(module.assignments.all())
        progress = pillars[module.pillar_id]
        progress.modules.append(module)
        for assignment in module.assignment_list:
            assignment.submission = submissions.get(assignment.pk)
            state = assignment.submission.state if assignment.submission else None
            progress.total += 1
            progress.accepted += state == State.ACCEPTED
            progress.submitted += state == State.SUBMITTED
            progress.started += state is not None
    return list(pillars.values())


# --- the cohort health dashboard's figure --------------------------------------------------

ACCEPTED, TOTAL = "assignments.accepted:", "assignments.total:"
DUE, DUE_ACCEPTED = "assignments.due", "assignments.due_accepted"
PROGRAM = 0  # the "city id" of the rows that count the program's assignments
SHORT_NAMES = {
    "data": pgettext_lazy("a pillar, in a few letters", "Lead"),
    "invest": pgettext_lazy("a pillar, in a few letters", "Invest"),
    "empower": pgettext_lazy("a pillar, in a few letters", "Empower"),
}


def grouped_counts(city_ids, today):
    """Parts of a union of ``(city id, figure, count)`` rows (the cohort health dashboard's
    one grouped query): each city's accepted assignments per pillar (``ACCEPTED + slug``)
    and among those due by ``today`` (``DUE_ACCEPTED``); and, on the :data:`PROGRAM` row,
    the program's assignments per pillar (``TOTAL + slug``) and those due (``DUE``)."""
    accepted = Submission.objects.filter(city_id__in=city_ids, state=State.ACCEPTED,
                                         assignment__hidden=False).order_by()
    every = Assignment.objects.filter(hidden=False).order_by().annotate(
        program=Value(PROGRAM, output_field=IntegerField()))
    return [
        accepted.values("city_id").annotate(
            what=Concat(Value(ACCEPTED), F("assignment__module__pillar__slug"),
                        output_field=CharField()), n=Count("pk"),
        ).values_list("city_id", "what", "n"),
        accepted.filter(assignment__due_on__lte=today).values("city_id").annotate(
            what=Value(DUE_ACCEPTED), n=Count("pk")).values_list("city_id", "what", "n"),
        every.values("program").annotate(
            what=Concat(Value(TOTAL), F("module__pillar__slug"), output_field=CharField()),
            n=Count("pk"),
        ).values_list("program", "what", "n"),
        every.filter(due_on__lte=today).values("program").annotate(
            what=Value(DUE), n=Count("pk")).values_list("program", "what", "n"),
    ]


@dataclass
class HealthFigure:
    """A city's assignments for the dashboard: accepted per pillar, and how many of those
    due by now are not accepted (``behind``)."""

    text: str
    accepted: int
    behind: int
    total: int


def health_figure(counts):
    """The :class:`HealthFigure` of one city's row of :func:`grouped_counts` (with the
    program's rows merged in)."""
    order = [slug for slug, _name, _description in PILLARS]
    slugs = {key.split(":", 1)[1] for key in counts if key.startswith(TOTAL)}
    slugs = sorted(slugs, key=lambda slug: (order.index(slug) if slug in order else 99, slug))
    parts = [f"{SHORT_NAMES.get(slug, slug)} {counts.get(ACCEPTED + slug, 0)}/"
             f"{counts[TOTAL + slug]}" for slug in slugs]
    return HealthFigure(
        text=" · ".join(parts),
        accepted=sum(counts.get(ACCEPTED + slug, 0) for slug in slugs),
        behind=max(counts.get(DUE, 0) - counts.get(DUE_ACCEPTED, 0), 0),
        total=sum(counts[TOTAL + slug] for slug in slugs),
    )
