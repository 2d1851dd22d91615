"""The cities API and the base for every API path under ``/api/v1/cities/<city>/``."""

from rest_framework import viewsets
from rest_framework.exceptions import NotFound

from cities.access import cities_visible_to
from cities.rules import can_view_city
from cities.serializers import CitySerializer


class CityViewSet(viewsets.ReadOnlyModelViewSet):
    """The cities the caller may see."""

    serializer_class = CitySerializer
    lookup_field = "slug"
    lookup_url_kwarg = "city"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return cities_visible_to(self.request.user).order_by("name")


class CityNestedAPIMixin:
    """For API views under a city: the tenancy middleware set ``request.city`` and the scope;
    this checks, after DRF authenticated the caller, that the caller may see the city.
    A city the caller may not see is 404, exactly like one that does not exist.
    """

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        city = getattr(request._request, "city", None)
        if city is None or not can_view_city(request.user, city):
            raise NotFound()
        request.city = city
