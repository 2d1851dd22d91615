"""What is complete and what is missing, step by step, in the guided builder.

Each step's rule is written once, on the facts it looks at (how many initiatives a component
has, which years the roadmap covers, which initiatives lack quarters or an owner, which
metrics lack a figure): :func:`strategy_progress` takes those facts from a snapshot, and
:func:`percents_complete` from a few aggregate queries over many strategies at once.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext as _

from common.labels import and_list
from strategy.models import ComponentPlan, Initiative, Metric
from strategy.snapshot import all_initiatives, lines_of

YEARS = (1, 2, 3)


@dataclass
class Step:
    """One step of the builder and what it still lacks (``missing``: sentences)."""

    slug: str
    title: str
    missing: list = field(default_factory=list)
    count: str = ""

    @property
    def complete(self):
        return not self.missing


def _vision_step(vision, priorities):
    missing = []
    if not vision.strip():
        missing.append(_("Write the vision statement."))
    if not priorities:
        missing.append(_("List at least one priority for resident impact."))
    return Step("vision", _("Vision and priorities"), missing)


def _component_step(component):
    """``component``: its ``key``, ``title``, ``maturity``, ``target_state``, ``goals``
    (lines) and how many ``initiatives`` it has."""
    missing = []
    if not component["maturity"]:
        missing.append(_("Choose the current maturity (1–5)."))
    if not component["target_state"].strip():
        missing.append(_("Describe the target state in three years."))
    if not component["goals"]:
        missing.append(_("Add at least one goal."))
    if not component["initiatives"]:
        missing.append(_("Add at least one initiative."))
    return Step(f"component-{component['key']}", component["title"], missing,
                count=str(component["initiatives"]))


def _roadmap_step(*, years, unplaced, ownerless, count):
    """``years``: the years the initiatives are placed in; ``unplaced`` and ``ownerless``:
    the titles of those without quarters and without an owner (in the roadmap's order);
    ``count``: how many initiatives."""
    missing = []
    for year in YEARS:
        if year not in years:
            missing.append(_("Place at least one initiative in year %(year)s.") % {"year": year})
    if unplaced:
        missing.append(_("Choose the quarters of: %(titles)s.") % {"titles": and_list(unplaced)})
    if ownerless:
        missing.append(_("Name an owner for: %(titles)s.") % {"titles": and_list(ownerless)})
    return Step("roadmap", _("Roadmap"), missing, count=str(count))


def _metric_lacks(metric):
    """Does ``metric`` lack its baseline, a target or its data source?"""
    return not metric["baseline"] or not all(metric["targets"]) or not metric["data_source"]


def _metrics_step(components):
    """``components``: each with its ``title``, how many ``metrics`` it has and the
    metrics that lack something (``lacking``, in order; :func:`_metric_lacks`)."""
    missing = []
    total = 0
    for component in components:
        total += component["metrics"]
        if not component["metrics"]:
            missing.append(_("Add a metric for %(component)s.") % {
                "component": component["title"]})
        for metric in component["lacking"]:
            if not metric["baseline"] or not all(metric["targets"]):
                missing.append(_("Give “%(name)s” a baseline and a target for each year.") % {
                    "name": metric["name"]})
            if not metric["data_source"]:
                missing.append(_("Name the data source of “%(name)s”.") % {
                    "name": metric["name"]})
    return Step("metrics", _("Metrics"), missing, count=str(total))


def _steps(*, vision, priorities, components, roadmap):
    steps = [_vision_step(vision, priorities)]
    steps += [_component_step(c) for c in components]
    steps += [_roadmap_step(**roadmap), _metrics_step(components)]
    incomplete = [s.title for s in steps if not s.complete]
    review_missing = (
        [_("Complete these steps first: %(steps)s.") % {"steps": and_list(incomplete)}]
        if incomplete else []
    )
    steps.append(Step("review", _("Review and submit"), review_missing))
    return steps


def _roadmap_of(initiatives):
    """The roadmap step's facts of ``initiatives`` (dicts, in the roadmap's order)."""
    return {"years": {i["year"] for i in initiatives},
            "unplaced": [i["title"] for i in initiatives if not i["quarters"]],
            "ownerless": [i["title"] for i in initiatives if not i["owner"]],
            "count": len(initiatives)}


def strategy_progress(*, snapshot):
    """Every step of the builder (``Step``), the review step last."""
    components = [{
        "key": c["key"], "title": c["title"], "maturity": c["maturity"],
        "target_state": c["target_state"], "goals": c["goals"],
        "initiatives": len(c["initiatives"]), "metrics": len(c["metrics"]),
        "lacking": [m for m in c["metrics"] if _metric_lacks(m)],
    } for c in snapshot["components"]]
    return _steps(vision=snapshot["vision"], priorities=snapshot["priorities"],
                  components=components,
                  roadmap=_roadmap_of([i for _c, i in all_initiatives(snapshot)]))


def percent_complete(steps):
    done = sum(1 for s in steps[:-1] if s.complete)
    return round(100 * done / max(len(steps) - 1, 1))


# An initiative's quarters as text (JSON) when it has none.
NO_QUARTERS = (None, "", "null", "[]")
UNPLACED = Q(quarters_text__isnull=True) | Q(quarters_text__in=NO_QUARTERS[1:])
METRIC_LACKS = (Q(baseline="") | Q(target_year_1="") | Q(target_year_2="")
                | Q(target_year_3="") | Q(data_source=""))  # :func:`_metric_lacks` in SQL
# What the percent puts for an initiative or a metric that lacks something: the steps count
# them, the percent names none of them.
UNNAMED = ""
UNNAMED_METRIC = {"name": "", "baseline": "", "targets": [], "data_source": ""}


def _count_of(rows, *conditions):
    """How many of a component plan's ``rows`` (initiatives, metrics) meet ``conditions``:
    a subquery."""
    return Coalesce(Subquery(
        rows.filter(*conditions, component=OuterRef("pk")).order_by().values("component")
        .annotate(n=Count("pk")).values("n"), output_field=IntegerField()), Value(0))


def percents_complete(*, strategies):
    """``[(strategy, percent)]``: :func:`percent_complete` of the steps of each of
    ``strategies`` (a queryset, in its order), by the same rules as
    :func:`strategy_progress`, in two queries whatever the number of strategies: the
    strategies with the years their roadmap covers, and their plans with how many
    initiatives and metrics each has and how many of them lack something (no snapshots,
    no row per initiative or metric, no titles: the percent names nothing)."""
    placed = {year: Exists(Initiative.objects.filter(component__strategy=OuterRef("pk"),
                                                     year=year)) for year in YEARS}
    strategies = list(strategies.only("id", "city_id", "template_id", "vision", "priorities",
                                      "state").annotate(**{f"in_year_{y}": e
                                                           for y, e in placed.items()}))
    as_text = Initiative.objects.annotate(quarters_text=Cast("quarters", TextField()))
    plans = (ComponentPlan.objects.filter(strategy_id__in=[s.pk for s in strategies])
             .order_by("order", "pk")
             .annotate(n_initiatives=_count_of(as_text),
                       n_unplaced=_count_of(as_text, UNPLACED),
                       n_ownerless=_count_of(as_text, Q(owner="")),
                       n_metrics=_count_of(Metric.objects.all()),
                       n_lacking=_count_of(Metric.objects.all(), METRIC_LACKS))
             .values_list("strategy_id", "key", "current_maturity", "target_state", "goals",
                          "n_initiatives", "n_unplaced", "n_ownerless", "n_metrics",
                          "n_lacking"))
    components = defaultdict(list)
    for strategy_id, key, maturity, target_state, goals, initiatives, unplaced, ownerless, \
            metrics, lacking in plans:
        components[strategy_id].append({
            "key": key, "title": key, "maturity": maturity, "target_state": target_state,
            "goals": lines_of(goals), "initiatives": initiatives, "unplaced": unplaced,
            "ownerless": ownerless, "metrics": metrics, "lacking": [UNNAMED_METRIC] * lacking})
    result = []
    for strategy in strategies:
        mine = components[strategy.pk]
        roadmap = {"years": {y for y in YEARS if getattr(strategy, f"in_year_{y}")},
                   "unplaced": [UNNAMED] * sum(c["unplaced"] for c in mine),
                   "ownerless": [UNNAMED] * sum(c["ownerless"] for c in mine),
                   "count": sum(c["initiatives"] for c in mine)}
        result.append((strategy, percent_complete(_steps(
            vision=strategy.vision, priorities=strategy.priority_list, components=mine,
            roadmap=roadmap))))
    return result
