"""Long-running test subprocesses (gunicorn, Celery workers and beat) and polling helpers.

Shared by the production-stack test (tests/ops) and the fault tests (tests/faults): each
process runs from the repository in its own process group, with its output in a log file
that a failing test prints.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def environment_without_test_settings():
    """This process's environment without the test run's Django and pytest settings, for a
    ``manage.py`` or script run as the product runs it."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}


def run_in_repo(args, env, timeout=300):
    """Run ``args`` from the repository to the end; fail with its output unless it succeeds.
    Returns what it printed."""
    result = subprocess.run(
        args, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, *, timeout, what, interval=0.2, on_fail=None):
    """Poll ``check()`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            details = on_fail() if on_fail else ""
            pytest.fail(f"{what}: not within {timeout}s\n{details}", pytrace=False)
        time.sleep(interval)


class Processes:
    """Long-running subprocesses (gunicorn, Celery workers), each in its own process group."""

    def __init__(self, env, log_dir):
        self.env = env
        self.log_dir = Path(log_dir)
        self.running = {}

    def start(self, name, *args, env=None):
        log = open(self.log_dir / f"{name}.log", "wb")  # noqa: SIM115 - closed in stop_all
        proc = subprocess.Popen(
            [PYTHON, *args], cwd=REPO, env={**self.env, **(env or {})},
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.running[name] = (proc, log)
        return proc

    def log(self, name):
        name = name.removesuffix(" (killed)")
        return (self.log_dir / f"{name}.log").read_text(errors="replace")

    def logs(self):
        return "\n".join(
            f"----- {name}.log (last 4000 chars) -----\n{self.log(name)[-4000:]}"
            for name in self.running
        )

    def assert_alive(self, name):
        proc, _ = self.running[name]
        if proc.poll() is not None:
            pytest.fail(f"{name} exited with {proc.returncode}\n{self.logs()}", pytrace=False)

    def wait_for_log(self, name, pattern, timeout):
        def found():
            self.assert_alive(name)
            return re.search(pattern, self.log(name))

        return wait_until(found, timeout=timeout, what=f"{name} logs {pattern!r}",
                          on_fail=self.logs)  # fmt: skip

    def kill(self, name):
        """SIGKILL the whole process group: the worker and its pool die mid-task."""
        proc, log = self.running.pop(name)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)
        self.running[f"{name} (killed)"] = (proc, log)  # its log stays in logs()

    def stop_all(self):
        """SIGTERM each process group, then SIGKILL what is left after a grace period."""
        for proc, _ in self.running.values():
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 20
        for proc, log in self.running.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            if proc.poll() is None:
                proc.wait(timeout=10)
            log.close()
