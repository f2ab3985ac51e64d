"""Exports checked by the tools GIS and humanitarian teams use: libhxl's default schema, the OGC
KML 2.2 schema, GDAL's GeoPackage validator, GDAL's SQL, and Shapefile's field limits."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

import hxl
import pyogrio
import pytest
from lxml import etree

from layers import build_layers
from mapping.formats import export
from mapping.pipeline import load_inputs
from mapping.records import load_records
from mapping.tables import incident_tables
from tests.conftest import DATA

KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture(scope="module")
def mixed_layers(resolved):
    """The seeds (resolved) and every data set excerpt: records written by many hands."""
    imported = load_inputs([DATA / "datasets"], all_events=True)
    assert not imported.errors
    return build_layers(incident_tables([*resolved, *imported.incidents]))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path


def test_hxl_csv_passes_libhxl_default_schema_with_hdx_conflict_tags(mixed_layers, out):
    path = out / "incidents.csv"
    export(mixed_layers, path, hxl=True)
    issues = []
    valid = hxl.schema(None, callback=issues.append).validate(
        hxl.data(str(path), hxl.InputOptions(allow_local=True))
    )
    assert valid, [(i.rule.severity, str(i.column.display_tag), i.message) for i in issues]
    data = hxl.data(str(path), hxl.InputOptions(allow_local=True))
    rows = list(data)
    assert {row.get("#event+code") for row in rows} >= {"UKR900001", "2025-04-04-kryvyi-rih"}
    # HXL tag patterns match the first column: ISO 3166 alpha-3, as HDX writes it
    assert {row.get("#country+code") for row in rows} == {"UKR"}
    assert {row.get("#country+code+num") for row in rows} == {"804"}  # as ACLED's `iso`


def kml_schema() -> etree.XMLSchema:
    """The OGC KML 2.2 schema, from the copy pykml ships (read offline)."""
    spec = importlib.util.find_spec("pykml")
    folder = Path(spec.submodule_search_locations[0]) / "schemas"
    return etree.XMLSchema(etree.parse(str(folder / "ogckml22.xsd")))


def test_kml_is_valid_ogc_kml_with_stable_ids_timestamps_and_styles(mixed_layers, out):
    first, second = out / "a.kml", out / "b.kml"
    written = export(mixed_layers, first)
    export(mixed_layers, second)
    assert first.read_bytes() == second.read_bytes()  # nothing from temporary file names
    schema = kml_schema()
    document = etree.parse(str(first))
    assert schema.validate(document), schema.error_log
    placemarks = document.findall(f".//{KML}Placemark")
    assert len(placemarks) == written == len(mixed_layers.incidents)
    by_id = {p.get("id"): p for p in placemarks}
    kryvyi_rih = by_id["incident-2025-04-04-kryvyi-rih"]
    assert kryvyi_rih.findtext(f"{KML}TimeStamp/{KML}when") == "2025-04-04"
    assert kryvyi_rih.findtext(f"{KML}styleUrl") == "#weapon-ballistic_missile"
    styles = {s.get("id") for s in document.findall(f".//{KML}Style")}
    assert "weapon-ballistic_missile" in styles
    # a UCDP event dated to the week keeps its first day; a numeric id becomes a valid xs:ID
    assert by_id["incident-900302"].findtext(f"{KML}TimeStamp/{KML}when") == "2023-01-16"
    balloon = kryvyi_rih.findtext(f"{KML}description")
    assert "14 killed — President Volodymyr Zelensky, 2025-04-04 (reported)" in balloon
    assert "up to 85 military killed — Russian Ministry of Defence" in balloon


def test_kml_drops_characters_xml_forbids(resolved, out):
    hostile = resolved[0].model_copy(update={"notes": "bell\x07 and escape\x1b[2J"})
    place = hostile.place.model_copy(update={"name": "Dnipro\x0b"})
    layers = build_layers(incident_tables([hostile.model_copy(update={"place": place})]))
    path = out / "hostile.kml"
    export(layers, path)
    assert kml_schema().validate(etree.parse(str(path)))
    assert "Dnipro (" in path.read_text(encoding="utf-8")


def test_geopackage_passes_gdal_validator_and_sql_filters(mixed_layers, out):
    path = out / "incidents.gpkg"
    export(mixed_layers, path)
    checked = subprocess.run(
        ["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # no SQL keyword as a column: GDAL -where filters need no quoting
    children = pyogrio.read_dataframe(path, layer="casualties", where="casualty_group = 'children'")
    assert len(children)
    assert set(children["casualty_group"]) == {"children"}
    assert "killed" in set(children["category"])


def test_geopackage_reads_back_the_groups_it_renamed(resolved, out):
    path = out / "seeds.gpkg"
    export(build_layers(incident_tables(resolved)), path)
    again = load_inputs([path])
    groups = {c.group for i in again.incidents for c in i.casualties}
    assert {"children", "military", "unspecified"} <= groups


def test_flat_geojson_features_carry_the_incident_id(mixed_layers, out):
    path = out / "incidents.geojson"
    export(mixed_layers, path)
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert all(f["id"] == f["properties"]["id"] for f in features)
    assert "UKR900001" in {f["id"] for f in features}


def test_shapefile_fields_fit_ten_characters_without_collisions(mixed_layers, out):
    path = out / "shape" / "incidents.shp"
    assert export(mixed_layers, path) == len(mixed_layers.incidents)
    assert sorted(p.suffix for p in path.parent.iterdir()) == [
        ".cpg",
        ".dbf",
        ".prj",
        ".shp",
        ".shx",
    ]
    info = pyogrio.read_info(path)
    fields = list(info["fields"])
    assert all(len(name) <= 10 for name in fields)
    assert len(set(fields)) == len(mixed_layers.incidents.columns) - 1  # all but geometry
    assert {"kil_min", "ch_kil_min", "ml_inj_max", "wpn_cat", "ckil_ltmin", "kil_lt_min"} <= set(
        fields
    )
    read = pyogrio.read_dataframe(path)
    assert read["date"].dtype.kind == "M"  # a real date field
    assert read["sources"].str.encode("utf-8").str.len().max() <= 254
    assert set(read["id"]) == set(mixed_layers.incidents["id"])


def test_json_records_are_read_by_the_json_parser(tmp_path, seeds):
    records = []
    for number in range(2_000):
        record = seeds.incidents[number % len(seeds.incidents)].model_dump(
            mode="json", exclude_none=True
        )
        records.append(record | {"id": f"record-{number}"})
    text = json.dumps(records, indent=1)
    path = tmp_path / "many.json"
    path.write_text(text, encoding="utf-8")
    loaded = load_records([path])
    assert len(loaded.incidents) == 2_000
    # a record's line is where its object opens, the line above its id
    assert loaded.origins["record-1999"].line == text.splitlines().index('  "id": "record-1999",')
