"""The reports written by others (tests/data/reports/): complete, split once, and drafted
without a crash. Their scores are a benchmark (benchmarks/score_reports.py), not a test: the
frozen split is measured, never tuned against."""

from __future__ import annotations

import csv

from benchmarks.score_reports import REPORTS, score_all


def test_every_report_has_its_expectation_and_one_split():
    reports = {f"{p.parent.name}/{p.stem}" for p in REPORTS.glob("*/*.txt")}
    rows = list(csv.DictReader((REPORTS / "split.csv").open(encoding="utf-8")))
    assert {row["report"] for row in rows} == reports
    assert all((REPORTS / f"{r}.expected.yaml").exists() for r in reports)
    by_strike = {}
    for row in rows:  # a strike's reports are all in one split
        assert by_strike.setdefault(row["strike"], row["split"]) == row["split"]
    assert set(by_strike.values()) == {"dev", "test"}


def test_no_report_crashes_extraction(gazetteer):
    crashed = [(s.report, s.crashed) for s in score_all(gazetteer) if s.crashed]
    assert crashed == []
