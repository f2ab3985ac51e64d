"""The headline-figures rule, straight on casualty tables (README: the headline-figures rule)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layers.incidents import incidents_layer
from mapping.counts import describe_range
from mapping.headline import (
    FIGURES,
    HEADLINE_GROUPS,
    LATEST_COLUMNS,
    headline_figures,
    integer_lexsort,
    latest_statements,
)
from mapping.model import Incident
from mapping.tables import incident_tables, row_codes
from tests.strategies import incidents

SOURCES = [
    {"id": "a", "name": "Regional administration", "party": "ukraine_government"},
    {"id": "b", "name": "State Emergency Service", "party": "ukraine_government"},
    {"id": "ru", "name": "Russian Ministry of Defence", "party": "russia_government"},
]


def tables_of(*casualties: dict):
    """The tables of one incident in Kryvyi Rih with these casualty statements."""
    incident = Incident.model_validate(
        {
            "id": "x",
            "date": "2025-04-04",
            "place": {"name": "Kryvyi Rih", "country": "UA"},
            "sources": SOURCES,
            "casualties": list(casualties),
        }
    )
    return incident_tables([incident])


def headline(*casualties: dict) -> dict[str, int | None]:
    tables = tables_of(*casualties)
    codes = row_codes(tables.casualties["incident_id"], tables.incidents["id"])
    figures = headline_figures(tables.casualties, codes, 1)
    return {
        name: (None if values.isna()[0] else int(values[0])) for name, values in figures.items()
    }


def test_a_sources_later_statement_supersedes_its_earlier_one():
    figures = headline(
        {"source": "a", "killed": 14, "as_of": "2025-04-04T12:00:00+03:00"},
        {"source": "a", "killed": {"min": 16}, "as_of": "2025-04-04T20:00:00+03:00"},
    )
    assert (figures["killed_min"], figures["killed_max"]) == (16, None)


def test_statements_without_time_follow_the_record_order():
    figures = headline({"source": "a", "killed": 14}, {"source": "a", "killed": 16})
    assert (figures["killed_min"], figures["killed_max"]) == (16, 16)


def test_headline_runs_from_lowest_minimum_to_highest_maximum_across_sources():
    figures = headline(
        {"source": "a", "killed": 10}, {"source": "b", "killed": {"min": 12, "max": 15}}
    )
    assert (figures["killed_min"], figures["killed_max"]) == (10, 15)


def test_any_open_ended_statement_leaves_the_headline_open():
    figures = headline({"source": "a", "injured": 40}, {"source": "b", "injured": {"min": 51}})
    assert (figures["injured_min"], figures["injured_max"]) == (40, None)


@pytest.mark.parametrize("status", ["claimed", "disputed", "retracted"])
def test_only_confirmed_and_reported_statements_enter(status):
    figures = headline(
        {"source": "a", "killed": 3},
        {"source": "ru", "group": "military", "killed": {"max": 85}, "status": status},
        {"source": "b", "killed": 50, "status": status},
    )
    assert (figures["killed_min"], figures["killed_max"]) == (3, 3)
    assert figures["military_killed_min"] is None


def test_children_and_military_have_their_own_columns():
    figures = headline(
        {"source": "a", "group": "civilians", "killed": 16},
        {"source": "a", "group": "children", "killed": 6},
        {"source": "b", "group": "military", "killed": 2},
    )
    assert figures["killed_min"] == 16
    assert figures["children_killed_min"] == 6
    assert figures["military_killed_min"] == 2


def test_latest_statements_keep_one_row_per_source_group_and_category():
    incident = Incident.model_validate(
        {
            "id": "x",
            "date": "2025-04-04",
            "place": {"name": "Sumy"},
            "sources": SOURCES,
            "casualties": [
                {"source": "a", "killed": 20, "injured": 80},
                {"source": "a", "killed": 34},
                {"source": "b", "killed": 32},
            ],
        }
    )
    latest = latest_statements(incident_tables([incident]).casualties)
    killed = latest[latest["category"] == "killed"].sort_values("source_id")
    assert killed["min"].tolist() == [34, 32]
    assert latest[latest["category"] == "injured"]["min"].tolist() == [80]


def latest(*casualties: dict) -> dict[str, object]:
    """The latest-credible columns of one incident with these statements (via the layer)."""
    from layers import build_layers

    row = build_layers(tables_of(*casualties)).incidents.iloc[0]
    return {
        column: (None if pd.isna(value) else value)
        for column in LATEST_COLUMNS
        for value in [row[column]]
    }


def test_the_latest_credible_figure_is_the_most_recent_statement_not_the_lowest():
    figures = latest(
        {"source": "a", "killed": {"min": 16}, "as_of": "2025-04-04T20:00:00+03:00"},
        {"source": "b", "killed": 18, "as_of": "2025-04-05T09:00:00+03:00"},
        {"source": "a", "injured": 50, "as_of": "2025-04-04T20:00:00+03:00"},
    )
    assert (figures["killed_latest_min"], figures["killed_latest_max"]) == (18, 18)
    assert figures["killed_latest_by"] == "State Emergency Service, 2025-04-05T09:00:00+03:00"
    assert (figures["injured_latest_min"], figures["injured_latest_max"]) == (50, 50)
    assert figures["children_killed_latest_by"] is None


def test_a_claim_is_never_the_latest_credible_figure():
    figures = latest(
        {"source": "a", "killed": 16, "as_of": "2025-04-04"},
        {"source": "ru", "killed": {"max": 85}, "group": "military", "status": "claimed",
         "as_of": "2025-04-06"},
        {"source": "ru", "killed": 2, "status": "claimed", "as_of": "2025-04-06"},
    )  # fmt: skip
    assert (figures["killed_latest_min"], figures["killed_latest_by"]) == (
        16,
        "Regional administration, 2025-04-04",
    )


def test_a_timed_statement_is_later_than_an_untimed_one_and_order_breaks_ties():
    figures = latest(
        {"source": "a", "killed": 20, "as_of": "2025-04-04"}, {"source": "b", "killed": 30}
    )
    assert figures["killed_latest_min"] == 20
    figures = latest({"source": "a", "killed": 20}, {"source": "b", "killed": {"min": 30}})
    assert (figures["killed_latest_min"], figures["killed_latest_max"]) == (30, None)
    assert figures["killed_latest_by"] == "State Emergency Service"


def test_superseded_statements_are_marked_in_the_casualties_layer():
    from layers import build_layers

    tables = tables_of(
        {"source": "a", "killed": 14, "as_of": "2025-04-04T12:00:00+03:00"},
        {"source": "a", "killed": 16, "as_of": "2025-04-04T20:00:00+03:00"},
        {"source": "b", "killed": 15},
    )
    casualties = build_layers(tables).casualties
    assert casualties["superseded"].tolist() == [True, False, False]
    assert casualties["latest_credible"].tolist() == [False, True, False]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(-3, 3), st.integers(0, 2**40), st.integers(-9, 9)), min_size=1)
)
def test_the_packed_sort_is_lexsort(rows):
    keys = tuple(np.array(column, dtype="int64") for column in zip(*rows, strict=True))
    assert integer_lexsort(keys).tolist() == np.lexsort(keys).tolist()
    wide = (keys[0], keys[1] * 2**22, keys[2])  # too wide to pack: lexsort itself
    assert integer_lexsort(wide).tolist() == np.lexsort(wide).tolist()


@settings(max_examples=25, deadline=None)
@given(st.lists(incidents(), min_size=1, max_size=6, unique_by=lambda i: i.id))
def test_headline_ranges_of_many_incidents_follow_the_rule(drawn):
    """Ranges from rule 1's statements, counted by hand per incident and figure."""
    tables = incident_tables(drawn)
    casualties = tables.casualties
    codes = row_codes(casualties["incident_id"], tables.incidents["id"])
    figures = headline_figures(casualties, codes, len(drawn))
    expected: dict[tuple[int, str], list] = {}
    for row in latest_statements(casualties, codes).itertuples(index=False):
        prefix = HEADLINE_GROUPS[row.group]
        if row.status in ("confirmed", "reported"):
            incident = tables.incidents["id"].tolist().index(row.incident_id)
            expected.setdefault((incident, prefix + row.category), []).append(
                (
                    None if pd.isna(row.min) else int(row.min),
                    None if pd.isna(row.max) else int(row.max),
                )
            )
    for incident in range(len(drawn)):
        for figure in FIGURES:
            stated = expected.get((incident, figure), [])
            lows = [low for low, _ in stated if low is not None]
            highs = [high for _, high in stated if high is not None]
            open_ended = any(high is None and low is not None for low, high in stated)
            low = min(lows) if lows else None
            high = None if open_ended or not highs else max(highs)
            got = figures[f"{figure}_min"][incident], figures[f"{figure}_max"][incident]
            assert tuple(None if pd.isna(v) else int(v) for v in got) == (low, high)


@settings(max_examples=15, deadline=None)
@given(st.lists(incidents(), min_size=1, max_size=6, unique_by=lambda i: i.id))
def test_what_is_kept_out_of_the_headline_is_listed_beside_it(drawn):
    """Each incident's claimed, disputed and retracted figures, written out by hand."""
    tables = incident_tables(drawn)
    layer = incidents_layer(tables)
    codes = row_codes(tables.casualties["incident_id"], tables.incidents["id"])
    latest = {(r.incident_id, r.seq, r.category) for r in
              latest_statements(tables.casualties, codes).itertuples(index=False)}  # fmt: skip
    for incident, shown in zip(drawn, layer["outside_headline"], strict=True):
        names = {s.id: s.name for s in incident.sources}
        parts = []
        for seq, report in enumerate(incident.casualties):
            for category, count in report.figures():
                if (incident.id, seq, category.value) not in latest:
                    continue
                if report.status.value not in ("confirmed", "reported"):
                    group = "" if report.group.value == "unspecified" else report.group.value
                    what = " ".join(
                        p
                        for p in (describe_range(count.min, count.max), group, category.value)
                        if p
                    )
                    parts.append(f"{names[report.source]} ({report.status.value}): {what}")
        for damage in incident.damage:
            if damage.status.value not in ("confirmed", "reported"):
                low, high = (damage.count.min, damage.count.max) if damage.count else (None, None)
                what = " ".join(
                    p
                    for p in (
                        describe_range(low, high),
                        damage.object.value.replace("_", " "),
                        damage.severity.value,
                    )
                    if p
                )
                parts.append(f"{names[damage.source]} ({damage.status.value}): {what}")
        assert (None if pd.isna(shown) else shown) == ("; ".join(parts) or None)
