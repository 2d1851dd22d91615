"""Who may do what with assignments, registered once by name (``cities.doors``).

Everyone who sees the city reads its curriculum and what it handed in (team, coach, staff);
the city's senior team writes and submits; the city's coach or program staff review.
"""

from cities.doors import declare
from cities.rules import coaches_city, is_city_senior_team, sees_city

declare(
    can_view_assignments=sees_city,
    can_hand_in_assignment=is_city_senior_team,
    can_review_assignment=coaches_city,
)
