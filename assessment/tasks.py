"""Celery tasks of the assessment: thin wrappers around the domain."""

from celery import shared_task
from django.utils import timezone
from django_scopes import scopes_disabled

from assessment.windows import open_due_assessments


@shared_task(name="assessment.open_due_assessments")
def open_assessments():
    """Open the assessments whose window has opened (run by Celery beat, hourly)."""
    with scopes_disabled():
        return open_due_assessments(today=timezone.localdate())
