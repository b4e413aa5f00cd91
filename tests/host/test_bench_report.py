"""bench/report.py turns benchmark output into ratios against the baseline of the same run."""

import importlib.util
import os

from hosttools import ROOT

spec = importlib.util.spec_from_file_location("report", os.path.join(ROOT, "bench", "report.py"))
report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(report)


def test_parse_reads_results_and_skips():
    out = ('noise\nRESULT {"name": "x", "stock": 2, "ours": 4}\n'
           "SKIP not on this target\n")
    results, skips = report.parse(out)
    assert results == [{"name": "x", "stock": 2, "ours": 4}]
    assert skips == ["not on this target"]


def test_rows_are_ratios_against_the_named_baseline():
    record = {"name": "lat", "what": "w", "unit": "ms", "better": "lower", "baseline": "stock",
              "stock": 50.0, "fastpoll": 25.0, "priority": 5.0}
    rows = {r["compare"]: r for r in report.rows_of(record, "qemu")}
    assert set(rows) == {"fastpoll vs stock", "priority vs stock"}
    assert rows["fastpoll vs stock"]["ratio"] == 0.5
    assert rows["priority vs stock"]["ratio"] == 0.1
    assert rows["priority vs stock"]["target"] == "qemu"


def test_markdown_table_has_a_row_per_ratio_and_skip():
    rows = list(report.rows_of({"name": "rr", "stock": 100, "lib": 99}, "unix"))
    text = report.markdown(rows, [("qemu", "ram", "unix only")], "header")
    assert "| unix | rr | lib vs stock | 100  | 99  | **0.99x** |" in text
    assert "n/a: unix only" in text


def test_verdict_follows_the_direction_that_is_better():
    lower = {"name": "lat", "better": "lower", "baseline": "stock", "stock": 50.0,
             "fast": 5.0, "slow": 100.0, "same": 50.5, "free": -0.1}
    rows = {r["compare"]: r for r in report.rows_of(lower, "qemu")}
    assert report.verdict(rows["fast vs stock"]) == "better"
    assert report.verdict(rows["slow vs stock"]) == "worse"
    assert report.verdict(rows["same vs stock"]) == "same"
    assert report.verdict(rows["free vs stock"]) == "better"
    higher = {"name": "rate", "better": "higher", "baseline": "stock", "stock": 10, "ours": 5}
    (row,) = report.rows_of(higher, "unix")
    assert report.verdict(row) == "worse"
    assert "| worse |" in report.markdown([row], [], "header")


def test_chart_is_written(tmp_path):
    record = {"name": "lat", "better": "lower", "baseline": "stock", "stock": 50.0,
              "fast": 5.0, "free": 0}
    rows = list(report.rows_of(record, "qemu"))
    rows += list(report.rows_of({"name": "rr", "better": "higher", "stock": 10, "x": 9}, "unix"))
    report.chart(rows, str(tmp_path / "c.png"))
    assert (tmp_path / "c.png").stat().st_size > 1000


def test_doc_gets_the_table_between_its_markers_and_keeps_its_prose(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nprose before\n\n{}\nold table\n{}\n\nprose after\n".format(
        report.BEGIN, report.END))
    results, skips = report.parse(
        'RESULT {"name": "lat", "what": "median ms", "unit": "ms", "better": "lower", '
        '"stock": 50.0, "fastpoll": 5.0}\n')
    rows = [row for record in results for row in report.rows_of(record, "qemu")]
    made = "on 2026-12-03 08:00 UTC from commit abc, on x86_64 (2 cores): unix build"
    report.write_doc(str(doc), report.doc_block(rows, [("unix", "lat", "no irq")], made, True))
    text = doc.read_text()
    assert text.startswith("# Benchmarks\n\nprose before\n\n" + report.BEGIN + "\n")
    assert text.endswith("\n" + report.END + "\n\nprose after\n")
    assert "old table" not in text
    assert "_Written by `make bench` " + made + "._" in text
    assert "| qemu | lat | fastpoll vs stock | 50 ms | 5 ms | **0.10x** | lower | better |" \
        in text
    assert "| unix | lat | n/a: no irq |" in text
    assert "- `lat`: median ms" in text
    assert "](bench-report.png)" in text
    # A second run replaces the first run's table, not the prose.
    report.write_doc(str(doc), report.doc_block(rows[:0], [], "again", False))
    text = doc.read_text()
    assert "| 5 ms |" not in text and "again" in text and "No chart" in text
    assert text.count("prose before") == 1 and text.endswith("prose after\n")


def test_doc_without_markers_is_refused_unchanged(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nno markers\n")
    try:
        report.write_doc(str(doc), report.doc_block([], [], "now", False))
    except report.UserError as e:
        assert "needs one line" in str(e)
    else:
        raise AssertionError("a document without markers was written")
    assert doc.read_text() == "# Benchmarks\n\nno markers\n"


def test_the_repo_benchmarks_doc_has_the_markers_make_bench_needs():
    with open(os.path.join(ROOT, "docs", "benchmarks.md")) as f:
        lines = f.read().split("\n")
    assert lines.count(report.BEGIN) == 1 and lines.count(report.END) == 1
    assert lines.index(report.BEGIN) < lines.index(report.END)
