"""What the assessment pages show, read in a fixed number of queries: the framework's tree,
the answers, the coach's verdicts, the scores (verified, and as answered) and each
criterion's state."""

from dataclasses import dataclass, field

from assessment import scoring
from assessment.models import Area, Assessment, Kind, Verdict
from assessment.windows import window
from common.multilingual import in_language


class State:
    MET = "met"
    AWAITING_COACH = "awaiting_coach"
    QUESTIONED = "questioned"
    BLOCKED = "blocked"  # verified, but a prerequisite is not met
    NOT_MET = "not_met"


@dataclass
class CriterionRow:
    criterion: object
    items: list  # [(item, answer or None)]
    review: object
    holding: int
    state: str
    prerequisites: list = field(default_factory=list)  # texts of unmet prerequisites
    initiative: object = None  # the GapInitiative, when the gap was added to the strategy


def framework_tree(framework):
    """The framework's areas with their criteria and items, in three queries."""
    return list(Area.objects.filter(framework=framework).prefetch_related("criteria__items"))


def facts_of(areas):
    facts, n = [], 0
    for area in areas:
        for criterion in area.criteria.all():
            facts.append(scoring.CriterionFacts(
                key=criterion.key, area=area.key, needs=criterion.needs,
                requires=tuple(criterion.requires or ()),
                items=tuple(item.pk for item in criterion.items.all()), order=n))
            n += 1
    return facts


def _state(criterion, *, holding, review, verified_met):
    if criterion.key in verified_met:
        return State.MET
    if review and review.verdict == Verdict.QUESTIONED:
        return State.QUESTIONED
    if holding >= criterion.needs:
        return State.BLOCKED if review else State.AWAITING_COACH
    return State.NOT_MET


def read_assessment(assessment):
    """``{"areas": [(area, AreaScore, [CriterionRow])], "score", "answered", "criteria"}``
    for one assessment, in seven queries (tree 3, answers, reviews, gap initiatives)."""
    areas = framework_tree(assessment.framework)
    answers = {a.item_id: a for a in assessment.answers.all()}
    reviews = {r.criterion_id: r for r in assessment.reviews.select_related("reviewer")}
    initiatives = {g.criterion_id: g for g in assessment.gap_initiatives.all()}
    facts = facts_of(areas)
    holding = {item_id for item_id, answer in answers.items() if answer.holds}
    by_key = {c.key: c for area in areas for c in area.criteria.all()}
    verified = {c.key for c in by_key.values()
                if c.pk in reviews and reviews[c.pk].verdict == Verdict.VERIFIED}
    score = scoring.score(facts, assessment.framework.tiers, holding_items=holding,
                          verified_keys=verified)
    answered = scoring.score(facts, assessment.framework.tiers, holding_items=holding,
                             verified_keys=set(by_key))
    rows = []
    for area in areas:
        area_rows = []
        for criterion in area.criteria.all():
            items = [(item, answers.get(item.pk)) for item in criterion.items.all()]
            count = sum(1 for _item, answer in items if answer and answer.holds)
            review = reviews.get(criterion.pk)
            area_rows.append(CriterionRow(
                criterion=criterion, items=items, review=review, holding=count,
                state=_state(criterion, holding=count, review=review,
                             verified_met=score.met),
                prerequisites=[in_language(by_key[k].text, default=k)
                               for k in criterion.requires
                               if k not in score.met and k in by_key],
                initiative=initiatives.get(criterion.pk)))
        rows.append((area, score.areas.get(area.key), area_rows))
    return {"areas": rows, "score": score, "answered": answered, "criteria": by_key}


def assessments_of(city):
    """The city's assessments, newest enrollment first, with their frameworks (one query)."""
    return list(Assessment.objects.filter(city=city).select_related("framework", "enrollment")
                .order_by("-enrollment__cohort__starts_on", "opens_on"))


def windows_of(enrollment):
    """``[(kind, label, opens_on, closes_on)]`` of an enrollment's cohort."""
    return [(kind, label, *window(enrollment.cohort, kind)) for kind, label in Kind.choices]
