"""The reminder while a strategy waits for the mayor."""

from datetime import timedelta

from django.utils import timezone
from django_scopes import scopes_disabled

from notifications.models import Notification, ReminderKind, ReminderRule
from notifications.reminders import reminder_source
from strategy.review import approve_strategy, submit_for_review


def _due(rule, now):
    source = reminder_source(ReminderKind.STRATEGY_WAITING_FOR_MAYOR)
    with scopes_disabled():
        return list(source.find_due(rule=rule, now=now, since=now - source.stale_after))


def test_the_mayor_is_reminded_while_a_version_waits_and_not_after_deciding(in_city):
    version = submit_for_review(strategy=in_city.strategy, user=in_city.cdo)
    rule = ReminderRule.objects.create(name="Strategy waits 3 days",
                                       kind=ReminderKind.STRATEGY_WAITING_FOR_MAYOR,
                                       offset=timedelta(days=3))
    assert _due(rule, timezone.now()) == []  # not due yet
    later = version.submitted_at + timedelta(days=3, hours=1)
    (due,) = _due(rule, later)
    assert due.recipient == in_city.mayor and due.occurrence == "v1"
    approve_strategy(strategy=in_city.strategy, user=in_city.mayor)
    assert _due(rule, later) == []
    assert Notification.objects.filter(recipient=in_city.mayor, category="strategy").exists()
