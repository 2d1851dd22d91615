"""Who may do what with showcases: predicates named for what they allow.

Used by the views, the API and the templates alike (``rules.test_rule(name, user, city)``).
The city is the object of every city rule; library rules take no object.
"""

import rules
from django_scopes import scopes_disabled

from accounts.models import Membership
from cities.access import is_coach
from cities.rules import (
    can_view_city,
    is_city_coach,
    is_city_member,
    is_city_senior_team,
    is_program_staff,
)


@rules.predicate
def is_program_participant(user):
    """Anyone taking part: a member of any city's team, a coach, or program staff."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_staff or is_coach(user):
        return True
    if "_civic_is_member" not in user.__dict__:
        with scopes_disabled():
            user._civic_is_member = Membership.objects.filter(user=user).exists()
    return user._civic_is_member


can_view_showcases = can_view_city
can_draft_showcase = is_city_senior_team
can_give_showcase_feedback = is_city_coach
can_discuss_showcase = is_city_member | is_city_coach | is_program_staff
can_present_showcase = is_program_staff | is_city_coach
can_consent_to_publication = is_city_senior_team
can_schedule_showcases = is_program_staff
can_approve_publication = is_program_staff
can_view_library = is_program_participant

rules.add_rule("can_view_showcases", can_view_showcases)
rules.add_rule("can_draft_showcase", can_draft_showcase)
rules.add_rule("can_give_showcase_feedback", can_give_showcase_feedback)
rules.add_rule("can_discuss_showcase", can_discuss_showcase)
rules.add_rule("can_present_showcase", can_present_showcase)
rules.add_rule("can_consent_to_publication", can_consent_to_publication)
rules.add_rule("can_schedule_showcases", can_schedule_showcases)
rules.add_rule("can_approve_publication", can_approve_publication)
rules.add_rule("can_view_library", can_view_library)
