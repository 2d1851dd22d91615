"""Who may do what with a city's strategy.

Registered once by name (``cities.doors``): the doors and the templates name them.
"""

from cities.doors import declare
from cities.rules import (
    is_city_coach,
    is_city_mayor,
    is_city_member,
    is_city_senior_team,
    is_program_staff,
    sees_city,
)

declare(
    can_view_strategy=sees_city,
    can_edit_strategy=is_city_senior_team,
    can_submit_strategy=is_city_senior_team,
    can_review_strategy=is_city_mayor,
    can_comment_strategy=is_city_member | is_city_coach | is_program_staff,
    can_track_strategy=is_city_senior_team,
)
