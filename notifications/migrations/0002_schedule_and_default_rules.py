"""Celery beat's schedule (visible under Periodic tasks in the admin) and default reminder rules."""

from datetime import timedelta

from django.db import migrations

DEFAULT_RULES = [
    ("Session starting in 7 days", "session_starting", timedelta(days=7), "default"),
    ("Session starting in 24 hours", "session_starting", timedelta(hours=24), "default"),
    ("RSVP missing 3 days before a session", "rsvp_missing", timedelta(days=3), "default"),
    ("Check-in due", "checkin_due", timedelta(days=0), "coaches"),
    ("Action item overdue by a day", "action_item_overdue", timedelta(days=1), "default"),
    ("Showcase deadline in 3 days", "showcase_deadline", timedelta(days=3), "senior_team"),
    ("Strategy waiting for the mayor for 5 days", "strategy_waiting_for_mayor",
     timedelta(days=5), "mayors"),
    ("Training hours below commitment, 3 days before month end", "hours_below_commitment",
     timedelta(days=3), "senior_team"),
    ("Invitation not accepted after 3 days", "invitation_not_accepted", timedelta(days=3),
     "default"),
]


def create(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    ReminderRule = apps.get_model("notifications", "ReminderRule")

    every_five, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.update_or_create(
        name="Send due reminders",
        defaults={"task": "notifications.sweep_reminders", "interval": every_five,
                  "crontab": None, "enabled": True,
                  "description": "Reminder sweep: sends every due reminder once."},
    )
    daily, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="7", day_of_week="*", day_of_month="*", month_of_year="*",
        timezone="UTC",
    )
    PeriodicTask.objects.update_or_create(
        name="Send daily digests",
        defaults={"task": "notifications.send_daily_digests", "crontab": daily,
                  "interval": None, "enabled": True,
                  "description": "E-mails a digest to people who chose one."},
    )
    for name, kind, offset, audience in DEFAULT_RULES:
        ReminderRule.objects.get_or_create(
            kind=kind, offset=offset, audience=audience,
            defaults={"name": name, "active": True},
        )


def remove(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(
        task__in=["notifications.sweep_reminders", "notifications.send_daily_digests"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
