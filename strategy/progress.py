"""What is complete and what is missing, step by step, in the guided builder."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from common.labels import and_list
from strategy.models import ComponentPlan, Initiative, Metric, TemplateComponent
from strategy.snapshot import all_initiatives, component_title, lines_of


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


def _vision_step(snapshot):
    missing = []
    if not snapshot["vision"].strip():
        missing.append(_("Write the vision statement."))
    if not snapshot["priorities"]:
        missing.append(_("List at least one priority for resident impact."))
    return Step("vision", _("Vision and priorities"), missing)


def _component_step(component):
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
                count=str(len(component["initiatives"])))


def _roadmap_step(snapshot):
    missing = []
    initiatives = [i for _c, i in all_initiatives(snapshot)]
    years = {i["year"] for i in initiatives}
    for year in (1, 2, 3):
        if year not in years:
            missing.append(_("Place at least one initiative in year %(year)s.") % {"year": year})
    unplaced = [i["title"] for i in initiatives if not i["quarters"]]
    if unplaced:
        missing.append(_("Choose the quarters of: %(titles)s.") % {"titles": and_list(unplaced)})
    ownerless = [i["title"] for i in initiatives if not i["owner"]]
    if ownerless:
        missing.append(_("Name an owner for: %(titles)s.") % {"titles": and_list(ownerless)})
    return Step("roadmap", _("Roadmap"), missing, count=str(len(initiatives)))


def _metrics_step(snapshot):
    missing = []
    total = 0
    for component in snapshot["components"]:
        total += len(component["metrics"])
        if not component["metrics"]:
            missing.append(_("Add a metric for %(component)s.") % {
                "component": component["title"]})
        for metric in component["metrics"]:
            if not metric["baseline"] or not all(metric["targets"]):
                missing.append(_("Give “%(name)s” a baseline and a target for each year.") % {
                    "name": metric["name"]})
            if not metric["data_source"]:
                missing.append(_("Name the data source of “%(name)s”.") % {
                    "name": metric["name"]})
    return Step("metrics", _("Metrics"), missing, count=str(total))


def strategy_progress(*, snapshot):
    """Every step of the builder (``Step``), the review step last."""
    steps = [_vision_step(snapshot)]
    steps += [_component_step(c) for c in snapshot["components"]]
    steps += [_roadmap_step(snapshot), _metrics_step(snapshot)]
    incomplete = [s.title for s in steps if not s.complete]
    review_missing = (
        [_("Complete these steps first: %(steps)s.") % {"steps": and_list(incomplete)}]
        if incomplete else []
    )
    steps.append(Step("review", _("Review and submit"), review_missing))
    return steps


def percent_complete(steps):
    done = sum(1 for s in steps[:-1] if s.complete)
    return round(100 * done / max(len(steps) - 1, 1))


# An initiative's quarters as text (JSON) when it has none.
NO_QUARTERS = (None, "", "null", "[]")


def percents_complete(*, strategies):
    """``[(strategy, percent)]``: :func:`percent_complete` of :func:`strategy_progress` for
    each of ``strategies`` (a queryset, in its order), read from the few fields the steps
    look at (five queries whatever the number of strategies), not from full snapshots
    (:func:`strategy.snapshot.snapshots_of`): no descriptions, resources, rubrics or people."""
    strategies = list(strategies.only("id", "city_id", "template_id", "vision", "priorities",
                                      "state"))
    titles = defaultdict(dict)  # template → {component key: title in the active language}
    shipped = defaultdict(list)
    for component in TemplateComponent.objects.filter(
            template_id__in={s.template_id for s in strategies}):
        shipped[component.template_id].append(component)
    for template_id, components in shipped.items():
        titles[template_id] = {c.key: component_title(components, c.key) for c in components}
    # Plans, initiatives and metrics by their strategies (a few ids, not every plan's).
    strategy_ids = [s.pk for s in strategies]
    plans = list(ComponentPlan.objects.filter(strategy_id__in=strategy_ids).order_by("order", "pk")
                 .values_list("id", "strategy_id", "key", "current_maturity", "target_state",
                              "goals"))
    initiatives, metrics = defaultdict(list), defaultdict(list)
    for component_id, title, year, quarters, owner in (
            Initiative.objects.filter(component__strategy_id__in=strategy_ids)
            .order_by("year", "pk")
            .values_list("component_id", "title", "year", Cast("quarters", TextField()),
                         "owner")):
        # The percent asks only whether an initiative has quarters: not decoded.
        initiatives[component_id].append({"title": title, "year": year,
                                          "quarters": [] if quarters in NO_QUARTERS else [0],
                                          "owner": owner})
    for component_id, name, baseline, *targets, data_source in (
            Metric.objects.filter(component__strategy_id__in=strategy_ids).order_by("pk").values_list(
                "component_id", "name", "baseline", "target_year_1", "target_year_2",
                "target_year_3", "data_source")):
        metrics[component_id].append({"name": name, "baseline": baseline, "targets": targets,
                                      "data_source": data_source})
    template_of = {s.pk: s.template_id for s in strategies}
    components = defaultdict(list)
    for plan_id, strategy_id, key, maturity, target_state, goals in plans:
        known = titles[template_of[strategy_id]]
        components[strategy_id].append({
            "key": key, "title": known[key] if key in known else component_title([], key),
            "maturity": maturity, "target_state": target_state,
            "goals": lines_of(goals), "initiatives": initiatives[plan_id],
            "metrics": metrics[plan_id],
        })
    return [
        (strategy, percent_complete(strategy_progress(snapshot={
            "vision": strategy.vision, "priorities": strategy.priority_list,
            "components": components[strategy.pk]})))
        for strategy in strategies
    ]
