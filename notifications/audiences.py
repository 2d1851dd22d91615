"""Whom a reminder rule's audience means for one city."""

from django.contrib.auth import get_user_model
from django_scopes import scopes_disabled

from accounts.models import Membership, Role
from notifications.models import Audience


def audience_of(*, city, audience, default=()):
    """The active users ``audience`` names in ``city``; ``default`` for "whoever it concerns".

    One query per call; sources that remind many cities should prefetch instead.
    """
    User = get_user_model()
    if audience == Audience.DEFAULT:
        return list(default)
    with scopes_disabled():
        if audience == Audience.STAFF:
            users = User.objects.filter(is_staff=True)
        elif audience == Audience.COACHES:
            users = User.objects.filter(coach_assignments__enrollment__city=city)
        else:
            memberships = Membership.objects.filter(city=city)
            if audience == Audience.MAYORS:
                memberships = memberships.filter(role=Role.MAYOR)
            elif audience == Audience.SENIOR_TEAM:
                memberships = memberships.exclude(role=Role.MAYOR)
            users = User.objects.filter(pk__in=memberships.values("user_id"))
        return list(users.filter(is_active=True).distinct().order_by("pk"))
