"""The cities API and the base for every API path under ``/api/v1/cities/<city>/``."""

from rest_framework import viewsets
from rest_framework.exceptions import NotFound

from cities.access import cities_visible_to
from cities.doors import allows
from cities.serializers import CitySerializer


class CityAPIMixin:
    """For API views whose path names a city (``<city>``): the tenancy middleware set
    ``request.city`` (``None`` for no such city) and the scope; this checks, after DRF
    authenticated the caller (and before any method is looked at), that the caller may see
    the city. A city the caller may not see is 404, exactly like one that does not exist.
    """

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.enter_city(request)

    def enter_city(self, request):
        """The tenant door of the API (``cities.doors.RulePermission`` calls it first)."""
        if "city" not in self.kwargs:
            return
        city = getattr(request._request, "city", None)
        if city is None or not allows("can_view_city", request.user, city):
            raise NotFound()
        request.city = city


class CityViewSet(CityAPIMixin, viewsets.ReadOnlyModelViewSet):
    """The cities the caller may see."""

    serializer_class = CitySerializer
    lookup_field = "slug"
    lookup_url_kwarg = "city"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return cities_visible_to(self.request.user).order_by("name")


class CityNestedAPIMixin(CityAPIMixin):
    """The base of every API view under ``/api/v1/cities/<city>/``."""
