"""The schedule's reminder sources, through the real sweep and the default rules
(7 days and 24 hours before a session, RSVP missing 3 days before, hours at month end)."""

import datetime
from decimal import Decimal

from notifications.models import Notification
from notifications.reminders import run_reminder_sweep
from schedule.hours import credit_hours
from schedule.rsvp import rsvp
from schedule.scheduling import cancel_session, move_session, schedule_session
from tests.schedule.conftest import at

START = at(2027, 1, 12, 18)
MINUTE = datetime.timedelta(minutes=1)


def _told(event):
    return sorted(
        Notification.objects.filter(record__event=event).values_list("recipient_id", flat=True)
    )


def _keynote(town, starts_at=START):
    return schedule_session(
        cohort=town.cohort, kind="keynote", title="Keynote", starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1), audience="senior_teams",
    )


def test_session_reminders_go_7_days_and_24_hours_before_once_each(town, no_scope):
    session = _keynote(town)
    rsvp(session=session, user=town.policy, city=town.city, answer="no")
    team = sorted([town.cdo.pk, town.other_cdo.pk])

    run_reminder_sweep(now=START - datetime.timedelta(days=7) + MINUTE)
    run_reminder_sweep(now=START - datetime.timedelta(days=7) + 2 * MINUTE)
    assert _told("session.reminder") == team  # not the mayors, not who said no

    run_reminder_sweep(now=START - datetime.timedelta(hours=24) + MINUTE)
    assert _told("session.reminder") == sorted(team * 2)


def test_moving_a_session_re_arms_its_reminders(town, no_scope):
    session = _keynote(town)
    run_reminder_sweep(now=START - datetime.timedelta(hours=24) + MINUTE)
    moved_to = START + datetime.timedelta(hours=2)

    move_session(session=session, starts_at=moved_to)
    run_reminder_sweep(now=moved_to - datetime.timedelta(hours=24) + MINUTE)

    assert len(_told("session.reminder")) == 3 * 2


def test_a_cancelled_session_sends_no_reminder(town, no_scope):
    cancel_session(session=_keynote(town))

    run_reminder_sweep(now=START - datetime.timedelta(hours=24) + MINUTE)

    assert _told("session.reminder") == []


def test_rsvp_missing_goes_only_to_people_who_have_not_answered(town, no_scope):
    session = _keynote(town)
    rsvp(session=session, user=town.cdo, city=town.city, answer="maybe")

    run_reminder_sweep(now=START - datetime.timedelta(days=3) + MINUTE)

    assert _told("session.rsvp_missing") == sorted([town.policy.pk, town.other_cdo.pk])
    body = Notification.objects.get(record__event="session.rsvp_missing",
                                    recipient=town.policy).body
    assert "Tue, Jan 12, 2027 · 20:00–21:00 America/Sao Paulo (18:00–19:00 America/New York)" in (
        body
    )


def test_month_end_tells_a_city_below_its_commitment(town, no_scope):
    """Three days before 1 February in each city's zone; Alpha logged 2 of 5 hours,
    Beta met its commitment."""
    credit_hours(city=town.city, user=town.cdo, hours=2, on_date=datetime.date(2027, 1, 10),
                 source="self", source_key="self:a")
    credit_hours(city=town.other, user=town.other_cdo, hours=6,
                 on_date=datetime.date(2027, 1, 10), source="self", source_key="self:b")

    run_reminder_sweep(now=at(2027, 1, 29, 1))

    assert _told("hours.below_commitment") == sorted([town.cdo.pk, town.policy.pk])
    note = Notification.objects.filter(record__event="hours.below_commitment").first()
    assert "2 of 2 team members below 5 training hours" in note.subject
    assert town.city.monthly_commitment_hours == Decimal("5")


def test_month_end_counts_each_member_not_the_teams_sum(town, no_scope):
    """Alpha's CDO logged 12 hours, more than twice the 5 each member committed to, but its
    policy lead logged none: the team is told (one keen member does not carry the rest)."""
    credit_hours(city=town.city, user=town.cdo, hours=12, on_date=datetime.date(2027, 1, 10),
                 source="self", source_key="self:a")

    run_reminder_sweep(now=at(2027, 1, 29, 1))

    assert _told("hours.below_commitment") == sorted(
        [town.cdo.pk, town.policy.pk, town.other_cdo.pk]
    )
    note = Notification.objects.filter(
        record__event="hours.below_commitment", recipient=town.cdo
    ).first()
    assert "Alpha: 1 of 2 team members below 5 training hours" in note.subject
