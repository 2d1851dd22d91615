from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("Preparing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class ReportKind(models.TextChoices):
    END = "end", _("End-of-program report")
    IMPACT = "impact", _("Impact report")


class CohortReport(models.Model):
    """A report on a cohort as a PDF (the end-of-program report, the impact report for the
    funder), keyed by the content it shows."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="reports", verbose_name=_("cohort")
    )
    content_hash = models.CharField(_("content hash"), max_length=64)
    language = models.CharField(_("language"), max_length=10, default="en")
    kind = models.CharField(
        _("kind"), max_length=10, choices=ReportKind.choices, default=ReportKind.END
    )
    country = models.CharField(
        max_length=2, blank=True, verbose_name=_("country")
    )  # the ISO country filtered on
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.PENDING
    )
    file = models.FileField(_("file"), upload_to="reports/", blank=True, max_length=300)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("cohort report")
        verbose_name_plural = _("cohort reports")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "content_hash"], name="one_report_per_content"
            )
        ]

    def __str__(self):
        return f"{self.cohort} · {self.get_status_display()}"
