"""What a city hands in for the curriculum's assignments (``curriculum.Assignment``, which
staff define per module): its working copy, its files and links, and every revision it
submitted with the coach's review of it.

Models are thin; the rules live in :mod:`assignments.handing_in` and
:mod:`assignments.attachments`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cities.owned import CityOwned
from common.uploads import unguessable_path


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    REVISE = "revise", _("Revision asked")
    ACCEPTED = "accepted", _("Accepted")


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    REVISE = "revise", _("Revise")


class Submission(CityOwned):
    """A city's work on one assignment: the text being written, in one state. No row yet:
    the city has not started."""

    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="assignment_submissions",
        verbose_name=_("city"),
    )
    assignment = models.ForeignKey(
        "curriculum.Assignment", on_delete=models.CASCADE, related_name="submissions",
        verbose_name=_("assignment"),
    )
    text = models.TextField(_("what the team did"), blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("started by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("assignment handed in")
        verbose_name_plural = _("assignments handed in")
        ordering = ["assignment__due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["city", "assignment"],
                                    name="one_submission_per_city_and_assignment"),
        ]

    def __str__(self):
        return f"{self.assignment} · {self.city_id}"


def attachment_path(instance, filename):
    return unguessable_path("assignment-files", filename)


class AttachmentKind(models.TextChoices):
    FILE = "file", _("File")
    LINK = "link", _("Link")


class Attachment(CityOwned):
    """A file (checked by its content) or a link handed in with a submission. Once part of a
    submitted revision it is never deleted: removing it from the draft only sets
    ``removed_at``, so every revision still shows what it was handed in with."""

    city_path = "submission__city"
    updated_at = None  # not recorded for this model

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="attachments",
        verbose_name=_("submission"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=attachment_path, blank=True, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    url = models.URLField(_("link"), max_length=500, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("added by"),
    )
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("file or link handed in")
        verbose_name_plural = _("files and links handed in")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title or self.original_name or self.url


class Revision(CityOwned):
    """One submission sent to the coach, frozen as it was sent, and the coach's review."""

    city_path = "submission__city"
    updated_at = None  # not recorded for this model

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="revisions",
        verbose_name=_("submission"),
    )
    number = models.PositiveSmallIntegerField(_("revision"))
    text = models.TextField(_("what the team did"), blank=True)
    attachments = models.ManyToManyField(
        Attachment, blank=True, related_name="revisions", verbose_name=_("files and links")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("submitted by"),
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices,
                                blank=True)
    comment = models.TextField(_("coach's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"],
                                    name="one_revision_number_per_submission"),
        ]

    def __str__(self):
        return f"{self.submission} · {self.number}"
