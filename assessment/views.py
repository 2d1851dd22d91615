"""Portal pages of a city's assessment (``/c/<city>/assessment/…``).

The tenancy middleware resolved the city (404 for a city one may not see) and entered its
scope; each door names its rule; the views read (``reading.py``), call a domain function
and render.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessment import answering, gaps
from assessment.forms import AnswerForm, ReviewForm, add_errors
from assessment.models import Answer, Kind
from assessment.reading import assessments_of, read_assessment
from assessment.results import scores_of, tier_name
from assessment.windows import is_open, open_due_assessments, window
from cities.doors import allows, rule_required
from cohorts.models import Enrollment


def _enrollment(city):
    return (Enrollment.objects.filter(city=city).select_related("cohort")
            .order_by("-cohort__starts_on").first())


def _assessment(request, kind):
    """The city's ``kind`` assessment in its latest enrollment (404 when not opened)."""
    if "_assessment" not in request.__dict__:
        if kind not in Kind.values:
            raise Http404
        found = [a for a in assessments_of(request.city) if a.kind == kind]
        if not found:
            raise Http404
        request._assessment = found[0]
    return request._assessment


def _permissions(user, city):
    names = ["can_answer_assessment", "can_review_assessment", "can_turn_gap_into_initiative"]
    return {name.removeprefix("can_"): allows(name, user, city) for name in names}


def _url(request, name, **kwargs):
    return reverse(f"assessment:{name}", kwargs={"city": request.city.slug, **kwargs})


@rule_required("can_view_assessment")
def overview(request, city):
    """The city's assessments: when each opens and closes, and its score so far."""
    enrollment = _enrollment(request.city)
    today = timezone.localdate()
    if enrollment and enrollment.withdrawn_on is None:
        open_due_assessments(today=today, enrollments=[enrollment])
    assessments = {a.kind: a for a in reversed(assessments_of(request.city))}
    scores = scores_of(assessments.values())
    rows = []
    for kind, label in Kind.choices:
        assessment = assessments.get(kind)
        opens, closes = (assessment.opens_on, assessment.closes_on) if assessment else (
            window(enrollment.cohort, kind) if enrollment else (None, None))
        score = scores.get(assessment.pk) if assessment else None
        rows.append({"kind": kind, "label": label, "assessment": assessment,
                     "opens_on": opens, "closes_on": closes, "score": score,
                     "tier": tier_name(score.tier) if score else "",
                     "open": bool(assessment and is_open(assessment, today))})
    return render(request, "assessment/overview.html", {
        "city": request.city, "rows": rows, "enrollment": enrollment, "today": today})


def _score_context(data):
    score = data["score"]
    return {"tier": tier_name(score.tier), "next_tier": tier_name(score.next_tier),
            "closest": [(gap, data["criteria"][gap.key]) for gap in score.closest]}


@rule_required("can_view_assessment")
def assessment_page(request, city, kind):
    """One assessment: the score per practice area, the tier, what would take the city to
    the next tier, and every criterion with its state."""
    assessment = _assessment(request, kind)
    data = read_assessment(assessment)
    return render(request, "assessment/assessment.html", {
        "city": request.city, "assessment": assessment, "data": data, **_score_context(data),
        "open": is_open(assessment, timezone.localdate()),
        "may": _permissions(request.user, request.city)})


def _criterion_row(data, key):
    for _area, _score, rows in data["areas"]:
        for row in rows:
            if row.criterion.key == key:
                return row
    raise Http404


def _answer_forms(row, data=None, files=None):
    forms = []
    for item, answer in row.items:
        initial = {}
        if answer:
            initial = {"holds": "yes" if answer.holds else "no", "note": answer.note,
                       "link": answer.link}
        forms.append((item, answer, AnswerForm(data, files, prefix=f"item-{item.pk}",
                                               initial=initial)))
    return forms


def _render_criterion(request, assessment, data, row, *, forms=None, review_form=None,
                      status=200):
    today = timezone.localdate()
    review = row.review
    return render(request, "assessment/criterion.html", {
        "city": request.city, "assessment": assessment, "row": row, "criterion": row.criterion,
        "forms": forms or _answer_forms(row),
        "review_form": review_form or ReviewForm(initial={
            "verdict": review.verdict if review else "", "comment": review.comment if review
            else ""}, prefix="review"),
        "open": is_open(assessment, today), "may_review": answering.may_review(assessment, today),
        "may": _permissions(request.user, request.city)}, status=status)


@require_http_methods(["GET", "POST"])
@rule_required("can_answer_assessment", methods=("POST",))
def criterion_page(request, city, kind, criterion):
    """One criterion: its items to answer with evidence (the team), the coach's verdict.
    POST saves every item's answer at once, or none when one is wrong."""
    assessment = _assessment(request, kind)
    data = read_assessment(assessment)
    row = _criterion_row(data, criterion)
    if request.method == "GET":
        return _render_criterion(request, assessment, data, row)
    forms = _answer_forms(row, request.POST, request.FILES)
    valid = all(form.is_valid() for _item, _answer, form in forms)
    if valid:
        try:
            with transaction.atomic():
                for item, answer, form in forms:
                    if answer is None and form.is_blank():
                        continue
                    try:
                        answering.answer_item(
                            assessment=assessment, item_id=item.pk, holds=form.holds_value(),
                            note=form.cleaned_data["note"], link=form.cleaned_data["link"],
                            upload=form.cleaned_data["file"],
                            remove_file=form.cleaned_data["remove_file"], by=request.user,
                            today=timezone.localdate())
                    except ValidationError as error:
                        add_errors(form, error)
                        valid = False
                if not valid:
                    raise ValidationError("")
        except ValidationError:
            valid = False
    if not valid:
        return _render_criterion(request, assessment, data, row, forms=forms, status=400)
    messages.success(request, _("Your answers are saved."))
    return redirect(_url(request, "criterion", kind=kind, criterion=criterion))


@require_POST
@rule_required("can_review_assessment")
def review(request, city, kind, criterion):
    """The coach verifies or questions the criterion, with a comment."""
    assessment = _assessment(request, kind)
    data = read_assessment(assessment)
    row = _criterion_row(data, criterion)
    form = ReviewForm(request.POST, prefix="review")
    if form.is_valid():
        try:
            answering.review_criterion(
                assessment=assessment, criterion_id=row.criterion.pk,
                verdict=form.cleaned_data["verdict"], comment=form.cleaned_data["comment"],
                by=request.user, today=timezone.localdate())
        except ValidationError as error:
            add_errors(form, error)
    if form.errors:
        return _render_criterion(request, assessment, data, row, review_form=form, status=400)
    messages.success(request, _("Your verdict is saved."))
    return redirect(_url(request, "criterion", kind=kind, criterion=criterion))


@require_POST
@rule_required("can_turn_gap_into_initiative")
def gap_to_initiative(request, city, kind, criterion):
    """An unmet criterion becomes an initiative of the city's strategy, in one click."""
    assessment = _assessment(request, kind)
    data = read_assessment(assessment)
    row = _criterion_row(data, criterion)
    try:
        gaps.turn_gap_into_initiative(assessment=assessment, criterion_id=row.criterion.pk,
                                      by=request.user, language=get_language())
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Added to your strategy's roadmap as an initiative."))
    return redirect(_url(request, "assessment", kind=kind) + f"#criterion-{criterion}")


@rule_required("can_view_assessment")
def evidence_file(request, city, kind, answer_id):
    """An answer's evidence file, as a download (never shown inline)."""
    assessment = _assessment(request, kind)
    answer = Answer.objects.filter(pk=answer_id, assessment=assessment).first()
    if answer is None or not answer.file:
        raise Http404
    try:
        handle = answer.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True,
                            filename=answer.original_name or "evidence",
                            content_type=answer.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
