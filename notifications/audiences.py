"""Whom a reminder rule's audience means for one city."""

from cities.people import coaches_of, mayors_of, members_of, program_staff, senior_team_of
from notifications.models import Audience

PEOPLE = {
    Audience.MAYORS: mayors_of,
    Audience.SENIOR_TEAM: senior_team_of,
    Audience.COACHES: coaches_of,
}


def audience_of(*, city, audience, default=()):
    """The active users ``audience`` names in ``city``; ``default`` for "whoever it concerns".

    One query per call; sources that remind many cities should prefetch instead.
    """
    if audience == Audience.DEFAULT:
        return list(default)
    if audience == Audience.STAFF:
        return list(program_staff().order_by("pk"))
    return list(PEOPLE.get(audience, members_of)(city).order_by("pk"))
