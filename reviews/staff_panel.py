"""Staff pages that set up the panel: who reviews which application of a cohort (by hand,
or spread evenly), and the outside reviewers invited by e-mail."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from cities.doors import rule_required
from cohorts.models import Cohort
from reviews.assignment import (
    assign_reviewer,
    reviewable_applications,
    spread_reviewers,
    unassign_reviewer,
)
from reviews.forms import AssignForm, InviteReviewerForm, SpreadForm, apply_errors
from reviews.models import Assignment, Reviewer
from reviews.reviewers import invite_reviewer, reviewers_choices

STAFF = "is_program_staff"


def _act(request, cohort, applications, reviewers):
    """Run the POST's action; returns (message or None, assign form, spread form)."""
    action = request.POST.get("action")
    assign_form = AssignForm(request.POST if action == "assign" else None,
                             applications=applications, reviewers=reviewers)
    spread_form = SpreadForm(request.POST if action == "spread" else None,
                             reviewers=reviewers)
    try:
        if action == "assign" and assign_form.is_valid():
            assign_reviewer(application=assign_form.cleaned_data["application"],
                            reviewer=assign_form.cleaned_data["reviewer"], by=request.user)
            return _("Reviewer assigned."), assign_form, spread_form
        if action == "spread" and spread_form.is_valid():
            made = spread_reviewers(
                cohort=cohort, reviewers=list(spread_form.cleaned_data["reviewers"]),
                per_application=spread_form.cleaned_data["per_application"], by=request.user)
            return ngettext("%(n)s assignment made.", "%(n)s assignments made.",
                            len(made)) % {"n": len(made)}, assign_form, spread_form
        if action == "unassign":
            assignment = get_object_or_404(Assignment, pk=request.POST.get("assignment") or 0,
                                           application__cohort=cohort)
            unassign_reviewer(assignment=assignment)
            return _("Assignment taken back."), assign_form, spread_form
    except ValidationError as error:
        apply_errors(assign_form if action == "assign" else spread_form, error)
        if action == "unassign":
            messages.error(request, " ".join(error.messages))
    return None, assign_form, spread_form


@rule_required(STAFF, obj=None)
@require_http_methods(["GET", "POST"])
def cohort_assignments(request, slug):
    """Who reviews which of the cohort's applications; assign by hand or spread evenly."""
    cohort = get_object_or_404(Cohort, slug=slug)
    applications = reviewable_applications(cohort=cohort).order_by("city_name", "pk")
    reviewers = reviewers_choices()
    assign_form = AssignForm(applications=applications, reviewers=reviewers)
    spread_form = SpreadForm(reviewers=reviewers)
    if request.method == "POST":
        done, assign_form, spread_form = _act(request, cohort, applications, reviewers)
        if done:
            messages.success(request, done)
            return redirect("staff:cohort_assignments", slug=cohort.slug)
    listed = list(applications)
    by_application, load = defaultdict(list), defaultdict(int)
    for assignment in (Assignment.objects.filter(application__in=listed)
                       .select_related("reviewer").order_by("pk")):
        by_application[assignment.application_id].append(assignment)
        if not assignment.conflicted:
            load[assignment.reviewer] += 1
    return render(request, "reviews/assignments.html", {
        "cohort": cohort, "assign_form": assign_form, "spread_form": spread_form,
        "rows": [(a, by_application[a.pk]) for a in listed],
        "load": sorted(load.items(), key=lambda item: str(item[0])),
    }, status=400 if assign_form.errors or spread_form.errors else 200)


@rule_required(STAFF, obj=None)
@require_http_methods(["GET", "POST"])
def reviewer_list(request):
    """The outside reviewers and their invitations; POST invites one by e-mail."""
    form = InviteReviewerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reviewer = invite_reviewer(email=form.cleaned_data["email"],
                                       name=form.cleaned_data["name"], by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.")
                             % {"email": reviewer.email})
            return redirect("staff:reviewers")
    return render(request, "reviews/reviewers.html", {
        "form": form, "reviewers": Reviewer.objects.select_related("user").order_by("email"),
    }, status=400 if form.errors else 200)
