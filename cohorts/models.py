from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import validate_time_zone
from cities.owned import CityOwned


class Program(models.Model):
    """An optional grouping of cohorts (e.g. "City Data Alliance")."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CohortStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    RECRUITING = "recruiting", _("Recruiting")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")


class Cohort(models.Model):
    """A six-month accelerator cohort with its dates and application window."""

    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="cohorts",
        verbose_name=_("program"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    time_zone = models.CharField(
        _("home time zone"), max_length=64, validators=[validate_time_zone],
        default="America/New_York",
    )
    capacity = models.PositiveSmallIntegerField(_("capacity (cities)"), default=20)
    convening_starts_on = models.DateField(_("convening starts on"), null=True, blank=True)
    convening_ends_on = models.DateField(_("convening ends on"), null=True, blank=True)
    applications_open_at = models.DateTimeField(_("applications open at"), null=True, blank=True)
    applications_close_at = models.DateTimeField(_("applications close at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CohortStatus.choices, default=CohortStatus.PLANNING
    )
    # Eligibility thresholds (applications/eligibility.py): population must be strictly greater.
    min_population = models.PositiveIntegerField(_("population must exceed"), default=100_000)
    min_monthly_hours = models.DecimalField(
        _("minimum monthly training hours"), max_digits=4, decimal_places=1, default=5
    )
    min_team_size = models.PositiveSmallIntegerField(_("smallest senior team"), default=3)
    max_team_size = models.PositiveSmallIntegerField(_("largest senior team"), default=4)
    follow_on_months = models.PositiveSmallIntegerField(
        _("follow-on phase (months)"), default=12,
        help_text=_("How long cities are accompanied after the six months end (the year after)."),
    )

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on"]

    def __str__(self):
        return self.name


class Enrollment(CityOwned):
    """A city admitted to a cohort."""

    created_at = None  # not recorded for this model
    updated_at = None  # not recorded for this model

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="enrollments", verbose_name=_("city")
    )
    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, related_name="enrollments", verbose_name=_("cohort")
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    withdrawn_on = models.DateField(
        _("withdrawn on"), null=True, blank=True,
        help_text=_("The day the city left the cohort; it is not invited to later sessions."),
    )
    withdrawal_reason = models.TextField(_("why the city withdrew"), blank=True)

    class Meta:
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        constraints = [
            models.UniqueConstraint(fields=["city", "cohort"], name="one_enrollment_per_cohort")
        ]

    def __str__(self):
        return f"{self.city} · {self.cohort}"
