"""Reminder sources of the assessment (rules are data: ``ReminderRule(kind=
"assessment_opened" | "assessment_closing", offset=…, audience=…)``).

- *opened*: ``offset`` after an assessment's window opens (08:00 in the cohort's zone), the
  city's people the rule names (the senior team by default) hear that it is open;
- *closing*: ``offset`` before its last day (08:00), those of a city that has not answered
  every item yet hear that it closes soon.

Windows come from the cohort's dates (``windows.window``), so a reminder does not wait for the
assessment's row; moving the cohort re-arms it (the occurrence is the kind and the day).
The sweep writes one ``ReminderDelivery`` per (rule, enrollment, person, occurrence): nobody
is reminded twice.
"""

import datetime
import zoneinfo
from collections import Counter
from datetime import timedelta

from django.db.models import Count
from django.urls import reverse

from assessment.models import Answer, Assessment, Item
from assessment.windows import window
from cohorts.models import Enrollment
from notifications.audiences import audience_of
from notifications.models import Audience, ReminderKind
from notifications.reminders import DueReminder, register_reminder_source

HOUR = 8


def _at(day, zone):
    try:
        tz = zoneinfo.ZoneInfo(zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = zoneinfo.ZoneInfo("UTC")
    return datetime.datetime.combine(day, datetime.time(HOUR), tzinfo=tz)


def _enrollments(now, reach):
    """Enrolled, not withdrawn, in a cohort running around ``now`` (± ``reach``)."""
    today = now.date()
    return list(Enrollment.objects.filter(
        withdrawn_on__isnull=True, cohort__starts_on__lte=today + reach,
        cohort__ends_on__gte=today - reach).select_related("city", "cohort"))


def _reminders(*, rule, enrollments, moment_of, skip=lambda enrollment, kind: False):
    audience = Audience.SENIOR_TEAM if rule.audience == Audience.DEFAULT else rule.audience
    people = {}
    for enrollment in enrollments:
        for kind in ("baseline", "end"):
            opens_on, closes_on = window(enrollment.cohort, kind)
            due_at = moment_of(opens_on, closes_on, enrollment.cohort.time_zone)
            if skip(enrollment, kind):
                continue
            city = enrollment.city
            if city.pk not in people:
                people[city.pk] = audience_of(city=city, audience=audience)
            for person in people[city.pk]:
                yield DueReminder(
                    about=enrollment, recipient=person,
                    occurrence=f"{kind}:{opens_on.isoformat()}", due_at=due_at,
                    context={"city": city, "kind": kind, "opens_on": opens_on,
                             "closes_on": closes_on,
                             "link": reverse("assessment:overview", kwargs={"city": city.slug})})


@register_reminder_source(
    ReminderKind.ASSESSMENT_OPENED, event="assessment.opened", category="assessment",
    stale_after=timedelta(days=2),
)
def assessments_opened(*, rule, now, since):
    """``offset`` after a baseline or end assessment opens, tell the city's people."""
    enrollments = _enrollments(now, timedelta(days=40) + rule.offset)
    yield from _reminders(rule=rule, enrollments=enrollments,
                          moment_of=lambda opens, closes, zone: _at(opens, zone) + rule.offset)


@register_reminder_source(
    ReminderKind.ASSESSMENT_CLOSING, event="assessment.closing", category="assessment",
    stale_after=timedelta(days=2),
)
def assessments_closing(*, rule, now, since):
    """``offset`` before an assessment's last day, remind the cities that have not answered
    every item yet."""
    enrollments = _enrollments(now, timedelta(days=40) + rule.offset)
    assessments = list(Assessment.objects.filter(enrollment__in=enrollments))
    items = dict(Item.objects.filter(criterion__area__framework_id__in={
        a.framework_id for a in assessments}).values("criterion__area__framework_id")
        .annotate(n=Count("pk")).values_list("criterion__area__framework_id", "n"))
    answered = Counter(dict(Answer.objects.filter(assessment__in=assessments)
                            .values("assessment_id").annotate(n=Count("pk"))
                            .values_list("assessment_id", "n")))
    complete = {(a.enrollment_id, a.kind) for a in assessments
                if answered[a.pk] >= items.get(a.framework_id, 0) > 0}
    yield from _reminders(
        rule=rule, enrollments=enrollments,
        moment_of=lambda opens, closes, zone: _at(closes, zone) - rule.offset,
        skip=lambda enrollment, kind: (enrollment.pk, kind) in complete)
