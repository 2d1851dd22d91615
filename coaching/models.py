from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cities.owned import CityOwned
from curriculum.pillars import Pillar


class CoachAssignment(CityOwned):
    """A coach assigned to a city's enrollment; a coach sees only assigned cities."""

    city_path = "enrollment__city"
    created_at = None  # not recorded for this model
    updated_at = None  # not recorded for this model

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

    class Meta:
        verbose_name = _("coach assignment")
        verbose_name_plural = _("coach assignments")
        constraints = [
            models.UniqueConstraint(fields=["coach", "enrollment"], name="one_assignment_per_coach")
        ]

    def __str__(self):
        return f"{self.coach} → {self.enrollment}"


class Rag(models.TextChoices):
    RED = "red", _("Red")
    AMBER = "amber", _("Amber")
    GREEN = "green", _("Green")


class CheckInMode(models.TextChoices):
    VIDEO = "video", _("Video call")
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")


class CheckInStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    LOGGED = "logged", _("Logged")


def _rag_field(pillar):
    return models.CharField(
        format_lazy(_("progress: {pillar}"), pillar=pillar.label), max_length=5,
        choices=Rag.choices, blank=True,
    )


def _why_field():
    return models.CharField(_("why"), max_length=300, blank=True)


class CheckIn(CityOwned):
    """A coach's meeting with a city's team.

    ``summary`` is shared with the city; ``private_notes`` are for the coach and program
    staff only and are never shown, serialised or sent to the city's people (they are also
    left out of the history, which feeds the city's timeline).
    """

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="checkins", verbose_name=_("city")
    )
    enrollment = models.ForeignKey(
        "cohorts.Enrollment", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="checkins", verbose_name=_("enrollment"),
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="checkins_led", verbose_name=_("coach"),
    )
    happened_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    mode = models.CharField(
        _("mode"), max_length=16, choices=CheckInMode.choices, default=CheckInMode.VIDEO
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="checkins_attended",
        verbose_name=_("attendees"),
    )
    summary = models.TextField(_("summary (shared with the city)"), blank=True)
    private_notes = models.TextField(_("private coach notes"), blank=True)
    lead_rag = _rag_field(Pillar.LEAD)
    lead_why = _why_field()
    invest_rag = _rag_field(Pillar.INVEST)
    invest_why = _why_field()
    empower_rag = _rag_field(Pillar.EMPOWER)
    empower_why = _why_field()
    decisions = models.TextField(_("decisions taken"), blank=True)
    next_checkin_on = models.DateField(_("next check-in"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=CheckInStatus.choices, default=CheckInStatus.DRAFT
    )
    logged_at = models.DateTimeField(_("logged at"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["private_notes"])

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-happened_at", "-pk"]
        indexes = [
            models.Index(fields=["city", "status", "-happened_at"]),
            # The admin's list across all cities: newest first without sorting every row.
            models.Index(fields=["-happened_at", "-id"], name="coaching_checkin_newest"),
        ]

    def __str__(self):
        return f"{self.city} · {self.happened_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("coaching:checkin", kwargs={"city": self.city.slug, "pk": self.pk})

    @property
    def is_logged(self):
        return self.status == CheckInStatus.LOGGED

    def ratings(self):
        """``[(pillar, rag, why)]`` for the three pillars, in order."""
        return [
            (pillar, getattr(self, f"{pillar.value}_rag"), getattr(self, f"{pillar.value}_why"))
            for pillar in Pillar
        ]


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ActionItem(CityOwned):
    """Something a city member or the coach will do by a date."""

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="action_items",
        verbose_name=_("city"),
    )
    checkin = models.ForeignKey(
        CheckIn, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_items",
        verbose_name=_("check-in"),
    )
    title = models.CharField(_("action"), max_length=200)
    details = models.TextField(_("details"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="action_items", verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=8, choices=ActionItemStatus.choices,
        default=ActionItemStatus.OPEN,
    )
    initiative = models.ForeignKey(
        "strategy.Initiative", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="action_items", verbose_name=_("strategy initiative"),
        help_text=_("The initiative of the city's data strategy this action advances."),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("created by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["city", "status", "due_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("coaching:page", kwargs={"city": self.city.slug}) + f"#action-{self.pk}"

    @property
    def is_open(self):
        return self.status == ActionItemStatus.OPEN


class MayorRequest(CityOwned):
    """A key moment: the coach asks the mayor for a decision or direction by a deadline."""

    updated_at = None  # not recorded for this model

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="mayor_requests",
        verbose_name=_("city"),
    )
    question = models.CharField(_("question"), max_length=300)
    context = models.TextField(_("context"), blank=True)
    deadline = models.DateField(_("answer needed by"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("requested by"),
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("request to the mayor")
        verbose_name_plural = _("requests to the mayor")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("coaching:page", kwargs={"city": self.city.slug}) + f"#request-{self.pk}"

    @property
    def is_answered(self):
        return self.answered_at is not None


class TranscriptKind(models.TextChoices):
    WEBVTT = "webvtt", _("WebVTT")
    SRT = "srt", _("SRT")
    PLAIN = "plain", _("Plain text")


class CallTranscript(CityOwned):
    """A call's transcript, uploaded by the coach to draft a check-in from it.

    Private to the city's coach and program staff: never shown, exported or sent to the
    city's people, and kept without history. Deleted ``TRANSCRIPT_RETENTION_DAYS`` after
    its upload by a periodic task (``coaching.delete_expired_transcripts``).
    """

    updated_at = None  # not recorded for this model

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="call_transcripts",
        verbose_name=_("city"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("uploaded by"),
    )
    file_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=8, choices=TranscriptKind.choices)
    text = models.TextField(_("transcript"))
    checkin = models.ForeignKey(
        CheckIn, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("check-in drafted from it"),
    )

    class Meta:
        verbose_name = _("call transcript")
        verbose_name_plural = _("call transcripts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["created_at"], name="coaching_transcript_created")]

    def __str__(self):
        return self.file_name

    def get_absolute_url(self):
        return reverse("coaching:transcript", kwargs={"city": self.city.slug, "pk": self.pk})
