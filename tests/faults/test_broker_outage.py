"""Redis (the broker and the cache) goes down while people use the site.

gunicorn and a Celery worker run against a throwaway copy of the demo database and a private
redis-server; the test kills that Redis, a coach submits a form, and the write must be saved
with its e-mail waiting in the outbox; when Redis is back the mail goes out, once.
"""

import time
from datetime import date, timedelta

import pytest

from tests.faults.stack import (
    SmtpServer,
    base_env,
    django_json,
    login,
    post_form,
    start_gunicorn,
    start_worker,
    wait_until,
)
from tests.services import requires_postgres, requires_redis

OWNER = "cdo@riverton.demo.test"


@pytest.fixture
def smtp():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


def _outbox(env, title):
    return django_json(
        env,
        f"""
from notifications.models import EmailOutbox
rows = EmailOutbox.objects.filter(subject__contains={title!r}).order_by("pk")
result = [dict(to=r.to, status=r.status, attempts=r.attempts) for r in rows]
""",
    )


@requires_postgres
@requires_redis
def test_a_form_submitted_while_redis_is_down_is_saved_and_its_mail_goes_out_later(
    tmp_path, demo_database, redis_server, processes, smtp
):
    env = base_env(tmp_path, database_url=demo_database, redis_url=redis_server.url,
                   email_url=smtp.url)  # fmt: skip
    processes.env = env
    base = start_gunicorn(processes)
    start_worker(processes, "worker")
    owner_id = django_json(
        env,
        f"""
from accounts.models import User
result = User.objects.get(email={OWNER!r}).pk
""",
    )
    coach = login(base, "coach@demo.test")

    redis_server.stop()

    title = "Publish the open data inventory"
    started = time.monotonic()
    response = post_form(coach, base, "/c/riverton/coaching/action-items/new/", {
        "item-title": title, "item-owner": owner_id,
        "item-due_on": (date.today() + timedelta(days=14)).isoformat(),
    })  # fmt: skip
    took = time.monotonic() - started
    assert response.status_code == 302, (response.status_code, response.text[:3000])
    assert took < 10, f"the form took {took:.1f}s with the broker down"
    page = coach.get(f"{base}/c/riverton/coaching/", timeout=30)
    assert page.status_code == 200 and title in page.text
    # The e-mail to the owner waits in the outbox; nothing was sent.
    assert _outbox(env, title) == [{"to": OWNER, "status": "queued", "attempts": 0}]
    assert smtp.messages_to(OWNER, subject_contains=title) == []

    # Someone signs in while Redis is still down: the rate limits cannot be counted, the
    # login still works.
    login(base, "staff@demo.test")

    redis_server.start()
    # The next reminder sweep (beat, every five minutes) hands rows queued for longer than
    # the outbox's STALLED_AFTER to the worker; run it as if that much time had passed.
    django_json(
        env,
        """
from datetime import timedelta
from django.utils import timezone
from notifications.outbox import STALLED_AFTER
from notifications.reminders import run_reminder_sweep
result = run_reminder_sweep(now=timezone.now() + STALLED_AFTER + timedelta(minutes=1))
""",
    )
    wait_until(lambda: smtp.messages_to(OWNER, subject_contains=title), timeout=60,
               what="the owner's e-mail is sent", on_fail=processes.logs)  # fmt: skip
    assert _outbox(env, title) == [{"to": OWNER, "status": "sent", "attempts": 1}]
    assert len(smtp.messages_to(OWNER, subject_contains=title)) == 1
