"""Celery beat opens the assessments whose window has opened, every hour."""

from django.db import migrations


def create(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    hourly, _ = IntervalSchedule.objects.get_or_create(every=1, period="hours")
    PeriodicTask.objects.update_or_create(
        name="Open due assessments",
        defaults={"task": "assessment.open_due_assessments", "interval": hourly,
                  "crontab": None, "enabled": True,
                  "description": "Opens each city's baseline and end assessment when the "
                                 "cohort's dates say so."},
    )


def remove(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(task="assessment.open_due_assessments").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
