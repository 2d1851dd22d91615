"""The report of ``make bench``: bench/RESULTS.md from the figures in ``var/bench/<size>/``
(written by bench/probe.py and the load run of bench/run.py). Every pass/fail is computed here
from the figures, never typed.
"""

import datetime
import json

from bench.environment import CONCURRENCY, FLOOR_REQUESTS, REPO, machine, size_dir
from bench.probe import PAGES
from bench.sections import keep_sections, kept_line, kept_section

RESULTS = REPO / "bench" / "RESULTS.md"

# The targets of issue 10.
MAX_QUERIES = 15
MAX_P95_GROWTH = 1.5
MIN_PORTAL_SHARE = 0.35
MIN_API_SHARE = 0.45
MAX_PDF_OVERHEAD = 1.2
# Issue 19: a page rendered afresh costs at most this many times its floor (large program).
MAX_RENDERED_TIMES_FLOOR = 8


TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def statement_count(sql):
    """Statements that read or write data (not the transaction's BEGIN/COMMIT/SAVEPOINT)."""
    return sum(1 for q in sql if not q.strip().upper().startswith(TRANSACTION_CONTROL))


def _read(size, phase):
    path = size_dir(size) / f"{phase}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _ms(seconds):
    return "—" if seconds is None else f"{seconds * 1000:.1f}"


def _mark(ok):
    return "**pass**" if ok else "**FAIL**"


def _page(data, size, name):
    return next(p for p in data[size]["queries"]["pages"] if p["name"] == name)


def rendered_afresh(data, sizes):
    """The first table of the report: every page rendered afresh (the first visit after any
    change), its queries at each size and its in-process time against its floor's; and whether
    the targets hold (≤ 15 queries at every size, ≤ 8× the floor at the largest size)."""
    big = "large" if "large" in sizes else sizes[-1]
    lines = [
        "## Rendered afresh: the first visit after a change", "",
        "What a person's first visit after any change costs: the shared data version, which "
        "every page and every cached figure depends on, is bumped just before each request, "
        "so the page cache and every value kept under it miss and the page is rendered. What "
        "no record shown changes is kept as it would be after a real change: the admin's "
        "sidebar (kept until a person's permissions change); what a city's own records say, "
        "kept until that city's records change (on cohort health its strategy percent, "
        "check-ins, action items, showcases, places attended and hours logged; on the "
        "reading view its strategy's plans, initiatives and metrics); the SQL of a few "
        "statements, compiled once per process for their inputs (their rows are read every "
        "time); and the charts and texts kept per process by their own inputs (a cohort "
        "health chart by its figures). In-process through Django's test client against the "
        "seeded PostgreSQL and Redis, one request at a time; *ms* is the median of 15 "
        "requests, each timed right after a request to the page's floor (the trivial page "
        "of the same kind, below), so that the shared machine's load weighs on both alike; "
        f"*÷ floor* divides the two medians at the {big} size. *Queries* counts SQL "
        "statements (without the `BEGIN`/`COMMIT` of `ATOMIC_REQUESTS`).", "",
        "| page | " + " | ".join(f"{s} queries" for s in sizes) + " | "
        + " | ".join(f"{s} ms" for s in sizes) + f" | {big} floor ms | ÷ floor | "
        f"≤ {MAX_QUERIES} queries | ≤ {MAX_RENDERED_TIMES_FLOOR}× floor |",
        "|---|" + "---:|" * (2 * len(sizes) + 2) + "---|---|",
    ]
    ok = True
    for name, kind, _role, _url in PAGES:
        pages = {size: _page(data, size, name) for size in sizes}
        counts = [statement_count(p["sql"]) if p["status"] == 200 else None
                  for p in pages.values()]
        times = [p.get("ms_rendered") for p in pages.values()]
        floor = pages[big].get("ms_floor")
        ratio = times[sizes.index(big)] / floor if floor and times[sizes.index(big)] else None
        few = None not in counts and max(counts) <= MAX_QUERIES
        fast = ratio is not None and ratio <= MAX_RENDERED_TIMES_FLOOR
        if kind in ("portal", "api"):
            ok &= few and fast
        lines.append(
            f"| {name} | " + " | ".join("HTTP error" if c is None else str(c) for c in counts)
            + " | " + " | ".join("—" if t is None else f"{t:.1f}" for t in times)
            + f" | {'—' if floor is None else f'{floor:.1f}'} | "
            f"{'—' if ratio is None else f'{ratio:.1f}×'} | {_mark(few)} | {_mark(fast)} |")
    lines += ["", f"Target — rendered afresh, at most {MAX_QUERIES} queries at both sizes and "
              f"at most {MAX_RENDERED_TIMES_FLOOR}× the floor's time at the {big} size, on every "
              f"page: {_mark(ok)}.", ""]
    return lines, ok


PHASE_NAMES = {"queries": "rendered afresh and queries (bench/probe.py)",
               "load": "load run (bench/run.py)", "pdf": "PDF (bench/probe.py)",
               "sweep": "reminder sweep (bench/probe.py)"}


def _when(size, phase, figures):
    """When the figures of ``phase`` were measured, and for how long, as the script that
    measured them wrote it (else the file's time: a figure is never typed in)."""
    measured = figures.get("measured") if isinstance(figures, dict) else None
    if measured:
        return f"{measured['finished'].replace('T', ' ')[:16]} UTC ({measured['seconds']:.0f} s)"
    written = datetime.datetime.fromtimestamp(
        (size_dir(size) / f"{phase}.json").stat().st_mtime, datetime.UTC)
    return f"{written:%Y-%m-%d %H:%M} UTC (file written)"


def _load_setting(data, key, meta_key):
    """A setting of the load run as the run recorded it (its pages, else its meta), or ?."""
    for figures in data.values():
        for page in (figures["load"] or {}).values():
            if isinstance(page, dict) and key in page:
                return f"{page[key]:g}"
            if isinstance(page, dict) and key == "asked" and "requests" in page:
                return f"{page['requests']:g}"  # a run before "asked" was recorded: made
        if figures["meta"] and meta_key in figures["meta"]:
            return f"{figures['meta'][meta_key]:g}"
    return "?"


def measured_when(data, sizes, previous=""):
    """One line per phase: when each size's figures were measured (see :func:`_when`); a
    phase with no figures here keeps the previous report's line, and says so."""
    lines = ["- When each section's figures were measured:"]
    for phase, label in PHASE_NAMES.items():
        parts = [f"{size} {_when(size, phase, data[size][phase])}"
                 for size in sizes if data[size][phase]]
        if parts:
            lines.append(f"  - {label}: {'; '.join(parts)}.")
        elif kept := kept_line(previous, f"  - {label}:", note=True):
            lines.append(kept)
    meta = next((data[s]["meta"] for s in sizes if data[s]["meta"]), None)
    if meta:
        lines.append(f"  - a whole run of `bench/run.py` ({' and '.join(sizes)}): "
                     f"{meta['seconds']:.0f} s, finished {meta['finished']}.")
    return lines


def _summary_row(label, measured, result, previous):
    """A row of the summary: ``result`` when this run ``measured`` its figures, else the
    previous report's row (kept with its section), else none."""
    if measured:
        return [f"{label}{result} |"]
    kept = kept_line(previous, label)
    return [kept] if kept else []


def report(sizes):  # noqa: C901, PLR0912, PLR0915 - one linear report
    data = {s: {p: _read(s, p) for p in ("queries", "load", "pdf", "sweep", "meta")}
            for s in sizes}
    previous = RESULTS.read_text() if RESULTS.exists() else ""
    # A section whose raw figures are not here keeps the previous report's (see measured_when).
    measured = {phase: any(data[s][phase] for s in sizes) for phase in ("load", "pdf", "sweep")}
    both = "small" in sizes and "large" in sizes
    big = "large" if "large" in data and data["large"]["load"] else sizes[-1]
    info = machine()
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`bench/run.py`); every pass/fail below is computed from the "
        "figures of this run, not typed.",
        "",
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory']} memory, "
        f"Python {info['python']}, load average at the end "
        f"{', '.join(f'{x:.2f}' for x in info['load'])}. The machine is shared with other "
        "work (other engineers' test runs), so absolute figures are noisy; the targets are "
        "ratios measured in one run.",
        "- Server: gunicorn, 2 sync workers, `DJANGO_PRODUCTION=1` (whitenoise, manifest "
        "static files, DEBUG off), PostgreSQL on 127.0.0.1, Redis cache (db 14); HTTPS "
        "redirect and MFA off because the load generator speaks plain HTTP as seeded people "
        "without TOTP. API user throttle raised so the API, not its rate limit, is measured.",
        f"- Load: {CONCURRENCY} concurrent clients (threads, one connection per request), "
        f"{_load_setting(data, 'asked', 'requests')} requests per "
        "page after 16 warm-up requests (at most "
        f"{_load_setting(data, 'time_limit', 'time_limit')} s per "
        "run); the session cookie of a "
        "seeded person "
        "(the city's CDO, its coach, or program staff).",
        "- Programs: large = 10 cohorts, 300 cities, 1,500 users, 3,000 sessions "
        "(RSVPs, attendance, hours), 20,000 check-ins, 60,000 action items, 2,000 showcases "
        "with a file each, 300 strategies × 40 initiatives, 100,000 notifications; small = "
        "one tenth. Every cohort has 30 cities and every city the same shape at both sizes.",
        "- Floor: `bench/urls.py` — a trivial city page (`/bench/floor/c/<city>/`) behind the "
        "same middleware and session authentication; the API floor is a DRF view with the "
        "API's authentication, permission and throttling.",
        "",
    ]
    if not measured["load"] and (load_line := kept_line(previous, "- Load:")):
        lines[next(i for i, x in enumerate(lines) if x.startswith("- Load:"))] = load_line
    lines += [*measured_when(data, sizes, previous), ""]
    afresh_lines, afresh_ok = rendered_afresh(data, sizes)
    lines += afresh_lines

    # Queries
    lines += ["## SQL queries per request", "",
              "Through Django's test client against the same database "
              "(`CaptureQueriesContext`): a request that renders the page afresh (every data "
              "version bumped just before, so the page cache misses), then one that the page "
              "cache answers (nothing changed since). The figure is the number of SQL "
              "statements; in brackets, the round trips including the `BEGIN`/`COMMIT` of "
              "`ATOMIC_REQUESTS`, which `django_assert_num_queries` in the test suite does "
              "not see. The targets apply to the statements of both requests.", "",
              "| page | " + " | ".join(f"{s} rendered | {s} cached" for s in sizes) +
              " | identical | ≤ 15 |",
              "|---|" + "---:|---:|" * len(sizes) + "---|---|"]
    query_ok = True
    for name, kind, _role, url in PAGES:
        counts, rendered, cached = [], [], []
        for size in sizes:
            page = next(p for p in data[size]["queries"]["pages"] if p["name"] == name)
            for sql, total, status, into in (
                (page["sql"], page["queries"], page["status"], rendered),
                (page.get("cached_sql", []), page.get("cached_queries", 0),
                 page.get("cached_status"), cached),
            ):
                statements = statement_count(sql)
                into.append(statements if status == 200 else None)
                counts.append(f"{statements} ({total})" if status == 200
                              else f"{statements} (HTTP {status})")
        numbers = [n for n in rendered + cached if n is not None]
        identical = (len(numbers) == len(counts) and len(set(rendered)) == 1
                     and len(set(cached)) == 1)
        small_enough = bool(numbers) and max(numbers) <= MAX_QUERIES
        if kind in ("portal", "api"):
            query_ok &= identical and small_enough
        lines.append(f"| {name} `{url}` | " + " | ".join(map(str, counts)) +
                     f" | {_mark(identical)} | {_mark(small_enough)} |")
    lines += ["", f"Target — identical at both sizes and at most {MAX_QUERIES} for every page: "
              f"{_mark(query_ok)}.", ""]

    lines += ["## What a page costs rendered afresh and from the page cache", "",
              "Median of 15 requests in-process (Django's test client, no HTTP, one at a "
              "time), in milliseconds. *Rendered* bumps every data version before each "
              "request: the cost of the first visit after a change (first table). *Cached* is "
              "the next "
              "visit while nothing changed, which is what the load run below measures (it "
              "only reads).", "",
              "| page | " + " | ".join(f"{s} rendered | {s} cached" for s in sizes) + " |",
              "|---|" + "---:|---:|" * len(sizes)]
    for name, _kind, _role, _url in PAGES:
        cells = []
        for size in sizes:
            page = next(p for p in data[size]["queries"]["pages"] if p["name"] == name)
            cells += [f"{page.get('ms_rendered', 0):.1f}", f"{page.get('ms_cached', 0):.1f}"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")

    # Latency and throughput
    lines += kept_section(previous, "## Latency and throughput") if not measured["load"] else [
              "## Latency and throughput (8 concurrent clients through gunicorn)", "",
              "Both sizes are served at once (one gunicorn each, 2 workers) and loaded one at "
              f"a time, page by page: for each page and size, {FLOOR_REQUESTS} requests to the "
              "floor of the "
              "same kind (portal floor for pages, API floor for API lists), then the page. "
              "*÷ floor* divides the page's throughput by that adjacent floor's, so a page, its "
              "floor and its two sizes are measured under the same load of the shared machine. "
              "The floor rows show the run of median throughput among the adjacent floors.", ""]
    for size in sizes:
        load = data[size]["load"]
        if not load:
            continue
        lines += [f"### {size}", "",
                  "| page | p50 ms | p95 ms | p99 ms | req/s | floor req/s | ÷ floor | statuses |",
                  "|---|---:|---:|---:|---:|---:|---:|---|"]
        for name, _kind, _role, _url in PAGES:
            r = load[name]
            floor = r.get("floor_throughput", r["throughput"])
            share = r["throughput"] / floor if floor else 0
            lines.append(f"| {name} | {_ms(r['p50'])} | {_ms(r['p95'])} | {_ms(r['p99'])} | "
                         f"{r['throughput']:.1f} | {floor:.1f} | {share:.0%} | {r['statuses']}"
                         f"{' failures ' + str(r['failures']) if r['failures'] else ''} |")
        lines.append("")

    # Targets on latency/throughput
    growth_ok, share_ok = True, True
    if both and data["small"]["load"] and data["large"]["load"]:
        lines += ["### p95 growth, large ÷ small (target ≤ 1.5×)", "",
                  "| page | p95 small ms | p95 large ms | ratio | target |",
                  "|---|---:|---:|---:|---|"]
        for name, kind, _role, _url in PAGES:
            small, large = data["small"]["load"][name], data["large"]["load"][name]
            ratio = large["p95"] / small["p95"] if small["p95"] else float("inf")
            ok = ratio <= MAX_P95_GROWTH
            if kind in ("portal", "api"):
                growth_ok &= ok
            lines.append(f"| {name} | {_ms(small['p95'])} | {_ms(large['p95'])} | "
                         f"{ratio:.2f}× | {_mark(ok)} |")
        lines += ["", f"Target — every page's p95 at large within {MAX_P95_GROWTH}× of small: "
                  f"{_mark(growth_ok)}.", ""]
    load = data[big]["load"]
    if load:
        lines += [f"### Throughput against the floor ({big})", "",
                  "| page | req/s | adjacent floor req/s | ÷ floor | target | result |",
                  "|---|---:|---:|---:|---:|---|"]
        for name, kind, _role, _url in PAGES:
            if kind not in ("portal", "api"):
                continue
            r = load[name]
            floor = r["floor_throughput"]
            share = r["throughput"] / floor if floor else 0
            target = MIN_PORTAL_SHARE if kind == "portal" else MIN_API_SHARE
            ok = share >= target
            share_ok &= ok
            lines.append(f"| {name} | {r['throughput']:.1f} | {floor:.1f} | {share:.0%} | "
                         f"≥ {target:.0%} | {_mark(ok)} |")
        lines += ["", f"Target — portal pages ≥ {MIN_PORTAL_SHARE:.0%}, API lists ≥ "
                  f"{MIN_API_SHARE:.0%} of the floor: {_mark(share_ok)}.", ""]

    # PDF
    lines += kept_section(previous, "## Strategy PDF") if not measured["pdf"] else [
              "## Strategy PDF (40 initiatives)", "",
              "Median of 5 runs, bare and task interleaved. *Task*: "
              "`strategy.tasks.render_strategy_pdf` run in-process "
              "(loads the strategy, renders the HTML, hashes it, WeasyPrint, stores the file, "
              "saves the document) after removing the stored document; *bare*: "
              "`strategy.pdf.write_pdf` (WeasyPrint) on the same HTML; *unchanged*: the task "
              "again with nothing changed.", "",
              "| size | bare s | task s | task ÷ bare | unchanged s | unchanged queries | "
              "documents | ≤ 1.2× | cached |", "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    pdf_ok = True
    for size in sizes:
        pdf = data[size]["pdf"]
        if not pdf:
            continue
        ratio = pdf["task_s"] / pdf["bare_s"]
        cached = pdf["unchanged_s"] < 0.05 * pdf["bare_s"] and pdf["documents_after"] == 1
        pdf_ok &= ratio <= MAX_PDF_OVERHEAD and cached
        lines.append(f"| {size} | {pdf['bare_s']:.3f} | {pdf['task_s']:.3f} | {ratio:.2f}× | "
                     f"{pdf['unchanged_s']:.3f} | {pdf['unchanged_queries']} | "
                     f"{pdf['documents_after']} | {_mark(ratio <= MAX_PDF_OVERHEAD)} | "
                     f"{_mark(cached)} |")
    lines += [] if not measured["pdf"] else [
              "", f"Target — the task costs at most {MAX_PDF_OVERHEAD}× bare WeasyPrint and an "
              "unchanged strategy costs nothing (no render, no new document; < 5% of a render): "
              f"{_mark(pdf_ok)}.", ""]

    # Sweep
    lines += kept_section(previous, "## Reminder sweep") if not measured["sweep"] else [
              "## Reminder sweep (10,000 due reminders)", "",
              "10,000 open action items overdue since yesterday, one active rule "
              "(`action_item_overdue`, offset 0), `notifications.reminders.run_reminder_sweep` "
              "in-process; each batch's queries counted around `send_reminder_batch` "
              "(batches after the "
              "first: the first also looks up the action item's ContentType once). "
              "A second sweep right after must send nothing.", "",
              "| size | sent | seconds | per reminder ms | batches | queries per full batch | "
              "total queries | queries per reminder | second sweep sent | constant per batch |",
              "|---|---:|---:|---:|---:|---|---:|---:|---:|---|"]
    sweep_ok = True
    for size in sizes:
        sweep = data[size]["sweep"]
        if not sweep:
            continue
        constant = (len(sweep["queries_per_full_batch"]) == 1
                    and sweep["sent"] == sweep["reminders_due"]
                    and sweep["total_queries"] < sweep["reminders_due"] / 10
                    and sweep["sent_again"] == 0)
        sweep_ok &= constant
        lines.append(
            f"| {size} | {sweep['sent']:,} | {sweep['seconds']:.1f} | "
            f"{sweep['seconds'] / max(sweep['sent'], 1) * 1000:.2f} | {sweep['batches']} | "
            f"{', '.join(map(str, sweep['queries_per_full_batch']))} | "
            f"{sweep['total_queries']:,} | "
            f"{sweep['total_queries'] / max(sweep['sent'], 1):.3f} | {sweep['sent_again']} | "
            f"{_mark(constant)} |")
    lines += [] if not measured["sweep"] else [
              "", "Target — 10,000 due reminders in a constant number of queries per batch, "
              f"not per reminder: {_mark(sweep_ok)}.", ""]

    lines += ["## Summary", "",
              "| target | result |", "|---|---|",
              f"| rendered afresh: ≤ {MAX_QUERIES} queries, ≤ {MAX_RENDERED_TIMES_FLOOR}× the "
              f"floor | {_mark(afresh_ok)} |",
              f"| queries identical at both sizes, ≤ {MAX_QUERIES} | {_mark(query_ok)} |",
              *_summary_row(f"| p95 large ≤ {MAX_P95_GROWTH}× small | ", measured["load"],
                            _mark(growth_ok) if both else "not measured (one size)", previous),
              *_summary_row(f"| throughput ≥ {MIN_PORTAL_SHARE:.0%} (portal) / "
                            f"{MIN_API_SHARE:.0%} (API) of the floor | ", measured["load"],
                            _mark(share_ok), previous),
              *_summary_row(f"| PDF task ≤ {MAX_PDF_OVERHEAD}× bare, unchanged cached | ",
                            measured["pdf"], _mark(pdf_ok), previous),
              *_summary_row("| sweep constant queries per batch | ", measured["sweep"],
                            _mark(sweep_ok), previous), "",
              "What each run missed, why, and what changed: [FINDINGS.md](FINDINGS.md) "
              "(hand-written). Raw figures (every query's SQL included) are in "
              "`var/bench/<size>/*.json`.", ""]
    RESULTS.write_text(keep_sections("\n".join(lines), previous))  # make load's section stays
    print(f"[bench] wrote {RESULTS}", flush=True)


