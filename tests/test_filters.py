"""The shared filter: hand-computed answers on the seeds, and properties on generated layers."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapping.filters import IncidentFilter, parse_bbox

DNIPRO, KRYVYI_RIH, SUMY = "2023-01-14-dnipro", "2025-04-04-kryvyi-rih", "2025-04-13-sumy"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, {DNIPRO, KRYVYI_RIH, SUMY}),
        ({"since": "2025-01-01"}, {KRYVYI_RIH, SUMY}),
        ({"until": "2025-04-04"}, {DNIPRO, KRYVYI_RIH}),
        ({"since": "2025-04-04", "until": "2025-04-04"}, {KRYVYI_RIH}),
        ({"weapons": ["ballistic_missile"]}, {KRYVYI_RIH, SUMY}),
        ({"weapons": ["Kh-22"]}, {DNIPRO}),
        ({"weapons": ["9M723"]}, {KRYVYI_RIH, SUMY}),  # an alias of Iskander-M
        ({"weapons": ["cruise missile"]}, {DNIPRO}),  # a generic word means its category
        ({"weapons": ["glide_bomb"]}, set()),
        ({"min_killed": 17}, {DNIPRO, SUMY}),
        ({"min_killed": 16}, {DNIPRO, KRYVYI_RIH, SUMY}),
        ({"min_injured": 80}, {SUMY}),
        ({"statuses": ["claimed"]}, {DNIPRO, KRYVYI_RIH}),
        ({"statuses": ["confirmed"]}, {KRYVYI_RIH}),
        ({"statuses": ["retracted"]}, {DNIPRO}),
        ({"parties": ["russia_government"]}, {DNIPRO, KRYVYI_RIH}),
        ({"parties": ["state_media"]}, {SUMY}),
        ({"countries": ["ua"]}, {DNIPRO, KRYVYI_RIH, SUMY}),
        ({"countries": ["RU"]}, set()),
        ({"admin1": ["dnipropetrovsk oblast"]}, {DNIPRO, KRYVYI_RIH}),
        ({"bbox": "33,47,34,48.5"}, {KRYVYI_RIH}),
        ({"bbox": (30.0, 48.0, 40.0, 52.0)}, {DNIPRO, SUMY}),
        ({"text": "zelensky"}, {KRYVYI_RIH, SUMY}),
        ({"text": "SUMY"}, {SUMY}),
        # the place or weapon in another script, spelling or case form
        ({"text": "Кривий Ріг"}, {KRYVYI_RIH}),
        ({"text": "Krivoy Rog"}, {KRYVYI_RIH}),
        ({"text": "у Кривому Розі"}, {KRYVYI_RIH}),
        ({"text": "в Сумах"}, {SUMY}),
        ({"text": "Дніпро"}, {DNIPRO}),
        ({"text": "Іскандер"}, {KRYVYI_RIH, SUMY}),
        ({"text": "Iskander"}, {KRYVYI_RIH, SUMY}),
        ({"text": "Львів"}, set()),
        ({"weapons": ["ballistic_missile"], "min_killed": 20}, {SUMY}),
    ],
)
def test_filter_on_seeds(seed_layers, gazetteer, options, expected):
    selection = IncidentFilter.create(**options, places=gazetteer)
    kept = selection.apply(seed_layers)
    assert set(kept.incidents["id"]) == expected
    # the map and table take the incidents alone, the same rows
    assert selection.passing(seed_layers.incidents)["id"].tolist() == kept.incidents["id"].tolist()
    # a reader that reads only the columns the filter names (an archive's) gets the same rows
    layer = seed_layers.incidents
    few = layer[[c for c in layer.columns if c in selection.columns()]]
    assert selection.mask(few).tolist() == selection.mask(layer).tolist()


def test_statements_follow_their_incidents(seed_layers):
    kept = IncidentFilter.create(since="2025-04-10").apply(seed_layers)
    assert set(kept.incidents["id"]) == {SUMY}
    for name, layer in kept.items():
        column = "id" if name in ("incidents", "precision") else "incident_id"
        assert set(layer[column]) <= {SUMY}, name
    assert len(kept.casualties) == len(
        seed_layers.casualties[seed_layers.casualties["incident_id"] == SUMY]
    )
    assert set(kept.tables.incidents["id"]) == {SUMY}


def test_empty_filter_returns_the_same_layers(seed_layers):
    assert IncidentFilter().empty
    assert IncidentFilter().apply(seed_layers) is seed_layers


@pytest.mark.parametrize("text", ["1,2,3", "a,b,c,d", "0,60,10,50", "0,0,200,10"])
def test_bad_bbox_is_refused(text):
    with pytest.raises(ValueError, match="bbox"):
        parse_bbox(text)


def test_regex_characters_in_status_are_literal(seed_layers):
    mask = IncidentFilter(statuses=frozenset({"claim.d"})).mask(seed_layers.incidents)
    assert not mask.any()


# -- properties on many generated incidents -------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """500 generated incidents scattered over a box (synthetic, for property tests only)."""
    from benchmarks.synthetic import synthetic_tables
    from layers import build_layers

    return build_layers(synthetic_tables(500, seed=3))


days = st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2026, 1, 1))


@settings(max_examples=60, deadline=None)
@given(since=days, until=days, min_killed=st.one_of(st.none(), st.integers(0, 40)))
def test_filters_compose_as_intersections(many, since, until, min_killed):
    by_date = IncidentFilter(since=since, until=until).mask(many.incidents)
    by_killed = IncidentFilter(min_killed=min_killed).mask(many.incidents)
    both = IncidentFilter(since=since, until=until, min_killed=min_killed).mask(many.incidents)
    assert np.array_equal(both, by_date & by_killed)
    dates = many.incidents["date"][both]
    assert dates.map(dt.date.fromisoformat).between(since, until).all()


@settings(max_examples=60, deadline=None)
@given(
    west=st.floats(22, 40), south=st.floats(44, 52), width=st.floats(0, 10), height=st.floats(0, 5)
)
def test_bbox_keeps_exactly_the_points_inside(many, west, south, width, height):
    box = (west, south, min(west + width, 180), min(south + height, 90))
    kept = IncidentFilter(bbox=box).apply(many)
    x, y = many.incidents.geometry.x, many.incidents.geometry.y
    inside = (x >= box[0]) & (x <= box[2]) & (y >= box[1]) & (y <= box[3])
    assert set(kept.incidents["id"]) == set(many.incidents["id"][inside])
    assert set(kept.damage["incident_id"]) <= set(kept.incidents["id"])


@settings(max_examples=40, deadline=None)
@given(
    categories=st.sets(
        st.sampled_from(["ballistic_missile", "cruise_missile", "drone", "glide_bomb"])
    )
)
def test_weapon_filter_keeps_only_those_categories(many, categories):
    kept = IncidentFilter.create(weapons=categories).apply(many)
    if categories:
        assert set(kept.incidents["weapon_category"]) <= categories
        assert len(kept.incidents) == many.incidents["weapon_category"].isin(categories).sum()
    else:
        assert len(kept.incidents) == len(many.incidents)
