"""Reminders as rules: the assessment opened, and a week before it closes for cities that
have not answered everything; through notify(), in the person's language, nobody twice."""

import datetime
import zoneinfo

from django_scopes import scopes_disabled

from assessment.answering import answer_item
from assessment.models import Item, Kind
from assessment.windows import open_assessment, window
from notifications.models import Notification, ReminderRule
from notifications.reminders import run_reminder_sweep

ZONE = zoneinfo.ZoneInfo("America/New_York")


def _told(event):
    with scopes_disabled():
        return sorted(n.recipient.email for n in Notification.objects.filter(
            record__event=event).select_related("recipient"))


def test_the_team_hears_the_baseline_opened_once(town):
    with scopes_disabled():
        assert ReminderRule.objects.filter(kind="assessment_opened", active=True).exists()
        town.cohort.time_zone = "America/New_York"
        town.cohort.save()
    opens_on, _closes = window(town.cohort, Kind.BASELINE)
    now = datetime.datetime.combine(opens_on, datetime.time(9), tzinfo=ZONE)
    run_reminder_sweep(now=now)
    second = run_reminder_sweep(now=now + datetime.timedelta(minutes=5))
    # The senior team of each enrolled city (the CDOs), not the mayor; once.
    assert _told("assessment.opened") == ["cdo@lakeside.test", "cdo@riverton.test"]
    assert second == 0


def test_a_week_before_closing_only_cities_with_items_left_are_reminded(town):
    with scopes_disabled():
        town.cohort.time_zone = "America/New_York"
        town.cohort.save()
        done = open_assessment(enrollment=town.other_enrollment, kind=Kind.BASELINE)
        for item in Item.objects.filter(criterion__area__framework=town.framework):
            answer_item(assessment=done, item_id=item.pk, holds=False, by=town.other_cdo,
                        today=town.today)
    _opens, closes_on = window(town.cohort, Kind.BASELINE)
    now = datetime.datetime.combine(closes_on - datetime.timedelta(days=7), datetime.time(9),
                                    tzinfo=ZONE)
    run_reminder_sweep(now=now)
    run_reminder_sweep(now=now + datetime.timedelta(hours=1))
    assert _told("assessment.closing") == ["cdo@riverton.test"]
