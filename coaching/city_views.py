"""Coaching pages of a city (``/c/<city>/coaching/…``).

The tenancy middleware has resolved ``request.city``, checked that the user may see it and
entered its scope. Views parse input and call the domain functions.
"""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caching.page_cache import cache_page_per_person
from cities.doors import allows, rule_required
from cities.people import members_of
from coaching import actions, checkins, key_moments
from coaching.forms import (
    ActionItemForm,
    CheckInForm,
    MayorAnswerForm,
    MayorRequestForm,
)
from coaching.models import ActionItem, CheckIn, CheckInStatus, CoachAssignment, MayorRequest
from coaching.portal import coaching_page_context
from common.inputs import parse_id

ACTION_ROWS = 3


def _members(city):
    return members_of(city).order_by("name", "email")


def _back(request, default):
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return redirect(target)
    return redirect(default)


def _page_url(city):
    return reverse("coaching:page", kwargs={"city": city.slug})


def _post_step(request, city, step, success, *, form=None, form_key=None):
    """Every coaching form: run the domain ``step`` (given the form's cleaned data), say
    ``success`` and go back; a refusal is shown on the form (the page again, 200) or, with
    no form, as a message on the page one came from."""
    if form is not None and not form.is_valid():
        return coaching_page(request, city, forms={form_key: form})
    try:
        step(form.cleaned_data if form is not None else {})
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return _back(request, _page_url(city))
        form.add_error(None, error)
        return coaching_page(request, city, forms={form_key: form})
    messages.success(request, success)
    return _back(request, _page_url(city))


def _action_item(request, pk, **kwargs):
    """The action item of the URL (404 if none), fetched once per request."""
    if "_action_item" not in request.__dict__:
        request._action_item = get_object_or_404(
            ActionItem.objects.select_related("city"), pk=pk)
    return request._action_item


@cache_page_per_person()
def coaching_page(request, city, *, forms=None, status=200):
    """Check-in history (shared summaries only), action items, upcoming check-ins and the
    requests to the mayor."""
    context = coaching_page_context(request=request, city=request.city, forms=forms or {},
                                    all_open=request.GET.get("items") == "all",
                                    all_history=request.GET.get("history") == "all")
    return render(request, "coaching/city_coaching.html", context, status=status)


# --- check-ins ---------------------------------------------------------------------------

def _action_forms(request, city, data=None):
    owners = actions.possible_owners(city=city)
    return [
        ActionItemForm(data, owners=owners, optional=True, prefix=f"action-{n}")
        for n in range(ACTION_ROWS)
    ]


def _save_checkin(request, city, checkin, form, action_forms):
    """Run the domain for a submitted form; return the check-in or None (errors on forms)."""
    values, attendee_ids = form.domain_values()
    logging = request.POST.get("intent") != "draft"
    rows = [f for f in action_forms if not f.is_blank()] if logging else []
    try:
        with transaction.atomic():
            if logging:
                checkin = checkins.log_checkin(
                    city=city, by=request.user, checkin=checkin, values=values,
                    attendee_ids=attendee_ids,
                )
                errors = False
                for row in rows:
                    try:
                        actions.create_action_item(
                            city=city, by=request.user, checkin=checkin, **row.cleaned_data
                        )
                    except ValidationError as error:
                        row.add_error(None, error)
                        errors = True
                if errors:
                    raise ValidationError(_("Fix the actions below."))
            else:
                checkin = checkins.save_checkin_draft(
                    city=city, by=request.user, checkin=checkin, values=values,
                    attendee_ids=attendee_ids,
                )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            form.add_error(None, error)
        elif not any(row.errors for row in rows):
            form.add_error(None, error)
        return None
    return checkin, logging


def _checkin_form_page(request, city, checkin, form, action_forms, status=200):
    return render(request, "coaching/checkin_form.html", {
        "city": city, "checkin": checkin, "form": form, "action_forms": action_forms,
        "has_errors": bool(form.errors) or any(f.errors for f in action_forms),
    }, status=status)


@rule_required("can_log_checkin")
def checkin_new(request, city):
    """The quick logging form for a new check-in."""
    city = request.city
    members = _members(city)
    if request.method == "POST":
        draft = request.POST.get("intent") == "draft"
        form = CheckInForm(request.POST, city=city, members=members, draft=draft)
        action_forms = _action_forms(request, city, request.POST)
        if form.is_valid() and all(f.is_valid() for f in action_forms):
            # The page may have autosaved a draft already: that draft is this check-in.
            autosaved = _autosaved_draft(request)
            saved = _save_checkin(request, city, autosaved, form, action_forms)
            if saved:
                return _after_save(request, *saved)
        return _checkin_form_page(request, city, None, form, action_forms)
    initial = checkins.new_checkin_defaults(city=city)
    # Nobody is ticked in advance: a box left ticked would credit someone who was absent.
    assignment = CoachAssignment.objects.filter(enrollment__city=city).order_by(
        "-is_primary").first()
    cadence = assignment.cadence_days if assignment else 14
    initial["next_checkin_on"] = timezone.localdate() + timedelta(days=cadence)
    form = CheckInForm(initial=initial, city=city, members=members)
    return _checkin_form_page(request, city, None, form, _action_forms(request, city))


def _autosaved_draft(request):
    pk = parse_id(request.POST.get("checkin"))
    if pk is None:
        return None
    return CheckIn.objects.filter(pk=pk, status=CheckInStatus.DRAFT).first()


def _after_save(request, checkin, logged):
    if logged:
        messages.success(request, _("Check-in logged."))
        return redirect(_page_url(checkin.city))
    messages.success(request, _("Draft saved."))
    return redirect(checkin.get_absolute_url())


@rule_required("can_log_checkin", methods=("POST",))
def checkin_detail(request, city, pk):
    """Coach and staff: edit the check-in. The city's people: read its shared part."""
    city = request.city
    queryset = checkins.checkins_visible_to(city=city, user=request.user).select_related(
        "coach").prefetch_related("attendees")
    checkin = get_object_or_404(queryset, pk=pk)
    if not allows("can_log_checkin", request.user, city):
        items = checkin.action_items.select_related("owner").order_by("due_on", "pk")
        return render(request, "coaching/checkin_detail.html", {
            "city": city, "checkin": checkin, "items": items,
        })
    members = _members(city)
    if request.method == "POST":
        draft = request.POST.get("intent") == "draft"
        # Not bound to the instance: the domain applies the values (a draft keeps what
        # the coach left empty).
        form = CheckInForm(request.POST, city=city, members=members, draft=draft)
        action_forms = _action_forms(request, city, request.POST)
        if form.is_valid() and all(f.is_valid() for f in action_forms):
            saved = _save_checkin(request, city, checkin, form, action_forms)
            if saved:
                return _after_save(request, *saved)
        return _checkin_form_page(request, city, checkin, form, action_forms)
    form = CheckInForm(instance=checkin, city=city, members=members)
    return _checkin_form_page(request, city, checkin, form, _action_forms(request, city))


@require_POST
@rule_required("can_log_checkin")
def checkin_autosave(request, city):
    """Save the draft as the coach types (called by ``static/js/checkin-autosave.js``).

    Answers JSON: ``{id, url, saved_at}``, or ``{errors}`` with a message per field.
    """
    city = request.city
    checkin = None
    if request.POST.get("checkin"):
        pk = parse_id(request.POST["checkin"])
        if pk is None:
            return JsonResponse({"errors": {"checkin": [_("Unknown check-in.")]}}, status=400)
        checkin = get_object_or_404(CheckIn, pk=pk)
        if checkin.is_logged:
            return JsonResponse(
                {"errors": {"__all__": [_("This check-in is already logged.")]}}, status=409
            )
    form = CheckInForm(request.POST, city=city, members=_members(city), draft=True)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    values, attendee_ids = form.domain_values()
    try:
        checkin = checkins.save_checkin_draft(
            city=city, by=request.user, checkin=checkin, values=values,
            attendee_ids=attendee_ids,
        )
    except ValidationError as error:
        messages_by_field = getattr(error, "message_dict", {"__all__": error.messages})
        return JsonResponse({"errors": messages_by_field}, status=400)
    saved_at = timezone.localtime(checkin.updated_at)
    return JsonResponse({
        "id": checkin.pk, "url": checkin.get_absolute_url(),
        "saved_at": saved_at.strftime("%H:%M"),
        "message": _("Draft saved at %(time)s") % {"time": saved_at.strftime("%H:%M")},
    })


# --- action items ------------------------------------------------------------------------

@require_POST
@rule_required("can_manage_action_items")
def action_item_create(request, city):
    """Add an action item on its own (not in a check-in)."""
    city = request.city
    form = ActionItemForm(request.POST, owners=actions.possible_owners(city=city), prefix="item",
                          initiatives=actions.city_initiatives(city=city))
    return _post_step(
        request, city,
        lambda values: actions.create_action_item(city=city, by=request.user, **values),
        _("Action added."), form=form, form_key="item_form",
    )


@require_POST
@rule_required("can_update_action_item", obj=_action_item)
def action_item_update(request, city, pk):
    """Mark an action item done, dropped or open again (``intent``)."""
    city = request.city
    item = _action_item(request, pk)
    steps = {
        "done": (actions.complete_action_item, _("Action marked done.")),
        "drop": (actions.drop_action_item, _("Action dropped.")),
        "reopen": (actions.reopen_action_item, _("Action reopened.")),
    }
    step = steps.get(request.POST.get("intent"))
    if step is None:
        messages.error(request, _("Choose done, drop or reopen."))
        return _back(request, _page_url(city))
    return _post_step(request, city, lambda values: step[0](item=item, by=request.user),
                      step[1])


# --- the mayor's key moments -------------------------------------------------------------

@require_POST
@rule_required("can_request_mayor_decision")
def mayor_request_create(request, city):
    """The coach asks the mayor for a decision or direction."""
    city = request.city
    return _post_step(
        request, city,
        lambda values: key_moments.request_mayor_decision(city=city, by=request.user, **values),
        _("Your request was sent to the mayor."),
        form=MayorRequestForm(request.POST, prefix="ask"), form_key="ask_form",
    )


def _mayor_request(request, pk, **kwargs):
    """The request to the mayor of the URL (404 if none), fetched once per request."""
    if "_mayor_request" not in request.__dict__:
        request._mayor_request = get_object_or_404(
            MayorRequest.objects.select_related("city"), pk=pk)
    return request._mayor_request


@require_POST
@rule_required("can_answer_mayor_request",
               obj=lambda request, **kwargs: _mayor_request(request, **kwargs).city)
def mayor_request_answer(request, city, pk):
    """The mayor answers a request; the answer is recorded for the city's timeline."""
    city = request.city
    mayor_request = _mayor_request(request, pk)
    return _post_step(
        request, city,
        lambda values: key_moments.answer_mayor_request(
            request=mayor_request, by=request.user, answer=values["answer"]),
        _("Thank you — your answer was sent to the coach."),
        form=MayorAnswerForm(request.POST, prefix=f"answer-{pk}"),
        form_key=f"answer_form_{pk}",
    )
