"""Who may do what with the schedule and the hours ledger, registered once by name
(``cities.doors``): a city's own people log learning; staff and a session's host mark
attendance; the people a session invites (as members of the request's city) answer it."""

from typing import NamedTuple

import rules

from cities.doors import declare
from cities.rules import is_city_member, is_program_staff
from schedule.audience import invited_membership
from schedule.models import Session


class SessionInCity(NamedTuple):
    """A session as seen from a city (the object of ``can_answer_invitation``)."""

    session: Session
    city: object


@rules.predicate
def is_session_host(user, session):
    return bool(session is not None and user.is_authenticated and session.host_id == user.pk)


@rules.predicate
def hosts_a_session(user):
    return bool(user.is_authenticated and Session.objects.filter(host=user).exists())


@rules.predicate
def is_invited(user, seen):
    return bool(seen is not None and user.is_authenticated and invited_membership(
        session=seen.session, user=user, city=seen.city) is not None)


declare(
    can_log_hours=is_city_member,
    can_mark_attendance=is_program_staff | is_session_host,
    can_open_attendance_checklists=is_program_staff | hosts_a_session,
    can_answer_invitation=is_invited,
)
