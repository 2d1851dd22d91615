"""The in-app inbox: what a person has been told, and what they have read."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from caching.versioned_cache import bump, cached
from notifications.models import Notification


def inbox_of(*, user):
    """``user``'s notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def inbox_version(user_id):
    return f"inbox:{user_id}"


def forget_unread_counts(*, user_ids):
    """Invalidate the cached unread counts of ``user_ids`` (their notifications changed)."""
    bump(*(inbox_version(pk) for pk in set(user_ids) if pk))


def unread_count(*, user):
    """How many of ``user``'s notifications are unread (one query, then cached until one of
    their notifications is created, read or deleted)."""
    if not user.is_authenticated:
        return 0
    return cached(
        f"unread:{user.pk}", depends_on=[inbox_version(user.pk)],
        compute=lambda: Notification.objects.filter(recipient=user, read_at__isnull=True)
        .count(),
    )


def mark_read(*, user, notification_id):
    """Mark one of ``user``'s notifications read; someone else's is a 404."""
    notification = get_object_or_404(Notification, pk=notification_id, recipient=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(*, user):
    """Mark every unread notification of ``user`` read; return how many were unread."""
    marked = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    forget_unread_counts(user_ids=[user.pk])
    return marked


def _notification_changed(sender, instance, **kwargs):
    forget_unread_counts(user_ids=[instance.recipient_id])


def connect_signals():
    """Saving or deleting one notification (the admin, :func:`mark_read`) invalidates its
    recipient's unread count; bulk writes call :func:`forget_unread_counts` themselves."""
    from django.db.models.signals import post_delete, post_save

    post_save.connect(_notification_changed, sender=Notification, dispatch_uid="inbox-save")
    post_delete.connect(_notification_changed, sender=Notification, dispatch_uid="inbox-del")
