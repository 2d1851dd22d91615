from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class CoachAssignment(models.Model):
    """A coach assigned to a city's enrollment; a coach sees only assigned cities."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_assignments",
        verbose_name=_("coach"),
    )
    enrollment = models.ForeignKey(
        "cohorts.Enrollment", on_delete=models.CASCADE, related_name="coach_assignments",
        verbose_name=_("enrollment"),
    )
    is_primary = models.BooleanField(_("primary coach"), default=True)
    cadence_days = models.PositiveSmallIntegerField(
        _("check-in cadence (days)"), default=14,
        help_text=_("How often the coach is expected to meet the city's team."),
    )

    objects = ScopedManager(city="enrollment__city")

    class Meta:
        verbose_name = _("coach assignment")
        verbose_name_plural = _("coach assignments")
        constraints = [
            models.UniqueConstraint(fields=["coach", "enrollment"], name="one_assignment_per_coach")
        ]

    def __str__(self):
        return f"{self.coach} → {self.enrollment}"
