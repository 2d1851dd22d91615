"""On PostgreSQL: two workers dispatch the same due announcement at the same moment."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from announcements.models import Recipient
from announcements.sending import (
    dispatch_due_announcements,
    schedule_announcement,
    write_announcement,
)
from notifications.models import EmailOutbox, Notification
from tests.announcements.conftest import build_cohort
from tests.services import requires_postgres


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_reach_each_person_once(mailoutbox):
    program = build_cohort()
    now = timezone.now()
    announcement = write_announcement(
        cohort=program.cohort, author=program.people["staff"],
        texts={"en": ("Convening", "See you in Lisbon.")},
    )
    schedule_announcement(announcement=announcement,
                          send_at=now + datetime.timedelta(minutes=1))
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=30)
            results.append(dispatch_due_announcements(now=now + datetime.timedelta(minutes=2)))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(results) == [0, 1]
    assert Recipient.objects.count() == 6
    assert Notification.objects.count() == 6 and EmailOutbox.objects.count() == 6
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        Recipient.objects.values_list("user__email", flat=True))
