"""The in-app inbox: what a person has been told, and what they have read."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from notifications.models import Notification


def inbox_of(*, user):
    """``user``'s notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def unread_count(*, user):
    """How many of ``user``'s notifications are unread (one query)."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(*, user, notification_id):
    """Mark one of ``user``'s notifications read; someone else's is a 404."""
    notification = get_object_or_404(Notification, pk=notification_id, recipient=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(*, user):
    """Mark every unread notification of ``user`` read; return how many were unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
