"""The Celery application. Tasks live in each app's ``tasks.py`` and stay thin."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("civic")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="config.celery.ping", ignore_result=False)  # its caller waits for "pong"
def ping():
    """Answer "pong": proves a worker picks tasks up from the broker."""
    return "pong"
