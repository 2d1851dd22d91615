"""The decision meeting's figures: each application's weighted average score, the spread
between its reviewers, the large disagreements, and the reviews still missing.

A reviewer's score of an application is the weighted mean of their scores of the rubric's
visible criteria (each score × its criterion's weight, divided by the weights' sum). The
application's score is the mean of its reviewers' scores; only submitted reviews without a
conflict of interest count (drafts and conflicted reviews do not). The spread is the
highest reviewer's score minus the lowest; from :data:`DISAGREEMENT` points up the
reviewers disagree enough to talk it through.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

DISAGREEMENT = Decimal("1.5")  # points on the 1–5 scale between two reviewers' scores


def _round(value):
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def reviewer_score(scores, weights):
    """Weighted mean of ``scores`` (``{criterion id: value}``) by ``weights``
    (``{criterion id: weight}`` of the visible criteria), or ``None`` with nothing scored."""
    counted = [(Decimal(value), Decimal(weights[cid])) for cid, value in scores.items()
               if cid in weights and value is not None]
    total = sum(weight for _value, weight in counted)
    if not total:
        return None
    return sum(value * weight for value, weight in counted) / total


@dataclass
class Standing:
    """One application in the ranking."""

    application: object
    reviewer_scores: list = field(default_factory=list)  # [(assignment, Decimal)]
    missing: int = 0  # assigned, no conflict, not submitted yet
    conflicts: int = 0
    rank: int | None = None

    @property
    def average(self):
        values = [score for _assignment, score in self.reviewer_scores]
        return _round(sum(values) / len(values)) if values else None

    @property
    def spread(self):
        values = [score for _assignment, score in self.reviewer_scores]
        return _round(max(values) - min(values)) if len(values) > 1 else None

    @property
    def disagreement(self):
        return self.spread is not None and self.spread >= DISAGREEMENT


def standings(*, applications, assignments, criteria):
    """Rank ``applications`` by average score, highest first (unscored ones last, by
    name), from their ``assignments`` (with ``scores`` prefetched) and the rubric's
    ``criteria``. Returns :class:`Standing` rows; ties share a rank."""
    weights = {c.pk: c.weight for c in criteria if not c.hidden}
    rows = {a.pk: Standing(application=a) for a in applications}
    for assignment in assignments:
        row = rows.get(assignment.application_id)
        if row is None:
            continue
        if assignment.conflicted:
            row.conflicts += 1
        elif not assignment.submitted:
            row.missing += 1
        else:
            score = reviewer_score({s.criterion_id: s.value for s in assignment.scores.all()},
                                   weights)
            if score is not None:
                row.reviewer_scores.append((assignment, score))
    ranked = sorted(rows.values(), key=lambda r: (r.average is None, -(r.average or 0),
                                                  r.application.city_name.lower()))
    previous, rank = None, 0
    for position, row in enumerate(ranked, start=1):
        if row.average is None:
            break
        if row.average != previous:
            rank, previous = position, row.average
        row.rank = rank
    return ranked
