"""The three-year data strategy: template, strategy, its parts, versions and PDFs.

Models stay thin; the rules live in ``editing.py``, ``review.py``, ``progress.py`` and
``pdf.py``.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cities.owned import CityOwned
from strategy.defaults import component_rubric, component_text, strategy_title

MATURITY_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
YEARS = (1, 2, 3)
QUARTERS = (1, 2, 3, 4)


class PracticeArea(models.TextChoices):
    """What Works Cities practice areas an initiative may be tagged with."""

    DATA_MANAGEMENT = "data_management", _("Data Management")
    LEADERSHIP = "leadership_capacity", _("Leadership & Capacity")
    OPEN_DATA = "open_data", _("Open Data")
    PERFORMANCE = "performance_analytics", _("Performance & Analytics")
    BUDGET = "budget_finance", _("Budget & Finance")
    CONTRACTING = "results_driven_contracting", _("Results-Driven Contracting")
    COMMUNITY = "community_impact", _("Community Impact")
    EVALUATIONS = "evaluations", _("Evaluations")


class StrategyTemplate(models.Model):
    """The structure and guidance a cohort's cities write their strategy against.

    Program staff edit it in the admin; the one marked default serves cohorts without
    their own.
    """

    name = models.CharField(_("name"), max_length=200)
    cohort = models.OneToOneField(
        "cohorts.Cohort", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="strategy_template", verbose_name=_("cohort"),
        help_text=_("Leave empty for the default template."),
    )
    is_default = models.BooleanField(_("default template"), default=False)
    vision_guidance = models.TextField(_("guidance: vision and priorities"), blank=True)
    vision_example = models.TextField(_("example vision"), blank=True)
    priorities_example = models.TextField(_("example priorities"), blank=True)
    roadmap_guidance = models.TextField(_("guidance: roadmap"), blank=True)
    metrics_guidance = models.TextField(_("guidance: metrics"), blank=True)
    metrics_example = models.TextField(_("example metric"), blank=True)

    class Meta:
        verbose_name = _("strategy template")
        verbose_name_plural = _("strategy templates")
        ordering = ["-is_default", "name"]

    def __str__(self):
        return self.name


class TemplateComponent(models.Model):
    """One core component of a template (governance, quality, use, transparency…)."""

    template = models.ForeignKey(StrategyTemplate, models.CASCADE, related_name="components",
                                 verbose_name=_("template"))
    key = models.SlugField(_("key"), max_length=40)
    # Every text below left empty is the shipped text for ``key`` (strategy.defaults), shown
    # in the reader's language; text staff type is shown as typed.
    title = models.CharField(_("title"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(_("what it covers"), blank=True)
    guidance = models.TextField(_("guidance"), blank=True)
    examples = models.TextField(_("examples"), blank=True)
    rubric_1 = models.TextField(_("maturity 1 — ad hoc"), blank=True)
    rubric_2 = models.TextField(_("maturity 2 — emerging"), blank=True)
    rubric_3 = models.TextField(_("maturity 3 — defined"), blank=True)
    rubric_4 = models.TextField(_("maturity 4 — managed"), blank=True)
    rubric_5 = models.TextField(_("maturity 5 — leading"), blank=True)

    class Meta:
        verbose_name = _("template component")
        verbose_name_plural = _("template components")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="one_component_key")
        ]

    def __str__(self):
        return component_text(self, "title")

    @property
    def rubric(self):
        """[(level, text)] for levels 1–5, in the reader's language when as shipped."""
        return component_rubric(self)


class StrategyState(models.TextChoices):
    DRAFTING = "drafting", _("Drafting")
    IN_REVIEW = "in_review", _("In mayor review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")


class Strategy(CityOwned):
    """A city's three-year data strategy."""

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="strategies", verbose_name=_("city")
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="strategies", verbose_name=_("cohort"),
    )
    template = models.ForeignKey(
        StrategyTemplate, on_delete=models.PROTECT, related_name="strategies",
        verbose_name=_("template"),
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True,
        help_text=_("Leave empty for the usual title, in each reader's language."),
    )
    vision = models.TextField(_("vision"), blank=True)
    priorities = models.TextField(
        _("priorities for resident impact"), blank=True,
        help_text=_("One priority per line."),
    )
    state = models.CharField(
        _("state"), max_length=24, choices=StrategyState.choices, default=StrategyState.DRAFTING
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)
    # {section key: the revision at which that section last changed}
    section_revisions = models.JSONField(_("section revisions"), default=dict, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    document_language = models.CharField(
        _("language of the PDF"), max_length=10, choices=settings.LANGUAGES, blank=True,
        help_text=_("The language of the strategy's PDF and the mayor's brief, whatever the "
                    "language of the person downloading them."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("updated by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["-created_at"]

    def __str__(self):
        return strategy_title(self)

    def get_absolute_url(self):
        return reverse("strategy:overview", kwargs={"city": self.city.slug})

    @property
    def priority_list(self):
        return [line.strip(" -•\t") for line in self.priorities.splitlines() if line.strip()]


class ComponentPlan(CityOwned):
    """A strategy's plan for one core component: where it is, where it goes, its goals."""

    city_path = "strategy__city"
    created_at = None  # not recorded for this model
    updated_at = None  # not recorded for this model

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="components", verbose_name=_("strategy")
    )
    key = models.SlugField(_("component"), max_length=40)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    current_maturity = models.PositiveSmallIntegerField(
        _("current maturity"), null=True, blank=True, validators=MATURITY_VALIDATORS
    )
    current_state = models.TextField(_("current state"), blank=True)
    target_state = models.TextField(_("target state in three years"), blank=True)
    goals = models.TextField(_("goals"), blank=True, help_text=_("One goal per line."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("component plan")
        verbose_name_plural = _("component plans")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "key"], name="one_plan_per_component")
        ]

    def __str__(self):
        return self.key


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    DROPPED = "dropped", _("Dropped")


class Initiative(CityOwned):
    """A piece of work placed on the three-year roadmap."""

    city_path = "component__strategy__city"
    updated_at = None  # not recorded for this model

    component = models.ForeignKey(
        ComponentPlan, on_delete=models.CASCADE, related_name="initiatives",
        verbose_name=_("component"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    quarters = models.JSONField(_("quarters"), default=list, blank=True)
    owner = models.CharField(_("owner (a role or person)"), max_length=200, blank=True)
    resources = models.TextField(_("resources or budget"), blank=True)
    dependencies = models.TextField(_("dependencies"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=InitiativeStatus.choices,
        default=InitiativeStatus.PLANNED,
    )
    practice_areas = models.JSONField(_("What Works Cities practice areas"), default=list,
                                      blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["year", "pk"]

    def __str__(self):
        return self.title


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    TWICE_A_YEAR = "twice_a_year", _("Twice a year")
    YEARLY = "yearly", _("Yearly")


class Metric(CityOwned):
    """How the city will know a component's plan works: baseline and yearly targets."""

    city_path = "component__strategy__city"
    updated_at = None  # not recorded for this model

    component = models.ForeignKey(
        ComponentPlan, on_delete=models.CASCADE, related_name="metrics",
        verbose_name=_("component"),
    )
    name = models.CharField(_("name"), max_length=200)
    baseline = models.CharField(_("baseline"), max_length=100, blank=True)
    target_year_1 = models.CharField(_("target, year 1"), max_length=100, blank=True)
    target_year_2 = models.CharField(_("target, year 2"), max_length=100, blank=True)
    target_year_3 = models.CharField(_("target, year 3"), max_length=100, blank=True)
    data_source = models.CharField(_("data source"), max_length=200, blank=True)
    frequency = models.CharField(
        _("reporting frequency"), max_length=16, choices=Frequency.choices,
        default=Frequency.QUARTERLY,
    )
    actual_year_1 = models.CharField(_("actual, year 1"), max_length=100, blank=True)
    actual_year_2 = models.CharField(_("actual, year 2"), max_length=100, blank=True)
    actual_year_3 = models.CharField(_("actual, year 3"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("metric")
        verbose_name_plural = _("metrics")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Comment(CityOwned):
    """A comment by a team member or coach on one section of the strategy."""

    city_path = "strategy__city"
    updated_at = None  # not recorded for this model

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="comments", verbose_name=_("strategy")
    )
    section = models.CharField(_("section"), max_length=80)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                               related_name="+", verbose_name=_("author"))
    body = models.TextField(_("comment"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("resolved by"),
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.section}: {self.body[:40]}"


class Decision(models.TextChoices):
    PENDING = "pending", _("Waiting for the mayor")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")


class StrategyVersion(CityOwned):
    """A frozen copy of the strategy as submitted to the mayor, and the mayor's decision."""

    city_path = "strategy__city"
    created_at = None  # not recorded for this model
    updated_at = None  # not recorded for this model

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="versions", verbose_name=_("strategy")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    snapshot = models.JSONField(_("snapshot"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                     related_name="+", verbose_name=_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted at"))
    decision = models.CharField(
        _("decision"), max_length=24, choices=Decision.choices, default=Decision.PENDING
    )
    decision_comment = models.TextField(_("mayor's comment"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("strategy version")
        verbose_name_plural = _("strategy versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.strategy} v{self.number}"


class DocumentKind(models.TextChoices):
    FULL = "full", _("Strategy (PDF)")
    BRIEF = "brief", _("Mayor's brief (PDF)")


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Preparing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class StrategyDocument(CityOwned):
    """A rendered PDF, keyed by the SHA-256 of the content it was made from."""

    city_path = "strategy__city"

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="documents", verbose_name=_("strategy")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=DocumentKind.choices)
    content_hash = models.CharField(_("content hash"), max_length=64)
    status = models.CharField(_("status"), max_length=8, choices=DocumentStatus.choices,
                              default=DocumentStatus.PENDING)
    file = models.FileField(_("file"), upload_to="strategy/", max_length=300, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("strategy document")
        verbose_name_plural = _("strategy documents")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "kind", "content_hash"], name="one_document_per_content"
            )
        ]

    def __str__(self):
        return f"{self.strategy} · {self.kind} · {self.status}"
