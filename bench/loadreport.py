"""The report of ``make load``: the section "Load run (locust)" of bench/RESULTS.md from
locust's CSV files, the gunicorn log and the run's notes in ``var/load/`` (written by
bench/loadrun.py). Every figure is from the run, not typed.
"""

import csv
import json
import time

from bench.environment import REPO, machine
from bench.sections import put_section

OUT = REPO / "var" / "load"
RESULTS = REPO / "bench" / "RESULTS.md"
SECTION = "load-run"


def log(message):
    print(f"[load {time.strftime('%H:%M:%S')}] {message}", flush=True)


def server_errors():
    """Lines of the gunicorn log at ERROR or worse (tracebacks, worker timeouts)."""
    path = OUT / "gunicorn.log"
    lines = path.read_text(errors="replace").splitlines() if path.exists() else []
    return [
        line
        for line in lines
        if '"levelname": "ERROR"' in line
        or '"levelname": "CRITICAL"' in line
        or "[CRITICAL]" in line
        or "[ERROR]" in line
    ]




def _rows(name):
    path = OUT / f"locust_{name}.csv"
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def _number(value, digits=0):
    try:
        return f"{float(value):,.{digits}f}"
    except (TypeError, ValueError):
        return "—"


def _sign_in_note(meta):
    path = OUT / "password.json"
    if not path.exists():
        return []
    cost = json.loads(path.read_text())
    return [
        f"- Sign-ins: the {meta['users']} people sign in while locust starts them "
        f"({meta['spawn_rate']:g} per second); each sign-in checks a password hash "
        f"({cost['algorithm']}, {cost['iterations'] or '?':,} iterations: "
        f"{cost['seconds']:.2f} s for one check here), so the sign-in burst keeps both "
        "sync workers busy and the first pages wait behind it" + _slowest_when() + "."
    ]


def _slowest_when():
    """When (seconds after the start) the run's slowest request had been seen."""
    rows = [r for r in _rows("stats_history") if r["Name"] == "Aggregated"]
    if not rows:
        return ""
    start, slowest = int(rows[0]["Timestamp"]), float(rows[-1]["Total Max Response Time"])
    seen = next(int(r["Timestamp"]) for r in rows if float(r["Total Max Response Time"]) >= slowest)
    return (
        f" (the slowest request of the run, {slowest / 1000:.1f} s, had ended "
        f"{seen - start} s after the start)"
    )


def report():
    meta = json.loads((OUT / "meta.json").read_text())
    stats = _rows("stats")
    total = next(r for r in stats if r["Name"] == "Aggregated")
    endpoints = sorted(
        (r for r in stats if r["Name"] != "Aggregated"), key=lambda r: -int(r["Request Count"])
    )
    failures = _rows("failures")
    errors = server_errors()
    requests, failed = int(total["Request Count"]), int(total["Failure Count"])
    writes = [r for r in endpoints if r["Type"] == "POST"]
    ok = failed == 0 and not errors and requests > 0
    info = machine()
    lines = [
        "## Load run (locust)",
        "",
        "Written by `make load` (`bench/loadrun.py`, mix in `bench/locustfile.py`); every "
        "figure below is from the run, not typed.",
        "",
        f"- Date: {meta['finished'].replace('T', ' ')[:16]} UTC; {info['nproc']} CPUs shared "
        f"with other work (load average at the end "
        f"{', '.join(f'{x:.2f}' for x in info['load'])}).",
        f"- Load: `locust --headless -u {meta['users']} -r {meta['spawn_rate']} "
        f"-t {meta['run_time']}`; each simulated person waits 1–4 s between actions. Mix "
        "by weight: team members 8 (city home, schedule, coaching page, showcases, strategy "
        "builder and reading view; RSVPs, saving a strategy initiative, marking action items "
        "done or reopening them), coaches 2 (coach home, coaching pages, logging check-ins "
        "with an action), program staff 1 (cohort health dashboard, staff home, admin lists). "
        "Everyone signs in through the sign-in form (allauth, CSRF).",
        "- Server: gunicorn, 2 sync workers, production settings as in `make bench` (HTTPS "
        "redirect and MFA off), PostgreSQL, Redis (db 13); the small program (30 cities, "
        "2,000 check-ins, 6,000 action items, 200 showcases, 30 strategies × 40 "
        "initiatives).",
        *_sign_in_note(meta),
        "- A request fails unless it ends in a 200 page (redirects followed) that is not the "
        "sign-in page; a write fails unless it is accepted (redirected, no form error, no "
        "error message).",
        "",
        f"**{requests:,} requests, {failed:,} failures, {len(errors)} server errors logged; "
        f"{_number(total['Requests/s'], 1)} req/s; p50 {_number(total['50%'])} ms, "
        f"p95 {_number(total['95%'])} ms, p99 {_number(total['99%'])} ms; "
        f"{sum(int(r['Request Count']) for r in writes):,} writes.** "
        f"Target — zero errors: {'**pass**' if ok else '**FAIL**'}.",
        "",
        "| request | method | count | failures | p50 ms | p95 ms | p99 ms | max ms | req/s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in [*endpoints, total]:
        label = "**all**" if r is total else f"`{r['Name']}`"
        lines.append(
            f"| {label} | {r['Type'] or ''} | {int(r['Request Count']):,} | "
            f"{int(r['Failure Count']):,} | {_number(r['50%'])} | {_number(r['95%'])} | "
            f"{_number(r['99%'])} | {_number(r['Max Response Time'])} | "
            f"{_number(r['Requests/s'], 2)} |"
        )
    if failures:
        lines += ["", "| failed request | error | occurrences |", "|---|---|---:|"]
        lines += [
            f"| {f['Method']} `{f['Name']}` | {f['Error'][:200]} | {f['Occurrences']} |"
            for f in failures
        ]
    if errors:
        lines += ["", "Server errors (first 5 lines of the gunicorn log):", ""]
        lines += [f"    {line[:300]}" for line in errors[:5]]
    lines.append("")
    previous = RESULTS.read_text() if RESULTS.exists() else ""
    RESULTS.write_text(put_section(previous, SECTION, "\n".join(lines)))
    (OUT / "summary.json").write_text(
        json.dumps(
            {
                "requests": requests,
                "failures": failed,
                "server_errors": len(errors),
                "ok": ok,
                "endpoints": endpoints,
                "aggregate": total,
                "failure_rows": failures,
            },
            indent=1,
        )
    )
    log(
        f"wrote the load run into {RESULTS}: {requests} requests, {failed} failures, "
        f"{len(errors)} server errors"
    )
    return ok


