"""One city, however it is written: the existing ``City`` an application is for, and
another application for the same city to the same cohort."""

from applications.models import Application, ApplicationState
from cities.models import City
from cities.places import country_code, normalise, same_place_name

S = ApplicationState


def same_region(first, second):
    """Regions agree when equal as place names, or when either is not given."""
    return not normalise(first) or not normalise(second) or same_place_name(first, second)


def match_city(*, name, country, region=""):
    """The existing ``City`` with this name and country (and region, when both have one).

    Names are compared as place names ("Saint-Étienne" is "saint etienne"), countries by
    their ISO code; a city with the same region is preferred to one without a region.
    """
    code = country_code(country)
    if not code or not normalise(name):
        return None
    candidates = [c for c in City.objects.filter(country=code).order_by("pk")
                  if same_place_name(c.name, name) and same_region(c.region, region)]
    candidates.sort(key=lambda c: not (normalise(region) and same_place_name(c.region, region)))
    return candidates[0] if candidates else None


def find_duplicate(*, application):
    """Another live application for the same city to the same cohort, or ``None``.

    The same city is the same place name in the same country (by ISO code), whatever the
    case, accents, spacing or punctuation: "Eastport / United States" and "eastport / USA"
    are one city. Regions must agree when both applications give one.
    """
    code = country_code(application.country)
    if not code or not normalise(application.city_name):
        return None
    others = (
        Application.objects.filter(cohort_id=application.cohort_id, country=code)
        .exclude(pk=application.pk)
        .exclude(state__in=[S.WITHDRAWN, S.DECLINED])
        .only("pk", "city_name", "region", "state")
        .order_by("pk")
    )
    return next((other for other in others
                 if same_place_name(other.city_name, application.city_name)
                 and same_region(other.region, application.region)), None)
