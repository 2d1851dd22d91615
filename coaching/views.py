"""Pages outside a city: a coach's home and staff's cadence watch (they look across
cities, so they run with scopes disabled explicitly)."""

from django.shortcuts import render
from django.utils import timezone
from django_scopes import scopes_disabled

from assignments.progress import completion_by_city
from caching.data_versions import ALL, city_version, model_version
from caching.page_cache import cache_page_per_person
from cities.access import coached_city_ids
from cities.doors import rule_required
from coaching import cadence
from coaching.coach_home import coach_home_sections
from coaching.models import CoachAssignment, Pillar


def _coached_city_versions(request):
    """A coach's home shows the coach's cities and who coaches which city (the cities
    the door found when it asked whether the person coaches: no query of their own)."""
    return [ALL, model_version("coaching.coachassignment"),
            *(city_version(pk) for pk in sorted(coached_city_ids(request.user)))]


@rule_required("can_open_coach_home", obj=None)
@cache_page_per_person(_coached_city_versions)
def coach_home(request):
    """A coach's cities with their last and next check-in, open and overdue action items,
    the latest red/amber/green per pillar and the assignments accepted per pillar; nothing
    of other coaches' cities."""
    today = timezone.localdate()
    with scopes_disabled():
        rows = cadence.city_cadences(
            CoachAssignment.objects.filter(coach=request.user).order_by(
                "enrollment__city__name", "-enrollment__cohort__starts_on"
            ),
            today=today,
        )
        progress = completion_by_city(
            sorted({row.assignment.enrollment.city_id for row in rows}))
    for row in rows:
        row.assignment_progress = progress[row.assignment.enrollment.city_id]
    return render(request, "coaching/coach_home.html", {
        "rows": rows, "pillars": list(Pillar), "today": today,
        "sections": coach_home_sections(user=request.user, today=today),
    })


@rule_required("can_watch_cadence", obj=None)
def cadence_watch(request):
    """Staff: every coached city against its cadence, the most overdue first."""
    today = timezone.localdate()
    with scopes_disabled():
        rows = cadence.cadence_watch(today=today)
    return render(request, "coaching/cadence_watch.html", {
        "rows": rows, "overdue_count": sum(1 for row in rows if row.is_overdue),
        "today": today,
    })
