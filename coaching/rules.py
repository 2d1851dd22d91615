"""Who may do what in coaching, as ``rules`` predicates named for what they allow.

The city's coach and program staff run coaching (log check-ins, read private notes, create
action items, ask the mayor); the city's people read the shared part; the owner of an
action item may mark it done; only the city's mayor answers a request to the mayor.
"""

import rules

from cities.rules import (
    can_view_city,
    is_city_coach,
    is_city_mayor,
    is_program_staff,
)

can_coach_city = is_program_staff | is_city_coach


@rules.predicate
def is_action_item_owner(user, item):
    return bool(item is not None and user.is_authenticated and item.owner_id == user.pk)


@rules.predicate
def coaches_item_city(user, item):
    return bool(item is not None and can_coach_city(user, item.city))


can_view_coaching = can_view_city
can_log_checkin = can_coach_city
can_view_private_notes = can_coach_city
can_manage_action_items = can_coach_city
can_update_action_item = coaches_item_city | is_action_item_owner
can_request_mayor_decision = can_coach_city
can_answer_mayor_request = is_city_mayor
can_watch_cadence = is_program_staff

rules.add_rule("can_view_coaching", can_view_coaching)
rules.add_rule("can_log_checkin", can_log_checkin)
rules.add_rule("can_view_private_notes", can_view_private_notes)
rules.add_rule("can_manage_action_items", can_manage_action_items)
rules.add_rule("can_update_action_item", can_update_action_item)
rules.add_rule("can_request_mayor_decision", can_request_mayor_decision)
rules.add_rule("can_answer_mayor_request", can_answer_mayor_request)
rules.add_rule("can_watch_cadence", can_watch_cadence)
