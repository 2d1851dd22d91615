"""Sessions of a cohort, and the per-person rows about them: RSVP, attendance, hours.

Sessions are cohort-level (every enrolled city sees them); RSVPs, attendance and the
training-hours ledger are city-owned rows (:class:`cities.owned.CityOwned`).
They moved here from ``cohorts`` (tables ``cohorts_*`` renamed by migration 0002).
"""

import uuid
import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import validate_time_zone
from cities.owned import CityOwned


class SessionKind(models.TextChoices):
    CONVENING = "convening", _("Convening")
    KEYNOTE = "keynote", _("Keynote")
    WORKSHOP = "workshop", _("Workshop")
    COACHING = "coaching", _("Coaching session")
    SHOWCASE = "showcase", _("Showcase")
    OFFICE_HOURS = "office_hours", _("Office hours")


class Audience(models.TextChoices):
    MAYORS = "mayors", _("Mayors only")
    SENIOR_TEAMS = "senior_teams", _("Senior teams")
    EVERYONE = "everyone", _("Everyone")
    CITY = "city", _("One city")


def _new_uid():
    return f"{uuid.uuid4()}@civic-accelerator"


class Session(models.Model):
    """A session of a cohort's calendar, planned in ``time_zone``.

    ``uid`` is stable for calendars; ``sequence`` goes up each time the session moves or
    is cancelled so that calendar apps replace their copy.
    """

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="sessions",
        verbose_name=_("cohort"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_time_zone], default="America/New_York",
        help_text=_("The time zone the session is planned in."),
    )
    location = models.CharField(_("place"), max_length=300, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    city = models.ForeignKey(
        "cities.City", null=True, blank=True, on_delete=models.CASCADE,
        related_name="own_sessions", verbose_name=_("city"),
        help_text=_("Only for sessions whose audience is one city."),
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    module = models.ForeignKey(
        "curriculum.Module", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="sessions", verbose_name=_("module"),
    )
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="hosted_sessions", verbose_name=_("host"),
    )
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    sequence = models.PositiveIntegerField(_("sequence"), default=0, editable=False)
    uid = models.CharField(_("uid"), max_length=120, unique=True, default=_new_uid, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["cohort", "starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self, city=None):
        """The session's page in ``city``'s portal (one-city sessions know their city)."""
        city = city or self.city
        if city is None:
            return ""
        return reverse("schedule:session", kwargs={"city": city.slug, "session_id": self.pk})

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_mayor_only(self):
        """Mayor-only sessions (the convening) accept only the mayor's own attendance."""
        return self.audience == Audience.MAYORS

    @property
    def duration_hours(self):
        return round((self.ends_at - self.starts_at).total_seconds() / 3600, 2)


class RsvpAnswer(models.TextChoices):
    YES = "yes", _("Yes, I will attend")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("No, I cannot attend")


class Rsvp(CityOwned):
    """One invited person's answer to one session."""

    created_at = None  # not recorded for this model (answered_at is)
    updated_at = None  # not recorded for this model

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("session")
    )
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="+", verbose_name=_("city")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rsvps",
        verbose_name=_("user"),
    )
    answer = models.CharField(_("answer"), max_length=10, choices=RsvpAnswer.choices)
    answered_at = models.DateTimeField(_("answered at"), auto_now=True)

    class Meta:
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_rsvp_per_person")
        ]

    def __str__(self):
        return f"{self.user} · {self.session} · {self.get_answer_display()}"


class Attendance(CityOwned):
    """A person who attended a session, as marked by staff or the session's host."""

    created_at = None  # not recorded for this model (marked_at is)
    updated_at = None  # not recorded for this model

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="+", verbose_name=_("city")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances",
        verbose_name=_("user"),
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_attendance_per_person")
        ]

    def __str__(self):
        return f"{self.user} attended {self.session}"


class HoursSource(models.TextChoices):
    SESSION = "session", _("Session attended")
    CHECKIN = "checkin", _("Coaching check-in")
    SELF = "self", _("Self-logged learning")


class HoursEntry(CityOwned):
    """A line of a city's training-hours ledger; one per (source_key, user)."""

    updated_at = None  # not recorded for this model

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="+", verbose_name=_("city")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hours_entries",
        verbose_name=_("user"),
    )
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=2)
    on_date = models.DateField(_("date"))
    source = models.CharField(_("source"), max_length=20, choices=HoursSource.choices)
    source_key = models.CharField(_("source key"), max_length=120)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("training hours")
        verbose_name_plural = _("training hours")
        ordering = ["-on_date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source_key", "user"], name="one_credit_per_source"),
        ]
        indexes = [models.Index(fields=["city", "on_date"])]

    def __str__(self):
        return f"{self.user} · {self.hours} h · {self.on_date}"
