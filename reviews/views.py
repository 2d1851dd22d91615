"""A reviewer's pages under ``/review/``: their assignments, one application with its
answers, eligibility and earlier applications, the scoring form, the conflict of interest;
and the page that opens a reviewer invitation.

An assignment that is not the person's (or that they declared a conflict on) is 404,
exactly as if it did not exist. A reviewer without two-factor authentication is sent to set
it up before seeing any application.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from applications.answer_files import content_type_of, extension_of
from applications.answers import answers_of
from applications.eligibility import check_application
from applications.question_models import Answer
from cities.doors import allows, rule_required
from reviews.assignment import assignments_of, declare_conflict
from reviews.forms import ConflictForm, ScoresForm, apply_errors
from reviews.returning import earlier_applications
from reviews.reviewers import (
    accept_reviewer_invitation,
    find_open_reviewer_invitation,
    is_reviewer,
)
from reviews.rubric import rubric_of
from reviews.scoring import others_reviews, save_scores, submit_review
from reviews.signals import INVITATION_SESSION_KEY


def _mfa_first(view):
    """A reviewer who has not set up two-factor authentication sets it up first."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if is_reviewer(user) and not allows("can_review", user):
            messages.info(request, _("Set up two-factor authentication before you review "
                                     "applications."))
            return redirect("mfa_activate_totp")
        return view(request, *args, **kwargs)

    return guarded


def _assignment(request, pk, **kwargs):
    """The person's own assignment of the URL (404 otherwise), read once per request."""
    if "_assignment" not in request.__dict__:
        assignment = (assignments_of(user=request.user).select_related("application__city")
                      .filter(pk=pk).first())
        if assignment is None:
            raise Http404
        request._assignment = assignment
    return request._assignment


@_mfa_first
@rule_required("can_review", obj=None)
def review_list(request):
    """The applications assigned to the reviewer, with how far each review is."""
    assignments = (assignments_of(user=request.user)
                   .order_by("application__cohort__starts_on", "application__city_name"))
    return render(request, "reviews/review_list.html", {"assignments": assignments})


def _detail(request, assignment, form, status=200):
    application = assignment.application
    return render(request, "reviews/review_detail.html", {
        "assignment": assignment, "application": application, "form": form,
        "checks": check_application(application=application),
        "answer_sections": answers_of(application=application), "review_files": True,
        "earlier": earlier_applications(applications=[application])[application.pk],
        "others": others_reviews(assignment),
        "conflict_form": ConflictForm(),
    }, status=status)


@_mfa_first
@require_http_methods(["GET", "POST"])
@rule_required("can_work_on_review", obj=_assignment)
def review_detail(request, pk):
    """One assigned application and the reviewer's scores: save a draft or submit."""
    assignment = _assignment(request, pk)
    criteria = list(rubric_of(cohort=assignment.application.cohort))
    given = {s.criterion_id: s for s in assignment.scores.all()}
    form = ScoresForm(request.POST or None, criteria=criteria, scores=given)
    if request.method == "GET":
        return _detail(request, assignment, form)
    if assignment.submitted:
        messages.info(request, _("This review is submitted; it can no longer be changed."))
        return redirect("reviews:review", pk=assignment.pk)
    if form.is_valid():
        try:
            save_scores(assignment=assignment, scores=form.scores())
            if request.POST.get("action") == "submit":
                submit_review(assignment=assignment)
        except ValidationError as error:
            apply_errors(form, error)
            if request.POST.get("action") == "submit":
                messages.error(request, _("Your scores are saved as a draft, but the review "
                                          "cannot be submitted yet: see the messages below."))
        else:
            messages.success(request, _("Your review is submitted. You can now see the "
                                        "other reviewers' scores.") if assignment.submitted
                             else _("Your draft is saved."))
            return redirect("reviews:review", pk=assignment.pk)
    return _detail(request, assignment, form, status=400)


@_mfa_first
@require_http_methods(["GET", "POST"])
@rule_required("can_work_on_review", obj=_assignment)
def review_conflict(request, pk):
    """Declare a conflict of interest with the application instead of reviewing it."""
    assignment = _assignment(request, pk)
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            declare_conflict(assignment=assignment, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _(
                "Your conflict of interest is recorded. This application is no longer "
                "yours to review."))
            return redirect("reviews:reviews")
    return render(request, "reviews/conflict.html", {
        "assignment": assignment, "application": assignment.application, "form": form,
    }, status=400 if form.errors else 200)


@_mfa_first
@rule_required("can_work_on_review", obj=_assignment)
def review_answer_file(request, pk, question_id):
    """A file the applicant answered with, for the application's assigned reviewer."""
    assignment = _assignment(request, pk)
    answer = get_object_or_404(Answer, application_id=assignment.application_id,
                               question_id=question_id)
    if not answer.file:
        raise Http404
    name = f"answer-{assignment.application_id}-{question_id}.{extension_of(answer.file_type)}"
    return FileResponse(answer.file.open("rb"), content_type=content_type_of(answer.file_type),
                        as_attachment=True, filename=name)


@require_http_methods(["GET", "POST"])
def reviewer_invitation(request, token):
    """Open a reviewer invitation: sign up (or sign in) with the invited address and accept."""
    reviewer = find_open_reviewer_invitation(token)
    if reviewer is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    context = {"reviewer": reviewer}
    if not request.user.is_authenticated:
        request.session[INVITATION_SESSION_KEY] = token
        if request.method == "POST":
            return redirect(f"{reverse('account_signup')}?{urlencode({'email': reviewer.email})}")
        return render(request, "reviews/invitation.html", context)
    if request.method == "POST":
        try:
            accept_reviewer_invitation(reviewer=reviewer, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return render(request, "reviews/invitation.html", context, status=400)
        messages.success(request, _("Welcome to the review panel."))
        return redirect("reviews:reviews")
    return render(request, "reviews/invitation.html", context)


