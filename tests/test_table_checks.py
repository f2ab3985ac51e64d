"""Checking tables column by column gives what validating each incident as a record gives:
the same incidents, in the same form, with the same problems."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapping.records import load_rows
from mapping.table_checks import check_tables
from mapping.tables import IncidentTables, incident_records, incident_tables
from tests.strategies import incidents

FILE = "team.gpkg"
STATEMENT_ORDER = {
    "incidents": [],
    "sources": ["incident_id", "source_id"],
    "casualties": ["incident_id", "seq", "category"],
    "damage": ["incident_id", "seq"],
    "claims": ["incident_id", "seq"],
}


def by_records(tables: IncidentTables):
    """The record path: every incident validated as a record, then written as tables."""
    loaded = load_rows(enumerate(incident_records(tables), 1), FILE)
    return incident_tables(loaded.incidents), loaded.problems


def assert_same(tables: IncidentTables) -> list:
    expected, problems = by_records(tables)
    checked = check_tables(tables, FILE)
    assert checked.problems == problems
    for name, order in STATEMENT_ORDER.items():
        got, want = getattr(checked.tables, name), getattr(expected, name)
        if order:
            got, want = (t.sort_values(order).reset_index(drop=True) for t in (got, want))
        pd.testing.assert_frame_equal(got, want, check_dtype=True)
    return problems


def assert_same_tables(got, expected) -> None:
    """The same rows in every table, whatever their order."""
    for name, order in {**STATEMENT_ORDER, "incidents": ["id"]}.items():
        mine, theirs = getattr(got, name), getattr(expected, name)
        if order:
            mine, theirs = (t.sort_values(order).reset_index(drop=True) for t in (mine, theirs))
        pd.testing.assert_frame_equal(mine, theirs)


# A few examples in the fast suite; many more in the full one (each takes ~0.15 s).
FEW = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
MANY = settings(FEW, max_examples=150)
SOME_INCIDENTS = st.lists(incidents(), min_size=1, max_size=4, unique_by=lambda i: i.id)


@FEW
@given(SOME_INCIDENTS)
def test_valid_incidents_come_through_as_the_record_path_gives_them(generated):
    assert_same(incident_tables(generated))


@pytest.mark.slow
@MANY
@given(SOME_INCIDENTS)
def test_many_valid_incidents_come_through_as_the_record_path_gives_them(generated):
    assert_same(incident_tables(generated))


# Values that the record model accepts, refuses, changes or warns about, by column type.
TEXTS = [
    None, "", " ", "x", " x", "x ", "x\u00a0", "a\x01b", "a\ufffeb", "x" * 32_768, "UKR-1",
    "bad id!", "Bad", "kyiv-post", "https://example.org/a", "HTTP://EXAMPLE.ORG", "ftp://x",
    "t.me/x", "2024-01-01", "2024-1-1", "20240101", "2024-02-30", "1850-01-01", "2999-01-01",
    "2024-01-01T10:00:00", "2024-01-01T00:00:00", "2024-01-01T10:00:00+02:00",
    "2024-01-01 10:00:00", "18:49", "18:49:00", "18:49:07", "25:00", "6:05", "killed", "injured",
    "missing", "dead", "civilians", "children", "reported", "claimed", "confirmed", "site",
    "settlement", "day", "month", "ua", "UA", "UKR", "Iskander-M", "9M723", "Zircon-X",
    "unknown", "ballistic_missile", "drone", "apartment_block", "house", "destroyed", "target",
    "draft", "approved", '["a"]', '[" a"]', '["a", "b"]', "[]", '["a",  "b"]', "not json",
    '[{"path": "place", "quote": "Sumy", "start": 0, "end": 4}]', "s1 s2", "a  b",
    '["a\\u0001b"]', '["a\\"b"]', '["a\\\\b"]',
    "ukraine_government", "russia_government", "media",
]  # fmt: skip
NUMBERS = [
    None, math.nan, math.inf, -math.inf, -1.0, 0.0, 0.5, 1.0, 3.0, 45.0, 90.0, 91.0, -180.0,
    181.0, 1e9, 1e10, 25_000.0, 2.1e7,
]  # fmt: skip
INTEGERS = [None, -1, 0, 1, 2, 7, 1_000_000_000, 1_000_000_001]


def seed_tables(seeds) -> IncidentTables:
    return incident_tables(seeds.incidents)


@st.composite
def edits(draw, tables: IncidentTables):
    """One change to one cell, or a row repeated or dropped, anywhere in the tables."""
    name = draw(st.sampled_from(list(STATEMENT_ORDER)))
    table = getattr(tables, name)
    if not len(table):
        return None
    row = draw(st.integers(0, len(table) - 1))
    how = draw(st.sampled_from(["cell", "cell", "cell", "cell", "repeat", "drop"]))
    if how != "cell":
        return name, row, how, None, None
    column = draw(st.sampled_from(list(table.columns)))
    kind = table[column].dtype
    if pd.api.types.is_bool_dtype(kind):
        pool: list = [True, False]
    elif pd.api.types.is_integer_dtype(kind):
        pool = INTEGERS
    elif pd.api.types.is_float_dtype(kind):
        pool = NUMBERS
    else:
        known = [v for v in table[column].dropna().unique()[:8]]
        pool = TEXTS + known + [v for t in STATEMENT_ORDER for v in _ids(tables)]
    return name, row, "cell", column, draw(st.sampled_from(pool))


def _ids(tables: IncidentTables) -> list[str]:
    return [*tables.incidents["id"][:3], *tables.sources["source_id"][:3]]


def edited(tables: IncidentTables, changes) -> IncidentTables:
    parts = {name: getattr(tables, name).copy() for name in STATEMENT_ORDER}
    for change in changes:
        if change is None:
            continue
        name, row, how, column, value = change
        table = parts[name]
        if row >= len(table):
            continue
        if how == "repeat":
            parts[name] = pd.concat([table, table.iloc[[row]]], ignore_index=True)
        elif how == "drop":
            parts[name] = table.drop(index=table.index[row]).reset_index(drop=True)
        else:
            table.loc[table.index[row], column] = value
    return IncidentTables(*(parts[name] for name in STATEMENT_ORDER))


@pytest.fixture(scope="module")
def seeded(seeds):
    return seed_tables(seeds)


def _edit_and_compare(seeded, data) -> None:
    changes = data.draw(st.lists(edits(seeded), min_size=1, max_size=3))
    assert_same(edited(seeded, changes))


@settings(FEW, max_examples=15)
@given(data=st.data())
def test_edited_tables_give_the_record_paths_incidents_and_problems(seeded, data):
    _edit_and_compare(seeded, data)


@pytest.mark.slow
@settings(MANY, max_examples=400)
@given(data=st.data())
def test_many_edited_tables_give_the_record_paths_incidents_and_problems(seeded, data):
    _edit_and_compare(seeded, data)


def test_a_bad_row_is_named_and_the_others_load(seeded):
    first = seeded.incidents["id"][0]
    tables = edited(seeded, [("casualties", 0, "cell", "category", "dead")])
    problems = assert_same(tables)
    assert [(p.file, p.line, p.record_id) for p in problems] == [(FILE, 1, first)]
    assert "dead" in problems[0].message or "unknown field" in problems[0].message
    assert len(check_tables(tables, FILE).tables.incidents) == len(seeded.incidents) - 1


def test_canonical_tables_are_kept_without_records(seeded, monkeypatch):
    import mapping.table_checks as checks

    def no_records(*args, **kwargs):
        raise AssertionError("a canonical incident went through the record path")

    monkeypatch.setattr(checks, "load_rows", no_records)
    checked = checks.check_tables(seeded, FILE)
    assert checked.problems == []
    assert len(checked.tables.incidents) == len(seeded.incidents)


def test_the_characters_trimmed_are_those_python_strips():
    from mapping.table_checks import _SPACE

    assert set(_SPACE) == {c for c in map(chr, range(0x110000)) if c.isspace()}


def test_a_tag_with_an_escaped_control_character_is_refused_as_a_record_would_be(seeded):
    tables = edited(seeded, [("incidents", 0, "cell", "tags", '["a\\u0001b"]')])
    (problem,) = assert_same(tables)
    assert problem.field == "tags[0]"
    assert "U+0001" in problem.message
