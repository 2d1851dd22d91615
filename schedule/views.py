"""The city portal's schedule, session pages and training-hours ledger (thin views)."""

import calendar as pycalendar
from datetime import datetime, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from caching.page_cache import cache_page_per_person
from cities.doors import allows, rule_required
from common.inputs import InputError, parse_month
from curriculum.models import Material
from schedule.audience import invited_membership, sessions_for_city
from schedule.calendar import ics_filename, session_ics
from schedule.commitment import ledger_months, member_rows
from schedule.forms import LogLearningForm, RsvpForm, apply_errors
from schedule.hours import city_today, log_learning
from schedule.listing import FIELDS, SessionList
from schedule.models import HoursEntry, Rsvp
from schedule.rsvp import rsvp
from schedule.rules import SessionInCity

MONTHS_SHOWN = 6


def _month_param(request):
    """The ``?month=YYYY-MM`` asked for (first day), or this month with an error message."""
    today = timezone.localdate()
    raw = request.GET.get("month")
    if not raw:
        return today.replace(day=1), None
    try:
        return parse_month(raw), None
    except InputError as error:
        return today.replace(day=1), str(error)


def _month_weeks(month, sessions):
    """Weeks (Monday first) of ``month``; each day with its sessions in the viewer's zone."""
    by_day = {}
    for session in sessions:
        by_day.setdefault(timezone.localtime(session.starts_at).date(), []).append(session)
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    return [
        [{"day": d, "in_month": d.month == month.month, "sessions": by_day.get(d, [])}
         for d in week]
        for week in weeks
    ]


def _month_context(request, sessions):
    """The month view's context: the month asked for, its weeks and its neighbours (the
    month shows no module and no answer: neither is read)."""
    month, error = _month_param(request)
    zone = timezone.get_current_timezone()
    first = timezone.make_aware(datetime.combine(month, datetime.min.time()), zone)
    next_month = (month + timedelta(days=32)).replace(day=1)
    last = timezone.make_aware(datetime.combine(next_month, datetime.min.time()), zone)
    sessions = list(sessions.filter(starts_at__gte=first, starts_at__lt=last))
    return {
        "month": month, "month_error": error, "weeks": _month_weeks(month, sessions),
        "previous_month": (month - timedelta(days=1)).replace(day=1),
        "next_month": next_month,
    }


def _list_context(request, sessions):
    """The list view's context: upcoming sessions, then past ones (latest first), each
    with the viewer's answer, written as HTML once (:class:`schedule.listing.SessionList`)."""
    now = timezone.now()
    rows = list(sessions.values(*FIELDS))
    answers = dict(Rsvp.objects.filter(user=request.user).values_list("session_id", "answer"))
    for row in rows:
        row["my_rsvp"] = answers.get(row["pk"])
    writer = SessionList(request.city)
    return {
        "upcoming_html": writer.html([r for r in rows if r["ends_at"] >= now],
                                     _("No upcoming sessions.")),
        "past_html": writer.html([r for r in rows if r["ends_at"] < now][::-1],
                                 _("No past sessions yet.")),
    }


@require_GET
@cache_page_per_person()
def schedule(request, city):
    """Upcoming and past sessions in the viewer's time zone; ``?view=month`` for a month."""
    view = "month" if request.GET.get("view") == "month" else "list"
    sessions = sessions_for_city(city=request.city).order_by("starts_at")
    context = {"city": request.city, "view": view}
    context.update((_month_context if view == "month" else _list_context)(request, sessions))
    return render(request, "schedule/schedule.html", context)


def _session_or_404(city, session_id):
    session = (
        sessions_for_city(city=city).select_related("module", "cohort").filter(pk=session_id)
        .first()
    )
    if session is None:
        raise Http404
    return session


def _seen_session(request, session_id, **kwargs):
    """The session of the URL as the request's city sees it (404 if it does not)."""
    if "_seen_session" not in request.__dict__:
        request._seen_session = SessionInCity(
            _session_or_404(request.city, session_id), request.city)
    return request._seen_session


@require_http_methods(["GET", "POST"])
@rule_required("can_answer_invitation", obj=_seen_session, methods=("POST",))
def session_detail(request, city, session_id):
    """One session: when (in the viewer's zone), where, materials, and the RSVP form."""
    city = request.city
    session = _seen_session(request, session_id).session
    invited = invited_membership(session=session, user=request.user, city=city) is not None
    current = Rsvp.objects.filter(session=session, user=request.user).first()
    form = RsvpForm(initial={"answer": current.answer if current else None})
    if request.method == "POST":
        form = RsvpForm(request.POST)
        if form.is_valid():
            try:
                rsvp(session=session, user=request.user, city=city,
                     answer=form.cleaned_data["answer"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Your answer is saved."))
                return redirect(session.get_absolute_url(city))
    materials = list(session.materials.all())
    if session.module_id:
        materials += list(session.module.materials.all())
    return render(request, "schedule/session_detail.html", {
        "city": city, "session": session, "form": form, "invited": invited,
        "current": current, "materials": materials,
        "is_over": session.ends_at < timezone.now(),
        "can_mark": allows("can_mark_attendance", request.user, session),
    }, status=400 if form.errors else 200)


@require_GET
def session_ics_download(request, city, session_id):
    """The session's .ics file, to add it to any calendar."""
    session = _session_or_404(request.city, session_id)
    response = HttpResponse(
        session_ics(session=session, city=request.city), content_type="text/calendar"
    )
    response["Content-Disposition"] = f'attachment; filename="{ics_filename(session)}"'
    return response


@require_GET
def material_download(request, city, material_id):
    """A material's file, for people who may see the session or module it belongs to."""
    material = Material.objects.filter(pk=material_id).exclude(file="").first()
    if material is None:
        raise Http404
    if material.session_id and not sessions_for_city(city=request.city).filter(
        pk=material.session_id
    ).exists():
        raise Http404
    return FileResponse(material.file.open("rb"), as_attachment=True,
                        filename=material.file.name.rsplit("/", 1)[-1])


@require_http_methods(["GET", "POST"])
@rule_required("can_log_hours", methods=("POST",))
def hours(request, city):
    """The city's ledger, the form to log learning, and monthly totals vs the commitment."""
    city = request.city
    can_log = allows("can_log_hours", request.user, city)
    form = LogLearningForm(initial={"on_date": city_today(city)})
    if request.method == "POST":
        form = LogLearningForm(request.POST)
        if form.is_valid():
            try:
                log_learning(city=city, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Your learning hours are logged."))
                return redirect("schedule:hours", city=city.slug)
    entries = HoursEntry.objects.select_related("user").order_by("-on_date", "-pk")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    months = ledger_months(city=city, months=MONTHS_SHOWN)
    return render(request, "schedule/hours.html", {
        "city": city, "form": form, "can_log": can_log, "page": page,
        "months": months, "member_rows": member_rows(months),
    }, status=400 if form.errors else 200)
