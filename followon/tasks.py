"""Celery beat: move enrollments whose cohort ended to their follow-on phase (daily)."""

from celery import shared_task
from django.utils import timezone

from followon.phase import start_due_follow_ons


@shared_task(name="followon.start_follow_ons")
def start_follow_ons():
    """Start the follow-on phase of every enrollment whose six months are over."""
    return start_due_follow_ons(today=timezone.localdate())
