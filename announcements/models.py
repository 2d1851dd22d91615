"""An announcement to a cohort, and the one row per person it reached.

An announcement belongs to a cohort (several cities), not to one city: it is not scoped.
Each :class:`Recipient` row names the city through which the person was reached, the
language version they got, and the in-app notification and outbox e-mail that carried it.
The unique (announcement, person) pair is what makes an announcement reach a person once.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AudienceKind(models.TextChoices):
    EVERYONE = "everyone", _("Everyone: the cities' teams and their coaches")
    MAYORS = "mayors", _("Mayors")
    SENIOR_TEAMS = "senior_teams", _("Senior teams (without the mayors)")
    CDOS = "cdos", _("Chief data officers")
    COACHES = "coaches", _("Coaches")


class AnnouncementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    SENT = "sent", _("Sent")


class Announcement(models.Model):
    """What staff tell a cohort: a subject and a text in one or more languages."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="announcements",
        verbose_name=_("cohort"),
    )
    subject_en = models.CharField(_("subject in English"), max_length=200, blank=True)
    body_en = models.TextField(_("text in English"), blank=True)
    subject_es = models.CharField(_("subject in Spanish"), max_length=200, blank=True)
    body_es = models.TextField(_("text in Spanish"), blank=True)
    subject_pt_br = models.CharField(_("subject in Portuguese"), max_length=200, blank=True)
    body_pt_br = models.TextField(_("text in Portuguese"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=AudienceKind.choices,
        default=AudienceKind.EVERYONE,
    )
    cities = models.ManyToManyField(
        "cities.City", blank=True, related_name="+", verbose_name=_("only these cities"),
        help_text=_("Leave empty to reach every city of the cohort."),
    )
    required = models.BooleanField(
        _("required reading"), default=False,
        help_text=_("Sent by e-mail to everyone, whatever their notification preferences."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AnnouncementStatus.choices,
        default=AnnouncementStatus.DRAFT, db_index=True,
    )
    send_at = models.DateTimeField(_("send at"), null=True, blank=True, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject_en or self.subject_es or self.subject_pt_br or f"#{self.pk}"


class Recipient(models.Model):
    """One person an announcement reached: once, in one language, through one city."""

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="recipients",
        verbose_name=_("announcement"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("person"),
    )
    city = models.ForeignKey(
        "cities.City", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("city"),
    )
    language = models.CharField(_("language sent"), max_length=10)
    notification = models.ForeignKey(
        "notifications.Notification", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("notification"),
    )
    email = models.ForeignKey(
        "notifications.EmailOutbox", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("email"),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        ordering = ["city__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["announcement", "user"], name="one_announcement_per_person"
            )
        ]

    def __str__(self):
        return f"{self.announcement} → {self.user}"
