"""The mail server refuses, then answers "try again later", then accepts.

A Celery worker on a private redis-server sends through a real SMTP server (aiosmtpd) that
is first not listening at all (connection refused), then answers 450 to the recipient and
451 to the message, then accepts. The outbox row must be retried with backoff and end
"sent", and the server must have received the message exactly once.
"""

from datetime import date, timedelta

from tests.faults.stack import (
    SmtpServer,
    base_env,
    django_json,
    query,
    start_worker,
    wait_until,
)
from tests.services import requires_postgres, requires_redis

OWNER = "cdo@riverton.demo.test"
TITLE = "Name a steward for every dataset"


def _row(database_url):
    rows = query(
        database_url,
        "SELECT status, attempts, last_error FROM notifications_emailoutbox "
        "WHERE subject LIKE %s ORDER BY id",
        (f"%{TITLE}%",),
    )
    assert len(rows) <= 1, rows
    return rows[0] if rows else None


@requires_postgres
@requires_redis
def test_a_refused_then_accepted_email_is_retried_and_delivered_once(
    tmp_path, demo_database, redis_server, processes
):
    smtp = SmtpServer()  # not started yet: its port refuses connections
    env = base_env(tmp_path, database_url=demo_database, redis_url=redis_server.url,
                   email_url=smtp.url)  # fmt: skip
    env["EMAIL_RETRY_BACKOFF_SECONDS"] = "2"  # 2 s, 4 s, 8 s … instead of 30 s, 60 s …
    processes.env = env
    start_worker(processes, "worker")
    try:
        # A coach adds an action item (the domain function, as the form does); its owner is
        # told by e-mail through the outbox and the broker.
        django_json(
            env,
            f"""
from datetime import date
from accounts.models import User
from cities.models import City
from coaching.actions import create_action_item
create_action_item(
    city=City.objects.get(slug="riverton"), by=User.objects.get(email="coach@demo.test"),
    title={TITLE!r}, owner=User.objects.get(email={OWNER!r}),
    due_on=date.fromisoformat({(date.today() + timedelta(days=10)).isoformat()!r}),
)
result = True
""",
        )
        refused = wait_until(
            lambda: (row := _row(demo_database)) and row["last_error"] and row,
            timeout=60, what="the first attempt fails", on_fail=processes.logs,
        )  # fmt: skip
        assert refused["status"] == "queued", refused
        assert "ConnectionRefusedError" in refused["last_error"], refused

        # The server comes up, but is busy: one 450 to the recipient, one 451 to the data.
        smtp.refuse(rcpt=1, data=1)
        smtp.start()
        wait_until(lambda: smtp.received, timeout=60, what="the message is accepted",
                   on_fail=processes.logs)  # fmt: skip
        processes.wait_for_log("worker", r"notifications\.send_email\[[^\]]+\] succeeded",
                               timeout=30)  # fmt: skip

        row = _row(demo_database)
        assert (row["status"], row["last_error"]) == ("sent", ""), row
        assert row["attempts"] >= 3, row  # refused connection(s), 450, 451, accepted
        assert smtp.refused == {"rcpt": 1, "data": 1}
        assert smtp.transactions == 3  # nothing after the accepted one
        assert [rcpts for rcpts, _ in smtp.received] == [[OWNER]]
        assert len(smtp.messages_to(OWNER, subject_contains=TITLE)) == 1
    finally:
        smtp.stop()
