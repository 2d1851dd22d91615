"""A cohort's own application questions, as data, and the applicants' answers.

Staff write each text (a section's title, a question's label, help and choices) in English,
Spanish and Portuguese, or a subset: every such text is a ``{language: text}`` mapping read
with ``common.multilingual.in_language``. A question's wording lives in its
``QuestionVersion``: changing the wording writes a new version, and each ``Answer`` keeps the
version its applicant answered, so an answer is always shown with the words they saw.

Like applications, these rows are not tenant data (no city owns them); who may see an answer
is who may see its application.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    YES_NO = "yes_no", _("Yes or no")
    SINGLE_CHOICE = "single_choice", _("One choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Several choices")
    DATE = "date", _("Date")
    FILE = "file", _("File upload")
    LINK = "link", _("Link")


CHOICE_KINDS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}


def answer_file_path(instance, filename):
    """Stored under an unguessable name; only a permission-checked view serves it."""
    extension = (instance.file_type or "bin").lower()
    return f"applications/answers/{secrets.token_hex(16)}.{extension}"


class QuestionSection(models.Model):
    """A titled group of a cohort's questions, shown in ``position`` order."""

    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE,
                               related_name="question_sections", verbose_name=_("cohort"))
    title = models.JSONField(_("title"), default=dict, help_text=_("{language: text}"))
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("question section")
        verbose_name_plural = _("question sections")
        ordering = ["cohort", "position", "pk"]

    def __str__(self):
        return next(iter(self.title.values()), "") if self.title else f"#{self.pk}"


class Question(models.Model):
    """One of a cohort's own questions: its kind and rules (its wording is versioned)."""

    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE,
                               related_name="questions", verbose_name=_("cohort"))
    section = models.ForeignKey(QuestionSection, on_delete=models.PROTECT,
                                related_name="questions", verbose_name=_("section"))
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    required = models.BooleanField(_("required"), default=False)
    hidden = models.BooleanField(
        _("hidden"), default=False,
        help_text=_("A hidden question is no longer asked; its answers are kept."))
    position = models.PositiveIntegerField(_("position"), default=0)
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    min_number = models.DecimalField(_("smallest number"), max_digits=14, decimal_places=2,
                                     null=True, blank=True)
    max_number = models.DecimalField(_("largest number"), max_digits=14, decimal_places=2,
                                     null=True, blank=True)
    min_date = models.DateField(_("earliest date"), null=True, blank=True)
    max_date = models.DateField(_("latest date"), null=True, blank=True)
    file_types = models.JSONField(_("allowed file types"), default=list, blank=True)
    max_file_mb = models.PositiveSmallIntegerField(_("largest file (MB)"), null=True,
                                                   blank=True)
    current = models.ForeignKey("QuestionVersion", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+",
                                verbose_name=_("current wording"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("application question")
        verbose_name_plural = _("application questions")
        ordering = ["cohort", "section__position", "section_id", "position", "pk"]

    def __str__(self):
        label = self.current.label if self.current_id else {}
        return next(iter(label.values()), "") if label else f"#{self.pk}"


class QuestionVersion(models.Model):
    """The wording of a question at one time: label, help text and choices per language.

    ``choices`` is ``[{"value": "1", "label": {language: text}}, …]``; answers keep the value.
    """

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="versions",
                                 verbose_name=_("question"))
    number = models.PositiveIntegerField(_("version"))
    label = models.JSONField(_("label"), default=dict)
    help_text = models.JSONField(_("help text"), default=dict, blank=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("written by"))

    class Meta:
        verbose_name = _("question wording")
        verbose_name_plural = _("question wordings")
        ordering = ["question", "number"]
        constraints = [models.UniqueConstraint(fields=["question", "number"],
                                               name="one_number_per_question_version")]

    def __str__(self):
        return f"{next(iter(self.label.values()), '')} (v{self.number})"


class Answer(models.Model):
    """An application's answer to one question, with the wording the applicant saw."""

    application = models.ForeignKey("applications.Application", on_delete=models.CASCADE,
                                     related_name="answers", verbose_name=_("application"))
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers",
                                 verbose_name=_("question"))
    version = models.ForeignKey(QuestionVersion, on_delete=models.PROTECT,
                                related_name="answers", verbose_name=_("wording answered"))
    value = models.JSONField(_("answer"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=answer_file_path, blank=True, max_length=200)
    file_type = models.CharField(_("file type"), max_length=10, blank=True)
    file_name = models.CharField(_("file name as uploaded"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["application", "question"]
        constraints = [models.UniqueConstraint(fields=["application", "question"],
                                               name="one_answer_per_question")]

    def __str__(self):
        return f"{self.application_id} · {self.question_id}"
