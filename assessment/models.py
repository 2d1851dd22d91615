"""The data-practice framework (data, versioned) and a city's assessments against it.

A :class:`Framework` is one version of a framework file (``assessment/frameworks/*.json``):
practice areas → criteria → checklist items. A framework that an assessment was made with
is frozen (``frameworks.is_frozen``): staff change it by copying it to a new version, so a
city's assessment always reads the version it was made with. The rules (met, share, tier)
live in ``scoring.py``; answering and verifying in ``answering.py``.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cities.owned import CityOwned
from common.multilingual import in_language
from common.uploads import unguessable_path


class Framework(models.Model):
    """One version of a framework: its texts and its tiers."""

    key = models.SlugField(_("key"), max_length=80)
    version = models.PositiveIntegerField(_("version"), default=1)
    name = models.JSONField(_("name"), default=dict, help_text=_(
        'One text per language: {"en": "…", "es": "…", "pt-br": "…"}.'))
    description = models.JSONField(_("description"), default=dict, blank=True)
    # [{"key", "share", "name": {…}, "description": {…}}], sorted by share
    tiers = models.JSONField(_("tiers"), default=list)
    is_current = models.BooleanField(
        _("used for new assessments"), default=False,
        help_text=_("New assessments are made with the newest framework marked so."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("assessment framework")
        verbose_name_plural = _("assessment frameworks")
        ordering = ["key", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="one_framework_version")
        ]

    def __str__(self):
        return f"{in_language(self.name, default=self.key)} (v{self.version})"


class Area(models.Model):
    """A practice area of a framework (its key is one of strategy's practice areas)."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="areas", verbose_name=_("framework")
    )
    key = models.SlugField(_("practice area"), max_length=40)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.JSONField(_("name"), default=dict)
    description = models.JSONField(_("description"), default=dict, blank=True)

    class Meta:
        verbose_name = _("practice area")
        verbose_name_plural = _("practice areas")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["framework", "key"], name="one_area_key")]

    def __str__(self):
        return in_language(self.name, default=self.key)


class Criterion(models.Model):
    """A statement that is met or not: met when ``needs`` of its items hold and the
    criteria it ``requires`` are met."""

    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("area")
    )
    key = models.SlugField(_("key"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.JSONField(_("criterion"), default=dict)
    evidence = models.JSONField(_("evidence expected"), default=dict, blank=True)
    needs = models.PositiveSmallIntegerField(
        _("items needed"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)])
    requires = models.JSONField(_("prerequisites (criterion keys)"), default=list, blank=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["order", "pk"]

    def __str__(self):
        return in_language(self.text, default=self.key)


class Item(models.Model):
    """One checklist item of a criterion: it holds in the city or it does not."""

    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="items", verbose_name=_("criterion")
    )
    key = models.SlugField(_("key"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.JSONField(_("text"), default=dict)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["order", "pk"]

    def __str__(self):
        return in_language(self.text, default=self.key)


class Kind(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    END = "end", _("End of program")


class Assessment(CityOwned):
    """A city's baseline or end assessment in one enrollment, against one framework version,
    open for answers between ``opens_on`` and ``closes_on`` (from the cohort's dates)."""

    city = models.ForeignKey("cities.City", on_delete=models.CASCADE,
                             related_name="assessments", verbose_name=_("city"))
    enrollment = models.ForeignKey("cohorts.Enrollment", on_delete=models.CASCADE,
                                   related_name="assessments", verbose_name=_("enrollment"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT,
                                  related_name="assessments", verbose_name=_("framework"))
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    # The verified score as last computed ({"met", "total", "percent", "tier", "areas":
    # {area: [met, total]}}), for pages that show it beside other things in one query.
    summary = models.JSONField(_("summary"), default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["opens_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "kind"], name="one_assessment_kind")
        ]

    def __str__(self):
        return f"{self.city} · {self.get_kind_display()}"


def answer_path(instance, filename):
    """Where an answer's file is stored: a path nobody can guess."""
    return unguessable_path("assessment", filename)


class Answer(CityOwned):
    """The team's answer to one checklist item, with its evidence (a file, a link, a note)."""

    city_path = "assessment__city"

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers", verbose_name=_("assessment")
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="+", verbose_name=_("item")
    )
    holds = models.BooleanField(_("holds"))
    note = models.TextField(_("note"), blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to=answer_path, blank=True, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("answered by"),
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="one_answer_per_item")
        ]

    def __str__(self):
        return f"{self.assessment} · {self.item_id}: {self.holds}"


class Verdict(models.TextChoices):
    VERIFIED = "verified", _("Verified")
    QUESTIONED = "questioned", _("Questioned")


class Review(CityOwned):
    """The coach's verdict on one criterion of an assessment, with a comment."""

    city_path = "assessment__city"

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("assessment")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    verdict = models.CharField(_("verdict"), max_length=12, choices=Verdict.choices)
    comment = models.TextField(_("comment"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("reviewer"),
    )

    class Meta:
        verbose_name = _("coach's review")
        verbose_name_plural = _("coach's reviews")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"],
                                    name="one_review_per_criterion")
        ]

    def __str__(self):
        return f"{self.assessment} · {self.criterion_id}: {self.verdict}"


class GapInitiative(CityOwned):
    """An unmet criterion the team turned into an initiative of its strategy (once)."""

    city_path = "assessment__city"
    updated_at = None  # not recorded for this model

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE,
                                   related_name="gap_initiatives", verbose_name=_("assessment"))
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    initiative = models.ForeignKey(
        "strategy.Initiative", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("initiative"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("gap made an initiative")
        verbose_name_plural = _("gaps made initiatives")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"],
                                    name="one_initiative_per_gap")
        ]

    def __str__(self):
        return f"{self.assessment} · {self.criterion_id}"
