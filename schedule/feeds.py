"""The secret per-user calendar feed."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django_scopes import scopes_disabled

from accounts.models import Membership
from schedule.audience import sessions_for_user
from schedule.calendar import build_calendar


def regenerate_calendar_token(*, user):
    """Give ``user`` a new feed address; the old one stops working at once."""
    user.calendar_token = secrets.token_urlsafe(32)
    user.save(update_fields=["calendar_token"])
    return user.calendar_token


def user_for_token(*, token):
    """The active user whose feed token is ``token``, or None."""
    if not token:
        return None
    return get_user_model().objects.filter(calendar_token=token, is_active=True).first()


def feed_for(*, user, whole_cohort=False):
    """The .ics feed of the sessions ``user`` is invited to (cancelled ones marked so);
    with ``whole_cohort``, every session of their cities' cohorts."""
    with scopes_disabled():
        memberships = list(
            Membership.objects.filter(user=user).select_related("city")
            .prefetch_related("city__enrollments")
        )
    city_by_cohort = {}
    for membership in memberships:
        for enrollment in membership.city.enrollments.all():
            city_by_cohort.setdefault(enrollment.cohort_id, membership.city)
    sessions = (
        sessions_for_user(user=user, whole_cohort=whole_cohort)
        .select_related("city").order_by("starts_at")
    )
    # Calendar apps fetch the feed without the person's cookies: their language is the
    # account's (the sessions' kinds are labelled in it).
    with translation.override(user.language or settings.LANGUAGE_CODE):
        return build_calendar(
            sessions=sessions, name="Civic Accelerator",
            city_for=lambda s: s.city if s.city_id else city_by_cohort.get(s.cohort_id),
        )
