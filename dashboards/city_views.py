from django.shortcuts import render

from accounts.models import Membership, Role
from assignments.progress import city_completion
from caching.page_cache import cache_page_per_person
from cities.access import city_access
from coaching.models import CoachAssignment
from coaching.portal import city_home_context
from cohorts.models import Enrollment
from dashboards.mayor import mayor_briefing


@cache_page_per_person()
def city_home(request, city):
    """A city's home: its team, its cohort and its coaches; the mayor gets a briefing."""
    city = request.city
    members = Membership.objects.select_related("user").order_by("role", "user__email")
    enrollments = Enrollment.objects.select_related("cohort").order_by("-cohort__starts_on")
    coaches = CoachAssignment.objects.select_related("coach").order_by("-is_primary")
    access = city_access(request.user, city)
    is_mayor = Role.MAYOR in access.roles
    return render(
        request,
        "dashboards/mayor_home.html" if is_mayor else "dashboards/home.html",
        {
            "briefing": mayor_briefing(city=city, user=request.user) if is_mayor else None,
            "city": city,
            "access": access,
            "members": members,
            "enrollments": enrollments,
            "coaches": coaches,
            "assignment_progress": None if is_mayor else city_completion(city=city),
            **city_home_context(request=request, city=city),
        },
    )

