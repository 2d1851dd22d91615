"""The API of a cohort's own questions: the questions of a cohort (public, read-only) and the
answers as part of an application (read and written, judged by
``applications.answers.clean_answer`` as in the form). A file is uploaded in the form only;
the API reads its name and download address."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from applications.answers import clean_answer, label_of
from applications.question_models import QuestionKind
from applications.questions import questions_of
from common import api_inputs
from common.multilingual import in_language


class ChoiceSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class QuestionSerializer(serializers.Serializer):
    """One question as an applicant reads it (labels in the request's language)."""

    id = serializers.IntegerField()
    section = serializers.SerializerMethodField()
    kind = serializers.ChoiceField(choices=QuestionKind.choices)
    required = serializers.BooleanField()
    version = serializers.IntegerField(source="current.number")
    label = serializers.SerializerMethodField()
    help_text = serializers.SerializerMethodField()
    choices = serializers.SerializerMethodField()
    word_limit = serializers.IntegerField(allow_null=True)
    min_number = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    max_number = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    min_date = api_inputs.DateField(allow_null=True, read_only=True)
    max_date = api_inputs.DateField(allow_null=True, read_only=True)
    file_types = serializers.ListField(child=serializers.CharField())
    max_file_mb = serializers.IntegerField(allow_null=True)

    def get_section(self, question) -> str:
        return in_language(question.section.title)

    def get_label(self, question) -> str:
        return label_of(question)

    def get_help_text(self, question) -> str:
        return in_language(question.current.help_text)

    @extend_schema_field(ChoiceSerializer(many=True))
    def get_choices(self, question) -> list[dict]:
        return [{"value": c["value"], "label": in_language(c["label"])}
                for c in question.current.choices]


@extend_schema_field({"oneOf": [
    {"type": "string", "nullable": True}, {"type": "number"}, {"type": "boolean"},
    {"type": "array", "items": {"type": "string"}},
]})
class AnswerValueField(serializers.JSONField):
    """An answer's value: whichever JSON type the question's kind takes, or null (which
    removes the answer); the schema says so in its ``oneOf``, not beside it."""

    def validate_empty_values(self, data):
        if data is None:
            return True, None
        return super().validate_empty_values(data)


class AnswerSerializer(serializers.Serializer):
    """An answer: ``question`` (its id) and ``value`` are written; the rest is read."""

    question = serializers.IntegerField(source="question_id", min_value=1)
    value = AnswerValueField(help_text=(
        "Text, a number, true/false (yes/no), a choice's value, a list of choices' values, "
        "a date (YYYY-MM-DD) or a link; null removes the answer."))
    version = serializers.IntegerField(source="version.number", read_only=True)
    label = serializers.SerializerMethodField()
    file_name = serializers.CharField(read_only=True)
    file_url = serializers.SerializerMethodField()

    def get_label(self, answer) -> str:
        return label_of(answer.question, answer.version)

    def get_file_url(self, answer) -> str | None:
        if not answer.file:
            return None
        return reverse("apply:answer_file", kwargs={"pk": answer.application_id,
                                                    "question_id": answer.question_id})


def clean_api_answers(*, cohort, items):
    """``{question: cleaned value}`` of the written answers (``[{question_id, value}]``), or
    a DRF ``ValidationError`` ``{"answers": {question id: [message]}}``."""
    questions = {q.pk: q for q in questions_of(cohort=cohort)}
    cleaned, errors = {}, {}
    for item in items:
        key = str(item["question_id"])
        question = questions.get(item["question_id"])
        if question is None:
            errors[key] = [_("This cohort asks no such question.")]
        elif question.kind == QuestionKind.FILE:
            errors[key] = [_("Upload files in the application form; the API only reads "
                             "them.")]
        else:
            try:
                cleaned[question] = clean_answer(question=question, value=item["value"])
            except DjangoValidationError as error:
                errors[key] = error.messages
    if errors:
        raise serializers.ValidationError({"answers": errors})
    return cleaned
