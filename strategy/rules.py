"""Who may do what with a city's strategy (views, the API and templates use these)."""

import rules

from cities.rules import (
    can_view_city,
    is_city_coach,
    is_city_mayor,
    is_city_member,
    is_city_senior_team,
    is_program_staff,
)

can_view_strategy = can_view_city
can_edit_strategy = is_city_senior_team
can_submit_strategy = is_city_senior_team
can_review_strategy = is_city_mayor
can_comment_strategy = is_city_member | is_city_coach | is_program_staff
can_track_strategy = is_city_senior_team

rules.add_rule("can_view_strategy", can_view_strategy)
rules.add_rule("can_edit_strategy", can_edit_strategy)
rules.add_rule("can_submit_strategy", can_submit_strategy)
rules.add_rule("can_review_strategy", can_review_strategy)
rules.add_rule("can_comment_strategy", can_comment_strategy)
rules.add_rule("can_track_strategy", can_track_strategy)
