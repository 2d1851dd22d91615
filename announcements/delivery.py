"""What became of an announcement for each person: delivered, failed, read in the app.

Read from the rows the notification engine wrote (the in-app notification and the outbox
e-mail each :class:`~announcements.models.Recipient` names), in a constant number of queries.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from announcements.models import Recipient
from notifications.models import Delivery, EmailStatus

DELIVERED, FAILED, SENDING = "delivered", "failed", "sending"
IN_APP, DIGEST = "in_app", "digest"
LABELS = {
    DELIVERED: _("Delivered by e-mail"),
    FAILED: _("E-mail failed"),
    SENDING: _("E-mail being sent"),
    IN_APP: _("In the inbox only (their choice)"),
    DIGEST: _("In their daily digest"),
}


def with_counts(announcements):
    """``announcements`` (a queryset) with ``recipient_count``, ``delivered_count``,
    ``failed_count`` and ``read_count`` for the list of a cohort's announcements."""
    return announcements.annotate(
        recipient_count=Count("recipients", distinct=True),
        delivered_count=Count("recipients", filter=Q(
            recipients__email__status=EmailStatus.SENT), distinct=True),
        failed_count=Count("recipients", filter=Q(
            recipients__email__status=EmailStatus.FAILED), distinct=True),
        read_count=Count("recipients", filter=Q(
            recipients__notification__read_at__isnull=False), distinct=True),
    )


def state_of(recipient):
    """One of ``DELIVERED``, ``FAILED``, ``SENDING``, ``IN_APP``, ``DIGEST``."""
    email = recipient.email
    if email is not None:
        return {EmailStatus.SENT: DELIVERED, EmailStatus.FAILED: FAILED}.get(
            email.status, SENDING)
    notification = recipient.notification
    if notification is not None and notification.delivery == Delivery.DAILY_DIGEST:
        return DIGEST
    return IN_APP


def deliveries_of(announcement):
    """Each recipient of ``announcement`` (by city, then e-mail) with ``state``,
    ``state_label``, ``read_at`` and, for a failure, ``reason``."""
    rows = list(Recipient.objects.filter(announcement=announcement).select_related(
        "user", "city", "notification", "email").order_by("city__name", "user__email"))
    for row in rows:
        row.state = state_of(row)
        row.state_label = LABELS[row.state]
        row.read_at = row.notification.read_at if row.notification else None
        row.reason = row.email.last_error if row.state == FAILED else ""
    return rows
