"""Who a session is for: which cities see it and which of their people are invited."""

from django.db.models import Q
from django_scopes import scopes_disabled

from accounts.models import Membership, Role
from cohorts.models import Audience, Enrollment, Session


def sessions_for_city(*, city):
    """The sessions a city sees: its cohorts' sessions for everyone, and its own."""
    return Session.objects.filter(cohort__enrollments__city=city).filter(
        ~Q(audience=Audience.CITY) | Q(city=city)
    )


def sessions_for_user(*, user):
    """Every session of every cohort ``user``'s cities are in (for the calendar feed)."""
    with scopes_disabled():
        city_ids = list(Membership.objects.filter(user=user).values_list("city_id", flat=True))
        cohort_ids = set(
            Enrollment.objects.filter(city_id__in=city_ids).values_list("cohort_id", flat=True)
        )
    return Session.objects.filter(cohort_id__in=cohort_ids).filter(
        ~Q(audience=Audience.CITY) | Q(city_id__in=city_ids)
    )


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
        memberships = Membership.objects.filter(
            city__enrollments__cohort_id=session.cohort_id
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
            city=city, cohort_id=session.cohort_id
        ).exists():
            return None
    return membership if role_matches(session=session, role=membership.role) else None
