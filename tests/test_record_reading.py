"""Record files read without YAML nodes (ryaml) load exactly as when every record is composed by
PyYAML: the same incidents, the same problems on the same lines, the same records refused."""

from __future__ import annotations

from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapping import yaml_source
from mapping.records import dump_yaml, incident_to_record, load_json_text, load_yaml_text
from mapping.yaml_source import RecordDumper
from tests.strategies import incidents

pytestmark = pytest.mark.skipif(yaml_source.ryaml is None, reason="ryaml is not installed")

# Values an analyst's file may hold where a record has a value: numbers the two parsers could
# read apart (0x, .inf, past a float's range), YAML's own constructs (anchors, tags, flow),
# escapes of characters no export can hold, and the YAML 1.1 look-alikes.
ODD_VALUES = [
    "0x1F", "-0o17", "0b101", ".inf", "-.NaN", "1e400", "-2E+999", "&a 12", "*nowhere", "!!str 5",
    "!!binary aGk=", "many", "-3", "", "[1, 2]", "{a: 1}", '"\\x01 text"', '"\\uFFFE"', "yes",
    "NO", "18:49", "2025-02-30", "~", "'0x1F'", "1_000", "012", "+7", "1.", "{{", "'unclosed",
    "a: b: c", "x" * 40_000,
]  # fmt: skip


def _summary(text: str) -> tuple[list, list, dict]:
    result = load_yaml_text(text, "records.yaml")
    return (
        [incident.model_dump(mode="json") for incident in result.incidents],
        sorted(
            (p.line or 0, p.record_id or "", p.field or "", p.message, p.severity)
            for p in result.problems
        ),
        {key: (origin.file, origin.line) for key, origin in result.origins.items()},
    )


def _both_ways(text: str) -> tuple[tuple, tuple]:
    fast = _summary(text)
    with mock.patch.object(yaml_source, "ryaml", None):
        composed = _summary(text)
    return fast, composed


def _as_list(records: list[dict]) -> str:
    return yaml.dump(records, Dumper=RecordDumper, sort_keys=False, allow_unicode=True, width=100)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(incidents(), min_size=1, max_size=3),
    st.booleans(),
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(ODD_VALUES)), max_size=3),
)
def test_records_read_without_nodes_load_as_composed_ones(records, as_list, edits):
    records = [r.model_copy(update={"id": f"{r.id}-{n}"}) for n, r in enumerate(records)]
    if as_list:
        text = _as_list([incident_to_record(record) for record in records])
    else:
        text = dump_yaml(records)
    lines = text.splitlines(keepends=True)
    values = [i for i, line in enumerate(lines) if ": " in line and not line.rstrip().endswith(":")]
    for where, value in edits:  # a value of some field replaced as written
        index = values[where % len(values)]
        key = lines[index].split(": ", 1)[0]
        lines[index] = f"{key}: {value}\n"
    fast, composed = _both_ways("".join(lines))
    assert fast == composed


def test_a_document_of_many_records_places_each_records_problem():
    text = (
        "# records of one night\n\n"
        "- id: first\n  date: 2025-04-04\n  place: {name: Kyiv}\n"
        "  sources: [{id: a, name: A, party: other}]\n"
        "- id: second\n  date: 2025-04-04\n  place: {name: Lviv}\n"
        "  sources: [{id: a, name: A, party: other}]\n"
        "  casualties: [{source: a, killed: many}]\n"
        "- id: third\n  date: 2025-04-31\n  place: {name: Sumy}\n"
        "  sources: [{id: a, name: A, party: other}]\n"
    )
    fast, composed = _both_ways(text)
    assert fast == composed
    incidents_loaded, problems, origins = fast
    assert [i["id"] for i in incidents_loaded] == ["first"]
    assert origins["first"] == ("records.yaml", 3)
    assert [(line, record, field) for line, record, field, *_ in problems] == [
        (11, "second", "casualties[0].killed"),
        (13, "third", "date"),
    ]


def test_a_number_past_a_floats_range_is_the_text_written():
    text = "id: far\ndate: 2025-04-04\nplace: {name: Kyiv, lat: 1e400}\nnotes: 1e400\n"
    text += "sources: [{id: a, name: A, party: other}]\n"
    fast, composed = _both_ways(text)
    assert fast == composed
    (problem,) = fast[1]
    assert problem[:3] == (3, "far", "place.lat")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"a bell \\a in a note"', "U+0007"),
        ("x" * 40_000, "longer than a spreadsheet cell"),
    ],
)
def test_text_no_export_can_hold_is_refused_when_read_without_nodes(value, message):
    text = f"id: odd\ndate: 2025-04-04\nplace: {{name: Kyiv}}\nnotes: {value}\n"
    text += "sources: [{id: a, name: A, party: other}]\n"
    fast, composed = _both_ways(text)
    assert fast == composed
    (problem,) = fast[1]
    assert problem[:3] == (4, "odd", "notes")
    assert message in problem[3]


ODD_VALUE_PLACES = {
    "notes": "notes: {}\n",
    "killed": "casualties:\n- source: a\n  killed: {}\n",
}


@pytest.mark.parametrize("value", ODD_VALUES)
@pytest.mark.parametrize("field", ["notes", "killed", "lat"])
def test_each_odd_value_loads_alike(field, value):
    text = "id: odd\ndate: 2025-04-04\nsources: [{id: a, name: A, party: other}]\n"
    if field == "lat":
        text += f"place:\n  name: Kyiv\n  lat: {value}\n"
    else:
        text += "place: {name: Kyiv}\n" + ODD_VALUE_PLACES[field].format(value)
    fast, composed = _both_ways(text)
    assert fast == composed


@pytest.mark.parametrize(
    ("note", "character"),
    [("raw \ufffe", "U+FFFE"), ("escaped \\u0007", "U+0007"), ("lone \ud800", "U+D800")],
)
def test_json_text_no_export_can_hold_is_refused(note, character):
    record = '{"id": "odd", "date": "2025-04-04", "place": {"name": "Kyiv"}, "notes": "NOTE",'
    record += ' "sources": [{"id": "a", "name": "A", "party": "other"}]}'
    result = load_json_text(f"[\n{record.replace('NOTE', note)}\n]", "records.json")
    (problem,) = result.errors
    assert (problem.line, problem.field) == (2, "notes")
    assert character in problem.message


def test_text_no_export_can_hold_is_refused_in_parts_made_by_code():
    # an extraction or a script builds the parts as objects, not from a file
    import datetime as dt

    from pydantic import ValidationError

    from mapping.model import Incident, Place, Source

    source = Source(id="s", name="Regional administration\x07", party="local_authority")
    with pytest.raises(ValidationError, match="U\\+0007"):
        Incident(id="x", date=dt.date(2025, 4, 4), place=Place(name="Sumy"), sources=[source])
    with pytest.raises(ValidationError, match="U\\+0001"):
        Incident(
            id="x",
            date=dt.date(2025, 4, 4),
            place=Place(name="Su\x01my"),
            sources=[Source(id="s", name="SES", party="local_authority")],
        )
