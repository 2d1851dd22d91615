"""The e-mail outbox: claim a row, send it, record the outcome.

A row goes queued → sending → sent, or → failed with the reason. Temporary SMTP trouble
(disconnects, 4xx answers, network errors) puts it back to queued and the task retries with
exponential backoff; permanent refusals (5xx) fail at once. Claiming is a conditional
UPDATE, so two workers holding the same row never both send it.
"""

import base64
import smtplib
from datetime import timedelta
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from common.task_hooks import TaskHook
from notifications.models import EmailOutbox, EmailStatus

MAX_ATTEMPTS = 6
# A row left "sending" this long belongs to a worker that died mid-send; it may be retried.
SENDING_LEASE = timedelta(minutes=10)
# A row still "queued" this long after its last attempt lost its task (broker down…).
STALLED_AFTER = timedelta(minutes=10)


# The Celery task that sends one row (``notifications/tasks.py`` registers it).
sending = TaskHook("notifications.send_email")


def queue_emails(*, email_ids):
    """Hand the outbox rows to the sender once the current transaction has committed.

    A broker that is down only delays the mail: the sweep re-queues rows left queued.
    """
    if not email_ids:
        return
    task = sending.task

    def enqueue():  # one hand-over: a refused one leaves the rest queued for the sweep
        for email_id in email_ids:
            task.delay(email_id)

    transaction.on_commit(enqueue, robust=True)


class TemporaryEmailError(Exception):
    """Sending failed for a reason that may pass: try again later."""


def is_temporary(error):
    """True for SMTP/network errors worth retrying; False for permanent refusals."""
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    return isinstance(
        error,
        smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError | ConnectionError
        | TimeoutError,
    )


def backoff_seconds(attempt):
    """Seconds to wait before retry number ``attempt`` (0-based): 30 s, 60 s, 120 s…

    (``EMAIL_RETRY_BACKOFF_SECONDS`` sets the first wait; at most an hour.)
    """
    first = getattr(settings, "EMAIL_RETRY_BACKOFF_SECONDS", 30)
    return min(first * 2**attempt, 60 * 60)


def claim_email(*, email_id, now=None):
    """Mark a queued row as sending; return it, or None when someone else has it."""
    now = now or timezone.now()
    claimable = Q(status=EmailStatus.QUEUED) | Q(
        status=EmailStatus.SENDING, claimed_at__lt=now - SENDING_LEASE
    )
    claimed = EmailOutbox.objects.filter(claimable, pk=email_id).update(
        status=EmailStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    return EmailOutbox.objects.get(pk=email_id) if claimed else None


def build_message(email, connection=None):
    """The :class:`EmailMultiAlternatives` for an outbox row, attachments included."""
    message = EmailMultiAlternatives(
        subject=email.subject, body=email.body_text, to=[email.to], connection=connection
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments or []:
        content = attachment["content"]
        if attachment.get("encoding") == "base64":
            content = base64.b64decode(content)
        if attachment.get("mimetype") == "text/calendar":
            # Calendar apps read METHOD from the Content-Type as well as from the file.
            part = MIMEText(content, "calendar", "utf-8")
            part.set_param("method", attachment.get("method", "REQUEST"))
            part.add_header("Content-Disposition", "attachment", filename=attachment["filename"])
            message.attach(part)
        else:
            message.attach(attachment["filename"], content, attachment.get("mimetype"))
    return message


def send_outbox_email(*, email_id, final_attempt=False):
    """Send one outbox row and record the outcome.

    Returns the row (or None when it was not claimable: already sent, failed or taken).
    Raises :class:`TemporaryEmailError` after a temporary failure that deserves a retry
    (the row is back to queued); a permanent failure, or a temporary one on the
    ``final_attempt``, marks the row failed with the reason.
    """
    email = claim_email(email_id=email_id)
    if email is None:
        return None
    try:
        connection = get_connection(fail_silently=False)
        build_message(email, connection).send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        reason = f"{type(error).__name__}: {error}"[:2000]
        retry = is_temporary(error) and not final_attempt and email.attempts < MAX_ATTEMPTS
        EmailOutbox.objects.filter(pk=email.pk).update(
            status=EmailStatus.QUEUED if retry else EmailStatus.FAILED, last_error=reason
        )
        if retry:
            raise TemporaryEmailError(reason) from error
        email.refresh_from_db()
        return email
    EmailOutbox.objects.filter(pk=email.pk).update(
        status=EmailStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    email.refresh_from_db()
    return email


def resend_emails(*, emails):
    """Put failed (or sent) outbox rows back in the queue and send them again (admin)."""
    ids = [e.pk for e in emails if e.status in (EmailStatus.FAILED, EmailStatus.SENT)]
    EmailOutbox.objects.filter(pk__in=ids).update(
        status=EmailStatus.QUEUED, attempts=0, claimed_at=None
    )
    queue_emails(email_ids=ids)
    return len(ids)


def requeue_stalled_emails(*, now=None):
    """Hand rows that lost their task (queued too long, or a dead worker's) back to a task."""
    now = now or timezone.now()
    stalled = EmailOutbox.objects.filter(
        Q(status=EmailStatus.QUEUED, created_at__lt=now - STALLED_AFTER)
        & (Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - STALLED_AFTER))
        | Q(status=EmailStatus.SENDING, claimed_at__lt=now - SENDING_LEASE)
    ).values_list("pk", flat=True)[:500]
    ids = list(stalled)
    queue_emails(email_ids=ids)
    return len(ids)
