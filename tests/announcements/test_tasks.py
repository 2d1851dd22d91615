"""Celery beat dispatches due announcements every minute, through a thin task."""

import datetime

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from announcements import tasks
from announcements.models import AnnouncementStatus
from announcements.sending import schedule_announcement, write_announcement

pytestmark = pytest.mark.django_db


def test_beat_runs_the_dispatch_every_minute():
    task = PeriodicTask.objects.get(task=tasks.DISPATCH_TASK)
    assert task.enabled and (task.interval.every, task.interval.period) == (1, "minutes")
    assert tasks.dispatch_due.name == tasks.DISPATCH_TASK


def test_the_task_sends_what_is_due(program):
    announcement = write_announcement(cohort=program.cohort, author=program.people["staff"],
                                      texts={"en": ("Hello", "Welcome to the cohort.")})
    schedule_announcement(announcement=announcement,
                          send_at=timezone.now() + datetime.timedelta(seconds=1),
                          now=timezone.now() - datetime.timedelta(minutes=1))
    announcement.send_at = timezone.now() - datetime.timedelta(seconds=1)
    announcement.save(update_fields=["send_at"])
    assert tasks.dispatch_due.delay().get() == 1
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.SENT
