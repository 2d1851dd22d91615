"""Staff pages of a cohort's own application questions, under
``/staff/cohorts/<cohort>/questions/``: the list (reorder, hide, delete), a question's and a
section's form, and the preview of the form as an applicant sees it in each language."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from applications.answer_fields import add_question_fields
from applications.answers import label_of
from applications.question_forms import (
    ALIASES,
    LANGUAGE_CHOICES,
    QuestionForm,
    SectionForm,
    apply_errors,
)
from applications.question_models import Question, QuestionSection
from applications.questions import (
    add_question,
    add_section,
    by_section,
    delete_question,
    edit_question,
    hide_question,
    move,
    questions_of,
    rename_section,
)
from cities.doors import rule_required
from cohorts.models import Cohort
from common.inputs import parse_id
from common.multilingual import LANGUAGES, in_language

STEPS = {"up": -1, "down": 1}


def _act(request, cohort):
    """One action of the list's buttons; returns the message to show."""
    action = request.POST.get("action", "")
    number = parse_id(request.POST.get("item"))
    if action.startswith("section-"):
        section = get_object_or_404(QuestionSection, pk=number, cohort=cohort)
        move(item=section, step=STEPS.get(action.removeprefix("section-"), 0))
        return _("The sections are in their new order.")
    question = get_object_or_404(Question, pk=number, cohort=cohort)
    if action in STEPS:
        move(item=question, step=STEPS[action])
        return _("The questions are in their new order.")
    if action in ("hide", "show"):
        hide_question(question=question, hidden=action == "hide")
        return _("The question is hidden: applicants no longer see it.") if action == "hide" \
            else _("The question is shown to applicants again.")
    if action == "delete":
        delete_question(question=question)
        return _("The question is deleted.")
    raise ValidationError(_("Choose what to do with the question."))


@rule_required("is_program_staff", obj=None)
@require_http_methods(["GET", "POST"])
def question_list(request, slug):
    """The cohort's sections and questions in order, with what can be done to each."""
    cohort = get_object_or_404(Cohort, slug=slug)
    if request.method == "POST":
        try:
            messages.success(request, _act(request, cohort))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("staff:questions", slug=cohort.slug)
    questions = (Question.objects.filter(cohort=cohort).select_related("section", "current")
                 .annotate(answer_count=Count("answers"))
                 .order_by("section__position", "section_id", "position", "pk"))
    sections = list(cohort.question_sections.order_by("position", "pk"))
    for section in sections:
        section.display_title = in_language(section.title)
    questions = list(questions)
    for question in questions:
        question.display_label = label_of(question)
    return render(request, "applications/questions.html", {
        "cohort": cohort, "groups": by_section(questions, sections),
        "preview_languages": LANGUAGE_CHOICES,
    })


def _form_page(request, template, context, form):
    return render(request, template, context | {"form": form},
                  status=400 if form.errors else 200)


@rule_required("is_program_staff", obj=None)
@require_http_methods(["GET", "POST"])
def question_edit(request, slug, question_id=None):
    """Add a question (no ``question_id``) or change one; new wording is a new version."""
    cohort = get_object_or_404(Cohort, slug=slug)
    question = None
    if question_id is not None:
        question = get_object_or_404(Question.objects.select_related("current"),
                                     pk=question_id, cohort=cohort)
    if not cohort.question_sections.exists():
        messages.info(request, _("Add a section first: every question belongs to one."))
        return redirect("staff:question_section_add", slug=cohort.slug)
    form = QuestionForm(request.POST or None, cohort=cohort, question=question)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if question is None:
                add_question(section=data["section"], kind=data["kind"],
                             wording=form.wording(), rules=form.rules(), by=request.user)
            else:
                edit_question(question=question, section=data["section"], kind=data["kind"],
                              wording=form.wording(), rules=form.rules(), by=request.user)
        except ValidationError as error:
            apply_errors(form, error, ALIASES)
        else:
            messages.success(request, _("The question is saved."))
            return redirect("staff:questions", slug=cohort.slug)
    return _form_page(request, "applications/question_form.html", {
        "cohort": cohort, "question": question,
        "answered": question is not None and question.answers.exists(),
    }, form)


@rule_required("is_program_staff", obj=None)
@require_http_methods(["GET", "POST"])
def section_edit(request, slug, section_id=None):
    """Add a section of questions (no ``section_id``) or rename one."""
    cohort = get_object_or_404(Cohort, slug=slug)
    section = None
    if section_id is not None:
        section = get_object_or_404(QuestionSection, pk=section_id, cohort=cohort)
    form = SectionForm(request.POST or None, section=section)
    if request.method == "POST" and form.is_valid():
        try:
            if section is None:
                add_section(cohort=cohort, title=form.title())
            else:
                rename_section(section=section, title=form.title())
        except ValidationError as error:
            apply_errors(form, error, ALIASES)
        else:
            messages.success(request, _("The section is saved."))
            return redirect("staff:questions", slug=cohort.slug)
    return _form_page(request, "applications/section_form.html",
                      {"cohort": cohort, "section": section}, form)


@rule_required("is_program_staff", obj=None)
def question_preview(request, slug):
    """The cohort's visible questions as an applicant reading ``?language=`` sees them."""
    cohort = get_object_or_404(Cohort, slug=slug)
    language = request.GET.get("language")
    if language not in LANGUAGES:  # none asked (or not one of ours): the staff's own
        language = translation.get_language()
        language = language if language in LANGUAGES else LANGUAGES[0]
    with translation.override(language):
        form = forms.Form(auto_id="preview_%s")
        sections = add_question_fields(form, questions=questions_of(cohort=cohort), answers={})
        preview = render_to_string("applications/_question_preview.html",
                                   {"sections": sections, "language": language})
    return render(request, "applications/question_preview.html", {
        "cohort": cohort, "preview": preview, "language": language,
        "preview_languages": LANGUAGE_CHOICES,
    })
