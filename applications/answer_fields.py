"""The cohort's own questions as fields of the applicant's form, in the reader's language.

Each question becomes a field named ``q_<id>`` added to ``ApplicationForm``; the form stays
loose (nothing is required in a draft) and every answer is judged by
``applications.answers.clean_answer``, exactly as the API judges it.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.answer_files import MAX_FILE_MB, accept_of, type_names
from applications.answers import CLEAR, clean_answer, field_name, plain_number
from applications.question_models import QuestionKind
from applications.questions import by_section
from common.date_inputs import IsoDateInput
from common.multilingual import in_language

K = QuestionKind
YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]


def _choices(question):
    return [(c["value"], in_language(c["label"])) for c in question.current.choices]


def _hints(question):
    """What the rules of the question ask, in words, after its help text."""
    hints = [in_language(question.current.help_text)]
    if question.kind == K.LONG_TEXT and question.word_limit:
        hints.append(_("At most %(limit)s words.") % {"limit": question.word_limit})
    low, high = question.min_number, question.max_number
    if question.kind == K.NUMBER and (low is not None or high is not None):
        hints.append(_("From %(low)s to %(high)s.") % {
            "low": "—" if low is None else plain_number(low),
            "high": "—" if high is None else plain_number(high)})
    if question.kind == K.DATE and (question.min_date or question.max_date):
        hints.append(_("From %(first)s to %(last)s.") % {
            "first": formats.date_format(question.min_date) if question.min_date else "—",
            "last": formats.date_format(question.max_date) if question.max_date else "—"})
    if question.kind == K.FILE:
        hints.append(_("%(types)s; at most %(mb)s MB.") % {
            "types": type_names(question.file_types),
            "mb": min(question.max_file_mb or MAX_FILE_MB, MAX_FILE_MB)})
    if question.kind == K.LINK:
        hints.append(_("A web address starting with https:// or http://."))
    return " ".join(hint for hint in hints if hint)


def _field(question):
    kind = question.kind
    if kind == K.LONG_TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), strip=False)
    if kind == K.NUMBER:
        return forms.CharField(widget=forms.NumberInput(attrs={"step": "any"}))
    if kind == K.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect)
    if kind == K.SINGLE_CHOICE:
        return forms.ChoiceField(choices=_choices(question), widget=forms.RadioSelect)
    if kind == K.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(choices=_choices(question),
                                         widget=forms.CheckboxSelectMultiple)
    if kind == K.DATE:
        return forms.CharField(widget=IsoDateInput())
    if kind == K.LINK:
        return forms.CharField(widget=forms.URLInput())
    if kind == K.FILE:
        return forms.FileField(widget=forms.FileInput(
            attrs={"accept": accept_of(question.file_types)}))
    return forms.CharField(max_length=500)


def _initial(answer):
    if answer is None:
        return None
    value = answer.value
    if answer.question.kind == K.YES_NO:
        return "yes" if value else "no"
    return None if answer.question.kind == K.FILE else value


def add_question_fields(form, *, questions, answers):
    """Add a field per question to ``form`` (labels in the active language), with the
    stored ``answers`` (``{question id: Answer}``) as initial values. Returns the sections
    as ``[(title, [(bound field, stored answer)])]`` for the template."""
    form.questions = questions
    for question in questions:
        field = _field(question)
        field.required = False
        label = in_language(question.current.label)
        field.label = _("%(label)s (required)") % {"label": label} if question.required \
            else label
        field.help_text = _hints(question)
        answer = answers.get(question.pk)
        field.initial = _initial(answer)
        form.fields[field_name(question)] = field
        if question.kind == K.FILE and answer is not None and answer.file:
            form.fields[f"{field_name(question)}_clear"] = forms.BooleanField(
                required=False, label=_("Remove the file uploaded before (%(name)s)")
                % {"name": answer.file_name})
    return [(in_language(section.title),
             [(form[field_name(q)], answers.get(q.pk),
               form[f"{field_name(q)}_clear"] if f"{field_name(q)}_clear" in form.fields
               else None) for q in group])
            for section, group in by_section(questions)]


def clean_question_fields(form):
    """``{question: cleaned answer}`` of the form's question fields; a refused answer puts
    its message at its field (and is left out)."""
    answers = {}
    for question in getattr(form, "questions", []):
        name = field_name(question)
        if name in form.errors:
            continue
        value = form.cleaned_data.get(name)
        if question.kind == K.FILE and not value and form.cleaned_data.get(f"{name}_clear"):
            value = CLEAR
        try:
            answers[question] = clean_answer(question=question, value=value)
        except ValidationError as error:
            form.add_error(name, error)
    return answers
