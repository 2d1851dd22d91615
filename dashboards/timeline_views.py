from django.shortcuts import render

from cities.doors import rule_required
from dashboards.timeline import KINDS, city_timeline


@rule_required("can_view_timeline")
def timeline(request, city):
    """Everything that happened for the city, for staff and its coach."""
    city = request.city
    kinds = [k for k in request.GET.getlist("kind") if k in KINDS] or None
    return render(request, "dashboards/timeline.html", {
        "city": city, "events": city_timeline(city=city, kinds=kinds)[:300],
        "kinds": KINDS, "selected": kinds or [],
    })
