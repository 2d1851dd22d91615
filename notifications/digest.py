"""The daily digest: one e-mail with what happened, for people who chose it."""

from itertools import groupby

from django.db import transaction
from django.utils import timezone

from notifications.models import Delivery, EmailOutbox, Notification
from notifications.outbox import queue_emails
from notifications.rendering import absolute_url, render_message


@transaction.atomic
def send_daily_digests(*, now=None):
    """E-mail each digest reader the notifications not yet included in a digest.

    The pending notifications are claimed with one UPDATE stamped with ``now``, so two runs
    at once never put the same notification in two digests. Returns the number of digests.
    """
    now = now or timezone.now()
    Notification.objects.filter(
        delivery=Delivery.DAILY_DIGEST, digested_at__isnull=True, recipient__is_active=True
    ).update(digested_at=now)
    claimed = (
        Notification.objects.filter(delivery=Delivery.DAILY_DIGEST, digested_at=now)
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "pk")
    )
    emails = []
    for recipient, items in groupby(claimed, key=lambda n: n.recipient):
        items = list(items)
        for item in items:
            item.absolute_url = absolute_url(item.url)
        rendered = render_message(
            event="digest", language=recipient.language, time_zone=recipient.time_zone,
            context={"recipient": recipient, "notifications": items,
                     "inbox_url": absolute_url("/inbox/")},
        )
        emails.append(EmailOutbox(
            recipient=recipient, to=recipient.email, subject=rendered.subject,
            body_text=rendered.text, body_html=rendered.html,
        ))
    EmailOutbox.objects.bulk_create(emails)
    queue_emails(email_ids=[email.pk for email in emails])
    return len(emails)
