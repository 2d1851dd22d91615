"""Who may do what with a city's assessment (registered once by name, ``cities.doors``)."""

from cities.doors import declare
from cities.rules import coaches_city, is_city_senior_team, sees_city

declare(
    can_view_assessment=sees_city,
    can_answer_assessment=is_city_senior_team,
    can_review_assessment=coaches_city,
    can_turn_gap_into_initiative=is_city_senior_team,
)
