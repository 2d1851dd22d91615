"""Staff pages of the year after (scopes disabled by the middleware for ``/staff/``)."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from cities.doors import rule_required
from cohorts.models import Cohort
from followon.lateness import follow_ons_of_cohort, late_follow_ons, progress_of
from followon.phase import focus_label


@rule_required("is_program_staff", obj=None)
def alumni(request, slug):
    """The cohort's alumni: each city's progress on its strategy through its year after:
    initiatives by status per quarter, metrics' latest actual against target, late updates."""
    cohort = get_object_or_404(Cohort, slug=slug)
    today = timezone.localdate()
    rows = progress_of(follow_ons_of_cohort(cohort), today=today)
    for row in rows:
        row.focus = focus_label(row.follow_on)
    return render(request, "followon/alumni.html", {
        "cohort": cohort, "rows": rows, "today": today,
        "late_count": sum(1 for row in rows if row.late),
    })


@rule_required("is_program_staff", obj=None)
def late(request):
    """Every city, in any cohort, whose year-after update is late."""
    today = timezone.localdate()
    return render(request, "followon/late.html", {
        "rows": late_follow_ons(today=today), "today": today,
    })
