"""Celery beat asks for feedback on sessions that ended, every quarter of an hour."""

from django.db import migrations

TASK = "feedback.ask_for_feedback"


def create(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_quarter, _ = IntervalSchedule.objects.get_or_create(every=15, period="minutes")
    PeriodicTask.objects.update_or_create(
        name="Ask for feedback on sessions that ended",
        defaults={"task": TASK, "interval": every_quarter, "crontab": None, "enabled": True,
                  "description": "Asks each person marked present at a session that ended "
                                 "for their feedback, once."},
    )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
