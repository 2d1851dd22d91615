"""The city's year after: ``/c/<city>/year-after/`` (the quarterly updates) and
``…/focus/`` (the coach records the focus area, or starts the phase early)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cities.doors import allows, rule_required
from cohorts.models import Enrollment
from followon.forms import FocusForm, QuarterForm
from followon.lateness import progress_from
from followon.models import FollowOn, InitiativeUpdate, MetricUpdate
from followon.phase import choose_focus, focus_label, start_follow_on
from followon.updates import plan_of, record_quarter


def _follow_on(city):
    return (FollowOn.objects.filter(city=city).select_related("enrollment__cohort")
            .order_by("-starts_on").first())


def _page_url(city, quarter=None):
    url = reverse("followon:page", kwargs={"city": city.slug})
    return f"{url}?quarter={quarter}" if quarter else url


def _chosen_quarter(raw, progress):
    """The quarter asked for (``?quarter=``), else the earliest late one, else the latest
    begun; ``None`` before the phase begins."""
    started = [q for q in progress.quarters if q.started]
    by_number = {str(q.quarter.number): q for q in started}
    if raw in by_number:
        return by_number[raw]
    if progress.late:
        return progress.late[0]
    return started[-1] if started else None


@require_http_methods(["GET", "POST"])
@rule_required("can_record_follow_on", methods=("POST",))
def year_after(request, city):
    """The follow-on phase: its focus, each quarter's update (the chosen one as a form for
    the senior team) and the history of every quarter."""
    city, today = request.city, timezone.localdate()
    follow_on = _follow_on(city)
    can_guide = allows("can_guide_follow_on", request.user, city)
    if follow_on is None:
        return render(request, "followon/not_started.html", {"city": city,
                                                              "can_guide": can_guide})
    follow_on.city = city
    initiatives, metrics = plan_of(city=city)
    initiative_updates = list(InitiativeUpdate.objects.filter(follow_on=follow_on)
                              .select_related("recorded_by").order_by("quarter", "pk"))
    metric_updates = list(MetricUpdate.objects.filter(follow_on=follow_on)
                          .order_by("quarter", "pk"))
    progress = progress_from(follow_on, today=today, initiatives=initiatives, metrics=metrics,
                             initiative_updates=initiative_updates,
                             metric_updates=metric_updates)
    chosen = _chosen_quarter(request.POST.get("quarter") if request.method == "POST"
                             else request.GET.get("quarter"), progress)
    can_record = allows("can_record_follow_on", request.user, city)
    form = None
    if chosen is not None:
        number = chosen.quarter.number
        form = QuarterForm(
            request.POST if request.method == "POST" else None,
            request.FILES if request.method == "POST" else None,
            initiatives=initiatives, metrics=metrics,
            existing_initiatives={u.initiative_id: u for u in initiative_updates
                                  if u.quarter == number},
            existing_metrics={u.metric_id: u for u in metric_updates if u.quarter == number},
        )
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            initiative_rows, metric_rows = form.rows(request.FILES)
            try:
                changed = record_quarter(
                    follow_on=follow_on, quarter=chosen.quarter.number,
                    initiatives=initiative_rows, metrics=metric_rows, by=request.user,
                    today=today)
            except ValidationError as error:
                for key, errors in error.message_dict.items():
                    form.add_error(key if key in form.fields else None, errors)
            else:
                messages.success(request, _("Quarter %(n)s saved (%(changed)s changes).") % {
                    "n": chosen.quarter.number, "changed": changed})
                return redirect(_page_url(city, chosen.quarter.number))
    history = _history(progress, initiatives, metrics, initiative_updates, metric_updates)
    return render(request, "followon/year_after.html", {
        "city": city, "follow_on": follow_on, "focus": focus_label(follow_on),
        "progress": progress, "chosen": chosen, "form": form, "can_record": can_record,
        "can_guide": can_guide, "history": history,
    }, status=400 if form is not None and form.errors else 200)


def _history(progress, initiatives, metrics, initiative_updates, metric_updates):
    """Rows of the history table: per initiative and per metric, its cell in each quarter
    begun (``None`` where nothing was recorded)."""
    numbers = [q.quarter.number for q in progress.quarters if q.started]
    by_initiative = {(u.initiative_id, u.quarter): u for u in initiative_updates}
    by_metric = {(u.metric_id, u.quarter): u for u in metric_updates}
    return {
        "quarters": [q for q in progress.quarters if q.started],
        "initiatives": [(i, [by_initiative.get((i.pk, n)) for n in numbers])
                        for i in initiatives],
        "metrics": [(m, [by_metric.get((m.pk, n)) for n in numbers]) for m in metrics],
    }


def _enrollment(city):
    return (Enrollment.objects.filter(city=city).select_related("cohort")
            .order_by("-cohort__starts_on").first())


@require_http_methods(["GET", "POST"])
@rule_required("can_guide_follow_on")
def focus(request, city):
    """The coach (or staff) records the focus area agreed with the city; when the phase has
    not begun yet, saving starts it today."""
    city, today = request.city, timezone.localdate()
    follow_on = _follow_on(city)
    initial = {}
    if follow_on is not None:
        initial = {"focus_area": follow_on.focus_area, "focus_other": follow_on.focus_other,
                   "focus_note": follow_on.focus_note}
    form = FocusForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if follow_on is None:
                enrollment = _enrollment(city)
                if enrollment is None:
                    raise ValidationError({"focus_area": _("This city has no enrollment.")})
                follow_on = start_follow_on(enrollment=enrollment, on=today, by=request.user)
            choose_focus(follow_on=follow_on, focus_area=data["focus_area"],
                         focus_other=data["focus_other"], focus_note=data["focus_note"],
                         by=request.user)
        except ValidationError as error:
            for key, errors in error.message_dict.items():
                form.add_error(key if key in form.fields else None, errors)
        else:
            messages.success(request, _("The focus area of the year after is saved."))
            return redirect(_page_url(city))
    return render(request, "followon/focus.html", {
        "city": city, "follow_on": follow_on, "form": form,
    }, status=400 if form.errors else 200)


def evidence(request, city, pk):
    """An evidence file of this city's update, as a download; another city's is not found."""
    update = get_object_or_404(InitiativeUpdate, pk=pk, city=request.city)
    if not update.evidence_file:
        raise Http404
    try:
        handle = update.evidence_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True,
                            filename=update.evidence_name or "evidence",
                            content_type="application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
