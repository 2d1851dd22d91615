"""Staff pages: run with tenancy scopes disabled by the middleware (staff see every city)."""

from django.db.models import Count
from django.shortcuts import render

from cities.doors import rule_required
from cities.models import City
from cohorts.models import Cohort


@rule_required("is_program_staff", obj=None)
def staff_home(request):
    """The program team's landing: cohorts and the cities in them."""
    cohorts = Cohort.objects.annotate(city_count=Count("enrollments")).order_by("-starts_on")
    cities = City.objects.prefetch_related("enrollments__cohort").order_by("name")
    return render(request, "cohorts/staff_home.html", {"cohorts": cohorts, "cities": cities})
