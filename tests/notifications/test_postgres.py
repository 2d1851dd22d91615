"""On PostgreSQL: two sweeps at once, and a real Celery worker through Redis."""

import os
import secrets
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.invitations import INVITATION_VALID_FOR, invite_member
from accounts.models import Role
from notifications.models import EmailOutbox, EmailStatus, ReminderDelivery, ReminderKind
from notifications.reminders import override_reminder_source, run_reminder_sweep
from tests import factories
from tests.notifications.reminder_helpers import city_moment_source, only_rule
from tests.services import requires_postgres, requires_redis

REPO = Path(__file__).resolve().parents[2]
REDIS_DB = 13  # out of the way of the suite (/1) and the production-stack test (/15)


def _racing(source, barrier):
    """The same source, but each sweep waits for the other before claiming anything."""
    find_due = source.find_due

    def racing_find_due(**kwargs):
        due = list(find_due(**kwargs))
        barrier.wait(timeout=30)
        yield from due

    return source.__class__(**{**source.__dict__, "find_due": racing_find_due})


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_send_each_reminder_once(eager_celery, mailoutbox):
    now = timezone.now()
    with scopes_disabled():
        cities = [factories.CityFactory() for _ in range(4)]
        people = {c.pk: [factories.UserFactory(), factories.UserFactory()] for c in cities}
    only_rule(offset=timedelta(hours=24))
    barrier = threading.Barrier(2)
    source = _racing(
        city_moment_source({c.pk: now + timedelta(hours=23) for c in cities}, people), barrier
    )
    results, errors = [], []

    def sweep():
        try:
            results.append(run_reminder_sweep(now=now, batch_size=3))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    with override_reminder_source(source):
        threads = [threading.Thread(target=sweep) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not errors, errors
    assert len(results) == 2 and sum(results) == 8, results
    assert ReminderDelivery.objects.count() == 8
    assert EmailOutbox.objects.count() == 8
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for users in people.values() for u in users
    )


def _url_with_db(url, name):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))


def _flush(redis_url):
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=5)
    try:
        client.flushdb()
    finally:
        client.close()


@requires_redis
@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_a_reminder_through_redis(tmp_path):
    """Beat's task goes through Redis to a worker process, which sweeps, claims the
    reminder, queues the mail on commit, and sends it (to files) in a second task."""
    from celery import Celery

    with scopes_disabled():
        city = factories.CityFactory(name="Lakeside")
        invitation = invite_member(city=city, email="cdo@lakeside.test", role=Role.CDO)
        # Issued three days and an hour ago: the three-day reminder is an hour overdue.
        invitation.expires_at = timezone.now() - timedelta(days=3, hours=1) + INVITATION_VALID_FOR
        invitation.save()
    only_rule(offset=timedelta(days=3), kind=ReminderKind.INVITATION_NOT_ACCEPTED)

    redis_url = _url_with_db(os.environ["REDIS_URL"], str(REDIS_DB))
    mail_dir = tmp_path / "mail"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CELERY_", "DJANGO_", "PYTEST_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=_url_with_db(os.environ["DATABASE_URL"], connection.settings_dict["NAME"]),
        REDIS_URL=redis_url, EMAIL_URL=f"filemail:///{mail_dir}", PYTHONUNBUFFERED="1",
        CONN_MAX_AGE="0",
    )
    _flush(redis_url)
    log_path = tmp_path / "worker.log"
    with open(log_path, "wb") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "-l", "info",
             "--pool", "solo", "--hostname", f"notif-{secrets.token_hex(3)}@%h"],
            cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    client = Celery("notifications-test", broker=redis_url)
    try:
        client.send_task("notifications.sweep_reminders")
        deadline = time.monotonic() + 90
        email = None
        while time.monotonic() < deadline:
            assert worker.poll() is None, log_path.read_text(errors="replace")[-4000:]
            email = EmailOutbox.objects.filter(to="cdo@lakeside.test").first()
            if email and email.status == EmailStatus.SENT:
                break
            time.sleep(0.5)
        log_text = log_path.read_text(errors="replace")
        assert email is not None and email.status == EmailStatus.SENT, log_text[-4000:]
        written = "".join(p.read_text() for p in mail_dir.iterdir())
        assert "To: cdo@lakeside.test" in written
        assert f"/invitations/{invitation.token}/" in written
        assert ReminderDelivery.objects.count() == 1
        assert "notifications.send_email" in log_text
    finally:
        client.close()
        os.killpg(worker.pid, 15)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, 9)
            worker.wait(timeout=10)
        _flush(redis_url)
