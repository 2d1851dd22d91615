"""``make load``: issue 11's load run — a realistic mix under locust, headless, for a few
minutes against gunicorn on PostgreSQL + Redis; the figures go into bench/RESULTS.md.

    uv run python -m bench.loadrun [--users 20] [--spawn-rate 2] [--run-time 180s]
                                    [--report-only]

Seeds the *small* benchmark program (bench/seed.py) into its own database ``civic_load``
(Redis database 13), gives every seeded person a password and a verified address so that
locust signs in through the real sign-in form, starts gunicorn (2 workers, production
settings as ``make bench``), runs ``bench/locustfile.py`` headless with ``--csv`` and writes
the section "Load run (locust)" of bench/RESULTS.md (a marked section that ``make bench``
keeps). Raw figures: ``var/load/`` (locust CSV files, gunicorn log, summary.json).
"""

import argparse
import dataclasses
import datetime
import json
import os
import shutil
import subprocess
import sys
import time

import bench.environment as bench_environment_module
import bench.seed as bench_seed
from bench.environment import HOST, PG_SERVER, REPO, SIZES, bench_environment
from bench.loadreport import OUT, report, server_errors
from bench.run import free_port, start_gunicorn, stop_gunicorn

PYTHON = sys.executable
LOAD = dataclasses.replace(SIZES["small"], name="load")
DATABASE = os.environ.get("LOAD_DATABASE", "civic_load")
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/13")
PASSWORD = "load-run-password-not-secret"  # for seeded throwaway accounts only
LOCUSTFILE = REPO / "bench" / "locustfile.py"


def log(message):
    print(f"[load {time.strftime('%H:%M:%S')}] {message}", flush=True)


def _database_name(size, _original=bench_environment_module.database_name):
    return DATABASE if size == LOAD.name else _original(size)


# The load run's database is its own (not civic_bench_small, which ``make bench`` drops).
bench_environment_module.database_name = _database_name


def environment():
    return {
        **os.environ,
        **bench_environment(LOAD.name),
        "REDIS_URL": REDIS_URL,
        "DATABASE_URL": f"{PG_SERVER}/{DATABASE}",
        "BENCH_CACHE_PREFIX": "load",
    }


def flush_redis():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_timeout=5)
    try:
        client.flushdb()
    finally:
        client.close()


# ---------------------------------------------------------------- seeding (child process)


def people_of_program():
    """Passwords and verified addresses for the seeded people; the people file for locust.

    Members are listed so that the first 30 are in 30 different cities, roles rotating:
    simulated team members then edit different cities' strategies, as real ones do.
    """
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django_scopes import scopes_disabled

    from accounts.models import Membership, User
    from coaching.models import CoachAssignment
    from cohorts.models import Cohort

    with scopes_disabled():
        User.objects.update(password=make_password(PASSWORD))
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=u, email=u.email, verified=True, primary=True)
                for u in User.objects.all()
            ],
            batch_size=2000,
        )
        teams = {}
        for m in Membership.objects.select_related("user", "city").order_by("city__slug", "pk"):
            teams.setdefault(m.city.slug, []).append(m.user.email)
        slugs = sorted(teams)
        per_city = len(teams[slugs[0]])
        members = []
        for k in range(len(slugs) * per_city):
            block, city = divmod(k, len(slugs))
            members.append(
                {
                    "email": teams[slugs[city]][(city + block * (len(slugs) + 1)) % per_city],
                    "city": slugs[city],
                }
            )
        coaches = {}
        for a in CoachAssignment.objects.select_related("coach", "enrollment__city").order_by(
            "coach__email", "enrollment__city__slug"
        ):
            coaches.setdefault(a.coach.email, []).append(a.enrollment.city.slug)
        cohort = Cohort.objects.order_by("slug").first().slug
        staff = [
            {"email": e, "cohort": cohort}
            for e in User.objects.filter(is_staff=True)
            .order_by("email")
            .values_list("email", flat=True)
        ]
    return {
        "password": PASSWORD,
        "members": members,
        "coaches": [{"email": e, "cities": c} for e, c in coaches.items()],
        "staff": staff,
    }


def password_check_cost():
    """What one sign-in's password check costs here (the hasher, its work factor, seconds)."""
    from django.contrib.auth.hashers import get_hasher

    from accounts.models import User

    user = User.objects.order_by("pk").first()
    started = time.perf_counter()
    user.check_password(PASSWORD)
    hasher = get_hasher()
    return {
        "algorithm": hasher.algorithm,
        "iterations": getattr(hasher, "iterations", None),
        "seconds": time.perf_counter() - started,
    }


def phase_seed():
    import django

    django.setup()
    bench_seed.migrate(log=log)
    started = time.monotonic()
    bench_seed.seed(LOAD, log=log)
    log(f"seeded in {time.monotonic() - started:.1f} s")
    people = people_of_program()
    (OUT / "people.json").write_text(json.dumps(people, indent=1))
    (OUT / "password.json").write_text(json.dumps(password_check_cost()))
    log(
        f"{len(people['members'])} members, {len(people['coaches'])} coaches, "
        f"{len(people['staff'])} staff can sign in"
    )


# ---------------------------------------------------------------- the run


def run_locust(port, *, users, spawn_rate, run_time):
    command = [
        PYTHON,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "-u",
        str(users),
        "-r",
        str(spawn_rate),
        "-t",
        run_time,
        "--host",
        f"http://{HOST}:{port}",
        "--csv",
        str(OUT / "locust"),
        "--html",
        str(OUT / "locust.html"),
        "--only-summary",
        "--stop-timeout",
        "30",
        "--loglevel",
        "WARNING",
    ]
    log(" ".join(command[1:]))
    env = {**os.environ, "LOAD_PEOPLE": str(OUT / "people.json")}
    with open(OUT / "locust.log", "wb") as output:
        return subprocess.run(
            command, cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT, check=False
        ).returncode


def load_run(*, users, spawn_rate, run_time):
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    env = environment()
    flush_redis()
    log(f"recreating {DATABASE}")
    bench_environment_module.recreate_database(LOAD.name)
    shutil.rmtree(bench_environment_module.media_root(LOAD.name), ignore_errors=True)
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=REPO, env=env, check=True
    )
    subprocess.run(
        [PYTHON, "-m", "bench.loadrun", "--phase", "seed"], cwd=REPO, env=env, check=True
    )
    port = free_port()
    process, logfile = start_gunicorn(port, env=environment(), log_path=OUT / "gunicorn.log")
    try:
        code = run_locust(port, users=users, spawn_rate=spawn_rate, run_time=run_time)
    finally:
        stop_gunicorn(process, logfile)
        flush_redis()
    (OUT / "meta.json").write_text(
        json.dumps(
            {
                "users": users,
                "spawn_rate": spawn_rate,
                "run_time": run_time,
                "locust_exit": code,
                "seconds": time.monotonic() - started,
                "server_errors": len(server_errors()),
                "finished": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            }
        )
    )
    log(f"locust exited {code}; {time.monotonic() - started:.0f} s in all")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=2)
    parser.add_argument("--run-time", default="180s")
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument("--phase", choices=["seed"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase == "seed":
        return phase_seed()
    if not args.report_only:
        load_run(users=args.users, spawn_rate=args.spawn_rate, run_time=args.run_time)
    return 0 if report() else 1


if __name__ == "__main__":
    sys.exit(main())
