"""Coaching's reminder sources, run by the notifications sweep: once each, to the right
person, and not when there is nothing left to remind."""

import datetime
import zoneinfo

from django.utils import timezone
from django_scopes import scopes_disabled

from coaching.cadence import overdue_cities
from notifications.models import Notification
from notifications.reminders import run_reminder_sweep
from tests import factories
from tests.notifications.reminder_helpers import only_rule

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
TODAY = timezone.localdate()


def _at(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), NEW_YORK)


def _sent(event):
    with scopes_disabled():
        return [n.recipient for n in Notification.objects.filter(record__event=event)]


def test_an_overdue_item_reminds_its_owner_once(world):
    with scopes_disabled():
        item = factories.ActionItemFactory(city=world.city, owner=world.users["member_a"],
                                           due_on=TODAY)
        factories.ActionItemFactory(city=world.city, owner=world.users["manager_a"],
                                    due_on=TODAY, status="done")
    only_rule(kind="action_item_overdue", offset=datetime.timedelta(days=1))
    now = _at(item.due_on + datetime.timedelta(days=2), 1)  # a day after it became overdue

    run_reminder_sweep(now=now)
    run_reminder_sweep(now=now + datetime.timedelta(minutes=5))

    assert _sent("coaching.action_item_overdue") == [world.users["member_a"]]


def test_an_item_due_soon_reminds_its_owner(world):
    with scopes_disabled():
        item = factories.ActionItemFactory(city=world.city, owner=world.users["member_a"],
                                           due_on=TODAY + datetime.timedelta(days=3))
    only_rule(kind="action_item_due", offset=datetime.timedelta(days=2))

    run_reminder_sweep(now=_at(item.due_on - datetime.timedelta(days=3), 12))
    assert _sent("coaching.action_item_due") == []
    run_reminder_sweep(now=_at(item.due_on - datetime.timedelta(days=2), 10))
    assert _sent("coaching.action_item_due") == [world.users["member_a"]]


def test_the_coach_is_reminded_on_the_day_a_checkin_is_due(world):
    with scopes_disabled():
        factories.CheckInFactory(city=world.city, next_checkin_on=TODAY)
    only_rule(kind="checkin_due", offset=datetime.timedelta(0))

    run_reminder_sweep(now=_at(TODAY, 9) + datetime.timedelta(minutes=10))

    assert _sent("coaching.checkin_due") == [world.users["coach_a"]]


def test_an_unanswered_request_reminds_the_mayor_and_an_answered_one_does_not(world):
    deadline = TODAY + datetime.timedelta(days=2)
    with scopes_disabled():
        factories.MayorRequestFactory(city=world.city, deadline=deadline)
        factories.MayorRequestFactory(city=world.other_city, deadline=deadline,
                                      answer="Done", answered_at=timezone.now())
    only_rule(kind="mayor_request_unanswered", offset=datetime.timedelta(days=1))

    run_reminder_sweep(now=_at(deadline - datetime.timedelta(days=1), 9)
                       + datetime.timedelta(minutes=10))

    assert _sent("coaching.mayor_request_waiting") == [world.users["mayor_a"]]


def test_overdue_cities_are_the_ones_past_their_cadence(world):
    with scopes_disabled():
        factories.CheckInFactory(city=world.city,
                                 happened_at=timezone.now() - datetime.timedelta(days=15))
        factories.CheckInFactory(city=world.other_city,
                                 happened_at=timezone.now() - datetime.timedelta(days=15),
                                 next_checkin_on=TODAY + datetime.timedelta(days=2))
        rows = overdue_cities()
    assert [(row.assignment.enrollment.city, row.days_overdue) for row in rows] == [
        (world.city, 1)]
