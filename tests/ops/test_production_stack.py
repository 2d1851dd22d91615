"""The production stack, as docker-compose.yml runs it, started here as plain processes.

gunicorn (2 workers), a Celery worker and Celery beat with the database scheduler run with
DJANGO_PRODUCTION=1 against a throwaway PostgreSQL database and Redis database 15. The test
proves /healthz sees both, a task goes through Redis to the worker and back, beat starts,
and production hardening (HTTPS redirect, HSTS, secure cookies, static files) is on.
"""

import json
import os
import re
import secrets
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.pg import throwaway_database, with_path
from tests.processes import PYTHON, REPO, Processes, free_port
from tests.services import requires_postgres, requires_redis

REDIS_DB = 15  # out of the way of the test suite (/1) and anything else on this Redis


def _flush_redis(redis_url):
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=5, socket_connect_timeout=5)
    try:
        client.flushdb()
    finally:
        client.close()


def _manage(env, *args, timeout):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, (
        f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
        f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _get(url, *, https=True, timeout=10):
    """GET without following redirects; returns (status, headers, body)."""
    headers = {"Host": "127.0.0.1"}
    if https:
        # What a TLS-terminating proxy in front of gunicorn says; SECURE_PROXY_SSL_HEADER.
        headers["X-Forwarded-Proto"] = "https"
    request = urllib.request.Request(url, headers=headers)
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _wait_for_http(processes, url, timeout):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        processes.assert_alive("gunicorn")
        try:
            return _get(url, timeout=5)
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            last_error = error
            time.sleep(0.25)
    pytest.fail(
        f"gunicorn did not answer {url} within {timeout}s ({last_error})\n{processes.logs()}",
        pytrace=False,
    )


@pytest.fixture
def production_env(tmp_path):
    """Environment for the production processes, with a throwaway database and Redis /15."""
    redis_url = with_path(os.environ["REDIS_URL"], f"/{REDIS_DB}")
    with throwaway_database(os.environ["DATABASE_URL"]) as database_url:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("CELERY_", "DJANGO_", "PYTEST_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DATABASE_URL=database_url,
            REDIS_URL=redis_url,
            DJANGO_PRODUCTION="1",
            DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            CSRF_TRUSTED_ORIGINS="https://127.0.0.1,https://localhost",
            EMAIL_URL="consolemail://",
            MEDIA_ROOT=str(tmp_path / "media"),
            STATIC_ROOT=str(tmp_path / "static"),
            PYTHONUNBUFFERED="1",
        )
        _flush_redis(redis_url)
        try:
            yield env
        finally:
            _flush_redis(redis_url)


@requires_postgres
@requires_redis
def test_gunicorn_worker_and_beat_run_in_production_mode(production_env, tmp_path):
    env = production_env
    _manage(env, "migrate", "--noinput", timeout=300)
    _manage(env, "collectstatic", "--noinput", timeout=300)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes = Processes(env, tmp_path)
    try:
        processes.start(
            "gunicorn", "-m", "gunicorn", "config.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", "2",
            "--timeout", "60", "--graceful-timeout", "5",
        )  # fmt: skip
        processes.start(
            "worker", "-m", "celery", "-A", "config", "worker", "-l", "info",
            "--concurrency", "1", "--hostname", f"prodproof-{secrets.token_hex(3)}@%h",
        )  # fmt: skip
        processes.start(
            "beat", "-m", "celery", "-A", "config", "beat", "-l", "info",
            "--scheduler", "django_celery_beat.schedulers:DatabaseScheduler",
            "--pidfile", str(tmp_path / "beat.pid"),
        )  # fmt: skip

        # The web tier: health of the database and the broker, behind an HTTPS proxy.
        status, _, body = _wait_for_http(processes, f"{base}/healthz", timeout=60)
        assert status == 200, body
        health = json.loads(body)
        assert health["database"] == "ok", health
        assert health["broker"] == "ok", health

        # Production hardening: plain HTTP is sent to HTTPS; HTTPS pages carry HSTS and
        # secure cookies; collected static files are served by whitenoise.
        status, headers, _ = _get(f"{base}/accounts/login/", https=False)
        assert status == 301, status
        assert headers["Location"].startswith("https://"), headers["Location"]
        status, headers, body = _get(f"{base}/accounts/login/")
        assert status == 200, body[:2000]
        assert "max-age=" in (headers["Strict-Transport-Security"] or ""), dict(headers)
        cookies = headers.get_all("Set-Cookie") or []
        assert cookies and all("Secure" in cookie for cookie in cookies), cookies
        status, _, _ = _get(f"{base}/static/admin/css/base.css")
        assert status == 200, "collected static files are not served"

        # A task through Redis: sent by a client process, run by the worker, result back.
        processes.wait_for_log("worker", r"\bready\b", timeout=60)
        sent = subprocess.run(
            [
                PYTHON, "-c",
                "from config.celery import app, ping\n"
                "result = ping.delay()\n"
                "print('TASK', result.id, flush=True)\n"
                "print('RESULT', result.get(timeout=45))\n",
            ],
            cwd=REPO, env=env, stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=90,
        )  # fmt: skip
        assert sent.returncode == 0, f"{sent.stdout}\n{sent.stderr}\n{processes.logs()}"
        assert "RESULT pong" in sent.stdout, sent.stdout
        task_id = re.search(r"TASK (\S+)", sent.stdout).group(1)
        processes.wait_for_log(
            "worker", rf"config\.celery\.ping\[{re.escape(task_id)}\] succeeded", timeout=20
        )

        # Beat: starts with the database scheduler and keeps running.
        processes.wait_for_log("beat", r"beat: Starting", timeout=60)
        time.sleep(5)
        for name in ("beat", "worker", "gunicorn"):
            processes.assert_alive(name)
        assert "DatabaseScheduler" in processes.log("beat")
    finally:
        processes.stop_all()
