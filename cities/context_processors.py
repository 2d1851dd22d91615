from functools import cached_property

from cities.access import city_access, is_coach


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
    def is_coach(self):
        return is_coach(self.request.user)

    @cached_property
    def my_cities(self):
        from cities.views import city_choices_for_nav

        return city_choices_for_nav(self.request.user)


def portal(request):
    return {"portal": PortalContext(request)}
