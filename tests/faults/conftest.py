import os
import secrets
from contextlib import contextmanager

import pytest

from tests.faults.stack import Processes, RedisServer, base_env, manage
from tests.pg import throwaway_database, with_path


@contextmanager
def _admin(database_url):
    import psycopg

    with psycopg.connect(with_path(database_url, "/postgres"), autocommit=True,
                         connect_timeout=10) as conn:  # fmt: skip
        yield conn


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A throwaway database on the PostgreSQL of DATABASE_URL, migrated and seeded once."""
    tmp = tmp_path_factory.mktemp("faults-template")
    with throwaway_database(os.environ["DATABASE_URL"], prefix="civic_faults_tpl") as url:
        env = base_env(tmp, database_url=url, redis_url="")
        manage(env, "migrate", "--noinput", timeout=300)
        manage(env, "seed_demo", timeout=300)
        yield url


@pytest.fixture
def demo_database(demo_template):
    """A copy of the seeded template for one test; dropped after."""
    from psycopg import sql

    name = f"civic_faults_{secrets.token_hex(4)}"
    template = demo_template.rsplit("/", 1)[1]
    with _admin(demo_template) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )
    try:
        yield with_path(demo_template, f"/{name}")
    finally:
        with _admin(demo_template) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path / "redis")
    server.start()
    try:
        yield server
    finally:
        if server.proc and server.proc.poll() is None:
            server.stop()


@pytest.fixture
def processes(tmp_path):
    running = Processes({}, tmp_path)
    try:
        yield running
    finally:
        running.stop_all()
