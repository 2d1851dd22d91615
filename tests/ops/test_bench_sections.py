"""``make bench`` and ``make load`` share bench/RESULTS.md: each rewrites only its own part."""

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
