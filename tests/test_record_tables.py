"""Records in the stored JSON form become tables as validating each record would make them:
the same incidents, in the same order and form, with the same problems."""

from __future__ import annotations

import copy
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapping.formats.full_geojson import record_texts
from mapping.record_tables import record_tables
from mapping.records import load_rows
from mapping.tables import IncidentTables, incident_tables
from tests.test_table_checks import FEW, MANY, SOME_INCIDENTS, STATEMENT_ORDER

STORE = "postgresql://team/strikes"


def by_records(records: list, lines: list | None = None) -> tuple[IncidentTables, list]:
    """The record path: every record validated, then written as tables."""
    parsed = [json.loads(r) if isinstance(r, str) else r for r in records]
    loaded = load_rows(zip(lines or [None] * len(parsed), parsed, strict=True), STORE)
    return incident_tables(loaded.incidents), loaded.problems


def assert_same(records: list, lines: list | None = None) -> list:
    expected, problems = by_records(records, lines)
    got = record_tables(records, STORE, lines)
    assert sorted(map(str, got.problems)) == sorted(map(str, problems))
    for name, order in STATEMENT_ORDER.items():
        mine, theirs = getattr(got.tables, name), getattr(expected, name)
        if order:
            mine, theirs = (t.sort_values(order).reset_index(drop=True) for t in (mine, theirs))
        pd.testing.assert_frame_equal(mine, theirs, check_dtype=True)
    return got.problems


def texts_of(tables: IncidentTables) -> list[str]:
    return record_texts(tables).to_pylist()


@settings(FEW, max_examples=4)
@given(SOME_INCIDENTS)
def test_stored_records_come_through_as_the_record_path_gives_them(generated):
    assert_same(texts_of(incident_tables(generated)))


@pytest.mark.slow
@MANY
@given(SOME_INCIDENTS)
def test_many_stored_records_come_through_as_the_record_path_gives_them(generated):
    records = texts_of(incident_tables(generated))
    assert_same(records)
    assert_same([json.loads(r) for r in records])  # as PostgreSQL's jsonb gives them


# JSON values a record may hold in place of the stored one: other types, other forms.
ODD = [
    None, "", " ", "x", " x", "12", 12, 12.5, 0, -1, True, False, [], {}, ["a"], ["a b"],
    {"min": 3}, {"min": 3, "max": 2}, {"min": "3"}, {"min": 3, "max": 5, "best": 4},
    "bad id!", "2024-02-30", "18:49", "killed", "children", "claimed", "site", "drone",
    "ukraine_government", "a\u0001b", "\ud800", 1e400, 91.0,
]  # fmt: skip


def _paths(data, path=()):
    """Every member and list item of nested JSON data, by path."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _paths(value, (*path, n))


def _changed(records: list[dict], change) -> list[dict]:
    records = copy.deepcopy(records)
    n, path, how, value = change
    if not path:
        return records
    holder = records[n]
    try:
        for step in path[:-1]:
            holder = holder[step]
        last = path[-1]
        holder[last]
    except (KeyError, IndexError, TypeError):  # an earlier change took the path away
        return records
    if how == "repeat":  # the record again, as a data set may give an id twice
        records.append(copy.deepcopy(records[n]))
    elif how == "drop":
        del holder[last]
    elif how == "add" and isinstance(holder, dict):
        holder[f"{last}_extra" if isinstance(last, str) else "extra"] = value
    else:
        holder[last] = value
    return records


@st.composite
def changes(draw, records: list[dict]):
    n = draw(st.integers(0, len(records) - 1))
    path = draw(st.sampled_from(list(_paths(records[n]))))
    how = draw(st.sampled_from(["set", "set", "set", "drop", "add", "repeat"]))
    return n, path, how, draw(st.sampled_from(ODD))


@pytest.fixture(scope="module")
def stored(seeds) -> list[dict]:
    return [json.loads(r) for r in texts_of(incident_tables(seeds.incidents))]


def _change_and_compare(stored, data) -> None:
    records = stored
    for _ in range(data.draw(st.integers(1, 3))):
        records = _changed(records, data.draw(changes(records)))
    assert_same(records, [10 * (n + 1) for n in range(len(records))])  # a data set's lines


@settings(FEW, max_examples=10)
@given(data=st.data())
def test_changed_records_give_the_record_paths_incidents_and_problems(stored, data):
    _change_and_compare(stored, data)


@pytest.mark.slow
@settings(MANY, max_examples=150)
@given(data=st.data())
def test_many_changed_records_give_the_record_paths_incidents_and_problems(stored, data):
    _change_and_compare(stored, data)


def test_stored_records_are_kept_without_record_objects(stored, monkeypatch):
    import mapping.record_tables as spreading
    import mapping.table_checks as checks

    def no_records(*args, **kwargs):
        raise AssertionError("a record in the stored form went through the record model")

    monkeypatch.setattr(checks, "load_rows", no_records)
    monkeypatch.setattr(spreading, "add_row", no_records)
    got = record_tables([json.dumps(r) for r in stored], STORE)
    assert got.problems == []
    assert got.tables.incidents["id"].tolist() == [r["id"] for r in stored]


def test_a_record_in_another_form_keeps_its_place(stored):
    short = copy.deepcopy(stored)
    casualty = next(c for c in short[1]["casualties"] if "killed" in c)
    casualty["killed"] = casualty["killed"]["min"]  # the short form analysts write
    got = record_tables(short, STORE)
    assert got.problems == []
    assert got.tables.incidents["id"].tolist() == [r["id"] for r in stored]
    assert_same(short)


def test_a_bad_record_is_named_and_the_others_load(stored):
    bad = copy.deepcopy(stored)
    bad[0]["casualties"][0]["group"] = "aliens"
    problems = assert_same(bad)
    assert [(p.file, p.line, p.record_id, p.field) for p in problems] == [
        (STORE, None, bad[0]["id"], "casualties[0].group")
    ]
    assert len(record_tables(bad, STORE).tables.incidents) == len(stored) - 1


def test_an_escaped_lone_surrogate_is_refused_by_name(stored):
    text = json.dumps(stored[0]).replace('"note": "', '"note": "\\ud800', 1)
    problems = assert_same([text, *map(json.dumps, stored[1:])])
    assert [p.record_id for p in problems] == [stored[0]["id"]]


def test_text_that_is_not_json_is_a_problem_not_a_crash(stored):
    problems = record_tables(["{not json", json.dumps(stored[0])], STORE).problems
    assert len(problems) == 1
    assert "mapping" in problems[0].message
