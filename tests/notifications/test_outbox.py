"""The outbox: retry with backoff on temporary SMTP errors, fail at once on permanent ones."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from notifications import outbox
from notifications.models import EmailOutbox, EmailStatus
from notifications.tasks import send_email
from tests import factories
from tests.notifications import backends

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("retries_in_process")]


def queued_email(**fields):
    return EmailOutbox.objects.create(
        to="mayor@riverton.test", subject="Strategy ready", body_text="Please review.", **fields
    )


def test_temporary_failure_is_retried_with_backoff_then_sent(scripted_mail):
    scripted_mail.extend([backends.temporary(), backends.greylisted()])
    email = queued_email()
    with mock.patch.object(send_email, "retry", wraps=send_email.retry) as retry:
        send_email.apply(args=[email.pk])
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.attempts == 3
    assert email.last_error == ""
    assert [c.kwargs["countdown"] for c in retry.call_args_list] == [30, 60]
    assert [m.subject for m in mail.outbox] == ["Strategy ready"]


@pytest.mark.parametrize("error", [backends.permanent, backends.rejected])
def test_permanent_failure_is_recorded_without_retry(scripted_mail, error):
    scripted_mail.append(error())
    email = queued_email()
    with mock.patch.object(send_email, "retry", wraps=send_email.retry) as retry:
        send_email.apply(args=[email.pk])
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == 1
    assert "5.1.1 No such user" in email.last_error or "5.7.1 Message rejected" in email.last_error
    assert retry.call_count == 0
    assert mail.outbox == []


def test_temporary_failures_that_never_stop_end_as_failed(scripted_mail):
    scripted_mail.extend([backends.temporary() for _ in range(outbox.MAX_ATTEMPTS + 2)])
    email = queued_email()
    send_email.apply(args=[email.pk])
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == outbox.MAX_ATTEMPTS
    assert "SMTPServerDisconnected" in email.last_error
    assert mail.outbox == []


@pytest.mark.parametrize("error", [ConnectionRefusedError("refused"), TimeoutError("slow")])
def test_network_errors_are_temporary(error):
    assert outbox.is_temporary(error)


def test_backoff_grows_exponentially_and_is_capped():
    assert [outbox.backoff_seconds(n) for n in range(4)] == [30, 60, 120, 240]
    assert outbox.backoff_seconds(20) == 3600


def test_a_row_is_sent_once_even_when_two_tasks_hold_it(scripted_mail):
    email = queued_email()
    send_email.apply(args=[email.pk])
    send_email.apply(args=[email.pk])
    assert len(mail.outbox) == 1


def test_a_dead_workers_row_is_taken_again_after_the_lease(scripted_mail):
    email = queued_email(
        status=EmailStatus.SENDING, claimed_at=timezone.now() - outbox.SENDING_LEASE
        - timedelta(minutes=1), attempts=1,
    )
    send_email.apply(args=[email.pk])
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert len(mail.outbox) == 1


def test_staff_resend_failed_mail_from_the_admin(client, scripted_mail, eager_celery,
                                                  django_capture_on_commit_callbacks):
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    failed = queued_email(
        status=EmailStatus.FAILED, last_error="SMTPServerDisconnected", attempts=6
    )
    client.force_login(staff)
    response = client.get("/admin/notifications/emailoutbox/?status__exact=failed")
    assert response.status_code == 200
    assert "Strategy ready" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/notifications/emailoutbox/",
            {"action": "resend", "_selected_action": [failed.pk]},
        )
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == EmailStatus.SENT
    assert len(mail.outbox) == 1


def test_rows_that_lost_their_task_are_queued_again(scripted_mail, eager_celery,
                                                    django_capture_on_commit_callbacks):
    stalled = queued_email()
    EmailOutbox.objects.filter(pk=stalled.pk).update(
        created_at=timezone.now() - outbox.STALLED_AFTER - timedelta(minutes=1)
    )
    fresh = queued_email()
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.requeue_stalled_emails() == 1
    stalled.refresh_from_db()
    fresh.refresh_from_db()
    assert (stalled.status, fresh.status) == (EmailStatus.SENT, EmailStatus.QUEUED)
