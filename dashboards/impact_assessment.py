"""The impact report's data-practice figures: each city's assessment at the baseline and at
the end, verified by its coach (``assessment.results.scores_for_cohort``), per practice area
and tier, and the cohort's, added up from the cities' criteria."""

from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from assessment.models import Area
from assessment.results import scores_for_cohort, tier_name
from assessment.scoring import as_percent
from common.multilingual import in_language
from dashboards.charts import compare_bars

BASELINE, END = "baseline", "end"
TITLE = gettext_lazy("Data practice: baseline → end")
SENTENCE = gettext_lazy(
    "Each city assessed its data practice against the program's framework in the first "
    "month (baseline) and again in the last (end); a criterion counts only once the city's "
    "coach verified its evidence. The share of criteria met places the city in a tier. "
    "The cohort's share adds up every city's criteria.")
AREAS_TITLE = gettext_lazy("Data practice per practice area")
AREAS_SENTENCE = gettext_lazy(
    "The share of each practice area's criteria met across the cohort's cities, at the "
    "baseline and at the end (the line marks the baseline, the bar the end); then each "
    "city's, baseline → end.")


@dataclass
class Tally:
    """Criteria met out of criteria assessed, added up over cities (or one city's)."""

    met: int = 0
    total: int = 0

    @property
    def percent(self):
        return as_percent(Fraction(self.met, self.total)) if self.total else None

    def add(self, met, total):
        self.met += met
        self.total += total


def practice_areas(*, cohort):
    """``{area key: name}`` of the frameworks the cohort's assessments were made with, in
    the framework's order and the reader's language (one query)."""
    names = {}
    with scopes_disabled():
        for key, name in (Area.objects.filter(framework__assessments__enrollment__cohort=cohort)
                          .order_by("order", "pk").values_list("key", "name").distinct()):
            names.setdefault(key, in_language(name, default=key))
    return names


def assessment_figures(*, cohort, city_ids):
    """``(scores, areas)``: ``{city_id: {"baseline": Score, "end": Score}}`` of ``city_ids``
    (a kind missing when it was never opened) and :func:`practice_areas`. Six queries."""
    scores = scores_for_cohort(cohort)
    return ({city_id: scores.get(city_id, {}) for city_id in city_ids},
            practice_areas(cohort=cohort))


def _cells(score):
    if score is None:
        return ["", "", ""]
    return [len(score.met), score.percent, tier_name(score.tier) or _("No tier yet")]


def _change(baseline, end):
    if baseline is None or end is None:
        return ""
    return end.percent - baseline.percent


def assessment_section(impact, section_class, place):
    """The per-city section (baseline and end: criteria met, share, tier, change)."""
    totals = {BASELINE: Tally(), END: Tally()}
    rows = []
    for row in impact.rows:
        scores = impact.assessments.get(row.city.pk, {})
        for kind in (BASELINE, END):
            if kind in scores:
                totals[kind].add(len(scores[kind].met), scores[kind].total)
        rows.append([*place(row), *_cells(scores.get(BASELINE)), *_cells(scores.get(END)),
                     _change(scores.get(BASELINE), scores.get(END))])
    base, end = totals[BASELINE], totals[END]
    change = "" if base.percent is None or end.percent is None else end.percent - base.percent
    return section_class(
        key="assessment", title=str(TITLE), sentence=str(SENTENCE),
        header=[_("City"), _("Country"), _("Baseline: criteria met"), _("Baseline (%)"),
                _("Baseline tier"), _("End: criteria met"), _("End (%)"), _("End tier"),
                _("Change (points)")],
        rows=rows,
        total=[_("All cities"), "", base.met, _blank(base.percent), "", end.met,
               _blank(end.percent), "", change],
        chart=compare_bars(
            [(r.city.name, _end_percent(impact, r), _base_percent(impact, r),
              _from_to(_base_percent(impact, r), _end_percent(impact, r)))
             for r in impact.rows],
            title=_("Share of the criteria met, baseline (line) and end (bar), per city")),
    )


def areas_section(impact, section_class):
    """Per practice area: the cohort's share at the baseline and at the end; then per city
    (``area: baseline% → end%``)."""
    areas = impact.practice_areas
    cohort = {key: {BASELINE: Tally(), END: Tally()} for key in areas}
    rows = []
    for row in impact.rows:
        scores = impact.assessments.get(row.city.pk, {})
        cells = []
        for key in areas:
            shares = {}
            for kind in (BASELINE, END):
                area = scores[kind].areas.get(key) if kind in scores else None
                if area is not None:
                    cohort[key][kind].add(area.met, area.total)
                    shares[kind] = area.percent
            cells.append(_from_to(shares.get(BASELINE), shares.get(END)))
        rows.append([row.city.name, *cells])
    total = [_from_to(cohort[key][BASELINE].percent, cohort[key][END].percent)
             for key in areas]
    return section_class(
        key="areas", title=str(AREAS_TITLE), sentence=str(AREAS_SENTENCE),
        header=[_("City"), *areas.values()], rows=rows, total=[_("All cities"), *total],
        chart=compare_bars(
            [(name, cohort[key][END].percent or 0, cohort[key][BASELINE].percent,
              _from_to(cohort[key][BASELINE].percent, cohort[key][END].percent))
             for key, name in areas.items()],
            title=_("Share of each practice area's criteria met across the cohort, baseline "
                    "(line) and end (bar)")),
    )


def assessment_headline(impact):
    """``[(label, figure)]``: the cohort's share of criteria met, baseline → end, and how
    many cities rose a tier (of those with both assessments)."""
    totals = {BASELINE: Tally(), END: Tally()}
    rose = both = 0
    for scores in impact.assessments.values():
        for kind in (BASELINE, END):
            if kind in scores:
                totals[kind].add(len(scores[kind].met), scores[kind].total)
        if BASELINE in scores and END in scores:
            both += 1
            rose += _tier_rank(scores[END].tier) > _tier_rank(scores[BASELINE].tier)
    return [
        (_("Data practice: criteria met"),
         _from_to(totals[BASELINE].percent, totals[END].percent)),
        (_("Cities that rose a tier"), _("%(rose)s of %(cities)s") % {
            "rose": rose, "cities": both}),
    ]


def _tier_rank(tier):
    """A tier's place (its share of criteria; no tier is lowest)."""
    return Fraction(str(tier["share"])) if tier else Fraction(-1)


def _blank(value):
    return "" if value is None else value


def _from_to(baseline, end):
    """``"40% → 55%"`` (a dash for an assessment not made)."""
    if baseline is None and end is None:
        return ""
    return _("%(baseline)s → %(end)s") % {
        "baseline": "–" if baseline is None else _("%(percent)s%%") % {"percent": baseline},
        "end": "–" if end is None else _("%(percent)s%%") % {"percent": end}}


def _base_percent(impact, row):
    score = impact.assessments.get(row.city.pk, {}).get(BASELINE)
    return None if score is None else score.percent


def _end_percent(impact, row):
    score = impact.assessments.get(row.city.pk, {}).get(END)
    return 0 if score is None else score.percent
