"""``make bench`` and ``make load`` share bench/RESULTS.md: each rewrites only its own part;
``bench.run --rendered-only`` keeps the sections whose raw figures it does not have."""

import json

from bench import report as report_module
from bench.probe import PAGES
from bench.sections import keep_sections, put_section, sections_of


def test_the_load_section_is_added_then_replaced_not_duplicated():
    report = "# Benchmark results\n\nfigures of make bench\n"

    once = put_section(report, "load-run", "## Load run (locust)\n\n100 requests")
    twice = put_section(once, "load-run", "## Load run (locust)\n\n200 requests")

    assert twice.startswith(report.rstrip("\n"))
    assert twice.count("## Load run (locust)") == 1
    assert "200 requests" in twice
    assert "100 requests" not in twice


def test_a_new_bench_report_keeps_the_load_section_of_the_previous_file():
    previous = put_section("# Benchmark results\n\nold figures\n", "load-run", "load figures")

    written = keep_sections("# Benchmark results\n\nnew figures\n", previous)

    assert "new figures" in written
    assert "old figures" not in written
    assert list(sections_of(written)) == ["load-run"]
    assert "load figures" in sections_of(written)["load-run"]


def _queries_only(folder):
    """The raw figures of ``bench.run --rendered-only``: the probe's, no load run, PDF or
    sweep."""
    pages = [{"name": name, "kind": kind, "role": role, "url": url, "status": 200,
              "queries": 7, "sql": ["SELECT 1"] * 5, "cached_status": 200, "cached_queries": 5,
              "cached_sql": ["SELECT 1"] * 3, "ms_rendered": 20.0, "ms_floor": 5.0,
              "ms_cached": 4.0} for name, kind, role, url in PAGES]
    for size in ("small", "large"):
        (folder / size).mkdir(parents=True)
        (folder / size / "queries.json").write_text(json.dumps({
            "pages": pages, "cookies": {},
            "measured": {"seconds": 20, "finished": "2026-12-03T12:00:00+00:00"}}))


def test_a_rendered_only_report_keeps_the_sections_whose_figures_are_not_here(
        tmp_path, monkeypatch):
    _queries_only(tmp_path / "var")
    results = tmp_path / "RESULTS.md"
    previous = "\n".join([
        "# Benchmark results", "",
        "- Load: 8 concurrent clients, 200 requests per page.",
        "- When each section's figures were measured:",
        "  - load run (bench/run.py): small 2026-12-01 09:57 UTC (1 s).",
        "  - PDF (bench/probe.py): small 2026-12-01 09:58 UTC (1 s).",
        "", "## Rendered afresh: the first visit after a change", "", "old figures", "",
        "## Latency and throughput (8 concurrent clients through gunicorn)", "",
        "| city home | 1.0 | 75% |", "", "### p95 growth", "", "growth 1.10×", "",
        "## Strategy PDF (40 initiatives)", "", "| large | 1.07× |", "",
        "## Reminder sweep (10,000 due reminders)", "", "| large | 8 per batch |", "",
        "## Summary", "", "| target | result |", "|---|---|",
        "| p95 large ≤ 1.5× small | **pass** |",
        "| throughput ≥ 35% (portal) / 45% (API) of the floor | **pass** |",
        "| PDF task ≤ 1.2× bare, unchanged cached | **pass** |",
        "| sweep constant queries per batch | **FAIL** |", "",
    ]) + "\n" + put_section("", "load-run", "## Load run (locust)\n\nlocust figures")
    results.write_text(previous)
    monkeypatch.setattr(report_module, "RESULTS", results)
    monkeypatch.setattr(report_module, "size_dir", lambda size: tmp_path / "var" / size)

    report_module.report(["small", "large"])

    written = results.read_text()
    assert "old figures" not in written  # the rendered-afresh figures are this run's
    assert "| city home | 12 | 12 |" not in written
    assert "| city home | 5 | 5 | 20.0 | 20.0 | 5.0 | 4.0× | **pass** | **pass** |" in written
    for kept in ("| city home | 1.0 | 75% |", "growth 1.10×", "| large | 1.07× |",
                 "| large | 8 per batch |", "| p95 large ≤ 1.5× small | **pass** |",
                 "| PDF task ≤ 1.2× bare, unchanged cached | **pass** |",
                 "| sweep constant queries per batch | **FAIL** |",
                 "- Load: 8 concurrent clients, 200 requests per page.", "locust figures"):
        assert written.count(kept) == 1, kept
    assert "  - load run (bench/run.py): small 2026-12-01 09:57 UTC (1 s) (kept " in written
    # Written again from the same figures: the same report, nothing kept twice.
    report_module.report(["small", "large"])
    again = results.read_text()
    assert again.split("\n", 6)[6] == written.split("\n", 6)[6]  # after the date and load
