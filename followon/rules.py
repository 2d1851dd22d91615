"""Who may do what in a city's year after (registered once by name: ``cities.doors``)."""

from cities.doors import declare
from cities.rules import coaches_city, is_city_senior_team, sees_city

declare(
    can_view_follow_on=sees_city,
    can_record_follow_on=is_city_senior_team,
    can_guide_follow_on=coaches_city,
)
