"""A generic reminder source for tests: "``offset`` before each city's moment"."""

from datetime import timedelta

from cities.models import City
from notifications.models import ReminderKind, ReminderRule
from notifications.reminders import ReminderSource, moment_source

KIND = ReminderKind.SESSION_STARTING


def city_moment_source(moments, recipients, *, stale_after=timedelta(hours=6)):
    """Remind ``recipients[city.pk]`` ``rule.offset`` before ``moments[city.pk]``."""
    find_due = moment_source(
        objects=lambda rule, now, since: City.objects.filter(pk__in=list(moments)).order_by("pk"),
        moment=lambda city: moments[city.pk],
        recipients=lambda city, rule: recipients[city.pk],
        context=lambda city: CONTEXT,
    )
    return ReminderSource(
        kind=KIND, find_due=find_due, event="program.announcement", category="sessions",
        stale_after=stale_after,
    )


def only_rule(*, offset=timedelta(hours=24), kind=KIND):
    """The one active rule (the default rules from the migration are switched off)."""
    ReminderRule.objects.update(active=False)
    return ReminderRule.objects.create(name="Test reminder", kind=kind, offset=offset)


CONTEXT = {"subject": "Your session starts soon", "body": "See you there."}
