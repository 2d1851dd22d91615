"""What is complete and what is missing, step by step, in the guided builder."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from common.labels import and_list
from strategy.snapshot import all_initiatives


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
