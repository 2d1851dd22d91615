"""Who may do what about cities, and the building blocks every app's rules are made of.

Rules are registered once, with their name (``cities.doors``): views, the API and
templates name them (``@rule_required("can_view_city")``, ``{% test_rule %}``).
"""

import rules

from accounts.models import Role
from cities.access import city_access
from cities.doors import declare, rule


@rule
def is_program_staff(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


@rule
def is_city_member(user, city):
    return city_access(user, city).is_member


@rule
def is_city_coach(user, city):
    return city_access(user, city).is_coach


@rule
def is_city_mayor(user, city):
    return Role.MAYOR in city_access(user, city).roles


@rule
def is_city_senior_team(user, city):
    return bool(city_access(user, city).roles - {Role.MAYOR})


# Building blocks made of the ones above (apps' rules reuse them).
sees_city = is_program_staff | is_city_member | is_city_coach
coaches_city = is_program_staff | is_city_coach

declare(
    can_view_city=sees_city,
    can_view_timeline=coaches_city,
)
rules.add_perm("cities.view_city", sees_city)
