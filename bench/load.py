"""A small load generator: N threads, plain HTTP with a session cookie, fixed request count."""

import http.client
import statistics
import threading
import time


def percentile(values, q):
    """The ``q``-th percentile (0–100) by nearest rank."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, round(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def hammer(*, host, port, path, cookie, requests=200, concurrency=8, time_limit=60.0,
           headers=None):
    """GET ``path`` ``requests`` times from ``concurrency`` threads (stop at ``time_limit``).

    Returns latencies (seconds) of the answered requests, throughput (requests/second over
    the wall time), the status codes seen and how many requests failed.
    """
    lock = threading.Lock()
    remaining = [requests]
    latencies, statuses, failures = [], {}, [0]
    deadline = time.monotonic() + time_limit
    base_headers = {"Cookie": cookie, "Host": f"{host}:{port}", **(headers or {})}

    def worker():
        while True:
            with lock:
                if remaining[0] <= 0 or time.monotonic() > deadline:
                    return
                remaining[0] -= 1
            connection = http.client.HTTPConnection(host, port, timeout=30)
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=base_headers)
                response = connection.getresponse()
                response.read()
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses[response.status] = statuses.get(response.status, 0) + 1
            except OSError:
                with lock:
                    failures[0] += 1
            finally:
                connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {
        "requests": len(latencies), "failures": failures[0], "statuses": statuses,
        "wall_s": wall, "throughput": len(latencies) / wall if wall else 0.0,
        "p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "mean": statistics.fmean(latencies) if latencies else None,
    }
