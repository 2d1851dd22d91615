"""Gates for tests that need a real service.

Without the service a test is skipped with the reason; in CI (``CIVIC_REQUIRE_SERVICES=1``)
the same test fails instead, so a missing PostgreSQL, Redis or Chromium can never hide.
"""

import os
import shutil
from pathlib import Path

import pytest

REQUIRED = os.environ.get("CIVIC_REQUIRE_SERVICES") == "1"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def _redis_up():
    url = os.environ.get("REDIS_URL")
    if not url:
        return False
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def _gate(available, reason, mark):
    def decorator(test):
        test = getattr(pytest.mark, mark)(test)
        if available:
            return test
        if REQUIRED:
            return pytest.mark.usefixtures("_service_missing_" + mark)(test)
        return pytest.mark.skip(reason=reason)(test)

    return decorator


def _postgres():
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


requires_postgres = _gate(
    _postgres(), "needs PostgreSQL: set DATABASE_URL=postgres://…", "postgres"
)
requires_redis = _gate(
    _redis_up(), "needs Redis: set REDIS_URL=redis://… to a running server", "redis"
)
requires_chromium = _gate(
    CHROMIUM.exists() or bool(shutil.which("chromium")),
    f"needs Chromium at {CHROMIUM} (apt-get install chromium)",
    "browser",
)
