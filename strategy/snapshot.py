"""A strategy as plain data: what the reading view, versions, diffs, PDFs and the API show.

A submitted version freezes exactly this dict, so a frozen version and the live strategy
render through the same templates. Building it costs a constant number of queries.
"""

from collections import defaultdict

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from strategy.defaults import (
    SHIPPED_COMPONENTS,
    as_shipped,
    component_text,
    shipped_title_in_every_language,
    strategy_title,
)
from strategy.labels import quarters_text
from strategy.models import (
    ComponentPlan,
    Frequency,
    Initiative,
    InitiativeStatus,
    Metric,
    PracticeArea,
    Strategy,
)

SNAPSHOT_FORMAT = 1


def with_parts(strategies):
    """``strategies`` (a queryset) with everything a snapshot needs prefetched, so any
    number of strategies costs a constant number of queries."""
    return strategies.select_related("city", "template", "approved_by").prefetch_related(
        "template__components",
        Prefetch(
            "components",
            queryset=ComponentPlan.objects.prefetch_related(
                Prefetch("initiatives", queryset=Initiative.objects.order_by("year", "pk")),
                Prefetch("metrics", queryset=Metric.objects.order_by("pk")),
            ).order_by("order", "pk"),
        ),
    )


def load_strategy(*, strategy_id):
    """The strategy with everything a snapshot needs, in a constant number of queries."""
    return with_parts(Strategy.objects.all()).get(pk=strategy_id)


def component_title(template_components, key):
    """The component's title for the reader: as staff typed it, else as shipped, in the
    active language."""
    for component in template_components:
        if component.key == key:
            return component_text(component, "title")
    return key.replace("-", " ").capitalize()


def lines_of(text):
    """The non-empty lines of ``text`` without their bullets (goals, priorities)."""
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip()]


def snapshot_strategy(*, strategy):
    """Return the plain-data picture of ``strategy`` (load it with :func:`load_strategy`)."""
    return _picture(
        strategy,
        template_components=list(strategy.template.components.all()),
        plans=[(vars(plan), [vars(i) for i in plan.initiatives.all()],
                [vars(m) for m in plan.metrics.all()]) for plan in strategy.components.all()],
    )


#: The fields of a plan, an initiative and a metric that a snapshot shows.
PLAN_FIELDS = ("id", "strategy_id", "key", "current_maturity", "current_state",
               "target_state", "goals")
INITIATIVE_FIELDS = ("id", "component_id", "title", "description", "year", "quarters",
                     "owner", "resources", "dependencies", "status", "practice_areas")
METRIC_FIELDS = ("id", "component_id", "name", "baseline", "target_year_1", "target_year_2",
                 "target_year_3", "actual_year_1", "actual_year_2", "actual_year_3",
                 "data_source", "frequency")


def parts_of(strategy_ids):
    """``{strategy id: [(plan, initiatives, metrics)]}``: the plans of the strategies
    ``strategy_ids`` with their initiatives and metrics, as plain rows (``values()``), in
    three queries."""
    plans = list(ComponentPlan.objects.filter(strategy_id__in=strategy_ids)
                 .order_by("order", "pk").values(*PLAN_FIELDS))
    plan_ids = [plan["id"] for plan in plans]
    initiatives, metrics = defaultdict(list), defaultdict(list)
    for row in (Initiative.objects.filter(component_id__in=plan_ids).order_by("year", "pk")
                .values(*INITIATIVE_FIELDS)):
        initiatives[row["component_id"]].append(row)
    for row in Metric.objects.filter(component_id__in=plan_ids).order_by("pk").values(
            *METRIC_FIELDS):
        metrics[row["component_id"]].append(row)
    plans_of = {}
    for plan in plans:
        plans_of.setdefault(plan["strategy_id"], []).append(
            (plan, initiatives[plan["id"]], metrics[plan["id"]]))
    return plans_of


def snapshots_of(*, strategies, parts=parts_of):
    """``[(strategy, snapshot)]``: :func:`snapshot_strategy` of each of ``strategies`` (a
    queryset, in its order), the same pictures read as plain rows, without a model per
    initiative or metric: five queries whatever the number of strategies. ``parts`` reads
    the strategies' plans (:func:`parts_of`, or the same rows kept)."""
    strategies = list(strategies.select_related("city", "template", "approved_by")
                      .prefetch_related("template__components"))
    plans_of = parts([strategy.pk for strategy in strategies])
    shipped = {}  # template pk → (titles, rubric): the template's texts, drawn once
    for strategy in strategies:
        if strategy.template_id not in shipped:
            components = list(strategy.template.components.all())
            shipped[strategy.template_id] = (
                {c.key: component_title(components, c.key) for c in components},
                {c.key: dict(c.rubric) for c in components},
            )
    return [
        (strategy, _picture(strategy, template_components=None,
                            plans=plans_of.get(strategy.pk, []),
                            shipped=shipped[strategy.template_id]))
        for strategy in strategies
    ]


def _picture(strategy, *, template_components, plans, shipped=None):
    """The snapshot of ``strategy`` from its plans, each ``(plan, initiatives, metrics)`` as
    mappings of their fields (a model's ``vars()`` or a ``values()`` row), and its template's
    components (or ``shipped``: their titles and rubrics by key, already drawn)."""
    if shipped is None:
        titles, rubric = {}, {c.key: dict(c.rubric) for c in template_components}
    else:
        titles, rubric = shipped
    components = []
    for plan, initiatives, metrics in plans:
        components.append({
            "key": plan["key"],
            "title": titles[plan["key"]] if plan["key"] in titles
            else component_title(template_components or [], plan["key"]),
            "maturity": plan["current_maturity"],
            "maturity_text": rubric.get(plan["key"], {}).get(plan["current_maturity"], ""),
            "current_state": plan["current_state"],
            "target_state": plan["target_state"],
            "goals": lines_of(plan["goals"]),
            "initiatives": [
                {
                    "id": i["id"], "title": i["title"], "description": i["description"],
                    "year": i["year"], "quarters": sorted(i["quarters"] or []),
                    "owner": i["owner"], "resources": i["resources"],
                    "dependencies": i["dependencies"], "status": i["status"],
                    "practice_areas": list(i["practice_areas"] or []),
                }
                for i in initiatives
            ],
            "metrics": [
                {
                    "id": m["id"], "name": m["name"], "baseline": m["baseline"],
                    "targets": [m["target_year_1"], m["target_year_2"], m["target_year_3"]],
                    "actuals": [m["actual_year_1"], m["actual_year_2"], m["actual_year_3"]],
                    "data_source": m["data_source"], "frequency": m["frequency"],
                }
                for m in metrics
            ],
        })
    approval = None
    if strategy.approved_at:
        approval = {
            "by": str(strategy.approved_by) if strategy.approved_by else "",
            "at": strategy.approved_at.isoformat(),
        }
    return {
        "format": SNAPSHOT_FORMAT,
        "city": strategy.city.name,
        "title": str(strategy),
        "vision": strategy.vision,
        "priorities": strategy.priority_list,
        "components": components,
        "approval": approval,
    }


def in_reader_language(snapshot, *, strategy):
    """A frozen ``snapshot`` (a submitted version) with the shipped texts it froze — the
    default title, component titles, the rubric level — in the active language, as the live
    strategy shows them; text people typed stays as it was frozen."""
    components = {c.key: c for c in strategy.template.components.all()}
    snapshot = {**snapshot, "components": [dict(c) for c in snapshot["components"]]}
    if snapshot.get("title") in shipped_title_in_every_language(strategy.city.name):
        snapshot["title"] = strategy_title(Strategy(city=strategy.city))
    for component in snapshot["components"]:
        template_component = components.get(component["key"])
        if template_component is None:
            continue
        if as_shipped(component.get("title"), SHIPPED_COMPONENTS.get(component["key"], {}).get(
                "title")):
            component["title"] = component_text(template_component, "title")
        level = component.get("maturity")
        source = SHIPPED_COMPONENTS.get(component["key"], {}).get(f"rubric_{level}")
        if level and source and as_shipped(component.get("maturity_text"), source):
            component["maturity_text"] = component_text(template_component, f"rubric_{level}")
    return snapshot


def status_label(value):
    return dict(InitiativeStatus.choices).get(value, value)


def frequency_label(value):
    return dict(Frequency.choices).get(value, value)


def practice_area_labels(values):
    labels = dict(PracticeArea.choices)
    return [str(labels.get(v, v)) for v in values]


def quarters_label(initiative):
    quarters = initiative.get("quarters") or []
    if not quarters:
        return _("Year %(year)s") % {"year": initiative["year"]}
    return _("Year %(year)s, %(quarters)s") % {
        "year": initiative["year"], "quarters": quarters_text(quarters),
    }


def quarters_labeller():
    """:func:`quarters_label` for the initiatives of one list, each year and quarters
    drawn once (in the language active while the list is drawn)."""
    drawn = {}

    def label(initiative):
        key = (initiative["year"], tuple(initiative.get("quarters") or ()))
        if key not in drawn:
            drawn[key] = quarters_label(initiative)
        return drawn[key]

    return label


def all_initiatives(snapshot):
    """[(component, initiative)] across components, by year then first quarter."""
    rows = [(c, i) for c in snapshot["components"] for i in c["initiatives"]]
    return sorted(rows, key=lambda r: (r[1]["year"], (r[1]["quarters"] or [9])[0]))


def sections(snapshot):
    """[(key, title, text)]: each section of the strategy as readable text, for diffs."""
    out = [(
        "vision", _("Vision and priorities"),
        "\n".join([snapshot["vision"], "", *[f"• {p}" for p in snapshot["priorities"]]]).strip(),
    )]
    for component in snapshot["components"]:
        lines = [
            _("Current maturity: %(level)s") % {"level": component["maturity"] or "—"},
            component.get("current_state") or "",
            _("Target state: %(text)s") % {"text": component["target_state"]},
            *[f"• {goal}" for goal in component["goals"]],
        ]
        for initiative in component["initiatives"]:
            lines.append(
                f"{initiative['title']} — {quarters_label(initiative)} — "
                f"{initiative['owner']} — {status_label(initiative['status'])}"
            )
            if initiative["description"]:
                lines.append(f"  {initiative['description']}")
        out.append((f"component-{component['key']}", component["title"],
                     "\n".join(line for line in lines if line is not None).strip()))
    metric_lines = []
    for component in snapshot["components"]:
        for metric in component["metrics"]:
            targets = " / ".join(t or "—" for t in metric["targets"])
            metric_lines.append(
                f"{component['title']}: {metric['name']} — {metric['baseline'] or '—'} → "
                f"{targets} ({metric['data_source']}, {frequency_label(metric['frequency'])})"
            )
    out.append(("metrics", _("Metrics"), "\n".join(metric_lines)))
    return out
