"""Celery tasks of announcements: thin, they call the domain (which never imports them)."""

from celery import shared_task

from announcements.sending import dispatch_due_announcements

DISPATCH_TASK = "announcements.dispatch_due_announcements"


@shared_task(name=DISPATCH_TASK)
def dispatch_due():
    """Send every scheduled announcement that is due (run by Celery beat every minute)."""
    return dispatch_due_announcements()
