"""Who is late: each follow-on phase's quarters, what was recorded in each, and which
quarter's update is overdue. Read in bulk (a fixed number of queries for any number of
cities), for the alumni view, the staff's late list, the coach's home and the reminders.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django_scopes import scopes_disabled

from followon.models import FollowOn, InitiativeUpdate, MetricUpdate
from followon.phase import Quarter, is_running, phase_ends_on, quarters_of
from followon.updates import strategy_year
from strategy.models import Initiative, InitiativeStatus, Metric, Strategy


@dataclass
class QuarterProgress:
    """What a quarter of one city's phase holds: how many rows were recorded, of how many."""

    quarter: Quarter
    initiatives_done: int
    initiatives_total: int
    metrics_done: int
    metrics_total: int
    statuses: list  # [(label, count)] in the order of the status choices
    started: bool
    late: bool

    @property
    def complete(self):
        return (self.initiatives_done >= self.initiatives_total
                and self.metrics_done >= self.metrics_total)


@dataclass
class MetricReading:
    metric: Metric
    actual: str
    quarter: int | None
    target: str


@dataclass
class FollowOnProgress:
    follow_on: FollowOn
    ends_on: object
    running: bool
    quarters: list = field(default_factory=list)
    metrics: list = field(default_factory=list)

    @property
    def late(self):
        return [q for q in self.quarters if q.late]

    @property
    def recorded(self):
        return [q for q in self.quarters if q.started and q.complete]


def _of_current_strategies(model, city_ids):
    """``model`` (Initiative or Metric) rows of each city's current strategy (its newest, as
    ``strategy.editing.current_strategy`` picks it), in one query."""
    newest = Strategy.objects.filter(city_id=OuterRef("component__strategy__city_id")).order_by(
        "-created_at").values("pk")[:1]
    return model.objects.filter(component__strategy__city_id__in=city_ids,
                                component__strategy_id=Subquery(newest))


def progress_of(follow_ons, *, today):
    """A :class:`FollowOnProgress` per follow-on in ``follow_ons`` (with their cities and
    enrollments loaded), in the same order. Four queries whatever their number."""
    follow_ons = list(follow_ons)
    if not follow_ons:
        return []
    city_ids = {f.city_id for f in follow_ons}
    with scopes_disabled():
        initiatives = defaultdict(set)
        for pk, city_id in _of_current_strategies(Initiative, city_ids).values_list(
                "pk", "component__strategy__city_id"):
            initiatives[city_id].add(pk)
        metrics = defaultdict(list)
        for metric in _of_current_strategies(Metric, city_ids).select_related(
                "component__strategy").order_by("component__order", "pk"):
            metrics[metric.component.strategy.city_id].append(metric)
        ids = [f.pk for f in follow_ons]
        initiative_rows = defaultdict(list)
        for row in InitiativeUpdate.objects.filter(follow_on_id__in=ids).values_list(
                "follow_on_id", "initiative_id", "quarter", "status"):
            initiative_rows[row[0]].append(row[1:])
        metric_rows = defaultdict(list)
        for row in MetricUpdate.objects.filter(follow_on_id__in=ids).order_by(
                "quarter").values_list("follow_on_id", "metric_id", "quarter", "actual"):
            metric_rows[row[0]].append(row[1:])
    return [_progress(f, today=today, initiative_ids=initiatives[f.city_id],
                      metrics=metrics[f.city_id], initiative_rows=initiative_rows[f.pk],
                      metric_rows=metric_rows[f.pk])
            for f in follow_ons]


def progress_from(follow_on, *, today, initiatives, metrics, initiative_updates,
                  metric_updates):
    """The :class:`FollowOnProgress` of one phase from rows already read (its city's page)."""
    return _progress(
        follow_on, today=today, initiative_ids={i.pk for i in initiatives}, metrics=metrics,
        initiative_rows=[(u.initiative_id, u.quarter, u.status) for u in initiative_updates],
        metric_rows=[(u.metric_id, u.quarter, u.actual) for u in metric_updates])


def _progress(follow_on, *, today, initiative_ids, metrics, initiative_rows, metric_rows):
    metric_ids = {m.pk for m in metrics}
    labels = dict(InitiativeStatus.choices)
    progress = FollowOnProgress(follow_on=follow_on, ends_on=phase_ends_on(follow_on),
                                running=is_running(follow_on, today=today))
    for quarter in quarters_of(follow_on):
        rows = [(pk, status) for pk, number, status in initiative_rows
                if number == quarter.number and pk in initiative_ids]
        counts = Counter(status for _pk, status in rows)
        done_metrics = {pk for pk, number, _a in metric_rows
                        if number == quarter.number and pk in metric_ids}
        item = QuarterProgress(
            quarter=quarter, initiatives_done=len(rows), initiatives_total=len(initiative_ids),
            metrics_done=len(done_metrics), metrics_total=len(metric_ids),
            statuses=[(labels[value], counts[value]) for value in InitiativeStatus.values
                      if counts.get(value)],
            started=quarter.starts_on <= today, late=False,
        )
        item.late = quarter.due_on < today and not item.complete
        progress.quarters.append(item)
    latest = {pk: (number, actual) for pk, number, actual in metric_rows}
    for metric in metrics:
        number, actual = latest.get(metric.pk, (None, ""))
        year = strategy_year(number) if number else 1
        progress.metrics.append(MetricReading(
            metric=metric, actual=actual, quarter=number,
            target=getattr(metric, f"target_year_{year}")))
    return progress


def follow_ons_of_cohort(cohort):
    """The cohort's follow-on phases, by city name (one query)."""
    with scopes_disabled():
        return list(FollowOn.objects.filter(enrollment__cohort=cohort)
                    .select_related("city", "enrollment__cohort").order_by("city__name"))


def late_follow_ons(*, today, coach=None):
    """The progress of every running or just-ended phase with a late quarter (a coach's own
    cities only when ``coach`` is given), by city name."""
    with scopes_disabled():
        follow_ons = FollowOn.objects.filter(enrollment__withdrawn_on__isnull=True)
        if coach is not None:
            follow_ons = follow_ons.filter(enrollment__coach_assignments__coach=coach)
        follow_ons = list(follow_ons.select_related("city", "enrollment__cohort")
                          .order_by("city__name").distinct())
    return [p for p in progress_of(follow_ons, today=today) if p.late]


def coach_home_section(*, user, today):
    """The coach's home: the coached cities in their year after whose update is late."""
    rows = late_follow_ons(today=today, coach=user)
    if not rows:
        return None
    return {"template": "followon/_coach_home_late.html", "rows": rows}
