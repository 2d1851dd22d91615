"""Celery tasks of feedback: thin, they call the domain (which never imports them)."""

from celery import shared_task

from feedback.asking import ask_for_feedback

ASK_TASK = "feedback.ask_for_feedback"


@shared_task(name=ASK_TASK)
def ask():
    """Ask the people who attended sessions that ended for their feedback (Celery beat,
    every quarter of an hour); nobody is asked twice."""
    return ask_for_feedback()
