"""Where the benchmark's programs live and how every benchmark process is configured: the
two sizes, their PostgreSQL databases, Redis, media folders and environment variables.

``bench/seed.py`` seeds a size, ``bench/probe.py`` measures it in-process, ``bench/run.py``
serves it with gunicorn; all of them start Django through :func:`setup_django`.
"""

import os
import platform
from dataclasses import dataclass
from pathlib import Path

from psycopg import sql

REPO = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
SECRET_KEY = "bench-only-secret-key-not-for-production-0123456789abcdefghijkl"


@dataclass(frozen=True)
class Size:
    name: str
    cohorts: int
    checkins: int
    action_items: int
    showcases: int
    notifications: int
    applicants: int  # people with an application that did not (yet) become a city
    staff: int

    CITIES_PER_COHORT = 30
    MEMBERS_PER_CITY = 4
    SHARED_SESSIONS_PER_COHORT = 60
    CITY_SESSIONS_PER_CITY = 8  # 60 + 8 × 30 = 300 sessions per cohort
    INITIATIVES_PER_STRATEGY = 40
    CITIES_PER_COACH = 10

    @property
    def cities(self):
        return self.cohorts * self.CITIES_PER_COHORT

    @property
    def coaches(self):
        return self.cities // self.CITIES_PER_COACH

    @property
    def users(self):
        return self.cities * self.MEMBERS_PER_CITY + self.coaches + self.staff + self.applicants


SIZES = {
    "large": Size("large", cohorts=10, checkins=20_000, action_items=60_000, showcases=2_000,
                  notifications=100_000, applicants=250, staff=20),
    "small": Size("small", cohorts=1, checkins=2_000, action_items=6_000, showcases=200,
                  notifications=10_000, applicants=25, staff=2),
}


def database_name(size):
    return f"civic_bench_{size}"


def database_url(size):
    return f"{PG_SERVER}/{database_name(size)}"


def media_root(size):
    return REPO / "var" / "bench" / size / "media"


def bench_environment(size):
    """The environment of every benchmark process for ``size`` (seed, gunicorn, probes)."""
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url(size),
        "REDIS_URL": REDIS_URL,
        "DJANGO_PRODUCTION": "1",  # whitenoise, manifest static files, JSON logs, DEBUG off
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on 127.0.0.1
        "CIVIC_REQUIRE_MFA": "0",  # the benchmark's people have no TOTP device
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "MEDIA_ROOT": str(media_root(size)),
        "STATIC_ROOT": str(REPO / "var" / "bench" / "static"),
        "API_THROTTLE_USER": "100000000/minute",  # measure the API, not its rate limit
        "LOG_LEVEL": "WARNING",
        "EMAIL_URL": "dummymail://",
    }


def recreate_database(size):
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=10) as conn:
        name = sql.Identifier(database_name(size))
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def setup_django(size):
    os.environ.update(bench_environment(size))
    import django

    django.setup()


HOST = "127.0.0.1"
CONCURRENCY = 8  # clients of the load run (bench/load.py)
WORKERS = 2  # gunicorn's sync workers
# Samples per run: with pages served in a few milliseconds, 200 requests lasted under a
# second and their p95 was the 10 slowest requests of that second; these last several.
FLOOR_REQUESTS = 300


def size_dir(size):
    """The folder of ``size``'s raw figures (``var/bench/<size>/<phase>.json``)."""
    path = REPO / "var" / "bench" / size
    path.mkdir(parents=True, exist_ok=True)
    return path


def machine():
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "memory": memory, "cpu": cpu,
            "python": platform.python_version(), "load": os.getloadavg()}
