"""Celery beat's schedule for the engine, kept in the database (django-celery-beat).

A data migration installs it; ``seed_demo`` (and staff, from a shell) can install it again
after the tables were emptied. Staff see and change it under "Periodic tasks" in the admin.
"""

from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

SWEEP_TASK = "notifications.sweep_reminders"
DIGEST_TASK = "notifications.send_daily_digests"


def install_beat_schedule():
    """Create (or repair) the five-minute reminder sweep and the daily digest at 07:00 UTC."""
    every_five, _ = IntervalSchedule.objects.get_or_create(
        every=5, period=IntervalSchedule.MINUTES
    )
    sweep, _ = PeriodicTask.objects.update_or_create(
        name="Send due reminders",
        defaults={"task": SWEEP_TASK, "interval": every_five, "crontab": None,
                  "description": "Reminder sweep: sends every due reminder once."},
    )
    daily, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="7", day_of_week="*", day_of_month="*", month_of_year="*",
        timezone="UTC",
    )
    digest, _ = PeriodicTask.objects.update_or_create(
        name="Send daily digests",
        defaults={"task": DIGEST_TASK, "crontab": daily, "interval": None,
                  "description": "E-mails a digest to people who chose one."},
    )
    return sweep, digest
