"""The hostile-input table: each bad input, read by `strikemap export` beside a good record file,
gives a clear error naming the file (and the line and field where there is one), no traceback,
and a complete output that GDAL reads with every good record in it. The cases are listed with
their outcome in benchmarks/README.md ("Hostile inputs")."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyogrio
import pytest
from click.testing import CliRunner

from mapping.cli import main

GOOD_RECORD = (
    "id: {id}\ndate: 2025-04-04\n"
    "place: {{name: Kyiv, country: UA, lat: 50.45, lon: 30.52, precision: settlement}}\n"
    "sources: [{{id: a, name: A, party: other}}]\n"
    "casualties: [{{source: a, killed: 3}}]\n"
)


def beside(bad: str) -> str:
    """A YAML record file with a good record, then a bad one (`bad` is its YAML body)."""
    return GOOD_RECORD.format(id="good-beside") + "---\n" + bad


def bad_record(**replace: str) -> str:
    """A record that is good but for the lines given (key → replacement YAML line)."""
    lines = {
        "id": "id: bad",
        "date": "date: 2025-04-04",
        "place": "place: {name: Kyiv, country: UA, lat: 50.45, lon: 30.52, precision: settlement}",
        "sources": "sources: [{id: a, name: A, party: other}]",
        "casualties": "casualties: [{source: a, killed: 3}]",
    }
    lines |= replace
    return "\n".join(v for v in lines.values() if v) + "\n"


BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
    f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
    for i in range(8)
)

# (case, file name, content (str or bytes), words the error must hold, good ids in the output)
CASES: list[tuple[str, str, str | bytes, tuple[str, ...], tuple[str, ...]]] = [
    ("a count of the wrong type", "bad.yaml", beside(bad_record(casualties="casualties: [{source: a, killed: many}]")), ("bad.yaml:", "killed"), ("good-beside",)),
    ("an unknown field", "bad.yaml", beside(bad_record(casualties="casualties: [{source: a, kiled: 5}]")), ("kiled",), ("good-beside",)),
    ("a negative count", "bad.yaml", beside(bad_record(casualties="casualties: [{source: a, killed: -3}]")), ("killed",), ("good-beside",)),
    ("a count no one could count", "bad.yaml", beside(bad_record(casualties="casualties: [{source: a, killed: 1000000000000}]")), ("killed",), ("good-beside",)),
    ("a minimum above the maximum", "bad.yaml", beside(bad_record(casualties="casualties: [{source: a, killed: {min: 10, max: 5}}]")), ("min",), ("good-beside",)),
    ("an impossible date", "bad.yaml", beside(bad_record(date="date: 2025-02-30")), ("date",), ("good-beside",)),
    ("a date written as a number", "bad.yaml", beside(bad_record(date="date: 20250404")), ("date",), ("good-beside",)),
    ("a time past midnight", "bad.yaml", beside(bad_record(date="date: 2025-04-04\ntime: '25:99'")), ("time",), ("good-beside",)),
    ("a latitude beyond the pole", "bad.yaml", beside(bad_record(place="place: {name: Kyiv, lat: 95, lon: 30.5}")), ("lat",), ("good-beside",)),
    ("a longitude beyond the date line", "bad.yaml", beside(bad_record(place="place: {name: Kyiv, lat: 50.4, lon: 200}")), ("lon",), ("good-beside",)),
    ("a NaN coordinate", "bad.yaml", beside(bad_record(place="place: {name: Kyiv, lat: .nan, lon: 30.5}")), ("lat",), ("good-beside",)),
    ("an infinite coordinate", "bad.yaml", beside(bad_record(place="place: {name: Kyiv, lat: 50.4, lon: .inf}")), ("lon",), ("good-beside",)),
    ("a radius larger than the Earth", "bad.yaml", beside(bad_record(place="place: {name: Kyiv, lat: 50.4, lon: 30.5, radius_m: 1e12}")), ("radius",), ("good-beside",)),
    ("no place at all", "bad.yaml", beside(bad_record(place="")), ("place",), ("good-beside",)),
    ("an empty place name", "bad.yaml", beside(bad_record(place="place: {name: '  '}")), ("place.name",), ("good-beside",)),
    ("no sources", "bad.yaml", beside(bad_record(sources="", casualties="")), ("sources",), ("good-beside",)),
    ("a statement from an undeclared source", "bad.yaml", beside(bad_record(casualties="casualties: [{source: z, killed: 3}]")), ("'z'",), ("good-beside",)),
    ("one source id declared twice", "bad.yaml", beside(bad_record(sources="sources: [{id: a, name: A, party: other}, {id: a, name: B, party: other}]")), ("twice",), ("good-beside",)),
    ("an unknown status", "bad.yaml", beside(bad_record(casualties="casualties: [{source: a, killed: 3, status: rumoured}]")), ("status",), ("good-beside",)),
    ("an unknown group", "bad.yaml", beside(bad_record(casualties="casualties: [{source: a, killed: 3, group: aliens}]")), ("group",), ("good-beside",)),
    ("an unknown party", "bad.yaml", beside(bad_record(sources="sources: [{id: a, name: A, party: martians}]")), ("party",), ("good-beside",)),
    ("an unknown weapon category", "bad.yaml", beside(bad_record(date="date: 2025-04-04\nweapon: {category: trebuchet}")), ("weapon",), ("good-beside",)),
    ("an id with spaces", "bad.yaml", beside(bad_record(id="id: bad id")), ("id",), ("good-beside",)),
    ("a control character in text", "bad.yaml", beside(bad_record(sources='sources: [{id: a, name: "A\\x1b[2J", party: other}]')), ("U+001B",), ("good-beside",)),
    ("text longer than a spreadsheet cell", "bad.json", json.dumps([json.loads(json.dumps({"id": "bad", "date": "2025-04-04", "place": {"name": "Kyiv", "lat": 50.45, "lon": 30.52}, "sources": [{"id": "a", "name": "A", "party": "other"}], "notes": "x" * 40_000}))]), ("32,767",), ()),
    ("a key written twice", "bad.yaml", beside(bad_record(date="date: 2025-04-04\ndate: 2025-04-05")), ("date",), ("good-beside",)),
    ("an id given to two records", "bad.yaml", GOOD_RECORD.format(id="twice") + "---\n" + GOOD_RECORD.format(id="twice"), ("twice",), ("twice",)),
    ("a !!python tag", "bad.yaml", beside("!!python/object/apply:os.system ['echo pwned']\n"), ("python",), ("good-beside",)),
    ("a YAML alias bomb", "bad.yaml", beside(BOMB), ("alias",), ("good-beside",)),
    ("YAML nested ten thousand deep", "bad.yaml", beside("a: " + "[" * 10_000 + "]" * 10_000 + "\n"), ("nesting",), ("good-beside",)),
    ("JSON nested a hundred thousand deep", "bad.json", "[" * 100_000 + "]" * 100_000, ("deep",), ()),
    ("JSON with a key twice", "bad.json", '[{"id": "bad", "id": "worse"}]', ("twice",), ()),
    ("JSON cut off mid-record", "bad.json", '[{"id": "bad", "date": "2025-', ("bad.json",), ()),
    ("an empty file", "bad.yaml", "", ("bad.yaml",), ()),
    ("a file of blank lines", "bad.yaml", "\n\n   \n", ("bad.yaml",), ()),
    ("binary noise named .yaml", "bad.yaml", bytes(range(256)) * 64, ("bad.yaml",), ()),
    ("a NUL byte in YAML", "bad.yaml", beside(bad_record(id="id: bad\x00")), ("#x0000",), ()),
    ("random bytes named .gpkg", "bad.gpkg", os.urandom(4096), ("bad.gpkg",), ()),
    ("a GeoJSON feature with no geometry", "bad.geojson", json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": None, "properties": {"id": "bad"}}]}), ("bad.geojson",), ()),
]  # fmt: skip


def _run(tmp_path: Path, name: str, content: str | bytes) -> tuple[object, Path]:
    good = tmp_path / "good.yaml"
    good.write_text(GOOD_RECORD.format(id="good"), encoding="utf-8")
    bad = tmp_path / name
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    out = tmp_path / "out.geojson"
    out.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    run = CliRunner().invoke(main, ["export", str(good), str(bad), "-o", str(out)])
    return run, out


def _ids(path: Path) -> set[str]:
    return set(pyogrio.read_dataframe(path)["id"])


@pytest.mark.parametrize(
    ("case", "name", "content", "words", "good_beside"), CASES, ids=[c[0] for c in CASES]
)
def test_a_bad_input_is_named_and_the_good_records_load(
    tmp_path, gazetteer, case, name, content, words, good_beside
):
    run, out = _run(tmp_path, name, content)
    assert run.exit_code == 1, (case, run.output)
    assert "Traceback" not in run.output
    assert name in run.output, run.output
    for word in words:
        assert word in run.output, (case, word, run.output)
    assert _ids(out) >= {"good", *good_beside}  # a whole file, read by GDAL


def test_the_table_has_forty_cases():
    assert len(CASES) + len(EXTRA_CASES) >= 40


# Cases that need more than a file's content: each is its own test below.
EXTRA_CASES = [
    "a CSV export with a word for a count",
    "a folder with a symlink loop",
    "a file nobody may read",
    "a folder named like a record file",
    "a 100 MB file",
    "100,000 records with one bad",
    "a byte-order mark before the first record",
    "UTF-16 with or without its byte-order mark (Windows 'Unicode')",
    "a future date",
]


def test_a_folder_with_a_symlink_loop(tmp_path, gazetteer):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "good.yaml").write_text(GOOD_RECORD.format(id="in-folder"), encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    out = tmp_path / "out.geojson"
    run = CliRunner().invoke(main, ["export", str(folder), "-o", str(out)])
    assert "Traceback" not in run.output
    assert _ids(out) == {"in-folder"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_a_file_nobody_may_read(tmp_path, gazetteer):
    run, out = _run(tmp_path, "bad.yaml", GOOD_RECORD.format(id="locked"))
    (tmp_path / "bad.yaml").chmod(0)
    run = CliRunner().invoke(
        main, ["export", str(tmp_path / "good.yaml"), str(tmp_path / "bad.yaml"), "-o", str(out)]
    )
    assert run.exit_code == 1
    assert "bad.yaml" in run.output
    assert _ids(out) == {"good"}


def test_a_folder_named_like_a_record_file(tmp_path, gazetteer):
    (tmp_path / "bad.yaml").mkdir()
    good = tmp_path / "good.yaml"
    good.write_text(GOOD_RECORD.format(id="good"), encoding="utf-8")
    out = tmp_path / "out.geojson"
    run = CliRunner().invoke(
        main, ["export", str(good), str(tmp_path / "bad.yaml"), "-o", str(out)]
    )
    assert "Traceback" not in run.output
    assert _ids(out) == {"good"}


@pytest.mark.slow  # writes and reads 100 MB
def test_a_100_mb_file(tmp_path, gazetteer):
    record = {
        "id": "huge",
        "date": "2025-04-04",
        "place": {"name": "Kyiv", "lat": 50.45, "lon": 30.52, "precision": "settlement"},
        "sources": [{"id": "a", "name": "A", "party": "other"}],
        "notes": "x" * 100_000_000,
    }
    good = {**record, "id": "small", "notes": "fine"}
    run, out = _run(tmp_path, "bad.json", json.dumps([good, record]))
    assert run.exit_code == 1
    assert "32,767" in run.output
    assert _ids(out) == {"good", "small"}


@pytest.mark.slow  # 100,000 records
def test_100000_records_with_one_bad(tmp_path, gazetteer):
    records = [
        {
            "id": f"r{n}",
            "date": "2025-04-04",
            "place": {
                "name": "Kyiv",
                "country": "UA",
                "lat": 50.45,
                "lon": 30.52,
                "precision": "settlement",
            },
            "sources": [{"id": "a", "name": "A", "party": "other"}],
        }
        for n in range(100_000)
    ]
    records[54_321]["date"] = "2025-13-01"
    run, out = _run(tmp_path, "bad.json", json.dumps(records))
    assert run.exit_code == 1
    assert "r54321" in run.output
    assert len(_ids(out)) == 100_000  # 99,999 good ones and good.yaml's


def test_a_byte_order_mark_before_the_first_record(tmp_path, gazetteer):
    good = tmp_path / "bom.yaml"
    good.write_bytes(b"\xef\xbb\xbf" + GOOD_RECORD.format(id="with-bom").encode())
    out = tmp_path / "out.geojson"
    run = CliRunner().invoke(main, ["export", str(good), "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert _ids(out) == {"with-bom"}


def test_a_future_date_loads_with_a_warning(tmp_path, gazetteer):
    run, out = _run(
        tmp_path, "future.yaml", GOOD_RECORD.format(id="future").replace("2025-04-04", "2099-01-01")
    )
    assert run.exit_code == 0, run.output
    assert "future" in run.output
    assert _ids(out) == {"good", "future"}


def test_a_csv_export_with_a_word_for_a_count(tmp_path, gazetteer):
    source = tmp_path / "source.yaml"
    source.write_text(GOOD_RECORD.format(id="from-csv"), encoding="utf-8")
    exported = tmp_path / "bad.csv"
    assert CliRunner().invoke(main, ["export", str(source), "-o", str(exported)]).exit_code == 0
    header, row = exported.read_text(encoding="utf-8").splitlines()[:2]
    cells = row.split(",")
    cells[header.split(",").index("killed_min")] = "many"
    exported.write_text(header + "\n" + ",".join(cells) + "\n", encoding="utf-8")
    run, out = _run(tmp_path, "bad.csv", exported.read_text(encoding="utf-8"))
    assert run.exit_code == 1
    assert "bad.csv:2" in run.output
    assert "killed.min" in run.output
    assert _ids(out) == {"good"}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_reads(tmp_path, gazetteer, encoding):
    saved = tmp_path / "notepad.yaml"
    saved.write_bytes(GOOD_RECORD.format(id="from-notepad").encode(encoding))
    out = tmp_path / "out.geojson"
    run = CliRunner().invoke(main, ["export", str(saved), "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert _ids(out) == {"from-notepad"}
