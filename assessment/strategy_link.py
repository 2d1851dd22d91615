"""The strategy's component step shows the assessment's result beside the current-state
maturity: for each practice area of the component (``gaps.COMPONENT_OF_AREA``), how many
criteria the city meets in its latest assessment (registered on ``strategy.companions``)."""

from django.utils.translation import gettext as _

from assessment.gaps import COMPONENT_OF_AREA
from assessment.models import Assessment, Kind
from strategy.companions import register_beside_maturity
from strategy.models import PracticeArea


@register_beside_maturity
def assessment_beside_maturity(city):
    """``{component key: [line, …]}`` from the city's latest assessment (one query)."""
    latest = (Assessment.objects.filter(city=city).order_by("-opens_on", "-pk")
              .values("kind", "summary").first())
    if not latest or not (latest["summary"] or {}).get("areas"):
        return {}
    kind = Kind(latest["kind"]).label
    lines = {}
    for area, (met, total) in latest["summary"]["areas"].items():
        if area not in COMPONENT_OF_AREA or not total:
            continue
        lines.setdefault(COMPONENT_OF_AREA[area], []).append(_(
            "Data-practice assessment (%(kind)s): %(area)s, %(met)s of %(total)s criteria met "
            "and verified.") % {"kind": kind, "area": PracticeArea(area).label, "met": met,
                                "total": total})
    return lines
