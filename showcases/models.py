"""Showcases: a city's demonstration of a practice put into action, its evidence, the
coach's feedback, the conversation about it, its slot in a showcase session and its
publication to the practice library.

Models are thin; the rules live in :mod:`showcases.workflow`, :mod:`showcases.evidence`,
:mod:`showcases.library` and :mod:`showcases.scheduling`.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cities.owned import CityOwned
from curriculum.pillars import Pillar


class PracticeType(models.TextChoices):
    DATA_ROUTINE = "data_routine", _("New data routine")
    POLICY = "policy", _("Policy or standard enacted")
    EVALUATION = "evaluation", _("Evaluation")
    PERFORMANCE = "performance", _("Performance management")
    RESIDENT_COMMUNICATION = "resident_communication", _("Resident communication")
    OTHER = "other", _("Other")


class ImpactKind(models.TextChoices):
    MEASURED = "measured", _("Measured")
    EXPECTED = "expected", _("Expected")


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    FEEDBACK_GIVEN = "feedback_given", _("Feedback given")
    REVISED = "revised", _("Revised and resubmitted")
    ACCEPTED = "accepted", _("Accepted")
    PRESENTED = "presented", _("Presented")


class ShowcaseRound(models.Model):
    """A round of showcases in a cohort, with the date by which they are due."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="showcase_rounds",
        verbose_name=_("cohort"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    submission_deadline = models.DateTimeField(_("submission deadline"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("showcase round")
        verbose_name_plural = _("showcase rounds")
        ordering = ["submission_deadline", "pk"]

    def __str__(self):
        return f"{self.title} ({self.cohort})"


class Showcase(CityOwned):
    """One practice a city put into action, presented for feedback and, maybe, the library."""

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="showcases",
        verbose_name=_("city"),
    )
    round = models.ForeignKey(
        ShowcaseRound, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="showcases", verbose_name=_("showcase round"),
    )
    title = models.CharField(_("title"), max_length=200)
    practice_type = models.CharField(
        _("practice type"), max_length=30, choices=PracticeType.choices
    )
    pillar = models.CharField(_("pillar advanced"), max_length=10, choices=Pillar.choices)
    what_changed = models.TextField(
        _("what changed"), help_text=_("What the city does now that it did not do before.")
    )
    who_involved = models.TextField(
        _("who is involved"), blank=True,
        help_text=_("Departments, roles and partners who took part."),
    )
    impact = models.TextField(_("impact"), blank=True)
    impact_kind = models.CharField(
        _("impact is"), max_length=10, choices=ImpactKind.choices, default=ImpactKind.EXPECTED
    )
    sustainment_owner = models.CharField(
        _("who keeps it going"), max_length=300, blank=True
    )
    sustainment_how = models.TextField(_("how it is kept going"), blank=True)
    sustainment_review_on = models.DateField(_("next review"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    revision_requested = models.BooleanField(_("revision requested"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("created by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    presented_at = models.DateTimeField(_("presented at"), null=True, blank=True)
    publication_consent = models.BooleanField(
        _("city agrees to publication"), default=False
    )
    publication_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("publication approved by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("showcase")
        verbose_name_plural = _("showcases")
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("showcases:detail", kwargs={"city": self.city.slug, "pk": self.pk})

    @property
    def is_published(self):
        return self.published_at is not None


def evidence_path(instance, filename):
    """A path nobody can guess, with the extension of the content (not the upload's name)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"showcase-evidence/{secrets.token_hex(16)}/{secrets.token_urlsafe(24)}.{extension}"


class EvidenceKind(models.TextChoices):
    FILE = "file", _("File")
    LINK = "link", _("Link")


class Evidence(CityOwned):
    """A file (checked by its content) or a link that shows the practice is real."""

    city_path = "showcase__city"
    updated_at = None  # not recorded for this model

    showcase = models.ForeignKey(
        Showcase, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("showcase")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=evidence_path, blank=True, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    url = models.URLField(_("link"), max_length=500, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("added by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title or self.original_name or self.url


class Feedback(CityOwned):
    """A coach's structured feedback on one submission of a showcase."""

    city_path = "showcase__city"
    updated_at = None  # not recorded for this model

    showcase = models.ForeignKey(
        Showcase, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("showcase")
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("coach"),
    )
    strengths = models.TextField(_("strengths"))
    suggestions = models.TextField(_("suggestions"), blank=True)
    sustainment_risks = models.TextField(_("risks to sustainment"), blank=True)
    revision_requested = models.BooleanField(_("revision requested"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.showcase} · {self.coach}"


class Message(CityOwned):
    """One message of the conversation that stays with the showcase."""

    city_path = "showcase__city"
    updated_at = None  # not recorded for this model

    showcase = models.ForeignKey(
        Showcase, on_delete=models.CASCADE, related_name="messages", verbose_name=_("showcase")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"))

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author}: {self.body[:40]}"


class ShowcaseSlot(CityOwned):
    """The place of an accepted showcase in a showcase session."""

    city_path = "showcase__city"
    created_at = None  # not recorded for this model
    updated_at = None  # not recorded for this model

    session = models.ForeignKey(
        "schedule.Session", on_delete=models.CASCADE, related_name="showcase_slots",
        verbose_name=_("session"),
    )
    showcase = models.OneToOneField(
        Showcase, on_delete=models.CASCADE, related_name="slot", verbose_name=_("showcase")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=15)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("showcase slot")
        verbose_name_plural = _("showcase slots")
        ordering = ["session", "order", "pk"]

    def __str__(self):
        return f"{self.session} · {self.order}. {self.showcase}"
