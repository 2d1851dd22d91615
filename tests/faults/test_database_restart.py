"""PostgreSQL goes away under the running web process and comes back.

gunicorn (two workers, persistent connections: CONN_MAX_AGE with CONN_HEALTH_CHECKS) runs
against a private PostgreSQL cluster that the test stops with ``-m immediate`` (every
connection dropped, as in a crash or a failover) and starts again. /healthz must say so
quickly (503 with the database's state) and then recover (200), and every page must work
again without restarting gunicorn.
"""

import time

import pytest
import requests

from tests.faults.stack import (
    PostgresCluster,
    Processes,
    base_env,
    login,
    manage,
    start_gunicorn,
    wait_until,
)
from tests.services import requires_postgres

CITY_HOME = "/c/riverton/"


@pytest.fixture
def cluster():
    server = PostgresCluster()
    try:
        server.start()
        server.create_database("civic")
        yield server
    finally:
        server.destroy()


def _health(base):
    started = time.monotonic()
    response = requests.get(f"{base}/healthz", timeout=30)
    took = time.monotonic() - started
    if response.headers.get("Content-Type") != "application/json":
        return response.status_code, {"database": "not JSON", "page": response.text[:500]}, took
    return response.status_code, response.json(), took


@requires_postgres
def test_the_web_process_reports_a_database_outage_and_recovers_after_a_restart(tmp_path, cluster):
    env = base_env(tmp_path, database_url=cluster.url, redis_url="")
    manage(env, "migrate", "--noinput", timeout=300)
    manage(env, "seed_demo", timeout=300)
    processes = Processes(env, tmp_path)
    try:
        base = start_gunicorn(processes, workers=2)
        member = login(base, "cdo@riverton.demo.test")
        for _ in range(4):  # both workers hold a connection
            assert member.get(f"{base}{CITY_HOME}", timeout=15).status_code == 200
        status, body, _ = _health(base)
        assert (status, body["database"]) == (200, "ok"), body

        cluster.stop()
        for _ in range(3):  # whichever worker answers, and however often
            status, body, took = _health(base)
            assert status == 503, body
            assert body["database"].startswith("error"), body
            assert took < 10, f"/healthz took {took:.1f}s with the database down"

        cluster.start()
        wait_until(lambda: _health(base)[0] == 200, timeout=30,
                   what="/healthz is 200 again", on_fail=processes.logs)  # fmt: skip
        for _ in range(6):  # every worker has its connection back, the session survived
            page = member.get(f"{base}{CITY_HOME}", timeout=15, allow_redirects=False)
            assert page.status_code == 200, (page.status_code, page.text[:2000])
            assert "Riverton" in page.text
        status, body, _ = _health(base)
        assert body == {"database": "ok", "broker": "eager"}, body
    finally:
        processes.stop_all()
