"""A city's data export: requested by a city administrator, built by a task, kept a week.

Models stay thin; the rules live in :mod:`stewardship.exports` and
:mod:`stewardship.deletion`.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cities.owned import CityOwned


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Preparing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
    EXPIRED = "expired", _("Expired")


class CityExport(CityOwned):
    """One archive of everything a city owns (JSON files plus its uploaded files)."""

    updated_at = None  # not recorded for this model

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="exports", verbose_name=_("city")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExportStatus.choices,
        default=ExportStatus.PENDING,
        db_index=True,
    )
    file = models.FileField(_("archive"), upload_to="exports/", blank=True, max_length=300)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    error = models.TextField(_("reason of the failure"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        verbose_name = _("city data export")
        verbose_name_plural = _("city data exports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.city} · {self.created_at:%Y-%m-%d %H:%M} · {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("stewardship:exports", kwargs={"city": self.city.slug})
