"""Who may export a city's data and who may download its exports."""

import rules

from cities.access import city_access
from cities.doors import declare
from cities.rules import is_program_staff


@rules.predicate
def is_city_admin(user, city):
    """A member of the city's team marked as one of its administrators."""
    return city_access(user, city).is_admin


declare(
    can_request_city_export=is_city_admin,
    can_view_city_exports=is_city_admin | is_program_staff,
)
