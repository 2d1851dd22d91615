"""Feedback after a session: one answer per person and session, and each program's choice
of whether the host reads names.

A :class:`SessionFeedback` row is written when the person is asked (``asked_at``), or when
they answer before being asked; ``rating`` stays empty until they answer. The row is the
"asked once" record too: the asking writes it before it tells anyone (``claim``).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cities.owned import CityOwned

LOWEST, HIGHEST = 1, 5
COMMENT_MAX = 2000


class SessionFeedback(CityOwned):
    """One attendee's feedback on one session (empty while only asked)."""

    session = models.ForeignKey(
        "schedule.Session", on_delete=models.CASCADE, related_name="feedback",
        verbose_name=_("session"),
    )
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="+", verbose_name=_("city"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_feedback",
        verbose_name=_("person"),
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True,
        validators=[MinValueValidator(LOWEST), MaxValueValidator(HIGHEST)],
    )
    most_useful = models.TextField(_("what was most useful"), blank=True,
                                   max_length=COMMENT_MAX)
    to_change = models.TextField(_("what to change"), blank=True, max_length=COMMENT_MAX)
    asked_at = models.DateTimeField(_("asked at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    claim = models.CharField(_("claim"), max_length=32, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("session feedback")
        verbose_name_plural = _("session feedback")
        ordering = ["-session__ends_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"],
                                    name="one_feedback_per_person_and_session"),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | models.Q(rating__gte=LOWEST, rating__lte=HIGHEST),
                name="feedback_rating_one_to_five",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.session}"

    def get_absolute_url(self):
        """Where the person gives (or changes) this feedback, in their city's portal."""
        return reverse("feedback:answer",
                       kwargs={"city": self.city.slug, "session_id": self.session_id})


class ProgramFeedbackSettings(models.Model):
    """A program's choice about its sessions' feedback (a cohort without a program, or a
    program without settings, shows names to the host)."""

    program = models.OneToOneField(
        "cohorts.Program", on_delete=models.CASCADE, related_name="feedback_settings",
        verbose_name=_("program"),
    )
    anonymous_to_host = models.BooleanField(
        _("anonymous to the host"), default=False,
        help_text=_("The session's host reads the ratings and comments without the names of "
                    "the people who wrote them. Program staff always see the names."),
    )

    class Meta:
        verbose_name = _("feedback settings of a program")
        verbose_name_plural = _("feedback settings of programs")

    def __str__(self):
        return str(self.program)
