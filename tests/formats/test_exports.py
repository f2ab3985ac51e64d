"""Every export of the seeds is read back by GDAL (pyogrio); the lossless ones round-trip."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pandas as pd
import pyogrio
import pytest
from click.testing import CliRunner

import mapping.formats.geojson
from layers import LAYER_NAMES
from mapping.cli import main
from mapping.errors import ExportError
from mapping.formats import export
from mapping.formats.geojson import read_full_geojson
from mapping.formats.geopackage import read_geopackage
from mapping.pipeline import load_inputs
from mapping.records import load_data
from mapping.tables import incident_records
from tests.conftest import SEEDS

KRYVYI_RIH = "2025-04-04-kryvyi-rih"


def check_rfc7946(collection: dict) -> None:
    """The RFC 7946 rules a reader relies on (sections 3, 4 and 6)."""
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # §4: no crs member; WGS 84 implied
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) >= {"type", "geometry", "properties"}
        assert "crs" not in feature
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]  # §3.1.1: longitude first
        assert -180 <= lon <= 180
        assert -90 <= lat <= 90
        assert all(len(str(c).split(".")[-1]) <= 6 for c in (lon, lat))
        for value in feature["properties"].values():
            assert not isinstance(value, float) or value == value  # no NaN (not JSON)


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("exports")


def test_flat_geojson_is_rfc7946_and_read_by_gdal(seed_layers, out):
    path = out / "flat.geojson"
    assert export(seed_layers, path) == 3
    collection = json.loads(path.read_text(encoding="utf-8"))
    check_rfc7946(collection)
    kryvyi_rih = next(f for f in collection["features"] if f["properties"]["id"] == KRYVYI_RIH)
    assert kryvyi_rih["geometry"]["coordinates"] == [33.39404, 47.90572]
    assert kryvyi_rih["properties"]["killed_min"] == 16
    assert kryvyi_rih["properties"]["killed_max"] is None
    assert kryvyi_rih["properties"]["contested"] is True
    read = pyogrio.read_dataframe(path)
    assert len(read) == 3
    assert read.crs.to_epsg() == 4326
    assert {
        "id",
        "date",
        "place",
        "admin1",
        "country",
        "precision",
        "radius_m",
        "weapon_system",
        "weapon_category",
        "killed_min",
        "killed_max",
        "injured_min",
        "injured_max",
        "children_killed_min",
        "contested",
        "sources",
    } <= set(read.columns)
    row = read[read["id"] == KRYVYI_RIH].iloc[0]
    assert (row["place"], row["weapon_system"], row.geometry.y) == (
        "Kryvyi Rih",
        "Iskander-M",
        47.90572,
    )


def test_full_geojson_round_trips_to_equal_incidents(seed_layers, resolved, out):
    path = out / "full.geojson"
    export(seed_layers, path, profile="full")
    check_rfc7946(json.loads(path.read_text(encoding="utf-8")))
    again = read_full_geojson(path)
    assert not again.problems
    assert sorted(again.incidents, key=lambda i: i.id) == sorted(resolved, key=lambda i: i.id)
    assert len(pyogrio.read_dataframe(path)) == 3  # GDAL reads it too


def test_geopackage_holds_every_layer_and_round_trips(seed_layers, resolved, out):
    path = out / "all.gpkg"
    export(seed_layers, path)
    names = dict(pyogrio.list_layers(path))
    assert set(LAYER_NAMES) <= set(names)
    assert names["incidents"] == "Point"
    assert names["precision"] == "Polygon"
    for name, layer in seed_layers.items():
        read = pyogrio.read_dataframe(path, layer=name)
        assert len(read) == len(layer), name
        assert read.crs.to_epsg() == 4326
    info = pyogrio.read_info(path, layer="incidents")
    assert (
        dict(zip(info["fields"], info["dtypes"], strict=True))["date"] == "datetime64[D]"
    )  # a DATE column
    again = load_data(incident_records(read_geopackage(path)))
    assert sorted(again.incidents, key=lambda i: i.id) == sorted(resolved, key=lambda i: i.id)


@pytest.mark.parametrize("hxl", [False, True])
def test_csv_has_acled_columns_and_reads_back(seed_layers, out, hxl):
    path = out / f"flat-{hxl}.csv"
    export(seed_layers, path, hxl=hxl)
    read = pyogrio.read_dataframe(path)
    assert len(read) == 3 + hxl
    table = pd.read_csv(path, skiprows=[1] if hxl else None)
    row = table[table["event_id_cnty"] == KRYVYI_RIH].iloc[0]
    assert (row["country"], row["location"], row["fatalities"], row["geo_precision"]) == (
        "Ukraine",
        "Kryvyi Rih",
        16,
        1,
    )
    assert (row["latitude"], row["longitude"]) == (47.90572, 33.39404)
    if hxl:
        tags = pd.read_csv(path, nrows=1).iloc[0]
        assert (tags["event_date"], tags["latitude"], tags["longitude"], tags["location"]) == (
            "#date+occurred",
            "#geo+lat",
            "#geo+lon",
            "#loc+name",
        )
        assert tags["killed_min"].startswith("#affected+killed")
        assert tags["source"] == "#meta+source"
    again = load_inputs([path])
    assert not again.errors
    incident = next(i for i in again.incidents if i.id == KRYVYI_RIH)
    assert incident.place.lat == 47.90572
    (everyone,) = [c for c in incident.casualties if c.group == "unspecified"]
    assert (everyone.killed.min, everyone.killed.max) == (16, None)
    assert "Russian Ministry of Defence" in incident.sources[0].name


def test_kml_placemarks_with_escaped_descriptions(seed_layers, resolved, out):
    from layers import build_layers
    from mapping.tables import incident_tables

    hostile = resolved[1].model_copy(update={"notes": "x"})
    source = hostile.sources[0].model_copy(update={"name": "<img src=x onerror=alert(1)>"})
    hostile = hostile.model_copy(update={"sources": (source, *hostile.sources[1:])})
    path = out / "incidents.kml"
    export(build_layers(incident_tables([hostile])), path)
    read = pyogrio.read_dataframe(path)
    assert len(read) == 1
    assert read.iloc[0]["Name"] == "Kryvyi Rih (2025-04-04)"
    description = (
        ET.parse(path).getroot().find(".//{http://www.opengis.net/kml/2.2}description").text
    )
    assert "<img" not in description  # what Google Earth renders as HTML
    assert "&lt;img src=x onerror=alert(1)&gt;" in description
    assert export(seed_layers, out / "seeds.kml") == 3


def test_failed_export_leaves_the_previous_file(seed_layers, out, monkeypatch):
    path = out / "keep.geojson"
    export(seed_layers, path)
    before = path.read_bytes()

    def broken(chunk, names, handle):
        handle.write(b'{"type": "Feature", "geometry": ')  # half a feature, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(mapping.formats.geojson, "_write_features", broken)
    with pytest.raises(ExportError, match="No space left on device"):
        export(seed_layers, path)
    assert path.read_bytes() == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".keep")] == []


def test_full_profile_is_geojson_only(seed_layers, out):
    with pytest.raises(ExportError, match="full profile"):
        export(seed_layers, out / "x.csv", profile="full")


def test_cli_export_with_filters_prints_a_summary(tmp_path, gazetteer):
    path = tmp_path / "ballistic.geojson"
    result = CliRunner().invoke(
        main,
        [
            "export",
            str(SEEDS),
            "-o",
            str(path),
            "--weapon",
            "ballistic_missile",
            "--since",
            "2025-01-01",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "wrote 2 incident(s)" in result.stderr
    assert "1 filtered out, 0 place(s) unresolved" in result.stderr
    assert len(pyogrio.read_dataframe(path)) == 2


def test_cli_build_writes_a_geopackage(tmp_path, gazetteer):
    path = tmp_path / "incidents.gpkg"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert len(pyogrio.read_dataframe(path, layer="casualties")) > 30


def test_cli_export_reports_unresolved_places(tmp_path, gazetteer):
    record = tmp_path / "lost.yaml"
    record.write_text(
        "id: lost\ndate: 2025-04-04\nplace: {name: Qwertyuiopville, country: UA}\n"
        "sources: [{id: a, name: A, party: other}]\n",
        encoding="utf-8",
    )
    path = tmp_path / "out.geojson"
    result = CliRunner().invoke(main, ["export", str(record), "-o", str(path)])
    assert result.exit_code == 0
    assert f"{record}:1: lost: place.name: place 'Qwertyuiopville' not found" in result.stderr
    assert "1 place(s) unresolved" in result.stderr
    feature = json.loads(path.read_text())["features"][0]
    assert feature["geometry"] is None


def test_flat_geojson_writes_any_text_and_missing_values_as_json(out, monkeypatch):
    import geopandas as gpd
    import shapely

    from mapping.formats.geojson import write_flat_geojson

    names = [
        'quote " and \\ backslash',
        "line\nbreak\ttab",
        "bell\x07 and \x00",
        "Кривий Ріг 🚀",
        None,
    ]
    frame = gpd.GeoDataFrame(
        {
            "id": [f"i{k}" for k in range(5)],
            "place": pd.array(names, dtype="str"),
            "killed_min": pd.array([1, None, 3, None, 0], dtype="Int64"),
            "radius_m": [1000.0, float("nan"), 2.5, 1e20, 0.0],
            "contested": [True, False, True, False, True],
        },
        geometry=[
            shapely.Point(33.39404, 47.90572),
            None,
            shapely.Point(-0.1, 51.5),
            shapely.Point(179.9999999, -89.1234567),
            shapely.Point(30, 50),
        ],
        crs="EPSG:4326",
    )
    monkeypatch.setattr(mapping.formats.geojson, "CHUNK_ROWS", 2)  # three chunks
    path = out / "odd.geojson"
    assert write_flat_geojson(frame, path) == 5
    collection = json.loads(path.read_text(encoding="utf-8"))
    features = collection["features"]
    assert [f["properties"]["place"] for f in features] == names
    assert [f["properties"]["killed_min"] for f in features] == [1, None, 3, None, 0]
    assert [f["properties"]["radius_m"] for f in features] == [1000.0, None, 2.5, 1e20, 0.0]
    assert [f["properties"]["contested"] for f in features] == [True, False, True, False, True]
    assert features[1]["geometry"] is None
    assert features[3]["geometry"]["coordinates"] == [180.0, -89.123457]
    read = pyogrio.read_dataframe(path)
    assert len(read) == 5
    assert str(read["radius_m"].dtype) == "float64"
