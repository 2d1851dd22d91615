"""A Celery worker is killed (SIGKILL, pool and all) in the middle of a strategy PDF render.

With late acknowledgement (``acks_late``, ``reject_on_worker_lost``, prefetch 1) the message
was never acknowledged, so once its visibility timeout passes the broker hands it to the
next worker, which renders the PDF. The document ends READY with one stored file, rendered
to completion once.
"""

import pytest

from tests.faults.stack import (
    REPO,
    SmtpServer,
    base_env,
    django_json,
    query,
    start_worker,
    wait_until,
)
from tests.services import requires_postgres, requires_redis

WORKER = str(REPO / "tests" / "faults" / "marking_worker.py")


@pytest.fixture
def smtp():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


def _documents(database_url):
    return query(
        database_url,
        "SELECT d.kind, d.status, d.attempts, d.file, d.error FROM strategy_strategydocument d "
        "JOIN strategy_strategy s ON s.id = d.strategy_id "
        "JOIN cities_city c ON c.id = s.city_id WHERE c.slug = 'riverton' ORDER BY d.id",
    )


@requires_postgres
@requires_redis
def test_a_pdf_render_killed_with_its_worker_is_done_by_the_next_worker_once(
    tmp_path, demo_database, redis_server, processes
):
    markers = tmp_path / "markers"
    markers.mkdir()
    env = base_env(tmp_path, database_url=demo_database, redis_url=redis_server.url)
    env.update(CELERY_VISIBILITY_TIMEOUT="5", CELERY_RESTORE_INTERVAL="1",
               FAULTS_MARKERS=str(markers))  # fmt: skip
    processes.env = env

    start_worker(processes, "worker-a", script=WORKER,
                 env={"FAULTS_WORKER": "a", "FAULTS_HANG_RENDER": "1"})  # fmt: skip
    # The team opens the PDF page: the document is queued (the request never renders).
    django_json(
        env,
        """
from django_scopes import scope
from strategy.models import Strategy, StrategyDocument
from strategy.pdf import request_document
strategy = Strategy.objects.get(city__slug="riverton")
StrategyDocument.objects.filter(strategy=strategy).delete()
with scope(city=strategy.city):
    result = request_document(strategy=strategy, kind="full", language="en").pk
""",
    )
    wait_until(lambda: list(markers.glob("render-a-*")), timeout=60,
               what="worker A starts rendering", on_fail=processes.logs)  # fmt: skip
    processes.kill("worker-a")
    assert [d["status"] for d in _documents(demo_database)] == ["pending"]

    start_worker(processes, "worker-b", script=WORKER, env={"FAULTS_WORKER": "b"})
    wait_until(
        lambda: [d["status"] for d in _documents(demo_database)] == ["ready"],
        timeout=90, what="worker B renders the PDF", on_fail=processes.logs,
    )  # fmt: skip
    processes.wait_for_log("worker-b", r"strategy\.render_strategy_pdf\[[^\]]+\] succeeded",
                           timeout=30)  # fmt: skip

    [document] = _documents(demo_database)
    assert (document["kind"], document["attempts"], document["error"]) == ("full", 1, "")
    stored = sorted((tmp_path / "media").rglob("*.pdf"))
    assert [p.relative_to(tmp_path / "media").as_posix() for p in stored] == [document["file"]]
    assert stored[0].read_bytes().startswith(b"%PDF-")
    assert len(list(markers.glob("render-a-*"))) == 1  # started, killed
    assert len(list(markers.glob("render-b-*"))) == 1  # redone once, to completion


OWNERS = ["cdo@riverton.demo.test", "manager@riverton.demo.test", "equity@riverton.demo.test"]


@requires_postgres
@requires_redis
def test_a_reminder_sweep_killed_with_its_worker_is_finished_by_the_next_worker_without_doubles(
    tmp_path, demo_database, redis_server, processes, smtp
):
    markers = tmp_path / "markers"
    markers.mkdir()
    env = base_env(tmp_path, database_url=demo_database, redis_url=redis_server.url,
                   email_url=smtp.url)  # fmt: skip
    env.update(CELERY_VISIBILITY_TIMEOUT="5", CELERY_RESTORE_INTERVAL="1",
               FAULTS_MARKERS=str(markers), FAULTS_SWEEP_BATCH_SIZE="1")  # fmt: skip
    processes.env = env
    # One rule, "overdue by a day" with no offset, and one overdue item per owner: three
    # reminders due now, swept in three batches of one.
    django_json(
        env,
        f"""
from datetime import timedelta
from zoneinfo import ZoneInfo
from django.utils import timezone
from accounts.models import User
from cities.models import City
from coaching.models import ActionItem
from notifications.models import NotificationPreference, ReminderDelivery, ReminderRule
ReminderRule.objects.update(active=False)
ReminderDelivery.objects.all().delete()
ReminderRule.objects.create(name="Overdue", kind="action_item_overdue", offset=timedelta(0))
city = City.objects.get(slug="riverton")
yesterday = timezone.localdate(timezone=ZoneInfo(city.time_zone)) - timedelta(days=1)
ActionItem.objects.all().delete()  # only these three can be due
NotificationPreference.objects.filter(user__email__in={OWNERS!r}).delete()  # e-mail at once
for number, email in enumerate({OWNERS!r}):
    ActionItem.objects.create(city=city, title=f"Fault item {{number}}", due_on=yesterday,
                              owner=User.objects.get(email=email))
result = True
""",
    )
    start_worker(processes, "worker-a", script=WORKER,
                 env={"FAULTS_WORKER": "a", "FAULTS_HANG_SWEEP": "1"})  # fmt: skip
    django_json(
        env,
        """
from notifications.tasks import sweep_reminders
result = sweep_reminders.delay().id
""",
    )
    wait_until(lambda: list(markers.glob("batch-a-*")), timeout=60,
               what="worker A commits its first batch", on_fail=processes.logs)  # fmt: skip
    processes.kill("worker-a")  # in the middle of the sweep, with two batches to go

    start_worker(processes, "worker-b", script=WORKER, env={"FAULTS_WORKER": "b"})
    wait_until(lambda: len(_overdue_mail(smtp)) >= 3, timeout=90,
               what="all three reminders are e-mailed",
               on_fail=lambda: _state(demo_database, smtp, processes))  # fmt: skip
    processes.wait_for_log("worker-b", r"notifications\.sweep_reminders\[[^\]]+\] succeeded",
                           timeout=30)  # fmt: skip

    assert len(list(markers.glob("batch-a-*"))) == 1
    assert sorted(to for to, _ in _overdue_mail(smtp)) == sorted(OWNERS)  # once each
    rows = query(
        demo_database,
        """
        SELECT e.to, e.status FROM notifications_emailoutbox e
        WHERE e.subject LIKE 'Overdue: Fault item %%' ORDER BY e.to""",
    )
    assert rows == [{"to": to, "status": "sent"} for to in sorted(OWNERS)]
    claims = query(demo_database, "SELECT recipient_key FROM notifications_reminderdelivery")
    assert len(claims) == 3


def _overdue_mail(smtp):
    """(recipient, subject) of each overdue reminder the SMTP server accepted."""
    from email import message_from_bytes, policy

    mail = [
        (rcpts[0], str(message_from_bytes(content, policy=policy.default)["Subject"]))
        for rcpts, content in list(smtp.received)
    ]
    return [(to, subject) for to, subject in mail if subject.startswith("Overdue: Fault item")]


def _state(database_url, smtp, processes):
    claims = query(database_url, "SELECT * FROM notifications_reminderdelivery")
    emails = query(
        database_url,
        'SELECT id, "to", subject, status, attempts, created_at '
        "FROM notifications_emailoutbox ORDER BY id DESC LIMIT 6",
    )
    return f"claims: {claims}\noutbox: {emails}\nsmtp: {smtp.received}\n{processes.logs()}"
