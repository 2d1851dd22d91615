"""Staff pages of the curriculum's assignments, under ``/staff/curriculum/assignments/``:
the list by pillar and module (reorder, hide, delete) and an assignment's form.

Thin: each page reads, calls a domain function of :mod:`assignments.defining` and renders.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assignments import defining
from assignments.forms import StaffAssignmentForm, add_errors
from cities.doors import rule_required
from common.inputs import parse_id
from curriculum.models import Assignment, Module

STEPS = {"up": -1, "down": 1}


def _act(request):
    """One action of the list's buttons; returns the message to show."""
    action = request.POST.get("action", "")
    assignment = get_object_or_404(Assignment.objects.select_related("module"),
                                   pk=parse_id(request.POST.get("item")))
    if action in STEPS:
        defining.move_assignment(assignment=assignment, step=STEPS[action])
        return _("The assignments are in their new order.")
    if action in ("hide", "show"):
        defining.hide_assignment(assignment=assignment, hidden=action == "hide")
        return (_("The assignment is hidden: cities no longer see it.") if action == "hide"
                else _("The assignment is shown to cities again."))
    if action == "delete":
        defining.delete_assignment(assignment=assignment)
        return _("The assignment is deleted.")
    raise ValidationError(_("Choose what to do with the assignment."))


@rule_required("is_program_staff", obj=None)
@require_http_methods(["GET", "POST"])
def assignment_list(request):
    """Every module of the curriculum with its assignments in order: how many cities
    started each, and what can be done to it."""
    if request.method == "POST":
        try:
            messages.success(request, _act(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("staff:assignments")
    assignments = (Assignment.objects.annotate(started=Count("submissions"))
                   .order_by("position", "due_on", "title", "pk"))
    modules = (Module.objects.select_related("pillar")
               .prefetch_related(Prefetch("assignments", queryset=assignments))
               .order_by("pillar__order", "order", "title"))
    return render(request, "assignments/staff_assignments.html", {"modules": modules})


@rule_required("is_program_staff", obj=None)
@require_http_methods(["GET", "POST"])
def assignment_edit(request, assignment_id=None):
    """Add an assignment (no ``assignment_id``) or change one."""
    assignment = None
    if assignment_id is not None:
        assignment = get_object_or_404(Assignment, pk=assignment_id)
    if not Module.objects.exists():
        messages.info(request, _("Add a module to the curriculum first (in the admin): every "
                                 "assignment belongs to one."))
        return redirect("staff:assignments")
    form = StaffAssignmentForm(request.POST or None, assignment=assignment)
    if request.method == "POST" and form.is_valid():
        try:
            if assignment is None:
                defining.add_assignment(**form.cleaned_data)
            else:
                defining.edit_assignment(assignment=assignment, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The assignment is saved."))
            return redirect("staff:assignments")
    return render(request, "assignments/staff_assignment_form.html", {
        "form": form, "assignment": assignment,
        "started": assignment is not None and defining.is_started(assignment=assignment),
    }, status=400 if form.errors else 200)
