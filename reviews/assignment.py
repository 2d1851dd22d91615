"""Who reviews which application: staff assign by hand or spread reviewers evenly over a
cohort; a reviewer may declare a conflict of interest instead of reviewing.

A reviewer sees only their own assignments without a conflict (:func:`assignments_of`).
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.lifecycle import start_review
from applications.models import Application, ApplicationState
from caching.data_versions import forget_data
from reviews.models import Assignment
from reviews.reviewers import is_reviewer

S = ApplicationState
REVIEWABLE = (S.SUBMITTED, S.UNDER_REVIEW, S.WAITLISTED)


def reviewable_applications(*, cohort):
    """The cohort's applications that are reviewed: submitted, under review or waitlisted."""
    return Application.objects.filter(cohort=cohort, state__in=REVIEWABLE)


def assignments_of(*, user):
    """The assignments ``user`` works on: their own, without a declared conflict."""
    return (Assignment.objects.filter(reviewer=user, conflict_declared_at__isnull=True,
                                      application__state__in=[*REVIEWABLE, S.ACCEPTED,
                                                              S.DECLINED])
            .select_related("application__cohort"))


def _take_into_review(application, by):
    if application.state == S.SUBMITTED:
        start_review(application=application, by=by)


@transaction.atomic
def assign_reviewer(*, application, reviewer, by):
    """Ask ``reviewer`` to review ``application`` (taking a submitted one into review).

    Refused when the person is not a reviewer, when the application is not open to review,
    and when that reviewer declared a conflict on it. Assigning twice changes nothing.
    """
    if not is_reviewer(reviewer):
        raise ValidationError({"reviewer": _("%(person)s is not a reviewer.")
                               % {"person": reviewer}})
    if application.state not in REVIEWABLE:
        raise ValidationError({"application": _(
            "%(city)s cannot be reviewed: its application is “%(state)s”.")
            % {"city": application.city_name, "state": application.get_state_display()}})
    assignment, created = Assignment.objects.get_or_create(
        application=application, reviewer=reviewer, defaults={"assigned_by": by})
    if assignment.conflicted:
        raise ValidationError({"reviewer": _(
            "%(person)s declared a conflict of interest with %(city)s.")
            % {"person": reviewer, "city": application.city_name}})
    _take_into_review(application, by)
    return assignment


@transaction.atomic
def unassign_reviewer(*, assignment):
    """Take an assignment back, unless its review was submitted (then it stays on record)."""
    if assignment.submitted:
        raise ValidationError(_("%(person)s has submitted this review; it cannot be taken "
                                "back.") % {"person": assignment.reviewer})
    assignment.delete()


@transaction.atomic
def spread_reviewers(*, cohort, reviewers, per_application, by):
    """Give each reviewable application of ``cohort`` ``per_application`` reviewers, the
    load balanced: each application gets the reviewers with the fewest assignments in the
    cohort so far (never one twice, never one who declared a conflict on it).

    Existing assignments are kept and count. Returns the new assignments. Refused when
    fewer reviewers are given than each application needs.
    """
    reviewers = [r for r in reviewers if is_reviewer(r)]
    if per_application < 1:
        raise ValidationError({"per_application": _("Give each application at least one "
                                                    "reviewer.")})
    if len(reviewers) < per_application:
        raise ValidationError({"reviewers": _(
            "Choose at least %(n)s reviewers to give each application %(n)s.")
            % {"n": per_application}})
    applications = list(reviewable_applications(cohort=cohort).order_by("submitted_at", "pk"))
    existing = list(Assignment.objects.filter(application__in=applications))
    load = Counter({r.pk: 0 for r in reviewers})
    load.update(a.reviewer_id for a in existing if a.reviewer_id in load)
    taken = {(a.application_id, a.reviewer_id) for a in existing}
    counted = Counter(a.application_id for a in existing if not a.conflicted)
    made = []
    for application in applications:
        candidates = sorted((r for r in reviewers if (application.pk, r.pk) not in taken),
                            key=lambda r: (load[r.pk], r.pk))
        for reviewer in candidates[:max(0, per_application - counted[application.pk])]:
            made.append(Assignment(application=application, reviewer=reviewer,
                                   assigned_by=by))
            load[reviewer.pk] += 1
        _take_into_review(application, by)
    Assignment.objects.bulk_create(made)
    forget_data(models=[Assignment._meta.label_lower])  # a bulk write sends no signal
    return made


@transaction.atomic
def declare_conflict(*, assignment, reason):
    """The reviewer declares a conflict of interest with the application, saying why.

    Their scores no longer count, the reason is kept for staff, and they no longer see the
    application. Refused without a reason, and once the review is submitted.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say what the conflict of interest is.")})
    if assignment.submitted:
        raise ValidationError({"reason": _(
            "You have submitted this review. Ask the program team to set it aside.")})
    assignment.conflict_reason = reason
    assignment.conflict_declared_at = timezone.now()
    assignment.save(update_fields=["conflict_reason", "conflict_declared_at", "updated_at"])
    return assignment
