from django.shortcuts import render
from django_scopes import scopes_disabled

from accounts.models import Membership
from cities.access import city_access
from coaching.models import CoachAssignment
from cohorts.models import Enrollment


def city_home(request, city):
    """A city's home: its team, its cohort and its coaches."""
    city = request.city
    members = Membership.objects.select_related("user").order_by("role", "user__email")
    enrollments = Enrollment.objects.select_related("cohort").order_by("-cohort__starts_on")
    coaches = CoachAssignment.objects.select_related("coach").order_by("-is_primary")
    return render(
        request,
        "cities/home.html",
        {
            "city": city,
            "access": city_access(request.user, city),
            "members": members,
            "enrollments": enrollments,
            "coaches": coaches,
        },
    )


def city_choices_for_nav(user):
    """The cities to list in the header's city switcher (used by the context processor)."""
    from cities.access import cities_visible_to

    if not user.is_authenticated or user.is_staff:
        return []
    with scopes_disabled():
        return list(cities_visible_to(user).only("name", "slug")[:20])
