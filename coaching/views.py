from django.shortcuts import render
from django_scopes import scopes_disabled

from accounts.decorators import role_required
from cities.access import is_coach
from coaching.models import CoachAssignment


@role_required(lambda user: user.is_staff or is_coach(user))
def coach_home(request):
    """A coach's cities, and nothing of other coaches' cities."""
    with scopes_disabled():
        assignments = list(
            CoachAssignment.objects.filter(coach=request.user)
            .select_related("enrollment__city", "enrollment__cohort")
            .order_by("enrollment__city__name")
        )
    return render(request, "coaching/coach_home.html", {"assignments": assignments})
