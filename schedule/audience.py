"""Who a session is for: which cities see it and which of their people are invited."""

from django.db.models import Q
from django_scopes import scopes_disabled

from accounts.models import Membership, Role
from cohorts.enrollment import active_on
from cohorts.models import Enrollment
from schedule.models import Audience, Session


def sessions_for_city(*, city):
    """The sessions a city sees: its cohorts' sessions for everyone, and its own."""
    return Session.objects.filter(cohort__enrollments__city=city).filter(
        ~Q(audience=Audience.CITY) | Q(city=city)
    )


def sessions_for_user(*, user, whole_cohort=False):
    """The sessions ``user`` is invited to, for their calendar feed: in each of their
    cities' cohorts, those whose audience takes in their role there (a mayor gets the
    mayors' and everyone's sessions, a senior-team member the senior teams' and
    everyone's) and their city's own. ``whole_cohort`` adds every session those cities see
    (other audiences included). One query for the memberships; the rest is a filter.
    """
    with scopes_disabled():
        rows = list(
            Membership.objects.filter(user=user, city__enrollments__isnull=False)
            .values_list("city_id", "role", "city__enrollments__cohort_id")
        )
    condition = Q(pk__in=[])
    for city_id, role, cohort_id in rows:
        own = Q(audience=Audience.CITY, city_id=city_id)
        if whole_cohort:
            audiences = [Audience.MAYORS, Audience.SENIOR_TEAMS, Audience.EVERYONE]
        elif role == Role.MAYOR:
            audiences = [Audience.MAYORS, Audience.EVERYONE]
        else:
            audiences = [Audience.SENIOR_TEAMS, Audience.EVERYONE]
        condition |= Q(cohort_id=cohort_id) & (Q(audience__in=audiences) | own)
    return Session.objects.filter(condition)


def role_matches(*, session, role):
    """True when a member in ``role`` is part of the session's audience."""
    if session.audience == Audience.MAYORS:
        return role == Role.MAYOR
    if session.audience == Audience.SENIOR_TEAMS:
        return role != Role.MAYOR
    return True


def is_for_city(*, session, city):
    """True when ``city`` sees ``session`` (enrolled in its cohort, and its own if one-city)."""
    if session.audience == Audience.CITY and session.city_id != city.pk:
        return False
    with scopes_disabled():
        return Enrollment.objects.filter(city=city, cohort_id=session.cohort_id).exists()


def invited_memberships(*, session, city=None):
    """The memberships (with users) invited to ``session``, for one city or every city."""
    with scopes_disabled():
        # One filter call, so both conditions hold for the same enrollment: a city that
        # withdrew before the session is no longer invited.
        memberships = Membership.objects.filter(
            active_on(session.starts_at.date(), prefix="city__enrollments__"),
            city__enrollments__cohort_id=session.cohort_id,
        ).select_related("user", "city")
        if city is not None:
            memberships = memberships.filter(city=city)
        if session.audience == Audience.CITY:
            memberships = memberships.filter(city_id=session.city_id)
        elif session.audience == Audience.MAYORS:
            memberships = memberships.filter(role=Role.MAYOR)
        elif session.audience == Audience.SENIOR_TEAMS:
            memberships = memberships.exclude(role=Role.MAYOR)
        return list(memberships.filter(user__is_active=True).order_by("city__name", "user__email"))


def invitees(*, session, city=None):
    """The users invited to ``session`` (optionally only ``city``'s)."""
    return [m.user for m in invited_memberships(session=session, city=city)]


def invited_membership(*, session, user, city):
    """``user``'s membership of ``city`` if it makes them an invitee of ``session``."""
    if session.audience == Audience.CITY and session.city_id != city.pk:
        return None
    with scopes_disabled():
        membership = Membership.objects.filter(user=user, city=city).first()
        if membership is None or not Enrollment.objects.filter(
            active_on(session.starts_at.date()), city=city, cohort_id=session.cohort_id
        ).exists():
            return None
    return membership if role_matches(session=session, role=membership.role) else None
