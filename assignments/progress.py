"""What a city has done of the curriculum's assignments, per pillar: for one city (its
curriculum page, its home) and for many at once (a coach's home, the cohort health
dashboard), each in a constant number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django_scopes import scopes_disabled

from assignments.models import State, Submission
from curriculum.models import Assignment, Material, Module, Pillar
from curriculum.pillars import pillar_text
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


def _totals():
    """``{pillar id: number of assignments}`` (one query)."""
    return dict(Assignment.objects.order_by().values_list("module__pillar_id")
                .annotate(n=Count("pk")).values_list("module__pillar_id", "n"))


def completion_by_city(city_ids):
    """``{city_id: [PillarProgress, …]}`` for many cities, in three queries whatever their
    number: the pillars, the assignments per pillar, the cities' submissions per state."""
    pillars, totals = _pillars(), _totals()
    counts = defaultdict(lambda: defaultdict(int))
    if city_ids:
        with scopes_disabled():
            rows = (Submission.objects.filter(city_id__in=city_ids).order_by()
                    .values_list("city_id", "assignment__module__pillar_id", "state")
                    .annotate(n=Count("pk")))
            for city_id, pillar_id, state, n in rows:
                counts[(city_id, pillar_id)][state] += n
    result = {}
    for city_id in city_ids:
        result[city_id] = [
            _progress(pillar, totals.get(pillar.pk, 0), counts[(city_id, pillar.pk)])
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
    """``[PillarProgress, …]`` for one city (three queries)."""
    return completion_by_city([city.pk])[city.pk]


def city_curriculum(*, city):
    """The curriculum as ``city`` sees it: every pillar with its modules, each module with
    its objectives, materials, the city's sessions that teach it (by start) and its
    assignments, each with the city's submission (or None: not started). Seven queries."""
    modules = list(
        Module.objects.select_related("pillar").order_by("pillar__order", "order", "title")
        .prefetch_related(
            Prefetch("materials", queryset=Material.objects.order_by("order", "title")),
            Prefetch("assignments", queryset=Assignment.objects.order_by("due_on", "title")),
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
