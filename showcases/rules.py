"""Who may do what with showcases: predicates named for what they allow.

Registered once by name (``cities.doors``): the views, the API and the templates name them.
The city is the object of every city rule; library rules take no object.
"""

import rules
from django_scopes import scopes_disabled

from accounts.models import Membership
from cities.access import is_coach, request_memo
from cities.doors import declare
from cities.rules import (
    is_city_coach,
    is_city_member,
    is_city_senior_team,
    is_program_staff,
    sees_city,
)


@rules.predicate
def is_program_participant(user):
    """Anyone taking part: a member of any city's team, a coach, or program staff."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_staff or is_coach(user):
        return True
    memo = request_memo(user)
    if "is_member" not in memo:
        with scopes_disabled():
            memo["is_member"] = Membership.objects.filter(user=user).exists()
    return memo["is_member"]


declare(
    can_view_showcases=sees_city,
    can_draft_showcase=is_city_senior_team,
    can_give_showcase_feedback=is_city_coach,
    can_discuss_showcase=is_city_member | is_city_coach | is_program_staff,
    can_present_showcase=is_program_staff | is_city_coach,
    can_consent_to_publication=is_city_senior_team,
    can_schedule_showcases=is_program_staff,
    can_approve_publication=is_program_staff,
    can_view_library=is_program_participant,
)
