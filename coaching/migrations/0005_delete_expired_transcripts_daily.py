"""Celery beat deletes call transcripts past their retention every day at 03:45 UTC."""

from django.db import migrations

TASK = "coaching.delete_expired_transcripts"


def create(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    nightly, _ = CrontabSchedule.objects.get_or_create(
        minute="45", hour="3", day_of_week="*", day_of_month="*", month_of_year="*",
        timezone="UTC",
    )
    PeriodicTask.objects.update_or_create(
        name="Delete expired call transcripts",
        defaults={"task": TASK, "crontab": nightly, "interval": None, "enabled": True,
                  "description": "Deletes coaching call transcripts once their retention "
                                 "(TRANSCRIPT_RETENTION_DAYS, 30 by default) is over."},
    )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0004_call_transcript"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
