"""The full GeoJSON profile, written column by column, is the document the records give."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapping.formats.full_geojson import (
    COORDINATE_DECIMALS,
    FULL_PROFILE,
    read_full_geojson,
    write_full_geojson,
)
from mapping.tables import incident_records, incident_tables
from tests.strategies import incidents


def by_records(tables) -> str:
    """The document as `json.dump` writes it from one record object per incident."""
    features = []
    for record in incident_records(tables):
        place = record["place"]
        geometry = None
        if "lat" in place and "lon" in place:
            coordinates = [round(place[k], COORDINATE_DECIMALS) for k in ("lon", "lat")]
            geometry = {"type": "Point", "coordinates": coordinates}
        features.append(
            {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": record}
        )
    collection = {"type": "FeatureCollection", "strikemap": FULL_PROFILE, "features": features}
    return json.dumps(collection, ensure_ascii=False, allow_nan=False)


def test_the_seeds_are_written_byte_for_byte_as_their_records(resolved, tmp_path):
    tables = incident_tables(resolved)
    path = tmp_path / "full.geojson"
    assert write_full_geojson(tables, path) == 3
    assert path.read_text(encoding="utf-8") == by_records(tables)


def test_no_incidents_is_an_empty_collection(tmp_path):
    path = tmp_path / "none.geojson"
    write_full_geojson(incident_tables([]), path)
    assert json.loads(path.read_text(encoding="utf-8"))["features"] == []
    assert path.read_text(encoding="utf-8") == by_records(incident_tables([]))


def test_chunks_join_into_one_document(resolved, tmp_path, monkeypatch):
    import mapping.formats.full_geojson as full

    monkeypatch.setattr(full, "CHUNK_INCIDENTS", 2)
    tables = incident_tables(resolved)
    path = tmp_path / "chunked.geojson"
    write_full_geojson(tables, path)
    assert path.read_text(encoding="utf-8") == by_records(tables)
    again = read_full_geojson(path)
    assert again.incidents == resolved


def _written(generated, folder) -> tuple[str, str]:
    tables = incident_tables(generated)
    path = folder / "full.geojson"
    write_full_geojson(tables, path)
    return path.read_text(encoding="utf-8"), by_records(tables)


SOME = st.lists(incidents(), min_size=1, max_size=5, unique_by=lambda i: i.id)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SOME)
def test_any_incidents_give_the_records_document(tmp_path_factory, generated):
    written, expected = _written(generated, tmp_path_factory.mktemp("full"))
    assert json.loads(written) == json.loads(expected)


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SOME)
def test_many_incidents_give_the_records_document(tmp_path_factory, generated):
    # the same document: equal once parsed (Arrow may write 0.000061 where Python writes
    # 6.1e-05, the same number)
    written, expected = _written(generated, tmp_path_factory.mktemp("full"))
    assert json.loads(written) == json.loads(expected)


def test_the_file_read_as_tables_gives_the_records_incidents(resolved, tmp_path):
    from mapping.formats.full_geojson import read_full_geojson_tables
    from tests.test_table_checks import assert_same_tables

    path = tmp_path / "full.geojson"
    write_full_geojson(incident_tables(resolved), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][1]["geometry"]["coordinates"] = [35.0, 48.0]  # moved in QGIS
    data["features"][2]["properties"]["casualties"][0]["group"] = "aliens"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    as_records = read_full_geojson(path)
    as_tables = read_full_geojson_tables(path)
    assert as_tables.problems == as_records.problems
    assert [p.record_id for p in as_tables.problems] == [resolved[2].id]
    assert_same_tables(as_tables.tables, incident_tables(as_records.incidents))
    moved = as_tables.tables.incidents.set_index("id").loc[resolved[1].id]
    assert (moved["lon"], moved["lat"]) == (35.0, 48.0)


def test_a_file_of_another_profile_is_refused_as_tables_too(resolved, tmp_path):
    from mapping.formats.full_geojson import read_full_geojson_tables

    path = tmp_path / "flat.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    (problem,) = read_full_geojson_tables(path).problems
    assert "--profile full" in problem.message
