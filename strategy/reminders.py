"""Reminder source: a strategy version still waiting for the mayor's decision."""

from datetime import timedelta

from django.urls import reverse

from cities.people import mayors_by_city
from notifications.audiences import audience_of
from notifications.models import Audience, ReminderKind
from notifications.reminders import DueReminder, register_reminder_source
from strategy.models import Decision, StrategyVersion


@register_reminder_source(
    ReminderKind.STRATEGY_WAITING_FOR_MAYOR, event="strategy.waiting_for_mayor",
    category="strategy", stale_after=timedelta(days=2),
)
def strategies_waiting_for_mayor(*, rule, now, since):
    """Remind ``offset`` after a version was submitted while the mayor has not decided.

    The default audience is the city's mayor; each version is reminded once per rule.
    """
    versions = list(
        StrategyVersion.objects.filter(
            decision=Decision.PENDING,
            submitted_at__gte=since - rule.offset, submitted_at__lte=now - rule.offset,
        ).select_related("strategy__city", "submitted_by")
    )
    if not versions:
        return
    mayors = {}
    if rule.audience == Audience.DEFAULT:
        mayors = dict(mayors_by_city({v.strategy.city_id for v in versions}))
    for version in versions:
        city = version.strategy.city
        if rule.audience == Audience.DEFAULT:
            recipients = mayors.get(city.pk, [])
        else:
            if city.pk not in mayors:
                mayors[city.pk] = audience_of(city=city, audience=rule.audience)
            recipients = mayors[city.pk]
        for person in recipients:
            yield DueReminder(
                about=version.strategy, recipient=person, occurrence=f"v{version.number}",
                due_at=version.submitted_at + rule.offset,
                context={"strategy": version.strategy, "city": city, "version": version,
                         "link": reverse("strategy:read", kwargs={"city": city.slug})},
            )
