"""Reminder source: a quarter's update of the year after, due soon and not yet recorded."""

import datetime
import zoneinfo
from datetime import timedelta

from django.urls import reverse
from django_scopes import scopes_disabled

from cities.people import senior_team_of
from followon.lateness import progress_of
from followon.models import FollowOn
from notifications.audiences import audience_of
from notifications.models import ReminderKind
from notifications.reminders import DueReminder, register_reminder_source


def due_moment(quarter, city):
    """The moment a quarter's update is due: the end of its due day in the city's zone."""
    try:
        zone = zoneinfo.ZoneInfo(city.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("UTC")
    next_day = quarter.due_on + timedelta(days=1)
    return datetime.datetime(next_day.year, next_day.month, next_day.day, tzinfo=zone)


@register_reminder_source(
    ReminderKind.FOLLOW_ON_UPDATE_DUE, event="followon.update_due", category="strategy",
    stale_after=timedelta(days=7),
)
def quarterly_updates_due(*, rule, now, since):
    """Remind ``offset`` before a quarter's update is due while it is not complete.

    The default audience is the city's senior team. The occurrence is the quarter, so each
    person hears once per quarter per rule, however often the sweep runs.
    """
    latest_start = (now + rule.offset).date()
    with scopes_disabled():
        follow_ons = list(FollowOn.objects.filter(
            enrollment__withdrawn_on__isnull=True, starts_on__lte=latest_start,
        ).select_related("city", "enrollment__cohort"))
    for progress in progress_of(follow_ons, today=now.date()):
        city = progress.follow_on.city
        team = None
        for item in progress.quarters:
            due_at = due_moment(item.quarter, city) - rule.offset
            if item.complete or not since <= due_at <= now:
                continue
            if team is None:
                with scopes_disabled():
                    team = audience_of(city=city, audience=rule.audience,
                                       default=senior_team_of(city).order_by("pk"))
            for person in team:
                yield DueReminder(
                    about=progress.follow_on, recipient=person,
                    occurrence=f"q{item.quarter.number}", due_at=due_at,
                    context={"city": city, "quarter": item.quarter,
                             "link": reverse("followon:page", kwargs={"city": city.slug})
                             + f"?quarter={item.quarter.number}"},
                )
