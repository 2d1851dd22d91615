import pytest

from config.celery import app
from tests.notifications import backends


@pytest.fixture
def eager_celery():
    """Run tasks in-process whatever REDIS_URL says (the sending is what is under test)."""
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def scripted_mail(settings, mailoutbox):
    """Mail goes to ``mail.outbox`` after the scripted failures in ``backends.FAILURES``."""
    settings.EMAIL_BACKEND = "tests.notifications.backends.ScriptedBackend"
    backends.FAILURES.clear()
    yield backends.FAILURES
    backends.FAILURES.clear()


@pytest.fixture
def send_on_commit(django_capture_on_commit_callbacks, eager_celery):
    """Run the on-commit callbacks (queued mail) at the end of the block, eagerly."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def retries_in_process():
    """Eager retries run in-process one after another (Celery re-applies the signature)
    only when eager errors are not propagated; a worker behaves like this anyway."""
    previous = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = previous
