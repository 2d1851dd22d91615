"""Reminder sources of the schedule and the hours ledger (see ``notifications.reminders``).

The rules (how long before, whom) are data in the notifications app; these sources find
what is due. A session's occurrence is its start and sequence, so moving it re-arms its
reminders; a cancelled session has none.
"""

import zoneinfo
from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import Membership, Role
from cities.models import City
from cohorts.models import Cohort
from notifications.audiences import audience_of
from notifications.models import Audience as RuleAudience
from notifications.models import ReminderKind
from notifications.reminders import DueReminder, register_reminder_source
from schedule.audience import role_matches
from schedule.commitment import monthly_hours
from schedule.models import Audience, Rsvp, RsvpAnswer, Session
from schedule.notices import ics_attachment


def session_occurrence(session):
    return f"{session.starts_at.isoformat()}#{session.sequence}"


def _due_sessions(rule, now, since):
    """Live sessions whose ``start - offset`` falls in [since, now]."""
    return list(
        Session.objects.filter(
            is_cancelled=False, starts_at__gt=now,
            starts_at__gte=since + rule.offset, starts_at__lte=now + rule.offset,
        ).select_related("city", "cohort").order_by("starts_at")
    )


def _invited_by_session(sessions):
    """``{session_id: [membership, …]}`` for many sessions in one query."""
    cohort_ids = {s.cohort_id for s in sessions}
    memberships = list(
        Membership.objects.filter(
            city__enrollments__cohort_id__in=cohort_ids, user__is_active=True
        ).select_related("user", "city").prefetch_related("city__enrollments")
    )
    result = {}
    for session in sessions:
        result[session.pk] = [
            m for m in memberships
            if any(e.cohort_id == session.cohort_id for e in m.city.enrollments.all())
            and (session.audience != Audience.CITY or m.city_id == session.city_id)
            and role_matches(session=session, role=m.role)
        ]
    return result


def _session_reminders(rule, now, since, *, skip):
    """Yield a reminder per invited person of each due session, unless ``skip(answer)``."""
    sessions = _due_sessions(rule, now, since)
    if not sessions:
        return
    invited = _invited_by_session(sessions)
    answers = {
        (session_id, user_id): answer
        for session_id, user_id, answer in Rsvp.objects.filter(session__in=sessions)
        .values_list("session_id", "user_id", "answer")
    }
    for session in sessions:
        for membership in invited[session.pk]:
            if rule.audience not in (RuleAudience.DEFAULT, RuleAudience.EVERYONE):
                if not _in_rule_audience(rule.audience, membership):
                    continue
            if skip(answers.get((session.pk, membership.user_id))):
                continue
            yield DueReminder(
                about=session, recipient=membership.user,
                occurrence=session_occurrence(session),
                due_at=session.starts_at - rule.offset,
                context={"session": session, "city": membership.city,
                         "link": session.get_absolute_url(membership.city)},
                attachments=[ics_attachment(session=session, city=membership.city,
                                            language=membership.user.language)],
            )


def _in_rule_audience(audience, membership):
    if audience == RuleAudience.MAYORS:
        return membership.role == Role.MAYOR
    if audience == RuleAudience.SENIOR_TEAM:
        return membership.role != Role.MAYOR
    return False  # staff and coaches are not a session's invitees


@register_reminder_source(
    ReminderKind.SESSION_STARTING, event="session.reminder", category="sessions",
    stale_after=timedelta(hours=6),
)
def sessions_starting(*, rule, now, since):
    """Remind invited people ``offset`` before a session (not those who said no)."""
    yield from _session_reminders(rule, now, since, skip=lambda answer: answer == RsvpAnswer.NO)


@register_reminder_source(
    ReminderKind.RSVP_MISSING, event="session.rsvp_missing", category="sessions",
    stale_after=timedelta(hours=12),
)
def rsvps_missing(*, rule, now, since):
    """Ask invited people who have not answered, ``offset`` before the session."""
    yield from _session_reminders(rule, now, since, skip=lambda answer: answer is not None)


@register_reminder_source(
    ReminderKind.HOURS_BELOW_COMMITMENT, event="hours.below_commitment", category="hours",
    stale_after=timedelta(days=2),
)
def hours_below_commitment(*, rule, now, since):
    """``offset`` before a city's month ends (in its zone), tell its team when the month's
    hours are below the commitment. Only cities in a cohort that is under way.
    """
    with scopes_disabled():
        cohorts = Cohort.objects.filter(
            starts_on__lte=now.date() + timedelta(days=1),
            ends_on__gte=now.date() - timedelta(days=1),
        )
        cities = City.objects.filter(enrollments__cohort__in=cohorts).distinct()
        for city in cities:
            zone = zoneinfo.ZoneInfo(city.time_zone)
            today = timezone.localdate(now, zone)
            first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
            month_end = timezone.make_aware(
                datetime.combine(first_next, datetime.min.time()), zone
            )
            due_at = month_end - rule.offset
            if not since <= due_at <= now:
                continue
            total = monthly_hours(city=city, months=[today])[0]
            if total.met:
                continue
            default = audience_of(city=city, audience=RuleAudience.SENIOR_TEAM)
            for person in audience_of(city=city, audience=rule.audience, default=default):
                yield DueReminder(
                    about=city, recipient=person, occurrence=today.strftime("%Y-%m"),
                    due_at=due_at,
                    context={"city": city, "total": total,
                             "link": reverse("schedule:hours", kwargs={"city": city.slug})},
                )

