"""A city's application to a cohort.

An application is **not** tenant data: the city it is for may not exist yet (it is created
at admission), so ``Application`` has no ``ScopedManager``. Who may see it is decided by the
applicant (their own) and program staff (all), in ``applications/lifecycle.py`` and the views;
once admitted, ``city`` points at the matched or created ``City`` and the city-owned rows made
from it (enrollment, memberships, invitations) are scoped as usual.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from accounts.models import Role, validate_time_zone
from applications import question_models  # noqa: F401  (a cohort's questions and answers)
from common.country_names import country_name


class ApplicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("Waitlisted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


DECIDED_STATES = {ApplicationState.ACCEPTED, ApplicationState.WAITLISTED,
                  ApplicationState.DECLINED}


def letter_path(instance, filename):
    """Stored under an unguessable name; only a permission-checked view serves it."""
    return f"applications/letters/{secrets.token_hex(16)}.pdf"


SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class Application(models.Model):
    """One city's application to one cohort, written by one applicant."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.PROTECT, related_name="applications",
        verbose_name=_("cohort"),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications",
        verbose_name=_("applicant"),
    )
    city = models.ForeignKey(
        "cities.City", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="applications", verbose_name=_("matched city"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ApplicationState.choices,
        default=ApplicationState.DRAFT,
    )
    # The city
    city_name = models.CharField(_("city name"), max_length=200)
    country = CountryField(_("country"), blank=True, blank_label=_("Choose a country"))
    country_as_written = models.CharField(
        _("country as first written"), max_length=100, blank=True, editable=False,
        help_text=_("Kept when the free-text country could not be matched to a country code."),
    )
    region = models.CharField(_("region or state"), max_length=100, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_time_zone], default="America/New_York"
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_source = models.CharField(_("population source"), max_length=200, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    # Chief data officer (or similar)
    has_cdo = models.BooleanField(_("a chief data officer (or similar) is in place"), default=False)
    cdo_name = models.CharField(_("chief data officer's name"), max_length=200, blank=True)
    cdo_title = models.CharField(_("chief data officer's title"), max_length=200, blank=True)
    cdo_email = models.EmailField(_("chief data officer's e-mail"), blank=True)
    no_cdo_statement = models.TextField(_("if there is none, tell us why"), blank=True)
    monthly_commitment_hours = models.DecimalField(
        _("monthly training commitment (hours)"), max_digits=5, decimal_places=1,
        null=True, blank=True,
    )
    # The mayor
    mayor_name = models.CharField(_("mayor's name"), max_length=200, blank=True)
    mayor_email = models.EmailField(_("mayor's e-mail"), blank=True)
    mayor_commits_to_convening = models.BooleanField(
        _("the mayor will attend the in-person convening personally"), default=False
    )
    # [{"name": …, "email": …, "role": one of accounts.models.SENIOR_TEAM_ROLES}]
    team = models.JSONField(_("proposed senior team"), default=list, blank=True)
    priorities = models.TextField(_("top priorities for resident impact"), blank=True)
    data_foundations = models.TextField(_("existing data foundations"), blank=True)
    letter = models.FileField(
        _("letter of commitment (PDF)"), upload_to=letter_path, blank=True, max_length=200
    )
    eligible = models.BooleanField(_("eligible"), default=False, editable=False)
    # Staff only: never shown to the applicant.
    score_data_foundations = models.PositiveSmallIntegerField(
        _("strong data foundations (1–5)"), null=True, blank=True, validators=SCORE
    )
    score_leadership = models.PositiveSmallIntegerField(
        _("leadership commitment (1–5)"), null=True, blank=True, validators=SCORE
    )
    score_team = models.PositiveSmallIntegerField(
        _("team completeness (1–5)"), null=True, blank=True, validators=SCORE
    )
    internal_notes = models.TextField(_("internal notes (staff only)"), blank=True)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("decided by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "applicant"], name="one_application_per_applicant_cohort"
            )
        ]

    def __str__(self):
        country = country_name(self.country) or self.country_as_written
        return f"{self.city_name} ({country}) → {self.cohort}"

    def get_absolute_url(self):
        return reverse("apply:application", kwargs={"pk": self.pk})

    def team_members(self):
        """The proposed team for display: each member with ``role_label``, the role's name
        (the stored ``role`` is a code such as ``city_manager``)."""
        labels = dict(Role.choices)
        return [dict(member, role_label=labels.get(member.get("role"), member.get("role") or ""))
                for member in self.team or []]

    @property
    def readiness_score(self):
        scores = [self.score_data_foundations, self.score_leadership, self.score_team]
        return sum(scores) if all(s is not None for s in scores) else None
