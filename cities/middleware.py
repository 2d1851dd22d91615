"""Tenancy, set once per request.

A URL that carries ``<city>`` resolves the city, checks that the user may see it, and runs
the view inside ``django_scopes.scope(city=…)`` so that every query on a tenant model is
filtered to that city. An API path naming no city runs with ``request.city = None`` and no
scope: its view answers 404 exactly as for a city the caller may not see. Staff pages and
the admin run with scopes explicitly disabled; any other request has no scope at all, so a
tenant query there fails loudly.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import Resolver404, resolve
from django_scopes import scope, scopes_disabled

from cities.doors import allows
from cities.models import City

CROSS_CITY_NAMESPACES = {"admin", "staff"}


class CityTenancyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.city = None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)

        slug = match.kwargs.get("city")
        if slug is not None:
            return self._city_request(request, match, slug)
        if CROSS_CITY_NAMESPACES & set(match.namespaces) and request.user.is_staff:
            with scopes_disabled():
                return self.get_response(request)
        return self.get_response(request)

    def _city_request(self, request, match, slug):
        is_api = "api" in match.namespaces
        if not is_api and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        city = City.objects.filter(slug=slug).first()
        if city is None and is_api:
            # The API view answers (after authenticating the caller) exactly as it does for
            # a city the caller may not see: see cities.api.CityNestedAPIMixin.
            return self.get_response(request)
        if city is None:
            raise Http404
        # The API authenticates inside DRF (tokens), so its views check access themselves.
        if not is_api and not allows("can_view_city", request.user, city):
            raise Http404
        request.city = city
        with scope(city=city):
            return self.get_response(request)
