"""Who may do what in coaching, registered once by name (``cities.doors``).

The city's coach and program staff run coaching (log check-ins, read private notes, create
action items, ask the mayor); the city's people read the shared part; the owner of an
action item may mark it done; only the city's mayor answers a request to the mayor.
"""

import rules

from cities.access import is_coach
from cities.doors import declare
from cities.rules import coaches_city, is_city_mayor, is_program_staff, sees_city


@rules.predicate
def is_action_item_owner(user, item):
    return bool(item is not None and user.is_authenticated and item.owner_id == user.pk)


@rules.predicate
def coaches_item_city(user, item):
    return bool(item is not None and coaches_city(user, item.city))


@rules.predicate
def coaches_any_city(user):
    return bool(user.is_authenticated and is_coach(user))


declare(
    can_open_coach_home=is_program_staff | coaches_any_city,
    can_view_coaching=sees_city,
    can_log_checkin=coaches_city,
    can_view_private_notes=coaches_city,
    can_manage_action_items=coaches_city,
    can_update_action_item=coaches_item_city | is_action_item_owner,
    can_request_mayor_decision=coaches_city,
    can_answer_mayor_request=is_city_mayor,
    can_watch_cadence=is_program_staff,
    # A call's transcript is the coach's and staff's only: never the city's people.
    can_import_transcript=coaches_city,
)
