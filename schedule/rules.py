"""Permission predicates of the schedule and the hours ledger."""

import rules

from cities.rules import is_city_member, is_program_staff


@rules.predicate
def is_session_host(user, session):
    return bool(session is not None and user.is_authenticated and session.host_id == user.pk)


# A city's own people log learning; staff and coaches read the ledger.
can_log_hours = is_city_member
can_mark_attendance = is_program_staff | is_session_host

rules.add_rule("can_log_hours", can_log_hours)
rules.add_rule("can_mark_attendance", can_mark_attendance)
