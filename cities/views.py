"""The site's front door: where each person's work is."""

from django.shortcuts import redirect, render

from accounts.adapters import OPEN_SIGNUP_SESSION_KEY
from cities.access import home_city_for, is_coach

# Other places a person's work may be (a reviewer's applications to review): functions of
# the user returning a URL or None, registered in AppConfig.ready() by the apps that know
# them (reviews), as cities sits below them.
_HOMES = []


def register_home(function):
    """Send a person with no city, not staff and no coach, to ``function(user)`` if any."""
    _HOMES.append(function)


def home(request):
    """Send each person where their work is; show the public landing to visitors."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "landing.html")
    if user.is_staff:
        return redirect("staff:home")
    if is_coach(user):
        return redirect("coach:home")
    city = home_city_for(user)
    if city is not None:
        return redirect(city.get_absolute_url())
    for where in _HOMES:
        if url := where(user):
            return redirect(url)
    # An applicant, back to their applications (asked through the reverse relation: cities
    # sits below applications and imports nothing of it).
    if request.session.get(OPEN_SIGNUP_SESSION_KEY) or user.applications.exists():
        return redirect("apply:mine")
    return render(request, "accounts/no_city.html")
