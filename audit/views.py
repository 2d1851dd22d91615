"""``/staff/activity/``: the program's recent changes, for staff (see ``audit.activity``)."""

from django.shortcuts import render
from django_scopes import scopes_disabled

from audit.activity import recent_changes, tracked_kinds
from cities.doors import rule_required
from cities.models import City


@rule_required("is_program_staff", obj=None)
def activity(request):
    """Who changed what, newest first; filter by city and by kind of record."""
    with scopes_disabled():
        cities = list(City.objects.order_by("name").only("name", "slug"))
        city = next((c for c in cities if c.slug == request.GET.get("city")), None)
        kind = request.GET.get("kind") or None
        changes = recent_changes(city=city, kind=kind)
    return render(
        request,
        "audit/activity.html",
        {
            "changes": changes,
            "cities": cities,
            "kinds": tracked_kinds(),
            "filters": {"city": city, "kind": kind},
        },
    )
