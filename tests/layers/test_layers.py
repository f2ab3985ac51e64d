"""Layers built from the seeds, and the headline-figures rule."""

from __future__ import annotations

import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from layers import LAYER_NAMES, build_layers
from mapping.counts import CountRange
from mapping.geocoding.gazetteer import haversine_m
from mapping.model import Status
from mapping.tables import incident_records, incident_tables
from tests.strategies import incidents


def _row(layer, incident_id):
    return layer[layer["id"] == incident_id].iloc[0]


def test_every_layer_is_wgs84(seed_layers):
    for name, layer in seed_layers.items():
        assert layer.crs.to_epsg() == 4326, name
    assert [name for name, _ in seed_layers.items()] == list(LAYER_NAMES)


def test_russian_claim_never_enters_headline(seed_layers):
    kryvyi_rih = _row(seed_layers.incidents, "2025-04-04-kryvyi-rih")
    assert kryvyi_rih["killed_min"] in (14, 16)
    assert pd.isna(kryvyi_rih["killed_max"])  # "at least 16" statements keep it open-ended
    assert pd.isna(kryvyi_rih["military_killed_max"])  # the 85 is not a headline figure anywhere
    assert (kryvyi_rih["children_killed_min"], kryvyi_rih["children_killed_max"]) == (6, 9)
    assert (
        "Russian Ministry of Defence (Telegram) (claimed): up to 85 military killed"
        in kryvyi_rih["outside_headline"]
    )
    assert "up to 20 military vehicle" in kryvyi_rih["outside_headline"]
    assert kryvyi_rih["contested"]


def test_latest_statement_of_each_source_counts(seed_layers):
    # Zelensky said 14, then 16: only 16 is his latest, and the lowest latest minimum is 16.
    assert _row(seed_layers.incidents, "2025-04-04-kryvyi-rih")["killed_min"] == 16
    # Dnipro: Reznichenko 12 → 20 → 35 (latest), Lukashuk 21, final toll 45–46.
    dnipro = _row(seed_layers.incidents, "2023-01-14-dnipro")
    assert (dnipro["killed_min"], dnipro["killed_max"]) == (21, 46)


def test_sumy_headline_and_no_contest(seed_layers):
    sumy = _row(seed_layers.incidents, "2025-04-13-sumy")
    assert (sumy["killed_min"], sumy["injured_max"]) == (21, 119)
    assert not sumy["contested"]
    assert pd.isna(sumy["outside_headline"])


def test_incident_columns_for_gis(seed_layers):
    row = _row(seed_layers.incidents, "2025-04-04-kryvyi-rih")
    assert (row["weapon_system"], row["weapon_category"]) == ("Iskander-M", "ballistic_missile")
    assert (row["precision"], row["gazetteer_id"]) == ("settlement", "geonames:703845")
    assert row["n_sources"] == 10
    assert "Russian Ministry of Defence (Telegram)" in row["sources"]
    assert row["parties"].split(";") == sorted(row["parties"].split(";"))
    assert row.geometry.x == pytest.approx(33.39404)


def test_precision_circles_are_metric_not_degrees(seed_layers):
    circle = _row(seed_layers.precision, "2025-04-04-kryvyi-rih")
    centre = shapely.centroid(circle.geometry)
    west, south, east, north = circle.geometry.bounds
    assert haversine_m(centre.y, west, centre.y, east) / 2 == pytest.approx(
        circle["radius_m"], rel=0.02
    )
    assert haversine_m(south, centre.x, north, centre.x) / 2 == pytest.approx(
        circle["radius_m"], rel=0.02
    )


def test_statement_layers_are_long_and_lossless(seed_layers, resolved):
    kryvyi_rih = next(i for i in resolved if i.id == "2025-04-04-kryvyi-rih")
    casualties = seed_layers.casualties[seed_layers.casualties["incident_id"] == kryvyi_rih.id]
    assert len(casualties) == sum(len(c.figures()) for c in kryvyi_rih.casualties)
    russian = casualties[casualties["source_id"] == "ru-mod"].iloc[0]
    assert (russian["party"], russian["status"], russian["max"]) == (
        "russia_government",
        "claimed",
        85,
    )
    assert pd.isna(russian["min"])
    damage = seed_layers.damage[seed_layers.damage["incident_id"] == kryvyi_rih.id]
    assert len(damage) == len(kryvyi_rih.damage)
    assert set(damage["located_at"]) == {"incident"}
    assert len(seed_layers.claims) == sum(len(i.claims) for i in resolved)
    assert len(seed_layers.sources) == sum(len(i.sources) for i in resolved)


def test_damage_with_its_own_coordinates_is_placed_there(resolved):
    incident = resolved[0]
    moved = incident.model_copy(
        update={"damage": (incident.damage[0].model_copy(update={"lat": 48.5, "lon": 35.1}),)}
    )
    damage = build_layers(incident_tables([moved])).damage
    assert (damage.iloc[0]["located_at"], damage.geometry.iloc[0].x) == ("own", 35.1)


def test_tables_round_trip_to_equal_records(resolved):
    from mapping.records import load_data

    again = load_data(incident_records(incident_tables(resolved)))
    assert not again.problems
    assert again.incidents == resolved


def test_retracted_and_disputed_figures_stay_out(resolved):
    incident = resolved[0]
    retracted = incident.casualties[0].model_copy(
        update={"killed": CountRange(min=500, max=500), "status": Status.RETRACTED, "as_of": None}
    )
    layers = build_layers(
        incident_tables(
            [incident.model_copy(update={"casualties": (*incident.casualties, retracted)})]
        )
    )
    assert layers.incidents.iloc[0]["killed_max"] != 500
    assert "(retracted): 500 killed" in layers.incidents.iloc[0]["outside_headline"]


@settings(max_examples=15, deadline=None)
@given(st.lists(incidents(), min_size=1, max_size=6, unique_by=lambda i: i.id))
def test_incident_summaries_of_many_incidents_are_each_incidents_own(drawn):
    """Sources, parties, statuses, the latest credible figure's speaker and the contested
    flag, written out by hand for each incident."""
    layer = build_layers(incident_tables(drawn)).incidents
    for incident, row in zip(drawn, layer.itertuples(index=False), strict=True):
        statements = [*incident.casualties, *incident.damage, *incident.claims]
        parties = {s.id: s.party.value for s in incident.sources}
        assert row.n_sources == len(incident.sources)
        assert row.sources == "; ".join(s.name for s in incident.sources)
        assert row.parties == ";".join(sorted(set(parties.values())))
        assert _text(row.statuses) == (
            ";".join(sorted({s.status.value for s in statements})) or None
        )
        by_party: dict[str, set[str]] = {}
        for statement in statements:
            by_party.setdefault(parties[statement.source], set()).add(statement.status.value)
        claims = any("claimed" in kinds for kinds in by_party.values())
        credible_only = any(
            kinds & {"confirmed", "reported"} and "claimed" not in kinds
            for kinds in by_party.values()
        )
        disputed = any(s.status.value == "disputed" for s in statements)
        assert row.contested == (disputed or (claims and credible_only))
        if _text(row.killed_latest_by) is not None:  # 'who, when' (a name may hold ", ")
            said = row.killed_latest_by
            assert any(said == s.name or said.startswith(f"{s.name}, ") for s in incident.sources)


def _text(value):
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value
