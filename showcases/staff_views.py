"""Staff pages for showcases (``/staff/showcases/``): schedule accepted showcases into
showcase sessions and approve publication. Staff look across cities, so scopes are
explicitly disabled here.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scopes_disabled

from cities.doors import rule_required
from cohorts.models import Enrollment
from showcases import library, scheduling
from showcases.forms import ScheduleForm, add_errors
from showcases.models import Showcase, ShowcaseSlot, State


def _context(forms=None):
    accepted = list(
        Showcase.objects.filter(state__in=[State.ACCEPTED, State.PRESENTED])
        .select_related("city", "round__cohort", "slot__session").order_by("city__name", "pk")
    )
    waiting = list(
        Showcase.objects.filter(
            publication_consent=True, published_at__isnull=True,
            state__in=list(library.PUBLISHABLE_STATES),
        ).select_related("city")
    )
    session_list = list(scheduling.showcase_sessions(None))
    slots = {}
    for slot in ShowcaseSlot.objects.filter(session__in=session_list).select_related(
        "showcase__city"
    ).order_by("order", "pk"):
        slots.setdefault(slot.session_id, []).append(slot)
    forms = forms or {}
    cohorts_of = {}
    for city_id, cohort_id in Enrollment.objects.values_list("city_id", "cohort_id"):
        cohorts_of.setdefault(city_id, set()).add(cohort_id)
    rows = []
    for showcase in accepted:
        form = forms.get(showcase.pk)
        if form is None:
            cohorts = cohorts_of.get(showcase.city_id, set())
            slot = getattr(showcase, "slot", None)
            form = ScheduleForm(
                sessions=[s for s in session_list if s.cohort_id in cohorts],
                auto_id=f"sched-{showcase.pk}-%s",
                initial={"duration_minutes": 15, "session": slot.session_id if slot else None},
            )
        rows.append((showcase, form))
    return {
        "rows": rows, "waiting": waiting,
        "sessions": [(session, slots.get(session.pk, [])) for session in session_list],
    }


@rule_required("is_program_staff", obj=None)
def staff_showcases(request):
    """Accepted showcases to schedule, showcase sessions with their slots, and the
    showcases cities agreed to share that wait for approval."""
    with scopes_disabled():
        return render(request, "showcases/staff.html", _context())


@rule_required("can_schedule_showcases", obj=None)
@require_POST
def staff_schedule(request, pk):
    with scopes_disabled():
        showcase = get_object_or_404(Showcase.objects.select_related("city"), pk=pk)
        sessions = scheduling.showcase_sessions(showcase.city.enrollments.values("cohort_id"))
        form = ScheduleForm(request.POST, sessions=list(sessions), auto_id=f"sched-{pk}-%s")
        if form.is_valid():
            try:
                scheduling.place_in_slot(
                    showcase=showcase, session=form.cleaned_data["session"], by=request.user,
                    order=form.cleaned_data["order"],
                    duration_minutes=form.cleaned_data["duration_minutes"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("%(title)s is scheduled.") % {
                    "title": showcase.title})
                return redirect("staff_showcases:home")
        return render(request, "showcases/staff.html", _context({showcase.pk: form}),
                      status=400)


@rule_required("can_approve_publication", obj=None)
@require_POST
def staff_publish(request, pk):
    with scopes_disabled():
        showcase = get_object_or_404(Showcase.objects.select_related("city"), pk=pk)
        try:
            library.approve_publication(showcase=showcase, by=request.user)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("%(title)s is published in the library.") % {
                "title": showcase.title})
        return redirect("staff_showcases:home")
