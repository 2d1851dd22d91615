"""Notifications: the record of every notify() call, the in-app inbox, the e-mail outbox,
preferences and reminder rules.

These rows belong to people, not to a city, so they are not scoped; ``city`` is kept where
the object a notification is about reaches a city, so staff can filter by city.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    SESSIONS = "sessions", _("Sessions")
    COACHING = "coaching", _("Coaching")
    SHOWCASES = "showcases", _("Showcases")
    STRATEGY = "strategy", _("Strategy")
    APPLICATIONS = "applications", _("Applications")
    HOURS = "hours", _("Training hours")
    ACCOUNT = "account", _("Account")
    ANNOUNCEMENTS = "announcements", _("Announcements from the program")
    FEEDBACK = "feedback", _("Feedback asked after sessions")
    ASSESSMENT = "assessment", _("Data-practice assessment")


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("E-mail immediately")
    DAILY_DIGEST = "daily_digest", _("E-mail a daily digest")
    IN_APP = "in_app", _("In-app only")


class NotificationEvent(models.Model):
    """One call of ``notify()``: what happened, about which object, who was told."""

    event = models.CharField(_("event"), max_length=100, db_index=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    mandatory = models.BooleanField(_("mandatory"), default=False)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("content type"),
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    about_repr = models.CharField(_("about"), max_length=300, blank=True)
    city = models.ForeignKey(
        "cities.City", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("city"),
    )
    recipients_text = models.TextField(_("recipients"), blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("notification event")
        verbose_name_plural = _("notification events")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.event} · {self.about_repr or '—'}"


class Notification(models.Model):
    """One person's in-app notification, rendered in their language."""

    record = models.ForeignKey(
        NotificationEvent, on_delete=models.CASCADE, related_name="notifications",
        verbose_name=_("record"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
        verbose_name=_("recipient"),
    )
    city = models.ForeignKey(
        "cities.City", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("city"),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    delivery = models.CharField(_("delivery"), max_length=20, choices=Delivery.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    digested_at = models.DateTimeField(_("included in a digest at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["delivery", "digested_at"]),
        ]

    def __str__(self):
        return f"{self.recipient} · {self.subject}"


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class EmailOutbox(models.Model):
    """One e-mail: queued → sending → sent | failed (with the reason)."""

    record = models.ForeignKey(
        NotificationEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="emails",
        verbose_name=_("record"),
    )
    notification = models.ForeignKey(
        Notification, null=True, blank=True, on_delete=models.SET_NULL, related_name="emails",
        verbose_name=_("notification"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("recipient"),
    )
    city = models.ForeignKey(
        "cities.City", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("city"),
    )
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    attachments = models.JSONField(
        _("attachments"), default=list, blank=True,
        help_text=_("A list of {filename, mimetype, content[, encoding]}."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("reason of the last failure"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mail outbox")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.to} · {self.subject} ({self.get_status_display()})"


class NotificationPreference(models.Model):
    """How one person wants to hear about one category."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
        related_name="notification_preferences", verbose_name=_("user"),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    delivery = models.CharField(_("delivery"), max_length=20, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "category"], name="one_preference_per_category")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_category_display()}: {self.get_delivery_display()}"


class ReminderKind(models.TextChoices):
    SESSION_STARTING = "session_starting", _("Session starting")
    RSVP_MISSING = "rsvp_missing", _("RSVP missing")
    CHECKIN_DUE = "checkin_due", _("Check-in due")
    ACTION_ITEM_OVERDUE = "action_item_overdue", _("Action item overdue")
    SHOWCASE_DEADLINE = "showcase_deadline", _("Showcase deadline")
    STRATEGY_WAITING_FOR_MAYOR = "strategy_waiting_for_mayor", _("Strategy waiting for the mayor")
    HOURS_BELOW_COMMITMENT = "hours_below_commitment", _(
        "Training hours below commitment at month end"
    )
    INVITATION_NOT_ACCEPTED = "invitation_not_accepted", _("Invitation not accepted")
    # Added for coaching's sources (coaching/reminders.py).
    ACTION_ITEM_DUE = "action_item_due", _("Action item due soon")
    MAYOR_REQUEST_UNANSWERED = "mayor_request_unanswered", _("Mayor's decision still requested")
    # Added for the year after's quarterly updates (followon/reminders.py).
    FOLLOW_ON_UPDATE_DUE = "follow_on_update_due", _("Year-after quarterly update due")
    # Added for the assessment's sources (assessment/reminders.py).
    ASSESSMENT_OPENED = "assessment_opened", _("Assessment opened")
    ASSESSMENT_CLOSING = "assessment_closing", _("Assessment closing")


class Audience(models.TextChoices):
    DEFAULT = "default", _("Whoever the reminder concerns")
    EVERYONE = "everyone", _("The city's whole team")
    MAYORS = "mayors", _("Mayors")
    SENIOR_TEAM = "senior_team", _("Senior team (without the mayor)")
    COACHES = "coaches", _("The city's coaches")
    STAFF = "staff", _("Program staff")


class ReminderRule(models.Model):
    """What to remind, how long before (or after) it is due, and whom."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("what"), max_length=40, choices=ReminderKind.choices)
    offset = models.DurationField(
        _("offset"), default=timedelta(days=1),
        help_text=_(
            "How long before the moment (a session's start, a deadline) or after it "
            "(an overdue item, an unanswered invitation) the reminder is sent, "
            "e.g. “7 00:00:00” for 7 days or “1:00:00” for one hour."
        ),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.DEFAULT
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder rule")
        verbose_name_plural = _("reminder rules")
        ordering = ["kind", "-offset"]

    def __str__(self):
        return self.name


class ReminderDelivery(models.Model):
    """The claim, written before a reminder is sent, that makes each reminder go out once."""

    rule = models.ForeignKey(
        ReminderRule, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("rule")
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("content type")
    )
    object_id = models.CharField(_("object id"), max_length=64)
    about = GenericForeignKey("content_type", "object_id")
    recipient_key = models.CharField(_("recipient key"), max_length=260)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("recipient"),
    )
    occurrence = models.CharField(_("occurrence"), max_length=100)
    claim = models.CharField(_("claim"), max_length=32, db_index=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "content_type", "object_id", "recipient_key", "occurrence"],
                name="one_reminder_per_occurrence",
            )
        ]

    def __str__(self):
        return f"{self.rule} · {self.recipient_key} · {self.occurrence}"
