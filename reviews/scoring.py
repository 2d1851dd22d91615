"""A reviewer scores each criterion of the rubric (1–5, with a comment), saves a draft, then
submits. Other reviewers' scores are shown to a reviewer only once theirs is submitted."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews.models import LEVELS, Assignment, Score
from reviews.rubric import describe, rubric_of


def _require_open(assignment):
    if assignment.conflicted:
        raise ValidationError(_("You declared a conflict of interest with this application."))
    if assignment.submitted:
        raise ValidationError(_("This review is submitted; it can no longer be changed."))


def _clean(criteria, scores):
    """``{criterion id: (value or None, comment)}`` for the cohort's visible criteria, with
    a message per field for a value outside 1–5 or a criterion of another rubric."""
    known = {c.pk: c for c in criteria}
    errors, clean = {}, {}
    for criterion_id, (value, comment) in scores.items():
        if criterion_id not in known:
            errors["scores"] = _("Score only the criteria of this cohort's rubric.")
            continue
        if value in (None, ""):
            value = None
        else:
            try:
                value = int(value)
            except (TypeError, ValueError):
                value = 0
            if value not in LEVELS:
                errors[f"score_{criterion_id}"] = _("Choose a score from 1 to 5.")
        clean[criterion_id] = (value, (comment or "").strip())
    if errors:
        raise ValidationError(errors)
    return clean


@transaction.atomic
def save_scores(*, assignment, scores):
    """Save the reviewer's scores (``{criterion id: (value or None, comment)}``) as a draft;
    criteria may be left unscored. Refused once submitted, and after a conflict was
    declared."""
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _require_open(locked)
    clean = _clean(list(rubric_of(cohort=assignment.application.cohort)), scores)
    existing = {s.criterion_id: s for s in locked.scores.all()}
    for criterion_id, (value, comment) in clean.items():
        if criterion_id not in existing and value is None and not comment:
            continue  # nothing written for it yet
        score = existing.get(criterion_id) or Score(assignment=locked,
                                                    criterion_id=criterion_id)
        score.value, score.comment = value, comment
        score.save()
    locked.save(update_fields=["updated_at"])
    return locked


@transaction.atomic
def submit_review(*, assignment):
    """Submit the review: every criterion of the rubric must have a score. Then the
    reviewer sees the other reviewers' submitted scores, and theirs counts in the ranking.
    """
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _require_open(locked)
    criteria = list(rubric_of(cohort=assignment.application.cohort))
    if not criteria:
        raise ValidationError(_("This cohort has no rubric yet: there is nothing to score."))
    scored = {s.criterion_id for s in locked.scores.all() if s.value is not None}
    missing = {f"score_{c.pk}": _("Score “%(criterion)s” before submitting.")
               % {"criterion": describe(c)["name"]} for c in criteria if c.pk not in scored}
    if missing:
        raise ValidationError(missing)
    locked.submitted_at = timezone.now()
    locked.save(update_fields=["submitted_at", "updated_at"])
    assignment.submitted_at = locked.submitted_at
    return locked


def sees_others_scores(assignment):
    """A reviewer sees the other reviewers' scores once their own review is submitted."""
    return assignment.submitted and not assignment.conflicted


def others_reviews(assignment):
    """The other reviewers' submitted reviews of the same application, with their scores,
    or nothing while ``assignment`` is not submitted."""
    if not sees_others_scores(assignment):
        return []
    return list(
        Assignment.objects.filter(application_id=assignment.application_id,
                                  submitted_at__isnull=False,
                                  conflict_declared_at__isnull=True)
        .exclude(pk=assignment.pk).select_related("reviewer")
        .prefetch_related("scores__criterion"))
