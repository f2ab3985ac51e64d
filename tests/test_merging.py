"""Many reports, one strike: matching and merging records of real strikes."""

from __future__ import annotations

import csv
import datetime as dt

import numpy as np
import pytest
from click.testing import CliRunner

from benchmarks.bench_merge import (
    all_pairs_within_a_day,
    analyst_records,
    mixed_records,
    pairwise,
    synthetic,
)
from mapping.cli import main
from mapping.merging import merge_incidents
from mapping.merging.matching import candidate_pairs, facts_of, score_pair
from mapping.model import Incident
from mapping.records import dump_yaml

KRYVYI_RIH = {"name": "Kryvyi Rih", "country": "UA", "lat": 47.9105, "lon": 33.3918,
              "precision": "settlement", "radius_m": 9_000}  # fmt: skip


def record(id_: str, *, date="2025-04-04", place=None, weapon=None, sources=None, **statements):
    data = {
        "id": id_,
        "date": date,
        "place": place or KRYVYI_RIH,
        "sources": sources or [{"id": "report", "name": id_, "party": "other"}],
        **statements,
    }
    if weapon:
        data["weapon"] = weapon
    return Incident.model_validate(data)


def kryvyi_rih_reports() -> list[Incident]:
    president = record(
        "zelensky-post",
        sources=[{"id": "zelensky", "name": "President Zelensky", "party": "ukraine_government"}],
        casualties=[{"source": "zelensky", "killed": 14}, {"source": "zelensky", "group": "children", "killed": 6}],
    )  # fmt: skip
    authorities = record(
        "vilkul-telegram",
        place=KRYVYI_RIH | {"lat": 47.9123, "lon": 33.3401, "precision": "site", "radius_m": 100},
        weapon={"system": "Iskander-M", "category": "ballistic_missile", "source": "vilkul"},
        sources=[
            {"id": "vilkul", "name": "Oleksandr Vilkul", "party": "local_authority"},
            {"id": "zelensky", "name": "President Zelensky", "party": "ukraine_government"},
        ],
        casualties=[{"source": "vilkul", "killed": {"min": 16}, "injured": {"min": 51}},
                    {"source": "zelensky", "killed": 14}],
    )  # fmt: skip
    ministry = record(
        "ru-mod",
        weapon={"category": "ballistic_missile", "source": "mod"},
        sources=[{"id": "mod", "name": "Russian Ministry of Defence", "party": "russia_government"}],
        casualties=[{"source": "mod", "group": "military", "killed": {"max": 85}, "status": "claimed"}],
        claims=[{"source": "mod", "about": "target", "text": "a meeting of commanders", "status": "claimed"}],
    )  # fmt: skip
    return [president, authorities, ministry]


def test_reports_of_one_strike_become_one_incident_that_keeps_every_statement():
    reports = kryvyi_rih_reports()
    result = merge_incidents(reports)
    assert len(result.incidents) == 1
    assert result.review == []
    merged = result.incidents[0]
    assert set(merged.merged_from) == {"zelensky-post", "vilkul-telegram", "ru-mod"}
    assert merged.place.precision == "site"  # the most precise place, saying where it came from
    assert "vilkul-telegram" in merged.place.note
    assert merged.weapon.system == "Iskander-M"
    # the president's 14 is stated in two reports: one source, one statement
    assert [s.id for s in merged.sources] == ["zelensky", "vilkul", "mod"]
    killed = sorted((c.source, c.group, str(c.killed)) for c in merged.casualties if c.killed)
    assert len(killed) == 4
    assert ("mod", "military", str(reports[2].casualties[0].killed)) in killed
    assert merged.claims[0].status == "claimed"
    # nothing lost: every statement of every input is in the merged incident
    for report in reports:
        for statement in (*report.casualties, *report.damage, *report.claims):
            assert statement in (*merged.casualties, *merged.damage, *merged.claims)
    # the merged record is a record file like any other
    assert "merged_from:" in dump_yaml([merged])
    # and the headline rule reads all of its sources together
    from layers import build_layers
    from mapping.tables import incident_tables

    row = build_layers(incident_tables([merged])).incidents.iloc[0]
    assert row["killed_min"] == 14  # the lowest stated minimum (president 14, authorities 16+)
    assert "Russian Ministry of Defence (claimed): up to 85" in row["outside_headline"]
    assert row["contested"]


def test_undoing_a_merge_gives_back_its_inputs():
    reports = kryvyi_rih_reports()
    merged = merge_incidents(reports).incidents[0]
    by_id = {r.id: r for r in reports}
    assert [by_id[i] for i in merged.merged_from] == reports


def test_same_city_on_other_days_and_two_sites_the_same_night_stay_apart():
    site = KRYVYI_RIH | {"precision": "site", "radius_m": 100}
    other_site = site | {"lat": 47.9105 + 0.045}  # 5 km north
    records = [
        record("monday", date="2025-04-07"),
        record("friday", date="2025-04-04"),
        record("north", place=other_site),
        record("centre", place=site),
    ]
    facts = facts_of(records)
    assert score_pair(facts, 0, 1).verdict == "apart"
    assert score_pair(facts, 2, 3).verdict == "apart"
    assert "two sites" in score_pair(facts, 2, 3).reasons[0]
    result = merge_incidents(records)
    # the city-level Friday record matches both sites: it is not merged into either silently
    assert all(not i.merged_from for i in result.incidents)
    reviewed = {frozenset((records[p.left].id, records[p.right].id)) for p in result.review}
    assert reviewed == {frozenset(("friday", "centre")), frozenset(("friday", "north"))}


def test_a_doubtful_pair_goes_to_review(tmp_path):
    early = record(
        "evening-post", sources=[{"id": "a", "name": '=HYPERLINK("x")', "party": "other"}]
    )
    late = record("ministry-next-day", date="2025-04-05")
    result = merge_incidents([early, late])
    assert len(result.incidents) == 2
    assert [p.verdict for p in result.review] == ["review"]
    source = tmp_path / "records.yaml"
    source.write_text(dump_yaml([early, late]), encoding="utf-8")
    out, review = tmp_path / "merged.yaml", tmp_path / "pairs.csv"
    run = CliRunner().invoke(main, ["merge", str(source), "-o", str(out), "--review", str(review)])
    assert run.exit_code == 1, run.output
    rows = list(csv.DictReader(review.open(encoding="utf-8")))
    assert (rows[0]["left_id"], rows[0]["right_id"]) == ("evening-post", "ministry-next-day")
    assert "next day" in rows[0]["reasons"]
    # a lower threshold merges it; the command then succeeds
    run = CliRunner().invoke(main, ["merge", str(source), "-o", str(out), "--threshold", "3"])
    assert run.exit_code == 0, run.output
    assert "merged_from" in out.read_text(encoding="utf-8")


def test_sources_with_one_id_and_different_names_stay_two_sources():
    a = record("a", sources=[{"id": "report", "name": "Reuters", "party": "independent_media"}],
               casualties=[{"source": "report", "killed": 14}])  # fmt: skip
    b = record("b", sources=[{"id": "report", "name": "AFP", "party": "independent_media"}],
               casualties=[{"source": "report", "killed": 16}])  # fmt: skip
    merged = merge_incidents([a, b]).incidents[0]
    assert [(s.id, s.name) for s in merged.sources] == [("report", "Reuters"), ("report-2", "AFP")]
    assert [(c.source, c.killed.min) for c in merged.casualties] == [
        ("report", 14),
        ("report-2", 16),
    ]


def test_merged_from_survives_a_geopackage(tmp_path, gazetteer):
    merged = merge_incidents(kryvyi_rih_reports()).incidents[0]
    source = tmp_path / "merged.yaml"
    source.write_text(dump_yaml([merged]), encoding="utf-8")
    gpkg = tmp_path / "merged.gpkg"
    assert CliRunner().invoke(main, ["export", str(source), "-o", str(gpkg)]).exit_code == 0
    back = tmp_path / "back.yaml"
    run = CliRunner().invoke(main, ["import", str(gpkg), "-o", str(back)])
    assert run.exit_code == 0, run.output
    assert "zelensky-post" in back.read_text(encoding="utf-8")


def test_records_of_real_strikes_merge_with_high_precision_and_recall(gazetteer):
    for build in (analyst_records, mixed_records):
        records, labels = build(gazetteer)
        precision, recall, *_ = pairwise(records, labels)
        assert precision >= 0.98, (build.__name__, precision)
        assert recall >= 0.95, (build.__name__, recall)


def test_the_grid_misses_no_pair_that_comparing_every_pair_within_a_day_finds():
    facts = synthetic(20_000, seed=3)
    pairs = {tuple(p) for p in candidate_pairs(facts)}
    order = np.argsort(facts.day, kind="stable")
    near = set()
    for day in np.unique(facts.day):
        group = order[facts.day[order] == day]
        for a in range(len(group)):
            for b in range(a + 1, len(group)):
                i, j = sorted((int(group[a]), int(group[b])))
                metres = score_pair(facts, i, j)
                if metres.score > -10:
                    near.add((i, j))
    assert near <= pairs
    assert all_pairs_within_a_day(facts) >= len(near)


def test_dates_of_week_precision_match_within_their_week():
    a = record("acled-week", date="2025-04-01")
    a = a.model_copy(update={"date_precision": "week"})
    b = record("report", date="2025-04-04")
    facts = facts_of([a, b])
    assert score_pair(facts, 0, 1).score >= 1
    assert dt.date(2025, 4, 4) - a.date == dt.timedelta(days=3)


@pytest.mark.parametrize("n", [1_000])
def test_matching_is_linear_in_candidates(n):
    facts = synthetic(n)
    assert len(candidate_pairs(facts)) < 5 * n


def test_an_analysts_decisions_in_the_review_file_are_applied(tmp_path):
    early = record("evening-post")
    late = record("ministry-next-day", date="2025-04-05")
    same_day = record(
        "wire", sources=[{"id": "wire", "name": "Wire", "party": "independent_media"}]
    )
    source = tmp_path / "records.yaml"
    source.write_text(dump_yaml([early, late, same_day]), encoding="utf-8")
    out, review = tmp_path / "merged.yaml", tmp_path / "pairs.csv"
    runner = CliRunner()
    first = runner.invoke(main, ["merge", str(source), "-o", str(out), "--review", str(review)])
    assert first.exit_code == 1
    rows = list(csv.DictReader(review.open(encoding="utf-8")))
    assert rows
    assert all(r["decision"] == "" for r in rows)
    for row in rows:
        row["decision"] = "merge"
    with review.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    second = runner.invoke(main, ["merge", str(source), "-o", str(out), "--decisions", str(review)])
    assert second.exit_code == 0, second.output
    merged = out.read_text(encoding="utf-8")
    assert all(i in merged for i in ("evening-post", "ministry-next-day", "wire"))
    assert merged.count("merged_from") == 1
    # "apart" undoes a merge the scores proposed
    result = merge_incidents([early, same_day], apart=[("evening-post", "wire")])
    assert len(result.incidents) == 2


def test_a_decision_that_is_not_one_names_file_line_and_field(tmp_path):
    bad = tmp_path / "pairs.csv"
    bad.write_text("decision,left_id,right_id\nmerge,a,b\nperhaps,a,c\n", encoding="utf-8")
    run = CliRunner().invoke(
        main, ["merge", str(bad), "-o", str(tmp_path / "out.yaml"), "--decisions", str(bad)]
    )
    assert run.exit_code == 1
    assert f"{bad}:3" in run.output
    assert "decision" in run.output
    assert "Traceback" not in run.output


def test_decisions_made_in_the_apps_table():
    from mapping.merging.review import decisions_from

    rows = [
        {"decision": "merge", "proposal": "review", "records": "a ~ b"},
        {"decision": "keep apart", "proposal": "merge", "records": "c + d + e"},
        {"decision": "", "proposal": "review", "records": "f ~ g"},
    ]
    merge, apart = decisions_from(rows)
    assert merge == [("a", "b")]
    assert apart == [("c", "d"), ("c", "e"), ("d", "e")]
