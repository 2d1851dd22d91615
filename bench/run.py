"""``make bench``: seed each size, measure every page and API list, write bench/RESULTS.md.

    uv run python -m bench.run [--sizes small,large] [--requests 200] [--report-only]
    uv run python -m bench.run --rendered-only   # re-probe the seeded databases, no load run

For each size: drop, create, migrate and seed ``civic_bench_<size>`` (bench/seed.py);
count each page's SQL queries in-process (bench/probe.py); start gunicorn (2 workers,
production settings, DEBUG off) and load each page with 8 concurrent clients
(bench/load.py), the floor included; then time the strategy PDF and the reminder sweep.
``--rendered-only`` migrates the databases seeded before and runs only the in-process probe
(rendered afresh, queries), then rewrites the report; the other sections keep the figures
of the run that measured them, each dated by that run.
"""

import argparse
import datetime
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from bench.environment import (
    CONCURRENCY,
    FLOOR_REQUESTS,
    HOST,
    REPO,
    SIZES,
    WORKERS,
    bench_environment,
    size_dir,
)
from bench.load import hammer
from bench.probe import PAGES
from bench.report import report

PYTHON = sys.executable


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def env_for(size):
    return {**os.environ, **bench_environment(size), "BENCH_CACHE_PREFIX": f"bench-{size}"}


def run(size, *args):
    log(f"{size}: {' '.join(args)}")
    subprocess.run([PYTHON, *args], cwd=REPO, env=env_for(size), check=True)


def flush_redis(size):
    import redis

    client = redis.Redis.from_url(bench_environment(size)["REDIS_URL"], socket_timeout=5)
    try:
        client.flushdb()
    finally:
        client.close()


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(port, *, env, log_path):
    """gunicorn (the production server) on ``port`` with ``env``, once ``/healthz`` answers."""
    logfile = open(log_path, "wb")  # noqa: SIM115 - closed by stop_gunicorn
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind", f"{HOST}:{port}",
         "--workers", str(WORKERS), "--timeout", "60"],
        cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=logfile,
        stderr=subprocess.STDOUT, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return process, logfile
        except OSError:
            time.sleep(0.5)
        if process.poll() is not None:
            break
    stop_gunicorn(process, logfile)
    raise RuntimeError(f"gunicorn did not start; see {log_path}")


def stop_gunicorn(process, logfile):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)  # our own gunicorn's process group only
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    logfile.close()


FLOORS = {"portal": "floor (portal)", "api": "floor (API)"}


def _summary(runs):
    """The run of median throughput among ``runs`` (the floor, measured next to each page)."""
    ordered = sorted(runs, key=lambda r: r["throughput"])
    return {**ordered[len(ordered) // 2], "runs": len(runs),
            "throughputs": [round(r["throughput"], 1) for r in runs]}


def load_pages(sizes, *, requests, time_limit):
    """Every page at every size, back to back: for each page, each size's floor and then the
    page, so that a page and its floor, and a page's two sizes, see the same machine load."""
    servers, cookies = {}, {}
    results = {size: {} for size in sizes}
    floors = {size: {kind: [] for kind in FLOORS} for size in sizes}
    pages = {name: (kind, role, url) for name, kind, role, url in PAGES}
    try:
        for size in sizes:
            cookies[size] = json.loads((size_dir(size) / "queries.json").read_text())["cookies"]
            port = free_port()
            servers[size] = (port, *start_gunicorn(
                port, env=env_for(size), log_path=size_dir(size) / "gunicorn.log"))
        measured = [p for p in PAGES if p[1] in FLOORS]
        for number, (name, kind, role, url) in enumerate(measured):
            order = sizes if number % 2 == 0 else list(reversed(sizes))
            for size in order:
                port = servers[size][0]
                _fkind, frole, furl = pages[FLOORS[kind]]

                def load(path, who, count, size=size, port=port):
                    return hammer(host=HOST, port=port, path=path, cookie=cookies[size][who],
                                  requests=count, concurrency=CONCURRENCY,
                                  time_limit=time_limit)

                load(url, role, 16)  # warm both workers and the caches
                floor = load(furl, frole, FLOOR_REQUESTS)
                floors[size][kind].append(floor)
                result = load(url, role, requests)
                result["asked"], result["time_limit"] = requests, time_limit
                result["floor_throughput"] = floor["throughput"]
                result["floor_p95"] = floor["p95"]
                results[size][name] = result
                log(f"{size:>5}: {name:<24} p50 {result['p50'] * 1000:7.1f} ms  "
                    f"p95 {result['p95'] * 1000:7.1f} ms  {result['throughput']:6.1f} req/s  "
                    f"(floor {floor['throughput']:6.1f} req/s)  {result['statuses']}")
    finally:
        for _port, process, logfile in servers.values():
            stop_gunicorn(process, logfile)
    for size in sizes:
        for kind, name in FLOORS.items():
            results[size][name] = _summary(floors[size][kind])
        (size_dir(size) / "load.json").write_text(json.dumps(results[size], indent=1))


def bench(sizes, *, requests, time_limit):
    started = time.monotonic()
    for size in sizes:
        flush_redis(size)
        run(size, "-m", "bench.seed", "--size", size)
        run(size, "-m", "bench.probe", "--size", size, "--phase", "queries")
    load_pages(sizes, requests=requests, time_limit=time_limit)
    for size in sizes:
        run(size, "-m", "bench.probe", "--size", size, "--phase", "pdf")
        run(size, "-m", "bench.probe", "--size", size, "--phase", "sweep")
        flush_redis(size)
    seconds = time.monotonic() - started
    for size in sizes:
        (size_dir(size) / "meta.json").write_text(json.dumps({
            "seconds": round(seconds, 1), "requests": requests, "time_limit": time_limit,
            "finished": datetime.datetime.now(
                datetime.UTC).isoformat(timespec="seconds")}))
    log(f"measured {', '.join(sizes)} in {seconds:.0f} s")


def rendered_only(sizes):
    """The in-process probe again on the databases seeded before (migrated to this code)."""
    for size in sizes:
        flush_redis(size)
        run(size, "manage.py", "migrate", "--noinput", "-v0")
        run(size, "-m", "bench.probe", "--size", size, "--phase", "queries")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,large")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--time-limit", type=float, default=60.0,
                        help="seconds at most per page and size")
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument("--rendered-only", action="store_true",
                        help="re-run only the in-process probe on the seeded databases")
    args = parser.parse_args(argv)
    sizes = [s for s in args.sizes.split(",") if s]
    for size in sizes:
        if size not in SIZES:
            parser.error(f"unknown size {size}")
    if args.rendered_only:
        run(sizes[0], "manage.py", "collectstatic", "--noinput", "-v0")
        rendered_only(sizes)
    elif not args.report_only:
        started = time.monotonic()
        run(sizes[0], "manage.py", "collectstatic", "--noinput", "-v0")
        bench(sizes, requests=args.requests, time_limit=args.time_limit)
        log(f"all sizes in {time.monotonic() - started:.0f} s")
    report(sizes)


if __name__ == "__main__":
    main()
