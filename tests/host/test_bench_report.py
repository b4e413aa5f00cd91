"""bench/report.py turns benchmark output into ratios against the baseline of the same run."""

import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
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
