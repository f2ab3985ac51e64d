"""Values that would pass a naive check but break an output, and text that would act on the
reader's terminal: each refused or neutralised with a clear word, the good records beside it
loaded, the previous output intact."""

from __future__ import annotations

import errno
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapping.cli import main
from mapping.errors import ExportError, Problem, printable
from mapping.formats import export, read_file
from mapping.pipeline import load_inputs
from mapping.records import load_json_text, load_records, load_yaml_text
from tests.conftest import ROOT

GOOD = {
    "id": "good",
    "date": "2025-04-04",
    "place": {"name": "Kyiv", "lat": 50.45, "lon": 30.52, "precision": "settlement"},
    "sources": [{"id": "a", "name": "A", "party": "other"}],
}


def with_bad(**changes) -> str:
    bad = json.loads(json.dumps(GOOD)) | {"id": "bad"}
    for path, value in changes.items():
        target = bad
        *parents, leaf = path.split("__")
        for part in parents:
            target = target[part]
        target[leaf] = value
    return json.dumps([GOOD, bad], allow_nan=True)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"place__radius_m": float("inf")}, "place.radius_m", "finite"),
        ({"place__radius_m": 1e12}, "place.radius_m", "less than or equal"),
        ({"place__lat": float("nan")}, "place.lat", "finite"),
        ({"casualties": [{"source": "a", "killed": 2**63}]}, "casualties[0].killed", "at most"),
        ({"casualties": [{"source": "a", "killed": 3_000_000_000}]}, "casualties[0].killed", "at most"),
        ({"notes": "lone \ud800 surrogate"}, "notes", "U+D800"),
        ({"notes": "clear \x1b[2J the screen"}, "notes", "U+001B"),
        ({"place__name": "Kyiv\ufffe"}, "place.name", "U+FFFE"),
        ({"date": 86400}, "date", "not the number 86400"),
        ({"weapon": {"system": "Iskander", "count": 10**12}}, "weapon.count", "less than or equal"),
    ],
)  # fmt: skip
def test_values_no_output_can_hold_are_refused_and_the_rest_load(changes, field, words):
    result = load_json_text(with_bad(**changes), "batch.json")
    assert [i.id for i in result.incidents] == ["good"]
    (problem,) = result.errors
    assert (problem.record_id, problem.field) == ("bad", field)
    assert words in problem.message


@pytest.mark.parametrize(
    ("date", "words"), [("2099-01-01", "in the future"), ("0001-01-01", "before 1900")]
)
def test_implausible_dates_load_with_a_warning(date, words):
    result = load_json_text(with_bad(date=date), "dates.json")
    assert len(result.incidents) == 2
    (warning,) = result.warnings
    assert (warning.record_id, warning.field) == ("bad", "date")
    assert words in warning.message


def test_json_with_a_key_twice_is_refused_not_silently_half_read():
    text = '{"id": "x", "date": "2025-04-04", "date": "2024-01-01"}'
    (problem,) = load_json_text(text, "twice.json").errors
    assert "'date' appears twice" in problem.message


@pytest.mark.parametrize(("load", "text"), [(load_json_text, "[" * 100_000 + "]" * 100_000),
                                            (load_yaml_text, "[" * 100_000 + "]" * 100_000)])  # fmt: skip
def test_deep_nesting_is_one_problem_not_a_crash(load, text):
    (problem,) = load(text, "deep").errors
    assert "nest" in problem.message  # PyYAML says so itself; JSON in our words


def test_terminal_escapes_are_printed_as_escapes():
    problem = Problem("x.yaml", 3, "id\x1b]0;owned\x07", "notes", "bad \x9b31m colour")
    shown = str(problem)
    assert not {"\x1b", "\x07", "\x9b"} & set(shown)
    assert "\\x1b]0;owned\\x07" in shown
    assert printable("right-to-left \u202e override") == "right-to-left \\u202e override"


def test_validate_prints_hostile_text_escaped(tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text(
        "id: hostile\ndate: 2025-04-04\nplace: {name: Kyiv}\n"
        "sources: [{id: a, name: A, party: martian\x1b[2J}]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output


def test_a_missing_input_fails_before_the_output_is_touched(tmp_path, seeds):
    out = tmp_path / "keep.geojson"
    out.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    before = out.read_bytes()
    for command in (["export"], ["map"], ["build"]):
        target = out if command != ["build"] else tmp_path / "keep.gpkg"
        result = CliRunner().invoke(main, [*command, "/no/such/path", "-o", str(target)])
        assert result.exit_code == 1, result.output
        assert "no such file or folder: /no/such/path" in result.stderr
    assert out.read_bytes() == before
    assert not (tmp_path / "keep.gpkg").exists()


def test_a_half_written_temporary_file_is_not_read_as_input(tmp_path, seeds):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "kyiv.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (folder / ".kyiv.x1y2.json").write_text('{"id": "half", "date": ', encoding="utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "more.json").write_text(json.dumps(GOOD), encoding="utf-8")
    loaded = load_inputs([folder])
    assert [i.id for i in loaded.incidents] == ["good"]
    assert not loaded.problems
    assert [i.id for i in load_records([folder]).incidents] == ["good"]


def test_exports_of_refused_values_never_happen(tmp_path, seed_layers):
    # the whole batch is not lost: the good records export
    result = load_json_text(with_bad(place__radius_m=float("inf")), "batch.json")
    from layers import build_layers
    from mapping.tables import incident_tables

    layers = build_layers(incident_tables(result.incidents))
    assert export(layers, tmp_path / "good.geojson") == 1


def test_a_csv_value_that_is_not_a_number_is_a_problem_with_its_line(tmp_path, seed_layers):
    import csv

    path = tmp_path / "export.csv"
    export(seed_layers, path, hxl=True)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[2][rows[0].index("latitude")] = "abc"  # header, hashtag row, first incident
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = load_inputs([path])
    (problem,) = result.errors
    assert (problem.line, problem.field) == (3, "place.lat")
    assert len(result.incidents) == len(seed_layers.incidents) - 1


def test_a_killed_index_build_leaves_nothing_behind_for_long(tmp_path):
    import os
    import time

    from mapping.geocoding.gazetteer import _remove_abandoned_builds

    old, young = tmp_path / ".gazetteer-old.tmp", tmp_path / ".gazetteer-young.tmp"
    old.write_bytes(b"half an index")
    young.write_bytes(b"a build in progress")
    os.utime(old, (time.time() - 7_200, time.time() - 7_200))
    _remove_abandoned_builds(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [young.name]


@pytest.mark.parametrize(
    "formula",
    ['=HYPERLINK("http://evil.invalid","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3",
     "\t=1", "\r=1"],
)  # fmt: skip
def test_spreadsheet_formulas_in_text_are_shown_not_run(tmp_path, resolved, formula):
    import csv

    from layers import build_layers
    from mapping.tables import incident_tables

    hostile = resolved[0].model_copy(update={"notes": formula})
    place = hostile.place.model_copy(update={"name": formula, "admin1": "-5"})
    layers = build_layers(incident_tables([hostile.model_copy(update={"place": place})]))
    for hxl in (False, True):
        path = tmp_path / f"hostile-{hxl}.csv"
        export(layers, path, hxl=hxl)
        (row,) = list(csv.DictReader(path.open(encoding="utf-8")))[1 if hxl else 0 :]
        assert row["location"].startswith("'")
        assert row["admin1"] == "-5"  # a number stays a number
        assert row["fatalities"].isdigit()
    # read back, the text is what the record said
    (again,) = load_inputs([tmp_path / "hostile-False.csv"]).incidents
    if not formula.startswith(("\t", "\r")):
        assert again.place.name == formula


def test_an_unreadable_file_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    path = tmp_path / "acled.csv"
    path.write_text("event_id_cnty,event_date,latitude,longitude\n", encoding="utf-8")
    real = Path.read_bytes

    def denied(self):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)  # as for a user the file is not shared with
    (problem,) = read_file(path).problems
    assert problem.message == "cannot read: Permission denied"


def test_a_failed_kml_write_leaves_the_previous_file(tmp_path, seed_layers, monkeypatch):
    path = tmp_path / "map.kml"
    export(seed_layers, path)
    before = path.read_bytes()

    def full_disk(self, target, *args, **kwargs):
        Path(target).write_bytes(b"<?xml version='1.0'?><kml")  # half written, then no space
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ET.ElementTree, "write", full_disk)
    with pytest.raises(ExportError, match="No space left on device"):
        export(seed_layers, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["map.kml"]


def test_make_app_listens_on_this_machine_only():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "ADDRESS ?= 127.0.0.1" in makefile
    assert "--server.address $(ADDRESS)" in makefile


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(monkeypatch, tmp_path):
    import mapping.pipeline

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(mapping.pipeline, "load_inputs", broken)
    path = tmp_path / "x.yaml"
    path.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "strikemap: ZeroDivisionError: a bug (run with --debug for the details)"
    )
    debug = CliRunner().invoke(main, ["--debug", "validate", str(path)])
    assert isinstance(debug.exception, ZeroDivisionError)


def test_a_link_target_cannot_leave_its_markdown_link():
    from mapping.html import markdown_url

    url = "https://example.org/a_(b)*[c]"
    assert markdown_url(url) == "https://example.org/a%5F%28b%29%2A%5Bc%5D"
    assert markdown_url("https://example.org/ok?x=1") == "https://example.org/ok?x=1"
