"""Staff pages of the review panel (under ``/staff/``, scopes disabled for staff): the
decision meeting, the rubric, the assignments, the reviewers and one application's
reviews."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from applications.answers import answers_of
from applications.eligibility import check_application
from applications.models import Application
from cities.doors import rule_required
from cohorts.models import Cohort
from common.labels import and_list
from reviews.decisions import decide_applications
from reviews.forms import CriterionForm, DecideForm, apply_errors
from reviews.meeting import IN_THE_MEETING, assignments_with_scores, meeting_of
from reviews.models import Criterion, Decision, Outcome
from reviews.ranking import DISAGREEMENT, standings
from reviews.returning import earlier_applications
from reviews.rubric import (
    add_criterion,
    change_criterion,
    describe,
    is_scored,
    remove_criterion,
    rubric_of,
)

STAFF = "is_program_staff"


def _decided_message(outcome, decided, refused):
    parts = []
    if decided:
        names = and_list([a.city_name for a in decided])
        parts.append({
            Outcome.ACCEPT: _("Accepted: %(cities)s."),
            Outcome.WAITLIST: _("Waitlisted: %(cities)s."),
            Outcome.DECLINE: _("Declined: %(cities)s."),
        }[outcome] % {"cities": names})
    for application, reason in refused:
        parts.append(_("%(city)s was not decided: %(reason)s")
                     % {"city": application.city_name, "reason": reason})
    return " ".join(parts)


@rule_required(STAFF, obj=None)
@require_http_methods(["GET", "POST"])
def review_meeting(request, slug):
    """The decision meeting: the cohort's applications ranked by weighted average score,
    the spread between reviewers, eligibility, missing reviews, earlier applications; POST
    decides the ticked applications the same way, with a reason."""
    cohort = get_object_or_404(Cohort, slug=slug)
    candidates = Application.objects.filter(cohort=cohort, state__in=IN_THE_MEETING)
    form = DecideForm(request.POST or None, applications=candidates)
    if request.method == "POST" and form.is_valid():
        chosen = {a.pk for a in form.cleaned_data["applications"]}
        meeting = meeting_of(cohort=cohort)
        in_rank_order = [row.standing.application for row in meeting["rows"]
                         if row.standing.application.pk in chosen]
        outcome = form.cleaned_data["outcome"]
        try:
            decided, refused = decide_applications(
                applications=in_rank_order, outcome=outcome,
                reason=form.cleaned_data["reason"], by=request.user,
                share_reason=form.cleaned_data["share_reason"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            level = messages.success if not refused else messages.warning
            level(request, _decided_message(outcome, decided, refused))
            return redirect("staff:cohort_review", slug=cohort.slug)
    return render(request, "reviews/meeting.html", {
        "cohort": cohort, "form": form, **meeting_of(cohort=cohort),
        "disagreement": DISAGREEMENT,
    }, status=400 if form.errors else 200)


@rule_required(STAFF, obj=None)
@require_http_methods(["GET", "POST"])
def rubric(request, slug):
    """The cohort's rubric: its criteria, and a form to add one."""
    cohort = get_object_or_404(Cohort, slug=slug)
    form = CriterionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_criterion(cohort=cohort, names=form.names(), levels=form.levels(),
                          weight=form.cleaned_data["weight"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Criterion added to the rubric."))
            return redirect("staff:cohort_rubric", slug=cohort.slug)
    criteria = [(c, describe(c)) for c in rubric_of(cohort=cohort, with_hidden=True)]
    return render(request, "reviews/rubric.html", {
        "cohort": cohort, "criteria": criteria, "form": form,
        "total_weight": sum(c.weight for c, _text in criteria if not c.hidden),
    }, status=400 if form.errors else 200)


@rule_required(STAFF, obj=None)
@require_http_methods(["GET", "POST"])
def criterion_edit(request, slug, criterion_id):
    """Change one criterion (texts, weight, hidden), or remove it while nobody scored it."""
    criterion = get_object_or_404(Criterion.objects.select_related("cohort"),
                                  pk=criterion_id, cohort__slug=slug)
    cohort = criterion.cohort
    form = CriterionForm(request.POST or None, criterion=criterion)
    if request.method == "POST" and request.POST.get("action") == "remove":
        try:
            remove_criterion(criterion=criterion)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("staff:cohort_criterion", slug=slug, criterion_id=criterion.pk)
        messages.success(request, _("Criterion removed."))
        return redirect("staff:cohort_rubric", slug=slug)
    if request.method == "POST" and form.is_valid():
        try:
            change_criterion(criterion=criterion, names=form.names(), levels=form.levels(),
                             weight=form.cleaned_data["weight"],
                             hidden=form.cleaned_data["hidden"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Criterion saved."))
            return redirect("staff:cohort_rubric", slug=slug)
    return render(request, "reviews/criterion.html", {
        "cohort": cohort, "criterion": criterion, "form": form,
        "text": describe(criterion), "scored": is_scored(criterion),
    }, status=400 if form.errors else 200)


@rule_required(STAFF, obj=None)
def application_reviews(request, pk):
    """One application's reviews for staff: every reviewer's scores and comments, the
    conflicts declared and why, the decisions taken and the city's earlier applications."""
    application = get_object_or_404(Application.objects.select_related("cohort"), pk=pk)
    assignments = assignments_with_scores([application])
    criteria = list(rubric_of(cohort=application.cohort, with_hidden=True))
    standing = standings(applications=[application], assignments=assignments,
                         criteria=criteria)[0]
    return render(request, "reviews/application_reviews.html", {
        "application": application, "cohort": application.cohort,
        "assignments": assignments, "standing": standing,
        "criteria": [(c, describe(c)) for c in criteria],
        "checks": check_application(application=application),
        "answer_sections": answers_of(application=application),
        "earlier": earlier_applications(applications=[application])[application.pk],
        "decisions": Decision.objects.filter(application=application)
        .select_related("decided_by"),
        "disagreement": DISAGREEMENT,
    })
