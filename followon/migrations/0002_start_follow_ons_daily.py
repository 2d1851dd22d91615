"""Celery beat moves enrollments whose cohort ended to their follow-on phase, daily at 02:30 UTC."""

from django.db import migrations

TASK = "followon.start_follow_ons"


def create(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    nightly, _ = CrontabSchedule.objects.get_or_create(
        minute="30", hour="2", day_of_week="*", day_of_month="*", month_of_year="*",
        timezone="UTC",
    )
    PeriodicTask.objects.update_or_create(
        name="Start follow-on phases",
        defaults={"task": TASK, "crontab": nightly, "interval": None, "enabled": True,
                  "description": "Moves each enrollment whose cohort ended to its year after "
                                 "(the cohort's follow_on_months)."},
    )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("followon", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
