"""Reading every kind of input in one place, and preparing layers from it."""

from __future__ import annotations

import shutil

from mapping.errors import Problem
from mapping.formats import export
from mapping.geocoding import GeocoderChain
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
