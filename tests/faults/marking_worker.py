"""A Celery worker that leaves marker files at the moments a fault test kills it.

Run as ``python tests/faults/marking_worker.py worker …`` (the arguments of ``celery -A
config``). Each call of ``strategy.pdf.write_pdf`` first touches ``render-<worker>-…`` in
``FAULTS_MARKERS`` (``FAULTS_WORKER`` names the worker); with ``FAULTS_HANG_RENDER=1`` it then
hangs. Each reminder batch the sweep commits touches ``batch-<worker>-…``; with
``FAULTS_HANG_SWEEP=1`` the sweep hangs after its first committed batch, and
``FAULTS_SWEEP_BATCH_SIZE`` makes its batches small. Nothing else changes.
"""

import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from notifications import reminders  # noqa: E402
from strategy import pdf  # noqa: E402

_write_pdf = pdf.write_pdf
_send_reminder_batch = reminders.send_reminder_batch


def _mark(what):
    name = f"{what}-{os.environ['FAULTS_WORKER']}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    (Path(os.environ["FAULTS_MARKERS"]) / name).touch()


def _hang():
    time.sleep(600)  # the test kills the worker long before


def write_pdf(html):
    _mark("render")
    if os.environ.get("FAULTS_HANG_RENDER") == "1":
        _hang()
    return _write_pdf(html)


def send_reminder_batch(**kwargs):
    sent = _send_reminder_batch(**kwargs)  # committed when it returns
    _mark("batch")
    if os.environ.get("FAULTS_HANG_SWEEP") == "1":
        _hang()
    return sent


# Inherited by the pool processes forked from here.
pdf.write_pdf = write_pdf
reminders.send_reminder_batch = send_reminder_batch
if os.environ.get("FAULTS_SWEEP_BATCH_SIZE"):
    reminders.run_reminder_sweep.__kwdefaults__["batch_size"] = int(
        os.environ["FAULTS_SWEEP_BATCH_SIZE"]
    )

if __name__ == "__main__":
    from config.celery import app

    app.worker_main(sys.argv[1:])
