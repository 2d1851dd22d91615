"""Applicants' answers to a cohort's own questions: judged, recorded with the wording they
answered, checked at submission, and read back as question and answer.

The form (``applications/question_forms.py``) and the API (``applications/api.py``) both
judge an answer here, so both accept and refuse the same things with the same messages. A
draft keeps whatever valid answers it has; a required answer is asked for at submission
(``applications.lifecycle.submit_application`` calls :func:`missing_answers`).
"""

import datetime
import decimal
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.utils import formats
from django.utils.translation import gettext as _

from applications.answer_files import file_type_of
from applications.question_models import Answer, QuestionKind
from applications.questions import questions_of
from common.inputs import MAX_YEAR, MIN_YEAR
from common.multilingual import in_language
from common.uploads import delete_on_commit, save_on_commit

K = QuestionKind
SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 20_000
NUMBER_LIMIT = decimal.Decimal("1e12")
CLEAR = object()  # "remove the file answered before"


@dataclass
class NewFile:
    """A judged upload waiting to be stored: the file and its type code."""

    upload: UploadedFile
    file_type: str


def field_name(question):
    """The name of the question's field in a form (and its key in errors)."""
    return f"q_{question.pk}"


def label_of(question, version=None):
    """The question's label in the reader's language (of ``version``, default the current)."""
    version = version or question.current
    return in_language(version.label if version else {}, default=str(question.pk))


def word_count(text):
    return len(text.split())


def _text(value, limit):
    if not isinstance(value, str):
        raise ValidationError(_("Write text here."))
    value = value.strip()
    if len(value) > limit:
        raise ValidationError(_("Keep this to %(limit)s characters (it has %(count)s).")
                              % {"limit": limit, "count": len(value)})
    return value or None


def _number(question, value):
    if isinstance(value, bool):
        raise ValidationError(_("Enter a number."))
    try:
        number = decimal.Decimal(str(value).strip().replace(",", "."))
    except decimal.InvalidOperation:
        raise ValidationError(_("Enter a number, such as 12 or 12.5.")) from None
    if not number.is_finite() or abs(number) >= NUMBER_LIMIT:
        raise ValidationError(_("Enter a number, such as 12 or 12.5."))
    low, high = question.min_number, question.max_number
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValidationError(_range_message(low, high))
    return int(number) if number == number.to_integral_value() else float(number)


def plain_number(number):
    """``50`` for 50.00, ``2.5`` for 2.50, in the reader's format."""
    number = decimal.Decimal(str(number))
    number = number.quantize(1) if number == number.to_integral_value() else number.normalize()
    return formats.number_format(number)


def _range_message(low, high):
    show = plain_number
    if low is not None and high is not None:
        return _("Enter a number from %(low)s to %(high)s.") % {
            "low": show(low), "high": show(high)}
    if low is not None:
        return _("Enter a number of at least %(low)s.") % {"low": show(low)}
    return _("Enter a number of at most %(high)s.") % {"high": show(high)}


def _yes_no(value):
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "true", "1"):
        return True
    if text in ("no", "false", "0"):
        return False
    raise ValidationError(_("Answer yes or no."))


def _date(question, value):
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(_("Enter a date as YYYY-MM-DD.")) from None
    if not isinstance(value, datetime.date):
        raise ValidationError(_("Enter a date as YYYY-MM-DD."))
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(_("Enter a date between the years %(first)s and %(last)s.")
                              % {"first": MIN_YEAR, "last": MAX_YEAR})
    first, last = question.min_date, question.max_date
    show = lambda day: formats.date_format(day, "DATE_FORMAT")  # noqa: E731
    if first and value < first or last and value > last:
        if first and last:
            message = _("Enter a date from %(first)s to %(last)s.")
        elif first:
            message = _("Enter a date on or after %(first)s.")
        else:
            message = _("Enter a date on or before %(last)s.")
        raise ValidationError(message % {"first": first and show(first),
                                         "last": last and show(last)})
    return value.isoformat()


def _choices(question, value, many):
    allowed = [choice["value"] for choice in question.current.choices]
    values = value if many and isinstance(value, list | tuple) else [value]
    chosen = [str(v) for v in values]
    if any(v not in allowed for v in chosen):
        raise ValidationError(_("Choose from the choices given."))
    if not many:
        return chosen[0]
    return [v for v in allowed if v in chosen] or None


def _link(value):
    value = _text(value, SHORT_TEXT_MAX)
    if value is None:
        return None
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            _("Enter a web address that starts with http:// or https://.")) from None
    return value


def clean_answer(*, question, value):
    """The answer to store for ``value`` (``None`` when it is empty), or a
    ``ValidationError`` with the message to show at the question. A file comes back as a
    :class:`NewFile`; :data:`CLEAR` passes through."""
    if value is None or value is CLEAR or value == "" or value == []:
        return None if value is not CLEAR else CLEAR
    kind = question.kind
    if kind == K.SHORT_TEXT:
        return _text(value, SHORT_TEXT_MAX)
    if kind == K.LONG_TEXT:
        text = _text(value, LONG_TEXT_MAX)
        limit = question.word_limit
        if text and limit and word_count(text) > limit:
            raise ValidationError(_("Keep this to %(limit)s words (it has %(count)s).")
                                  % {"limit": limit, "count": word_count(text)})
        return text
    if kind == K.NUMBER:
        return _number(question, value)
    if kind == K.YES_NO:
        return _yes_no(value)
    if kind in (K.SINGLE_CHOICE, K.MULTIPLE_CHOICE):
        return _choices(question, value, many=kind == K.MULTIPLE_CHOICE)
    if kind == K.DATE:
        return _date(question, value)
    if kind == K.LINK:
        return _link(value)
    if not isinstance(value, UploadedFile):
        raise ValidationError(_("Upload a file."))
    return NewFile(value, file_type_of(value, allowed=question.file_types,
                                       max_mb=question.max_file_mb))


def record_answers(*, application, answers):
    """Store ``answers`` (``{question: cleaned value}``) on ``application`` with each
    question's current wording. An empty value removes the answer, except for a file,
    which only :data:`CLEAR` removes (an empty file field keeps the file uploaded before)."""
    stored = {a.question_id: a for a in Answer.objects.filter(
        application=application, question__in=[q.pk for q in answers])}
    for question, value in answers.items():
        answer = stored.get(question.pk)
        if question.kind == K.FILE and value is None:
            continue
        if value is None or value is CLEAR:
            if answer is not None:
                delete_on_commit(answer.file)
                answer.delete()
            continue
        answer = answer or Answer(application=application, question=question)
        answer.version = question.current
        if isinstance(value, NewFile):
            if answer.file:
                delete_on_commit(answer.file)
            answer.file_type = value.file_type
            answer.file_name = (value.upload.name or "")[-200:]
            save_on_commit(answer.file, value.upload.name, value.upload)
            value = answer.file_name
        answer.value = value
        answer.save()


def stored_answers(*, application):
    """``{question id: Answer}`` of ``application`` (none before it is first saved)."""
    if application.pk is None:
        return {}
    return {a.question_id: a for a in application.answers.select_related("question")}


def missing_answers(*, application):
    """``{field name: [message]}`` for each required question still unanswered (asked at
    submission; a draft may leave them empty)."""
    answered = set(application.answers.values_list("question_id", flat=True))
    return {field_name(q): [_("Answer “%(question)s” before submitting.")
                            % {"question": label_of(q)}]
            for q in questions_of(cohort=application.cohort)
            if q.required and q.pk not in answered}


def answer_text(answer):
    """The answer as words, in the reader's language, with the choices it was given."""
    value, kind = answer.value, answer.question.kind
    if kind == K.YES_NO:
        return _("Yes") if value else _("No")
    if kind in (K.SINGLE_CHOICE, K.MULTIPLE_CHOICE):
        names = {c["value"]: in_language(c["label"]) for c in answer.version.choices}
        values = value if isinstance(value, list) else [value]
        return "; ".join(names.get(v, v) for v in values)
    if kind == K.DATE and value:
        return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
    if kind == K.NUMBER and value is not None:
        return formats.number_format(value)
    return "" if value is None else str(value)


def answers_of(*, application):
    """``[(section, [answer])]`` of ``application``, hidden questions included; each answer
    carries ``label`` (the wording answered) and ``text``."""
    answers = list(application.answers.select_related("question__section", "version")
                   .order_by("question__section__position", "question__section_id",
                             "question__position", "question_id"))
    groups = []
    for answer in answers:
        answer.label = label_of(answer.question, answer.version)
        answer.text = answer_text(answer)
        answer.section_title = in_language(answer.question.section.title)
        if not groups or groups[-1][0] != answer.section_title:
            groups.append((answer.section_title, []))
        groups[-1][1].append(answer)
    return groups


def answer_columns(applications):
    """``(header, {application id: [text per question]})`` of the questions of the
    applications' cohorts, for exports: one column per question, headed by its current
    label (prefixed by the cohort when there are several)."""
    applications = list(applications)
    cohort_ids = sorted({a.cohort_id for a in applications})
    questions = [q for cohort_id in cohort_ids
                 for q in questions_of(cohort=cohort_id, include_hidden=True)]
    slugs = {a.cohort_id: a.cohort.slug for a in applications}
    header = [f"{slugs[q.cohort_id]}: {label_of(q)}" if len(slugs) > 1 else label_of(q)
              for q in questions]
    found = {}
    for answer in Answer.objects.filter(application__in=[a.pk for a in applications]
                                        ).select_related("question", "version"):
        found[answer.application_id, answer.question_id] = answer_text(answer)
    return header, {a.pk: [found.get((a.pk, q.pk), "") for q in questions]
                    for a in applications}
