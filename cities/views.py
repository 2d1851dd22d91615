from django.shortcuts import render
from django_scopes import scopes_disabled

from accounts.models import Membership, Role
from caching.page_cache import cache_page_per_person
from cities.access import city_access
from cities.mayor import mayor_briefing
from coaching.models import CoachAssignment
from coaching.portal import city_home_context
from cohorts.models import Enrollment


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
        "cities/mayor_home.html" if is_mayor else "cities/home.html",
        {
            "briefing": mayor_briefing(city=city, user=request.user) if is_mayor else None,
            "city": city,
            "access": access,
            "members": members,
            "enrollments": enrollments,
            "coaches": coaches,
            **city_home_context(request=request, city=city),
        },
    )


def city_choices_for_nav(user):
    """The cities to list in the header's city switcher (used by the context processor)."""
    from cities.access import cities_visible_to

    if not user.is_authenticated or user.is_staff:
        return []
    with scopes_disabled():
        return list(cities_visible_to(user).only("name", "slug")[:20])
