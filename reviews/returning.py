"""Returning cities: an application's city applied to an earlier cohort.

The same city is the same ISO country and the same place name however written (accents,
case, punctuation: ``cities.places.same_place_name``), regions agreeing when both are given
(``applications.matching.same_region``), as duplicates are found within a cohort.
"""

from collections import defaultdict

from applications.matching import same_region
from applications.models import Application, ApplicationState
from cities.places import same_place_name


def earlier_applications(*, applications):
    """``{application id: [earlier applications of the same city, newest first]}`` for
    ``applications`` (one query for all of them). Earlier means to a cohort that started
    before the application's own; drafts never sent are left out."""
    applications = list(applications)
    codes = {a.country.code for a in applications if a.country}
    found = defaultdict(list)
    if not codes:
        return found
    candidates = list(
        Application.objects.filter(country__in=codes)
        .exclude(state=ApplicationState.DRAFT)
        .select_related("cohort")
        .only("pk", "city_name", "country", "region", "state", "submitted_at", "decided_at",
              "cohort__name", "cohort__slug", "cohort__starts_on")
        .order_by("-cohort__starts_on", "-pk"))
    for application in applications:
        starts = application.cohort.starts_on
        found[application.pk] = [
            other for other in candidates
            if other.pk != application.pk and other.cohort_id != application.cohort_id
            and other.country == application.country
            and (starts is None or other.cohort.starts_on < starts)
            and same_place_name(other.city_name, application.city_name)
            and same_region(other.region, application.region)
        ]
    return found
