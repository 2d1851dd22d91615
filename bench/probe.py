"""In-process measurements against a seeded benchmark database (one size per process).

    uv run python -m bench.probe --size small --phase queries|pdf|sweep

``queries``: for each page, the SQL queries of one request through Django's test client
that renders the page afresh (every data version bumped first) and of one the page cache
answers, the median in-process time of each, and a logged-in session per role for the load
generator. ``pdf``: the strategy PDF through the task vs WeasyPrint alone on the same HTML,
and the cost of an unchanged strategy.
``sweep``: 10,000 due reminders through the reminder sweep, queries per batch.
Each phase writes ``var/bench/<size>/<phase>.json``.
"""

import argparse
import datetime
import json
import statistics
import time
from pathlib import Path

from bench.environment import REPO, SIZES, setup_django

CITY, COHORT = "city-001", "cohort-1"
ROLES = {
    "member": f"cdo@{CITY}.bench.test",
    "coach": "coach1@bench.test",
    "staff": "staff1@bench.test",
}

# (name, kind, role, url): kind is "floor", "api-floor", "portal" or "api".
PAGES = [
    ("floor (portal)", "floor", "member", f"/bench/floor/c/{CITY}/"),
    ("floor (API)", "api-floor", "member", f"/bench/floor/api/{CITY}/"),
    ("city home", "portal", "member", f"/c/{CITY}/"),
    ("schedule", "portal", "member", f"/c/{CITY}/schedule/"),
    ("coaching page", "portal", "member", f"/c/{CITY}/coaching/"),
    ("coach home", "portal", "coach", "/coach/"),
    ("showcases list", "portal", "member", f"/c/{CITY}/showcases/"),
    ("strategy builder", "portal", "member", f"/c/{CITY}/strategy/"),
    ("strategy reading view", "portal", "member", f"/c/{CITY}/strategy/read/"),
    ("cohort health (staff)", "portal", "staff", f"/staff/cohorts/{COHORT}/health/"),
    ("admin: applications", "portal", "staff", "/admin/cities/application/"),
    ("admin: check-ins", "portal", "staff", "/admin/coaching/checkin/"),
    ("API sessions", "api", "member", f"/api/v1/cities/{CITY}/sessions/"),
    ("API check-ins", "api", "member", f"/api/v1/cities/{CITY}/checkins/"),
    ("API action items", "api", "member", f"/api/v1/cities/{CITY}/action-items/"),
    ("API showcases", "api", "member", f"/api/v1/cities/{CITY}/showcases/"),
]

SWEEP_REMINDERS = 10_000


def out_dir(size):
    path = REPO / "var" / "bench" / size
    path.mkdir(parents=True, exist_ok=True)
    return path


def _median_ms(request, repeat=15):
    """The median of ``repeat`` calls of ``request`` in milliseconds (one untimed first)."""
    request()
    return statistics.median(_timed(request, repeat)[1]) * 1000


# A page's floor: the trivial page of the same kind (bench/urls.py), timed next to it.
FLOOR_OF = {
    "floor": f"/bench/floor/c/{CITY}/", "portal": f"/bench/floor/c/{CITY}/",
    "api-floor": f"/bench/floor/api/{CITY}/", "api": f"/bench/floor/api/{CITY}/",
}


def _rendered_and_floor_ms(client, url, floor_client, floor_url, repeat=15):
    """The median in-process milliseconds of ``url`` rendered afresh (the shared data
    version bumped just before each request, so the page cache and every value kept under it
    miss) and of its floor, the two interleaved request by request so that the shared machine's load
    weighs on both alike."""
    from caching.data_versions import ALL
    from caching.versioned_cache import bump

    def afresh(c, u):
        bump(ALL)
        started = time.perf_counter()
        c.get(u)
        return time.perf_counter() - started

    afresh(client, url), afresh(floor_client, floor_url)  # untimed first requests
    page, floor = [], []
    for _ in range(repeat):
        floor.append(afresh(floor_client, floor_url))
        page.append(afresh(client, url))
    return {"ms_rendered": statistics.median(page) * 1000,
            "ms_floor": statistics.median(floor) * 1000}


def phase_queries(size):
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from caching.data_versions import ALL
    from caching.versioned_cache import bump

    clients, cookies = {}, {}
    for role, email in ROLES.items():
        client = Client()
        client.force_login(User.objects.get(email=email))
        clients[role] = client
        name = settings.SESSION_COOKIE_NAME
        cookies[role] = f"{name}={client.cookies[name].value}"
    pages = []
    for name, kind, role, url in PAGES:
        client = clients[role]
        warm = client.get(url)  # fills caches, like the load run's first requests
        bump(ALL)  # every cached page is stale: this request renders the page afresh
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        with CaptureQueriesContext(connection) as from_cache:
            cached = client.get(url)  # nothing changed since: the page cache answers
        pages.append({
            "name": name, "kind": kind, "role": role, "url": url,
            "status": response.status_code, "warm_status": warm.status_code,
            "queries": len(captured), "bytes": len(response.content),
            "sql": [q["sql"][:500] for q in captured.captured_queries],
            "cached_status": cached.status_code, "cached_queries": len(from_cache),
            "cached_sql": [q["sql"][:500] for q in from_cache.captured_queries],
            **_rendered_and_floor_ms(client, url, clients["member"], FLOOR_OF[kind]),
            "ms_cached": _median_ms(lambda c=client, u=url: c.get(u)),
        })
        # (the figures of the dict: the timing runs above rotate the connection's query log)
        page = pages[-1]
        print(f"  {name:<24} {response.status_code} {page['queries']:>3} queries "
              f"{len(response.content):>7} bytes, {page['ms_rendered']:.1f} ms rendered "
              f"({page['ms_rendered'] / page['ms_floor']:.1f}× its floor's "
              f"{page['ms_floor']:.1f} ms), {page['ms_cached']:.1f} ms from the page cache")
    return {"pages": pages, "cookies": cookies}


def _timed(function, repeat):
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times, result


def phase_pdf(size, repeat=5):
    from django.core.files.storage import default_storage
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django_scopes import scope, scopes_disabled

    from strategy.models import DocumentKind, Strategy, StrategyDocument
    from strategy.pdf import render_html, write_pdf
    from strategy.tasks import render_strategy_pdf

    with scopes_disabled():
        strategy = Strategy.objects.select_related("city").get(city__slug=CITY)
    kind = DocumentKind.FULL

    with scope(city=strategy.city):
        html, _digest = render_html(strategy=strategy, kind=kind, language="en")
    mentions = html.count("Initiative ")

    def bare():
        return write_pdf(html)

    def forget_documents():
        with scopes_disabled():
            for document in StrategyDocument.objects.filter(strategy=strategy):
                if document.file:
                    default_storage.delete(document.file.name)
                document.delete()

    def through_task():
        forget_documents()  # a changed strategy: nothing rendered yet
        return render_strategy_pdf.apply(args=(strategy.pk, kind, "en")).get()

    bare()  # warm WeasyPrint's fonts and caches once before timing either
    bare_times, task_times = [], []
    pdf = None
    for _ in range(repeat):  # interleaved, so that the shared machine's load hits both alike
        _m, (seconds,), pdf = _timed(bare, 1)
        bare_times.append(seconds)
        _m, (seconds,), _ = _timed(through_task, 1)
        task_times.append(seconds)
    bare_median, task_median = statistics.median(bare_times), statistics.median(task_times)
    # The strategy has not changed since: the task finds the document and does nothing.
    with CaptureQueriesContext(connection) as captured:
        unchanged_median, unchanged_times, _ = _timed(
            lambda: render_strategy_pdf.apply(args=(strategy.pk, kind, "en")).get(), repeat)
    with scopes_disabled():
        documents = StrategyDocument.objects.filter(strategy=strategy).count()
    return {
        "initiative_mentions_in_html": mentions, "html_bytes": len(html), "pdf_bytes": len(pdf),
        "bare_s": bare_median, "bare_runs": bare_times,
        "task_s": task_median, "task_runs": task_times,
        "unchanged_s": unchanged_median, "unchanged_runs": unchanged_times,
        "unchanged_queries": len(captured) // repeat, "documents_after": documents,
    }


def phase_sweep(size):
    """10,000 open action items that became overdue yesterday, one owner each, one rule."""
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from accounts.models import Membership
    from coaching.models import ActionItem
    from notifications import reminders
    from notifications.models import (
        EmailOutbox,
        Notification,
        ReminderDelivery,
        ReminderKind,
        ReminderRule,
    )

    now = timezone.now()
    due_on = now.date() - timedelta(days=2)  # overdue from yesterday 00:00 in the city
    with scopes_disabled():
        memberships = list(Membership.objects.select_related("city", "user").order_by("pk"))
        ActionItem.objects.bulk_create([
            ActionItem(city=m.city, owner=m.user, title=f"Overdue {n}", due_on=due_on,
                       status="open")
            for n in range(SWEEP_REMINDERS)
            for m in [memberships[n % len(memberships)]]
        ], batch_size=5000)
        ReminderRule.objects.update(active=False)
        rule = ReminderRule.objects.create(
            name="Bench: overdue", kind=ReminderKind.ACTION_ITEM_OVERDUE, offset=timedelta(0))
        before = (Notification.objects.count(), EmailOutbox.objects.count())

    batches = []
    original = reminders.send_reminder_batch

    def counted_batch(**kwargs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            sent = original(**kwargs)
            elapsed = time.perf_counter() - started
        batches.append({"size": len(kwargs["reminders"]), "sent": sent,
                        "queries": len(captured), "seconds": elapsed})
        return sent

    reminders.send_reminder_batch = counted_batch
    try:
        with CaptureQueriesContext(connection) as total:
            started = time.perf_counter()
            sent = reminders.run_reminder_sweep(now=now)
            elapsed = time.perf_counter() - started
        reminders.send_reminder_batch = original
        again_started = time.perf_counter()
        sent_again = reminders.run_reminder_sweep(now=now)  # nothing twice
        again_elapsed = time.perf_counter() - again_started
    finally:
        reminders.send_reminder_batch = original
    with scopes_disabled():
        after = (Notification.objects.count(), EmailOutbox.objects.count())
        claims = ReminderDelivery.objects.filter(rule=rule).count()
    # The first batch also looks up the ContentType once (then cached for the process).
    per_batch = sorted({b["queries"] for b in batches[1:] if b["size"] == reminders.BATCH_SIZE})
    distinct = {}
    for number, b in enumerate(batches, 1):
        distinct.setdefault(b["queries"], []).append(number)
    return {
        "reminders_due": SWEEP_REMINDERS, "sent": sent, "sent_again": sent_again,
        "seconds": elapsed, "again_seconds": again_elapsed, "total_queries": len(total),
        "batches": len(batches), "batch_size": reminders.BATCH_SIZE,
        "queries_per_full_batch": per_batch,
        "batch_seconds_median": statistics.median(b["seconds"] for b in batches) if batches
        else None,
        "notifications_written": after[0] - before[0], "emails_queued": after[1] - before[1],
        "claims": claims,
        "batches_by_query_count": {str(k): v[:10] for k, v in distinct.items()},
    }


def _now():
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


PHASES = {"queries": phase_queries, "pdf": phase_pdf, "sweep": phase_sweep}


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=sorted(SIZES), required=True)
    parser.add_argument("--phase", choices=sorted(PHASES), required=True)
    args = parser.parse_args(argv)
    setup_django(args.size)
    started = time.monotonic()
    result = PHASES[args.phase](args.size)
    # When and how long, as measured here: the report states it, nothing is typed in.
    result["measured"] = {"seconds": round(time.monotonic() - started, 1),
                          "finished": _now()}
    path = Path(out_dir(args.size)) / f"{args.phase}.json"
    path.write_text(json.dumps(result, indent=1, default=str))
    if args.phase != "queries":
        print(json.dumps({k: v for k, v in result.items() if not k.endswith("runs")},
                         default=str))


if __name__ == "__main__":
    main()
