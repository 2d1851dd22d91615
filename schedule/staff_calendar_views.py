"""Staff pages of a cohort's calendar: warnings, confirmations, attendance, quick filling.

Under ``/staff/`` (scopes disabled by the middleware for staff). The attendance checklist
is open to a session's host too, so it disables scopes itself.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_scopes import scopes_disabled

from cities.doors import rule_required
from cities.models import City
from cohorts.models import Cohort
from common.inputs import parse_id
from schedule.attendance import save_attendance_checklist
from schedule.audience import invited_memberships
from schedule.checks import calendar_warnings, session_warnings
from schedule.commitment import cities_this_month
from schedule.convening import mayor_presence
from schedule.forms import CancelForm, CopyPlanForm, SeriesForm, SessionTimeForm, apply_errors
from schedule.models import Attendance, Rsvp, RsvpAnswer, Session
from schedule.scheduling import (
    cancel_session,
    copy_cohort_plan,
    create_weekly_series,
    duplicate_session,
    move_session,
    shift_wall_clock,
)


def _convening_confirmations(sessions):
    """For each mayor-only session: the mayors still to chase, by the one rule of
    :func:`schedule.convening.mayor_presence` (attendance once it has begun, a yes before)."""
    statuses = mayor_presence(sessions=sessions)
    items = []
    for session in sessions:
        if not session.is_mayor_only or session.is_cancelled:
            continue
        mine = [s for s in statuses if s.session.pk == session.pk]
        items.append({
            "session": session, "total": len(mine),
            "begun": session.starts_at <= timezone.now(),
            "missing": [s.membership for s in mine if not s.ok],
        })
    return items


@rule_required("is_program_staff", obj=None)
@require_http_methods(["GET", "POST"])
def cohort_calendar(request, slug):
    """A cohort's sessions with warnings and answers; POST copies another cohort's plan."""
    cohort = get_object_or_404(Cohort, slug=slug)
    copy_form = CopyPlanForm(target=cohort)
    if request.method == "POST":
        copy_form = CopyPlanForm(request.POST, target=cohort)
        if copy_form.is_valid():
            try:
                copies = copy_cohort_plan(source=copy_form.cleaned_data["source"], target=cohort)
            except ValidationError as error:
                apply_errors(copy_form, error)
            else:
                messages.success(request, _("%(count)d sessions copied.") % {"count": len(copies)})
                return redirect("staff:cohort_calendar", slug=cohort.slug)
    sessions = list(
        cohort.sessions.select_related("city", "module").annotate(
            yes_count=Count("rsvps", filter=Q(rsvps__answer=RsvpAnswer.YES)),
            attended_count=Count("attendances", distinct=True),
        ).order_by("starts_at")
    )
    cities = list(City.objects.filter(enrollments__cohort=cohort).order_by("name"))
    totals = cities_this_month(cities=cities)
    warnings = calendar_warnings(cohort=cohort, sessions=sessions)
    for session in sessions:
        session.warnings = warnings.get(session.pk, [])
    return render(request, "schedule/staff_cohort.html", {
        "cohort": cohort, "sessions": sessions,
        "confirmations": _convening_confirmations(sessions),
        "city_hours": [(city, totals[city.pk]) for city in cities],
        "copy_form": copy_form,
    }, status=400 if copy_form.errors else 200)


@rule_required("is_program_staff", obj=None)
@require_http_methods(["GET", "POST"])
def manage_session(request, session_id):
    """Move, cancel, duplicate or repeat one session (``action`` says which)."""
    session = get_object_or_404(Session.objects.select_related("cohort"), pk=session_id)
    next_week = shift_wall_clock(session.starts_at, zone=session.zone, days=7)
    forms = {  # times shown and read in the session's own zone
        "move": SessionTimeForm(prefix="move", zone_name=session.time_zone,
                                initial=SessionTimeForm.initial_for(session.starts_at,
                                                                    session.time_zone)),
        "duplicate": SessionTimeForm(prefix="duplicate", zone_name=session.time_zone,
                                     initial=SessionTimeForm.initial_for(next_week,
                                                                         session.time_zone)),
        "series": SeriesForm(prefix="series"),
        "cancel": CancelForm(prefix="cancel"),
    }
    action = request.POST.get("action") if request.method == "POST" else None
    if action in forms:
        form_class = type(forms[action])
        extra = {"zone_name": session.time_zone} if form_class is SessionTimeForm else {}
        form = forms[action] = form_class(request.POST, prefix=action, **extra)
        if form.is_valid():
            try:
                result = _run_action(action, session, form, request.user)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, result[0])
                return redirect("staff:manage_session", session_id=result[1].pk)
    return render(request, "schedule/staff_session.html", {
        "session": session, "forms": forms, "warnings": session_warnings(session=session),
    }, status=400 if any(f.errors for f in forms.values()) else 200)


def _run_action(action, session, form, user):
    """Call the domain function for ``action``; returns (message, session to show)."""
    if action == "move":
        move_session(session=session, starts_at=form.starts_at(), by=user)
        return _("The session moved; its audience has been told."), session
    if action == "cancel":
        cancel_session(session=session, by=user, reason=form.cleaned_data["reason"])
        return _("The session is cancelled; its audience has been told."), session
    if action == "duplicate":
        copy = duplicate_session(session=session, starts_at=form.starts_at())
        return _("A copy of the session was made."), copy
    copies = create_weekly_series(session=session, weeks=form.cleaned_data["weeks"])
    return _("%(count)d weekly sessions added.") % {"count": len(copies)}, session


def _session(request, session_id, **kwargs):
    """The session of the URL (404 if none), fetched once per request."""
    if "_session" not in request.__dict__:
        request._session = get_object_or_404(
            Session.objects.select_related("cohort"), pk=session_id)
    return request._session


@rule_required("can_open_attendance_checklists", obj=None)
@rule_required("can_mark_attendance", obj=_session)
@require_http_methods(["GET", "POST"])
def attendance_checklist(request, session_id):
    """Quick checklist: everyone invited, ticked when present (staff or the host)."""
    session = _session(request, session_id)
    error = None
    if request.method == "POST":
        present = set()
        for value in request.POST.getlist("present"):
            user_id, _sep, city_id = (parse_id(part) for part in value.partition(":"))
            if user_id is not None and city_id is not None:
                present.add((user_id, city_id))
        try:
            count = save_attendance_checklist(session=session, present=present, by=request.user)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, _("Attendance saved: %(count)d present.") % {"count": count})
            return redirect("staff:attendance", session_id=session.pk)
    with scopes_disabled():
        memberships = invited_memberships(session=session)
        attended = set(
            Attendance.objects.filter(session=session).values_list("user_id", "city_id")
        )
        answers = dict(Rsvp.objects.filter(session=session).values_list("user_id", "answer"))
    rows = [
        {"membership": m, "key": f"{m.user_id}:{m.city_id}",
         "present": (m.user_id, m.city_id) in attended,
         "answer": RsvpAnswer(answers[m.user_id]).label if m.user_id in answers else ""}
        for m in memberships
    ]
    return render(request, "schedule/staff_attendance.html", {
        "session": session, "rows": rows, "error": error,
    }, status=400 if error else 200)
