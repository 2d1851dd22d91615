import pytest
from django_celery_beat.models import PeriodicTask

from notifications import tasks
from notifications.schedule import DIGEST_TASK, SWEEP_TASK, install_beat_schedule

pytestmark = pytest.mark.django_db


def test_beat_runs_the_sweep_every_five_minutes_and_the_digest_daily():
    install_beat_schedule()
    install_beat_schedule()  # safe to run twice
    sweep = PeriodicTask.objects.get(task=SWEEP_TASK)
    assert (sweep.interval.every, sweep.interval.period, sweep.enabled) == (5, "minutes", True)
    digest = PeriodicTask.objects.get(task=DIGEST_TASK)
    assert (digest.crontab.hour, digest.crontab.minute) == ("7", "0")
    assert (tasks.sweep_reminders.name, tasks.send_daily_digests.name) == (SWEEP_TASK, DIGEST_TASK)


def test_staff_see_the_schedule_and_the_rules_in_the_admin(client, no_scope):
    from tests import factories

    install_beat_schedule()
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/admin/django_celery_beat/periodictask/").content.decode()
    assert "Send due reminders" in page
    rules = client.get("/admin/notifications/reminderrule/")
    assert rules.status_code == 200
