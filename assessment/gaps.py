"""Gaps lead to the strategy: an unmet criterion becomes an initiative of the city's strategy
in one step, tagged with the criterion's practice area, placed under the strategy component
the practice area belongs to (:data:`COMPONENT_OF_AREA`), in year 1."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assessment.models import Criterion, GapInitiative
from common.multilingual import in_language
from strategy.editing import save_initiative, start_strategy
from strategy.models import PracticeArea

# Which of the strategy's core components a practice area's work belongs to.
COMPONENT_OF_AREA = {
    PracticeArea.LEADERSHIP: "governance",
    PracticeArea.BUDGET: "governance",
    PracticeArea.DATA_MANAGEMENT: "quality",
    PracticeArea.PERFORMANCE: "use",
    PracticeArea.EVALUATIONS: "use",
    PracticeArea.CONTRACTING: "use",
    PracticeArea.OPEN_DATA: "transparency",
    PracticeArea.COMMUNITY: "transparency",
}


def component_for(area_key, component_keys):
    """The component of the strategy (among ``component_keys``) for a practice area: its own
    when the strategy has it, else the first one."""
    wanted = COMPONENT_OF_AREA.get(area_key)
    keys = list(component_keys)
    return wanted if wanted in keys else (keys[0] if keys else None)


@transaction.atomic
def turn_gap_into_initiative(*, assessment, criterion_id, by, language=None):
    """Add the unmet criterion ``criterion_id`` to the city's strategy as a planned
    initiative (starting the strategy when there is none). Refused when it was already
    added, or when the strategy cannot be edited now (with the strategy's own reason)."""
    criterion = Criterion.objects.filter(
        pk=criterion_id, area__framework=assessment.framework).select_related("area").first()
    if criterion is None:
        raise ValidationError({"criterion": [_("This criterion is not part of this "
                                               "assessment.")]})
    if GapInitiative.objects.filter(assessment=assessment, criterion=criterion).exists():
        raise ValidationError({"criterion": [_("This gap is already an initiative of your "
                                               "strategy.")]})
    strategy = start_strategy(city=assessment.city, user=by)
    keys = [plan.key for plan in strategy.components.all()]
    component = component_for(criterion.area.key, keys)
    if component is None:
        raise ValidationError({"criterion": [_("Your strategy has no component to add it "
                                               "to.")]})
    evidence = in_language(criterion.evidence, reader=language)
    data = {
        "title": in_language(criterion.text, reader=language, default=criterion.key)[:200],
        "description": (_("From the data-practice assessment. Evidence expected: %(evidence)s")
                        % {"evidence": evidence}) if evidence else
        _("From the data-practice assessment."),
        "year": 1, "quarters": [], "status": "planned",
        "practice_areas": [criterion.area.key],
    }
    strategy, initiative = save_initiative(strategy=strategy, data=data,
                                           expected_revision=strategy.revision, user=by,
                                           component_key=component)
    return GapInitiative.objects.create(assessment=assessment, criterion=criterion,
                                        initiative=initiative, created_by=by)
