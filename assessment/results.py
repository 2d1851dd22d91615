"""Reading assessments' scores from the database in a fixed number of queries.

``scores_of(assessments)`` scores any list of assessments (four queries, whatever their
number and their frameworks); ``scores_for_cohort(cohort)`` is the read the cohort's impact
report calls: per city, per kind (``"baseline"``, ``"end"``), a :class:`scoring.Score` with
its share met, tier and per-practice-area scores.
"""

from collections import defaultdict

from django_scopes import scopes_disabled

from assessment import scoring
from assessment.models import Answer, Assessment, Criterion, Item, Review, Verdict
from common.multilingual import in_language


def framework_facts(framework_ids):
    """``{framework id: [CriterionFacts]}`` (two queries), criteria in the framework's order."""
    criteria = list(
        Criterion.objects.filter(area__framework_id__in=set(framework_ids))
        .select_related("area").order_by("area__order", "area_id", "order", "pk"))
    items = defaultdict(list)
    for criterion_id, item_id in (Item.objects.filter(criterion__in=criteria)
                                  .order_by("order", "pk").values_list("criterion_id", "id")):
        items[criterion_id].append(item_id)
    facts = defaultdict(list)
    for n, criterion in enumerate(criteria):
        facts[criterion.area.framework_id].append(scoring.CriterionFacts(
            key=criterion.key, area=criterion.area.key, needs=criterion.needs,
            requires=tuple(criterion.requires or ()), items=tuple(items[criterion.pk]),
            order=n))
    return facts, {c.pk: c for c in criteria}


def scores_of(assessments, *, verified_only=True):
    """``{assessment id: Score}`` for ``assessments`` (their ``framework`` loaded), in four
    queries. With ``verified_only=False`` every criterion counts as verified: the score as
    the team answered it, before the coach's verdicts."""
    assessments = list(assessments)
    if not assessments:
        return {}
    facts, criteria = framework_facts(a.framework_id for a in assessments)
    holding = defaultdict(set)
    for assessment_id, item_id in Answer.objects.filter(
            assessment__in=assessments, holds=True).values_list("assessment_id", "item_id"):
        holding[assessment_id].add(item_id)
    verified = defaultdict(set)
    if verified_only:
        for assessment_id, criterion_id in Review.objects.filter(
                assessment__in=assessments, verdict=Verdict.VERIFIED,
        ).values_list("assessment_id", "criterion_id"):
            if criterion_id in criteria:
                verified[assessment_id].add(criteria[criterion_id].key)
    scores = {}
    for assessment in assessments:
        framework_criteria = facts.get(assessment.framework_id, [])
        keys = verified[assessment.pk] if verified_only else {c.key for c in framework_criteria}
        scores[assessment.pk] = scoring.score(
            framework_criteria, assessment.framework.tiers,
            holding_items=holding[assessment.pk], verified_keys=keys)
    return scores


def scores_for_cohort(cohort, *, verified_only=True):
    """``{city id: {"baseline": Score, "end": Score}}`` for the cohort's cities (a kind is
    missing when that assessment was never opened), in five queries. Reads across the
    cohort's cities on purpose (scopes disabled): the caller is staff's report."""
    with scopes_disabled():
        assessments = list(Assessment.objects.filter(enrollment__cohort=cohort)
                           .select_related("framework"))
        scores = scores_of(assessments, verified_only=verified_only)
    found = defaultdict(dict)
    for assessment in assessments:
        found[assessment.city_id][assessment.kind] = scores[assessment.pk]
    return dict(found)


def tier_name(tier):
    """The tier's name in the reader's language ("" for no tier)."""
    return in_language(tier["name"], default=tier["key"]) if tier else ""


def summary_of(score):
    """A :class:`scoring.Score` as the JSON kept in ``Assessment.summary``."""
    return {"met": len(score.met), "total": score.total, "percent": score.percent,
            "tier": score.tier["key"] if score.tier else None,
            "areas": {key: [area.met, area.total] for key, area in score.areas.items()}}


def refresh_summary(assessment):
    """Recompute and keep the assessment's verified score (after an answer or a verdict)."""
    with scopes_disabled():
        loaded = Assessment.objects.select_related("framework").get(pk=assessment.pk)
        assessment.summary = summary_of(scores_of([loaded])[loaded.pk])
        Assessment.objects.filter(pk=assessment.pk).update(summary=assessment.summary)
    return assessment.summary
