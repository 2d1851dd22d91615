"""Throwaway servers and processes for the fault tests.

Nothing here touches the shared PostgreSQL or Redis beyond creating (and dropping) a
throwaway database: every server a test stops, kills or restarts is its own —
``redis-server`` on a free port, a PostgreSQL cluster from ``initdb`` in a temporary folder,
gunicorn and Celery workers as subprocesses in their own process groups, and an SMTP server
(aiosmtpd) in a thread. A missing binary fails the test loudly; it never skips.
"""

import json
import os
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import requests

# Processes is re-exported: the fault tests and their conftest import it from here.
from tests.processes import PYTHON, REPO, Processes, free_port, wait_until  # noqa: F401

DEMO_PASSWORD = "accelerate-demo"


def binary(name, *candidates):
    """The path of a server binary, or a loud failure (never a skip)."""
    for candidate in (*candidates, shutil.which(name)):
        if candidate and Path(candidate).exists():
            return str(candidate)
    pytest.fail(f"{name} is not installed: the fault tests need it", pytrace=False)


class RedisServer:
    """A private ``redis-server`` on a free port that a test may stop and start again."""

    def __init__(self, workdir):
        self.binary = binary("redis-server", "/usr/bin/redis-server")
        self.port = free_port()
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.proc = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def ping(self):
        import redis

        client = redis.Redis.from_url(self.url, socket_timeout=1, socket_connect_timeout=1)
        try:
            return bool(client.ping())
        except redis.RedisError:
            return False
        finally:
            client.close()

    def start(self):
        log = open(self.workdir / "redis.log", "ab")  # noqa: SIM115 - closed by the process
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no", "--dir", str(self.workdir)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        log.close()
        wait_until(self.ping, timeout=20, what=f"redis-server on {self.port} answers")

    def stop(self):
        """Stop the server abruptly (SIGKILL): what a crash or a lost host looks like."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        wait_until(lambda: not self.ping(), timeout=10, what="redis-server stopped")


class PostgresCluster:
    """A private PostgreSQL cluster (``initdb``) on a free port; run as ``postgres`` if root."""

    def __init__(self):
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
        self.bin = Path(binary("initdb", *versions)).parent
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="civic-faults-pg-"))
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self._run(self.bin / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres",
                  "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8")  # fmt: skip

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/civic"

    def _run(self, *args, timeout=60):
        command = [str(a) for a in args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
        )
        assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
        return result

    def _ctl(self, action, *extra):
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.dir / "server.log",
                  "-o", options, "-w", "-t", "60", action, *extra)  # fmt: skip

    def start(self):
        self._ctl("start")

    def stop(self):
        """Stop at once, dropping every client connection (an outage, not a clean stop)."""
        self._ctl("stop", "-m", "immediate")

    def create_database(self, name="civic"):
        self._run(self.bin / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres",
                  name)  # fmt: skip

    def destroy(self):
        try:
            self._ctl("stop", "-m", "immediate")
        except AssertionError:
            pass  # already stopped
        shutil.rmtree(self.dir, ignore_errors=True)

    def log(self):
        path = self.dir / "server.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def base_env(tmp_path, *, database_url, redis_url, email_url="dummymail://"):
    """Environment of a production-like process (DEBUG off) on the given servers."""
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("CELERY_", "DJANGO_", "PYTEST_", "DATABASE_", "REDIS_"))
    }  # fmt: skip
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings", DATABASE_URL=database_url,
        REDIS_URL=redis_url, DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost", EMAIL_URL=email_url,
        MEDIA_ROOT=str(tmp_path / "media"), PYTHONUNBUFFERED="1", LOG_LEVEL="INFO",
        DEMO_PASSWORD=DEMO_PASSWORD,
    )  # fmt: skip
    return env


def manage(env, *args, timeout=180):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=REPO, env=env, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    assert result.returncode == 0, (
        f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
        f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result


def django_json(env, code, timeout=60):
    """Run ``code`` (which sets ``result``) in a Django shell on ``env``'s servers."""
    script = (
        "import json\nfrom django_scopes import scopes_disabled\n"
        "with scopes_disabled():\n"
        + "".join(f"    {line}\n" for line in code.strip().splitlines())
        + "print('RESULT=' + json.dumps(result, default=str))\n"
    )
    out = manage(env, "shell", "-c", script, timeout=timeout).stdout
    return json.loads(out.rsplit("RESULT=", 1)[1])


def start_gunicorn(processes, *, workers=1):
    port = free_port()
    processes.start(
        "gunicorn", "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--timeout", "30", "--graceful-timeout", "5",
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"

    def answers():
        proc, _ = processes.running["gunicorn"]
        if proc.poll() is not None:
            pytest.fail(f"gunicorn exited\n{processes.logs()}", pytrace=False)
        try:
            return requests.get(f"{base}/accounts/login/", timeout=5).status_code == 200
        except requests.RequestException:
            return False

    wait_until(answers, timeout=60, what="gunicorn answers", on_fail=processes.logs)
    return base


def start_worker(processes, name, *, env=None, script=None):
    """A Celery worker (prefork, one process, prefetch 1), optionally via a wrapper script."""
    entry = [script] if script else ["-m", "celery", "-A", "config"]
    processes.start(
        name, *entry, "worker", "-l", "info", "--concurrency", "1", "--pool", "prefork",
        "--hostname", f"{name}-{secrets.token_hex(3)}@%h", "--without-gossip",
        "--without-mingle", env=env,
    )  # fmt: skip
    processes.wait_for_log(name, r"\bready\b", timeout=60)


def login(base, email, password=DEMO_PASSWORD):
    """A requests session signed in through the real login form (CSRF and all)."""
    session = requests.Session()
    session.get(f"{base}/accounts/login/", timeout=10)
    response = session.post(
        f"{base}/accounts/login/", timeout=15, allow_redirects=False,
        data={"login": email, "password": password,
              "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": f"{base}/accounts/login/"},
    )  # fmt: skip
    assert response.status_code == 302, (response.status_code, response.text[:2000])
    return session


def post_form(session, base, path, data, *, timeout=30):
    """POST a form the way a browser does (CSRF token from the cookie); no redirects."""
    data = {**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]}
    return session.post(f"{base}{path}", data=data, timeout=timeout, allow_redirects=False,
                        headers={"Referer": f"{base}{path}"})  # fmt: skip


class SmtpServer:
    """A real SMTP server (aiosmtpd) in a thread that counts what it accepted.

    ``refuse(rcpt=n, data=m)`` makes the next ``n`` transactions end with a temporary
    refusal of the recipient (450) and the ``m`` after them with one of the message (451);
    until ``start()`` (and after ``stop()``) its port refuses connections outright.
    """

    def __init__(self):
        self.port = free_port()
        self.received = []  # (recipients, message bytes)
        self.transactions = 0
        self.refused = {"rcpt": 0, "data": 0}
        self._to_refuse = {"rcpt": 0, "data": 0}
        self.controller = None

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def refuse(self, *, rcpt=0, data=0):
        self._to_refuse = {"rcpt": rcpt, "data": data}

    def _refusing(self, step):
        if self._to_refuse[step] > 0:
            self._to_refuse[step] -= 1
            self.refused[step] += 1
            return True
        return False

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        self.transactions += 1
        if self._refusing("rcpt"):
            return "450 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook
        if self._refusing("data"):
            return "451 4.3.0 Temporary local problem, try again later"
        self.received.append((list(envelope.rcpt_tos), envelope.content))
        return "250 OK"

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def messages_to(self, address, *, subject_contains=""):
        """The parsed messages delivered to ``address`` (whose subject contains …)."""
        from email import message_from_bytes, policy

        parsed = [
            message_from_bytes(content, policy=policy.default)
            for rcpts, content in list(self.received)
            if address in rcpts
        ]
        return [m for m in parsed if subject_contains in str(m["Subject"])]


def query(database_url, sql, params=()):
    """Rows of one SQL query on ``database_url`` (fast polling, no Django process)."""
    import psycopg
    from psycopg.rows import dict_row

    with psycopg.connect(database_url, connect_timeout=5, row_factory=dict_row) as conn:
        return conn.execute(sql, params).fetchall()
