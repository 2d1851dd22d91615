"""Celery tasks of coaching: thin wrappers around the domain."""

from celery import shared_task

from coaching.transcript_import import delete_expired_transcripts


@shared_task(name="coaching.delete_expired_transcripts")
def delete_expired_transcripts_task():
    """Daily (Celery beat): delete call transcripts past their retention."""
    return delete_expired_transcripts()
