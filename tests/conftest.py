import os
import re

import pytest
from django_scopes import scopes_disabled

from tests.pg import with_path

# A test id naming an object by its address ("<… object at 0x7f…>") differs from one process
# to the next: pytest-xdist's workers then collect different tests and the run stops.
UNSTABLE_ID = re.compile(r"0x[0-9a-fA-F]{6,}")


def pytest_collection_modifyitems(config, items):
    """Refuse test ids that would differ between processes (parametrize with ``ids=``)."""
    unstable = [item.nodeid for item in items if UNSTABLE_ID.search(item.nodeid)]
    if unstable:
        raise pytest.UsageError(
            "test ids that change from one process to the next (name the parameters with "
            "ids=):\n" + "\n".join(unstable[:20]))


def pytest_configure(config):
    """Under pytest-xdist each worker (gw0, gw1, …) has its own Redis database (/1, /2, …),
    so one worker's ``cache.clear()`` never empties the rate limits or cached pages another
    worker's test is counting on. Databases 13 and 15 belong to single tests (see there)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    url = os.environ.get("REDIS_URL", "")
    if not (worker and url):
        return
    number = 1 + int(worker.removeprefix("gw"))
    if number >= 13:
        raise pytest.UsageError("at most 12 xdist workers: Redis /13 and /15 are taken")
    url = with_path(url, f"/{number}")
    os.environ["REDIS_URL"] = url  # processes the tests start inherit it
    from django.conf import settings

    settings.REDIS_URL = settings.CELERY_BROKER_URL = settings.CELERY_RESULT_BACKEND = url
    if "Redis" in settings.CACHES["default"]["BACKEND"]:
        settings.CACHES["default"]["LOCATION"] = url


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Files go to a fresh folder per test; passwords hash fast (tests, not production)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_and_utc_unless_asked():
    """Each test starts in English and UTC: a request leaves its person's language and time
    zone active in the thread, and they must not leak into the next test."""
    from django.utils import timezone, translation

    translation.activate("en")
    timezone.deactivate()
    yield
    translation.deactivate()
    timezone.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (rate limits, throttles, cached pages)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _tasks_run_in_process():
    """Tasks run eagerly inside tests, whatever REDIS_URL says; the tests that prove the
    broker path start real Celery workers as separate processes."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def client_as(world):
    """``client_as(role)``: a client signed in as ``world.users[role]`` (``world`` is the
    fixture of the test's own folder)."""

    def make(role):
        from django.test import Client

        client = Client()
        client.force_login(world.users[role])
        return client

    return make


@pytest.fixture
def no_scope():
    """Test set-up that creates rows across cities does so with scopes explicitly off."""
    with scopes_disabled():
        yield


for _name, _what in {
    "postgres": "PostgreSQL (DATABASE_URL)",
    "redis": "Redis (REDIS_URL)",
    "browser": "Chromium (/usr/bin/chromium)",
}.items():

    def _missing(what=_what):
        pytest.fail(f"CIVIC_REQUIRE_SERVICES=1 but {what} is not available")

    _fixture_name = "_service_missing_" + _name
    globals()[_fixture_name] = pytest.fixture(_missing, name=_fixture_name)
