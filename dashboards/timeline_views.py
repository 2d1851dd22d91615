from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from cities.rules import can_view_timeline
from dashboards.timeline import KINDS, city_timeline


def timeline(request, city):
    """Everything that happened for the city, for staff and its coach."""
    city = request.city
    if not can_view_timeline(request.user, city):
        raise PermissionDenied
    kinds = [k for k in request.GET.getlist("kind") if k in KINDS] or None
    return render(request, "dashboards/timeline.html", {
        "city": city, "events": city_timeline(city=city, kinds=kinds)[:300],
        "kinds": KINDS, "selected": kinds or [],
    })
