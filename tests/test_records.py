from __future__ import annotations

import json
import textwrap

import pytest

from mapping.records import load_file, load_records

GOOD = """\
- id: good-before
  date: 2025-04-04
  place: {name: Kyiv, country: UA}
  sources: [{id: a, name: Agency A, party: independent_media}]
"""
GOOD_AFTER = """\
- id: good-after
  date: 2025-04-05
  place: {name: Lviv, country: UA}
  sources: [{id: a, name: Agency A, party: independent_media}]
"""


def _write(tmp_path, bad: str, name: str = "batch.yaml"):
    path = tmp_path / name
    path.write_text(GOOD + textwrap.dedent(bad) + GOOD_AFTER, encoding="utf-8")
    return path


# (what is wrong, the bad record, its expected line, field, and words of the message)
BAD_RECORDS = [
    (
        "typo'd field",
        """\
        - id: typo
          date: 2025-04-04
          place: {name: Kyiv}
          sources: [{id: a, name: A, party: other}]
          casualites: [{source: a, killed: 3}]
        """,
        9,
        "casualites",
        "unknown field 'casualites'; did you mean 'casualties'?",
    ),
    (
        "negative count",
        """\
        - id: negative
          date: 2025-04-04
          place: {name: Kyiv}
          sources: [{id: a, name: A, party: other}]
          casualties:
            - {source: a, killed: -3}
        """,
        10,
        "casualties[0].killed",
        "a count cannot be negative (-3)",
    ),
    (
        "min greater than max",
        """\
        - id: min-max
          date: 2025-04-04
          place: {name: Kyiv}
          sources: [{id: a, name: A, party: other}]
          casualties:
            - source: a
              injured: {min: 9, max: 3}
        """,
        11,
        "casualties[0].injured",
        "min (9) is greater than max (3)",
    ),
    (
        "impossible date",
        """\
        - id: feb-30
          date: 2025-02-30
          place: {name: Kyiv}
          sources: [{id: a, name: A, party: other}]
        """,
        6,
        "date",
        "'2025-02-30' is not a valid date",
    ),
    (
        "undeclared source",
        """\
        - id: undeclared
          date: 2025-04-04
          place: {name: Kyiv}
          sources: [{id: a, name: A, party: other}]
          damage:
            - {object: house, source: ru-mod}
        """,
        10,
        "damage[0].source",
        "source 'ru-mod' is not declared in sources (declared: a)",
    ),
    (
        "malformed YAML",
        """\
        - id: broken
          date: 2025-04-04
          place: {name: Kyiv
          sources: [{id: a, name: A, party: other}]
        """,
        7,
        "place",
        "malformed YAML",
    ),
]


@pytest.mark.parametrize(
    ("bad", "line", "field", "message"),
    [case[1:] for case in BAD_RECORDS],
    ids=[case[0] for case in BAD_RECORDS],
)
def test_bad_record_is_located_and_the_others_still_load(tmp_path, bad, line, field, message):
    path = _write(tmp_path, bad)
    result = load_file(path)
    assert [i.id for i in result.incidents] == ["good-before", "good-after"]
    assert len(result.errors) == 1, result.errors
    problem = result.errors[0]
    record_id = bad.split("id:", 1)[1].split()[0]
    assert (problem.file, problem.line, problem.record_id, problem.field) == (
        str(path),
        line,
        record_id,
        field,
    )
    assert message in problem.message
    assert str(problem).startswith(f"{path}:{line}: {record_id}: {field}: ")


def test_broken_document_does_not_hide_the_next_document(tmp_path):
    path = tmp_path / "docs.yaml"
    path.write_text(
        "id: first\ndate: 2025-04-04\nplace: {name: Kyiv\n"
        "---\nid: second\ndate: 2025-04-04\nplace: {name: Kyiv}\n"
        "sources: [{id: a, name: A, party: other}]\n",
        encoding="utf-8",
    )
    result = load_file(path)
    assert [i.id for i in result.incidents] == ["second"]
    assert [(p.line, p.record_id) for p in result.errors] == [(3, "first")]


def test_yaml_1_1_surprises_do_not_apply(tmp_path):
    path = tmp_path / "norway.yaml"
    path.write_text(
        "id: oslo\ndate: 2025-04-04\ntime: 18:49\nplace: {name: Oslo, country: NO}\n"
        "sources: [{id: a, name: A, party: other}]\n",
        encoding="utf-8",
    )
    (incident,) = load_file(path).incidents
    assert incident.place.country == "NO"  # not the boolean false
    assert incident.time.strftime("%H:%M") == "18:49"  # not the sexagesimal 1129


def test_duplicate_keys_are_an_error(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text(
        "id: dup\ndate: 2025-04-04\ndate: 2025-04-05\nplace: {name: Kyiv}\n"
        "sources: [{id: a, name: A, party: other}]\n",
        encoding="utf-8",
    )
    result = load_file(path)
    assert not result.incidents
    assert "duplicate key 'date' (first on line 2)" in result.errors[0].message
    assert result.errors[0].line == 3


def test_same_incident_id_twice_keeps_the_first(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    result = load_records([tmp_path])
    assert [i.id for i in result.incidents] == ["good-before"]
    (problem,) = result.errors
    assert problem.file.endswith("b.yaml")
    assert "already loaded from" in problem.message


def test_json_records_load_with_lines(tmp_path):
    path = tmp_path / "records.json"
    records = [
        {
            "id": "j1",
            "date": "2025-04-04",
            "place": {"name": "Kyiv"},
            "sources": [{"id": "a", "name": "A", "party": "other"}],
        },
        {
            "id": "j2",
            "date": "2025-04-04",
            "place": {"name": "Kyiv"},
            "sources": [{"id": "a", "name": "A", "party": "martian"}],
        },
    ]
    text = json.dumps(records, indent=2)
    path.write_text(text, encoding="utf-8")
    result = load_file(path)
    assert [i.id for i in result.incidents] == ["j1"]
    (problem,) = result.errors
    assert (problem.record_id, problem.field) == ("j2", "sources[0].party")
    assert problem.line == text.splitlines().index('        "party": "martian"') + 1


def test_malformed_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"id": "x",\n  }\n]\n', encoding="utf-8")
    (problem,) = load_file(path).errors
    assert problem.line == 3
    assert "malformed JSON" in problem.message


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xc3\x28garbage", "not UTF-8"), (b"- 1\n- 2\n", "must be a mapping")],
)
def test_files_that_are_not_records(tmp_path, content, message):
    path = tmp_path / "odd.yaml"
    path.write_bytes(content)
    assert message in load_file(path).errors[0].message


def test_missing_file_is_reported_not_raised(tmp_path):
    (problem,) = load_records([tmp_path / "nope.yaml"]).errors
    assert problem.message == "no such file"


def test_unknown_weapon_and_odd_url_are_warnings_not_errors(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(
        "id: w\ndate: 2025-04-04\nplace: {name: Kyiv}\nweapon: {system: Wunderwaffe}\n"
        "sources: [{id: a, name: A, party: other, url: 'javascript:alert(1)'}]\n",
        encoding="utf-8",
    )
    result = load_file(path)
    assert [i.id for i in result.incidents] == ["w"]
    assert not result.errors
    assert [(w.line, w.field) for w in result.warnings] == [
        (4, "weapon.system"),
        (5, "sources[0].url"),
    ]
    assert result.incidents[0].weapon.category == "unknown"


@pytest.mark.parametrize(
    ("place", "message"),
    [
        ("{name: Kyiv, lat: 50.45}", "give both lat and lon"),
        ("{name: Kyiv, lat: 50.45, lon: 30.52}", "coordinates need a precision"),
        ("{name: Kyiv, lat: 95, lon: 30.52, precision: site}", "less than or equal to 90"),
        ("{name: Kyiv, country: Ukraine}", "not a two-letter country code"),
        ("{name: '  '}", "must not be empty"),
    ],
)
def test_place_checks(tmp_path, place, message):
    path = tmp_path / "p.yaml"
    path.write_text(
        f"id: p\ndate: 2025-04-04\nplace: {place}\nsources: [{{id: a, name: A, party: other}}]\n",
        encoding="utf-8",
    )
    (problem,) = load_file(path).errors
    assert message in problem.message
    assert problem.field.startswith("place")


def test_lines_in_a_later_document_are_the_files(tmp_path):
    record = (
        "id: {id}\ndate: {date}\nplace: {{name: Kyiv}}\n"
        "sources: [{{id: a, name: A, party: other}}]\n"
    )
    path = tmp_path / "many.yaml"
    path.write_text(
        record.format(id="first", date="2025-04-04")
        + "---\n"
        + record.format(id="second", date="2025-13-01")
        + "---\n"
        + "id: third\ndate: 2025-04-04\ndate: 2025-04-05\n",
        encoding="utf-8",
    )
    result = load_file(path)
    assert [i.id for i in result.incidents] == ["first"]
    bad_date, duplicate = result.errors
    assert (bad_date.record_id, bad_date.field, bad_date.line) == ("second", "date", 7)
    assert duplicate.line == 13
    assert "first on line 12" in duplicate.message
