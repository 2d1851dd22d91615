from functools import cached_property

from cities.access import city_access
from cities.models import City
from cities.nav import navigation_for


class PortalContext:
    """Lazy facts for the header and navigation: computed only when a template asks."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def city(self):
        return getattr(self.request, "city", None)

    @cached_property
    def access(self):
        return city_access(self.request.user, self.city)

    @cached_property
    def _navigation(self):
        return navigation_for(self.request.user)

    @cached_property
    def is_coach(self):
        return self._navigation["is_coach"]

    @cached_property
    def my_cities(self):
        return [City(pk=pk, name=name, slug=slug) for pk, name, slug in
                self._navigation["cities"]]


def portal(request):
    return {"portal": PortalContext(request)}
