"""The year after: a city's follow-on phase and its quarterly updates, with their history.

Thin models; the rules (when the phase starts, which quarter is due, who is late) are in
``followon/phase.py``, ``followon/updates.py`` and ``followon/lateness.py``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cities.owned import CityOwned
from strategy.models import InitiativeStatus


class FocusArea(models.TextChoices):
    PERFORMANCE = "performance_management", _("Performance management")
    PROCUREMENT = "procurement", _("Results-driven procurement")
    EVALUATION = "evaluation", _("Evaluation")
    OPEN_DATA = "open_data", _("Open data and transparency")
    GOVERNANCE = "data_governance", _("Data governance and quality")
    BUDGET = "budget", _("Budgeting with data")
    ENGAGEMENT = "community_engagement", _("Community engagement")
    CAPACITY = "analytics_capacity", _("Analytics capacity and skills")
    OTHER = "other", _("Other")


class FollowOn(CityOwned):
    """An enrollment's follow-on phase: the months after the cohort ended."""

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="follow_ons", verbose_name=_("city")
    )
    enrollment = models.OneToOneField(
        "cohorts.Enrollment", on_delete=models.CASCADE, related_name="follow_on",
        verbose_name=_("enrollment"),
    )
    starts_on = models.DateField(_("starts on"))
    months = models.PositiveSmallIntegerField(_("months"), default=12)
    focus_area = models.CharField(
        _("focus area"), max_length=32, choices=FocusArea.choices, blank=True
    )
    focus_other = models.CharField(_("other focus area"), max_length=200, blank=True)
    focus_note = models.TextField(_("what the city will work on"), blank=True)
    focus_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("focus chosen with"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-on phase")
        verbose_name_plural = _("follow-on phases")
        ordering = ["-starts_on"]

    def __str__(self):
        return f"{self.city} · {self.starts_on}"


class InitiativeUpdate(CityOwned):
    """One quarter's word on one strategy initiative: status, note and evidence."""

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="+", verbose_name=_("city")
    )
    follow_on = models.ForeignKey(FollowOn, on_delete=models.CASCADE,
                                  related_name="initiative_updates", verbose_name=_("follow on"))
    initiative = models.ForeignKey("strategy.Initiative", on_delete=models.CASCADE,
                                   related_name="quarterly_updates", verbose_name=_("initiative"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    status = models.CharField(_("status"), max_length=16, choices=InitiativeStatus.choices)
    note = models.TextField(_("note"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="followon/",
                                     max_length=300, blank=True)
    evidence_name = models.CharField(_("evidence name"), max_length=200, blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("recorded by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("initiative update")
        verbose_name_plural = _("initiative updates")
        ordering = ["quarter", "initiative_id"]
        constraints = [models.UniqueConstraint(fields=["initiative", "quarter"],
                                               name="one_initiative_update_per_quarter")]

    def __str__(self):
        return f"{self.initiative_id} · Q{self.quarter}"


class MetricUpdate(CityOwned):
    """One quarter's actual value of one strategy metric."""

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="+", verbose_name=_("city")
    )
    follow_on = models.ForeignKey(FollowOn, on_delete=models.CASCADE,
                                  related_name="metric_updates", verbose_name=_("follow on"))
    metric = models.ForeignKey("strategy.Metric", on_delete=models.CASCADE,
                               related_name="quarterly_updates", verbose_name=_("metric"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    actual = models.CharField(_("actual value"), max_length=100)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("recorded by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("metric update")
        verbose_name_plural = _("metric updates")
        ordering = ["quarter", "metric_id"]
        constraints = [models.UniqueConstraint(fields=["metric", "quarter"],
                                               name="one_metric_update_per_quarter")]

    def __str__(self):
        return f"{self.metric_id} · Q{self.quarter}"
