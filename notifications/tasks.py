"""Celery tasks of the notification engine: thin wrappers that take ids.

Tasks import the domain code; the domain never imports them. The outbox hands each row to
:func:`send_email` through the hook it is registered on here (``NotificationsConfig.ready()``
imports this module).
"""

from celery import shared_task

from notifications import digest, outbox, reminders


@outbox.sending.register
@shared_task(bind=True, name="notifications.send_email", max_retries=outbox.MAX_ATTEMPTS - 1,
             acks_late=True)
def send_email(self, email_id):
    """Send one outbox row; retry with exponential backoff on temporary SMTP errors."""
    try:
        outbox.send_outbox_email(
            email_id=email_id, final_attempt=self.request.retries >= self.max_retries
        )
    except outbox.TemporaryEmailError as error:
        raise self.retry(
            exc=error, countdown=outbox.backoff_seconds(self.request.retries)
        ) from error


@shared_task(name="notifications.sweep_reminders")
def sweep_reminders():
    """Send every reminder that is due (run by Celery beat every five minutes)."""
    return reminders.run_reminder_sweep()


@shared_task(name="notifications.send_daily_digests")
def send_daily_digests():
    """E-mail each person who chose the daily digest what happened since the last one."""
    return digest.send_daily_digests()
