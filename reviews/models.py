"""The review panel's records: reviewers, a cohort's rubric, who reviews which application,
their scores, and the decisions made in the meeting.

Like applications, these are not tenant data (an application's city may not exist yet), so
they have no ``ScopedManager``: who sees what is decided at the door (``reviews/rules.py``)
and by the queries of ``reviews/assignment.py`` (a reviewer: their own assignments only).
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.multilingual import texts_of

LEVELS = (1, 2, 3, 4, 5)


def _token():
    return secrets.token_urlsafe(32)


class Reviewer(models.Model):
    """An outside reviewer, invited by e-mail: no city, no staff access. (Program staff
    review without one.) The invitation and the role are one row: ``user`` is set when the
    invitation is accepted."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="reviewer", verbose_name=_("account"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("invited by"),
    )
    active = models.BooleanField(_("active"), default=True,
                                 help_text=_("An inactive reviewer sees no application."))
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("invitation expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        ordering = ["email"]

    def __str__(self):
        return self.name or self.email


class Criterion(models.Model):
    """One criterion of a cohort's rubric: a weight and a 1–5 scale with a description of
    each level, in English, Spanish and Portuguese. Hidden once it should no longer be
    scored; removed only while no review scored it."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="review_criteria",
        verbose_name=_("cohort"),
    )
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    name_es = models.CharField(_("name in Spanish"), max_length=200, blank=True)
    name_pt_br = models.CharField(_("name in Portuguese"), max_length=200, blank=True)
    # {"1": {"en": "…", "es": "…", "pt-br": "…"}, …, "5": {…}}
    levels = models.JSONField(_("description of each level"), default=dict, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)])
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    hidden = models.BooleanField(
        _("hidden"), default=False,
        help_text=_("Hidden criteria are not scored and do not count in the ranking."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")
        ordering = ["cohort", "order", "pk"]

    def __str__(self):
        names = texts_of(self, "name")
        return next(iter(names.values()), f"#{self.pk}")


class Assignment(models.Model):
    """One reviewer's review of one application: their scores (a draft until submitted), or
    the conflict of interest they declared instead (which takes it out of the ranking)."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE,
        related_name="review_assignments", verbose_name=_("application"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_assignments",
        verbose_name=_("reviewer"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("assigned by"),
    )
    submitted_at = models.DateTimeField(_("review submitted at"), null=True, blank=True)
    conflict_reason = models.TextField(_("conflict of interest"), blank=True)
    conflict_declared_at = models.DateTimeField(_("conflict declared at"), null=True,
                                                blank=True)
    created_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["application", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"],
                                    name="one_review_per_reviewer_application"),
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.application.city_name}"

    @property
    def conflicted(self):
        return self.conflict_declared_at is not None

    @property
    def submitted(self):
        return self.submitted_at is not None


class Score(models.Model):
    """A reviewer's score of one criterion (1–5) with a comment."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("assignment")
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores",
                                  verbose_name=_("criterion"))
    value = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assignment", "criterion__order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"],
                                    name="one_score_per_criterion"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class Outcome(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    WAITLIST = "waitlist", _("Waitlist")
    DECLINE = "decline", _("Decline")


class Decision(models.Model):
    """A decision taken in the review meeting, with the reason staff gave."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="review_decisions",
        verbose_name=_("application"))
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    reason = models.TextField(_("reason"))
    reason_shared = models.BooleanField(
        _("reason shared with the applicant"), default=False,
        help_text=_("The decision mail quoted the reason to the applicant."))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"{self.application.city_name}: {self.get_outcome_display()}"
