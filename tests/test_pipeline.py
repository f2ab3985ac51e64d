"""Reading every kind of input in one place, and preparing layers from it."""

from __future__ import annotations

import shutil

from mapping.errors import Problem
from mapping.formats import export
from mapping.geocoding import DEFAULT_RADIUS_M, GeocoderChain
from mapping.model import Precision
from mapping.pipeline import load_inputs, prepare
from mapping.store import is_store, open_store
from tests.conftest import DATA, SEEDS


def test_folders_files_and_csv_mix_in_one_load(tmp_path):
    shutil.copy(DATA / "acled_format.csv", tmp_path / "acled.csv")
    loaded = load_inputs([SEEDS, tmp_path / "acled.csv"])
    assert "2025-04-04-kryvyi-rih" in loaded.origins
    assert any(origin.file.endswith("acled.csv") for origin in loaded.origins.values())
    # the excerpt holds one broken row, named with its line; the other rows still load
    assert [(p.line, p.field) for p in loaded.errors] == [(4, "date")]


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path):
    loaded = load_inputs([tmp_path / "absent.yaml", SEEDS])
    assert loaded.errors == [
        Problem(str(tmp_path / "absent.yaml"), None, None, None, "no such file")
    ]
    assert len(loaded.incidents) == 3


def test_a_csv_of_no_known_shape_is_named(tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b\n1,2\n", encoding="utf-8")
    (problem,) = load_inputs([odd]).problems
    assert problem.file == str(odd)
    assert "csv" in problem.message
    assert "acled" in problem.message


def test_a_record_id_seen_twice_is_refused_with_both_places(tmp_path):
    shutil.copy(SEEDS / "2025-04-13-sumy.yaml", tmp_path / "copy.yaml")
    loaded = load_inputs([SEEDS, tmp_path / "copy.yaml"])
    (problem,) = [p for p in loaded.errors if p.field == "id"]
    assert problem.file == str(tmp_path / "copy.yaml")
    assert "2025-04-13-sumy.yaml" in problem.message


def test_an_unresolved_place_names_its_file_and_line(tmp_path):
    record = tmp_path / "r.yaml"
    record.write_text(
        "- id: a\n  date: 2025-01-01\n  place: {name: Nowhere}\n"
        "  sources: [{id: s, name: Someone, party: other}]\n"
        "- id: b\n  date: 2025-01-02\n  place: {name: Also Nowhere}\n"
        "  sources: [{id: s, name: Someone, party: other}]\n",
        encoding="utf-8",
    )
    prepared = prepare([record], GeocoderChain([]))
    assert [(p.file, p.line, p.record_id) for p in prepared.problems] == [
        (str(record), 1, "a"),
        (str(record), 5, "b"),
    ]
    assert prepared.unresolved == 2
    assert len(prepared.layers.incidents) == 2


def test_a_store_geopackage_is_read_as_a_store_and_an_export_as_a_file(
    tmp_path, seed_layers, resolved
):
    exported = tmp_path / "export.gpkg"
    export(seed_layers, exported)
    store = tmp_path / "team" / "store.gpkg"
    store.parent.mkdir()
    with open_store(store) as opened:
        opened.put(resolved)
    assert not is_store(exported)
    assert is_store(store)
    assert is_store("postgresql://ana@db.example/strikes")
    for source in (exported, store, store.parent):  # a folder holding a store reads it too
        loaded = load_inputs([source])
        assert not loaded.errors, loaded.errors
        assert len(loaded.incidents) == 3


def _same_tables(left, right) -> None:
    import pandas as pd

    for name in ("incidents", "sources", "casualties", "damage", "claims"):
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name))


def test_a_geopackage_gives_the_layers_its_records_would_without_a_record_each(
    tmp_path, seed_layers, resolved, monkeypatch
):
    import mapping.pipeline as pipeline
    from mapping.records import dump_yaml

    exported = tmp_path / "export.gpkg"
    export(seed_layers, exported)
    records = tmp_path / "records.yaml"
    records.write_text(dump_yaml(resolved), encoding="utf-8")
    by_records = prepare([records], GeocoderChain([]))

    def no_records(*args, **kwargs):
        raise AssertionError("a located incident of a GeoPackage was made a record")

    monkeypatch.setattr(pipeline, "validated_rows", no_records)
    by_tables = prepare([exported], GeocoderChain([]))
    assert by_tables.problems == by_records.problems == []
    _same_tables(by_tables.layers.tables, by_records.layers.tables)
    expected = dict(by_records.layers.items())
    for name, layer in by_tables.layers.items():
        assert layer.equals(expected[name]), name
    monkeypatch.undo()
    assert by_tables.incidents == by_records.incidents  # made when asked for


def test_a_geopackage_row_without_coordinates_is_geocoded_and_a_missing_radius_filled(
    tmp_path, seed_layers, gazetteer
):
    import pyogrio

    from mapping.formats.geopackage import RECORDS_TABLE

    exported = tmp_path / "export.gpkg"
    export(seed_layers, exported)
    table = pyogrio.read_dataframe(exported, layer=RECORDS_TABLE, read_geometry=False)
    sumy = table["id"] == "2025-04-13-sumy"
    dnipro = table["id"] == "2023-01-14-dnipro"
    table.loc[sumy, ["lat", "lon", "precision", "radius_m"]] = None
    table.loc[dnipro, "radius_m"] = None
    pyogrio.write_dataframe(table, exported, layer=RECORDS_TABLE, driver="GPKG")

    prepared = prepare([exported], GeocoderChain([gazetteer]))
    assert prepared.problems == []
    incidents = prepared.layers.tables.incidents.set_index("id")
    assert list(incidents.index) == list(table["id"])  # in the file's order
    assert incidents.loc["2025-04-13-sumy", "precision"] == "settlement"
    assert abs(incidents.loc["2025-04-13-sumy", "lat"] - 50.91) < 0.1
    site = incidents.loc["2023-01-14-dnipro"]
    assert site["radius_m"] == DEFAULT_RADIUS_M[Precision(site["precision"])]


def test_a_bad_geopackage_row_is_named_and_the_others_load(tmp_path, seed_layers):
    import pyogrio

    from mapping.formats.geopackage import RECORDS_TABLE

    exported = tmp_path / "export.gpkg"
    export(seed_layers, exported)
    table = pyogrio.read_dataframe(exported, layer=RECORDS_TABLE, read_geometry=False)
    table.loc[table["id"] == "2025-04-13-sumy", "date"] = "2025-13-40"
    pyogrio.write_dataframe(table, exported, layer=RECORDS_TABLE, driver="GPKG")

    prepared = prepare([exported], GeocoderChain([]))
    (problem,) = prepared.problems
    row = list(table["id"]).index("2025-04-13-sumy") + 1
    assert (problem.file, problem.line, problem.record_id, problem.field) == (
        str(exported),
        row,
        "2025-04-13-sumy",
        "date",
    )
    assert "2025-13-40" in problem.message
    assert len(prepared.layers.incidents) == 2


def test_an_id_given_by_a_record_file_and_a_geopackage_is_kept_once(
    tmp_path, seed_layers, resolved, gazetteer
):
    exported = tmp_path / "export.gpkg"
    export(seed_layers, exported)
    prepared = prepare([SEEDS / "2025-04-13-sumy.yaml", exported], GeocoderChain([gazetteer]))
    (problem,) = prepared.problems
    assert (problem.file, problem.record_id, problem.field) == (
        str(exported),
        "2025-04-13-sumy",
        "id",
    )
    assert "2025-04-13-sumy.yaml" in problem.message
    assert sorted(prepared.layers.tables.incidents["id"]) == sorted(i.id for i in resolved)


def test_an_analysts_ambiguity_mark_stays_with_coordinates_given(resolved):
    from mapping.geocoding import geocode_incidents

    incident = resolved[0]
    marked = incident.model_copy(
        update={"place": incident.place.model_copy(update={"ambiguous": True})}
    )
    assert marked.place.located
    (done,) = geocode_incidents([marked], GeocoderChain([])).incidents
    assert done.place.ambiguous
