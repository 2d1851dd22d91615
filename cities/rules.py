"""Permission predicates about cities, named for what they allow.

Views, the API and templates use the same predicates (``rules.test_rule`` /
``user.has_perm`` / ``{% has_perm %}``).
"""

import rules

from accounts.models import Role
from cities.access import city_access


@rules.predicate
def is_program_staff(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


@rules.predicate
def is_city_member(user, city):
    return city_access(user, city).is_member


@rules.predicate
def is_city_coach(user, city):
    return city_access(user, city).is_coach


@rules.predicate
def is_city_mayor(user, city):
    return Role.MAYOR in city_access(user, city).roles


@rules.predicate
def is_city_senior_team(user, city):
    return bool(city_access(user, city).roles - {Role.MAYOR})


can_view_city = is_program_staff | is_city_member | is_city_coach

rules.add_rule("can_view_city", can_view_city)
rules.add_perm("cities.view_city", can_view_city)

can_view_timeline = is_program_staff | is_city_coach
rules.add_rule("can_view_timeline", can_view_timeline)
