"""Incident tables straight from records in the JSON form strikemap writes (a team store's
`record` column, the full-profile GeoJSON), without a record object per incident.

Each record is spread into the five tables by plain dictionary reads, and the tables are
then checked column by column (`check_tables`), which sends any incident it doubts through
the record model. Spreading is exact only for the form `record_texts` writes, so it checks
every value's JSON type on the way; a record in any other form (a short `killed: 12`, an
explicit null, an unknown field, a number as text) is validated as a record instead. Either
way the result equals validating every record (`tests/test_record_tables.py` holds the two to
that).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

import pandas as pd
import pyarrow as pa
from pydantic import BaseModel

from mapping.model import (
    CasualtyCategory,
    CasualtyReport,
    Claim,
    DamageReport,
    Incident,
    Place,
    Source,
    Weapon,
    has_surrogates,
    unwritable_text,
)
from mapping.records import LoadResult, add_row, collector_paused
from mapping.table_checks import CheckedTables, check_tables, concat_tables
from mapping.tables import (
    FLOAT_COLUMNS,
    INCIDENT_COLUMNS,
    INT_COLUMNS,
    TABLE_COLUMNS,
    IncidentTables,
    conform,
    frame,
    incident_tables,
)

_TEXT, _INT, _NUMBER, _TRUE = (str,), (int,), (int, float), (bool,)


@dataclass(frozen=True)
class _Form:
    """An object as `record_texts` writes it: each plain member's table column and the JSON
    types it may have there (an int is a float's equal for a coordinate; a bool is never a
    number); the members the model requires (the tables cannot tell one missing from empty);
    the members that are spread on their own."""

    members: dict[str, tuple[str, tuple[type, ...]]]
    model: type[BaseModel]
    spread_apart: frozenset[str] = frozenset()

    @cached_property
    def required(self) -> frozenset[str]:
        return frozenset(n for n, f in self.model.model_fields.items() if f.is_required())


_RECORD = _Form(
    {
        "id": ("id", _TEXT), "date": ("date", _TEXT), "time": ("time", _TEXT),
        "date_precision": ("date_precision", _TEXT), "notes": ("notes", _TEXT),
        "review": ("review", _TEXT), "revision": ("revision", _INT),
    },
    Incident,
    frozenset(
        ("place", "weapon", "sources", "casualties", "damage", "claims", "tags", "evidence",
         "merged_from")
    ),
)  # fmt: skip
_PLACE = _Form(
    {
        "name": ("place", _TEXT), "country": ("country", _TEXT), "admin1": ("admin1", _TEXT),
        "near": ("near", _TEXT), "lat": ("lat", _NUMBER), "lon": ("lon", _NUMBER),
        "precision": ("precision", _TEXT), "radius_m": ("radius_m", _NUMBER),
        "gazetteer_id": ("gazetteer_id", _TEXT), "ambiguous": ("ambiguous", _TRUE),
        "note": ("place_note", _TEXT),
    },
    Place,
)  # fmt: skip
_WEAPON = _Form(
    {
        key: (f"weapon_{key}", _INT if key == "count" else _TEXT)
        for key in ("system", "category", "warhead", "count", "source", "note")
    },
    Weapon,
)
_SOURCE = _Form(
    {
        "id": ("source_id", _TEXT), "name": ("name", _TEXT), "party": ("party", _TEXT),
        "url": ("url", _TEXT), "published": ("published", _TEXT),
        "archive_url": ("archive_url", _TEXT), "note": ("note", _TEXT),
    },
    Source,
)  # fmt: skip
# A casualty statement's figures (`killed: {min, max}`, …) are spread apart, one row each.
_CASUALTY = _Form(
    {
        "source": ("source_id", _TEXT), "group": ("group", _TEXT), "as_of": ("as_of", _TEXT),
        "status": ("status", _TEXT), "note": ("note", _TEXT),
    },
    CasualtyReport,
    frozenset(c.value for c in CasualtyCategory),
)  # fmt: skip
_DAMAGE = _Form(
    {
        "source": ("source_id", _TEXT), "object": ("object", _TEXT),
        "severity": ("severity", _TEXT), "lat": ("lat", _NUMBER), "lon": ("lon", _NUMBER),
        "as_of": ("as_of", _TEXT), "status": ("status", _TEXT), "note": ("note", _TEXT),
    },
    DamageReport,
    frozenset(("count",)),
)  # fmt: skip
_CLAIM = _Form(
    {
        "source": ("source_id", _TEXT), "about": ("about", _TEXT), "text": ("text", _TEXT),
        "status": ("status", _TEXT), "as_of": ("as_of", _TEXT), "note": ("note", _TEXT),
    },
    Claim,
    frozenset(("disputed_by",)),
)  # fmt: skip
_COUNT = frozenset(("min", "max"))


_ARROW_TYPES = {
    **dict.fromkeys(INT_COLUMNS, pa.int64()),
    **dict.fromkeys(FLOAT_COLUMNS, pa.float64()),
    "ambiguous": pa.bool_(),
}


class _OtherFormError(Exception):
    """A record not in the form `record_texts` writes."""


def record_tables(
    records: Iterable[Any], file: str, lines: Sequence[int | None] | None = None
) -> CheckedTables:
    """The incidents of records (parsed JSON, or JSON text) as checked tables, in the order
    given; problems name `file`, the record and, when `lines` are given (one per record), its
    line (a stored record has none)."""
    records = list(records)
    try:
        spread, others = _spread(records, surrogates_seen=False)
        tables = spread.tables()
    except UnicodeEncodeError:  # a lone surrogate in parsed data: find its records
        spread, others = _spread(records, surrogates_seen=True)
        tables = spread.tables()
    # an id given twice is the record path's to report, with the line of its first use
    if repeated := _repeated_ids([*spread.ids(), *(_id_of(r) for _, r in others)]):
        others += [(n, records[n]) for n in spread.drop(repeated)]
        others.sort(key=lambda other: other[0])
        tables = spread.tables()

    def line_at(position: int) -> int | None:
        return lines[position] if lines is not None else None

    checked = check_tables(tables, file)
    problems = [
        replace(p, line=line_at(spread.positions[p.line - 1]) if p.line else None)
        for p in checked.problems
    ]
    if not others:
        return CheckedTables(checked.tables, problems, file)
    loaded, accepted = LoadResult(), []
    with collector_paused():
        for position, record in others:
            if add_row(loaded, line_at(position), _parsed(record), file):
                accepted.append(position)
    problems += loaded.problems
    parts = [checked.tables, incident_tables(loaded.incidents)]
    # the spread ids are distinct, and none is an id of the others (see above)
    position_of = dict(zip(spread.ids(), spread.positions, strict=True))
    rows = [*(position_of[i] for i in checked.tables.incidents["id"]), *accepted]
    return CheckedTables(concat_tables(parts, rows), problems, file)


def _repeated_ids(ids: list[str | None]) -> set[str]:
    counts = Counter(i for i in ids if i is not None)
    return {i for i, n in counts.items() if n > 1}


def _spread(records: list[Any], surrogates_seen: bool) -> tuple[_Spread, list[tuple[int, Any]]]:
    """The records spread into columns, and those in another form (with their positions).
    With `surrogates_seen`, parsed records are searched for lone surrogates (which no table
    can hold) first; text is always searched, as a surrogate may hide behind an escape."""
    spread = _Spread()
    others: list[tuple[int, Any]] = []
    for position, record in enumerate(records):
        try:
            if isinstance(record, str):
                if has_surrogates(record) or "\\ud" in record or "\\uD" in record:
                    raise _OtherFormError
                record = json.loads(record)
            elif surrogates_seen and unwritable_text(record) is not None:
                raise _OtherFormError
            spread.add(record, position)
        except (_OtherFormError, ValueError):
            others.append((position, record))
    return spread, others


def _parsed(record: Any) -> Any:
    """A record as data; JSON text that does not parse is left for the model to refuse."""
    if not isinstance(record, str):
        return record
    try:
        return json.loads(record)
    except ValueError:
        return record


def _id_of(record: Any) -> str | None:
    record = _parsed(record)
    found = record.get("id") if isinstance(record, dict) else None
    return found if isinstance(found, str) else None


class _Spread:
    """Records spread into table columns, one record at a time, each whole or not at all."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_COLUMNS}
        self.positions: list[int] = []

    def add(self, record: Any, position: int) -> None:
        """Spread one record, or raise _OtherFormError and add nothing."""
        row = _members(record, _RECORD, dict.fromkeys(INCIDENT_COLUMNS))
        incident_id = row["id"]
        rows: dict[str, list[dict[str, Any]]] = {
            "sources": [], "casualties": [], "damage": [], "claims": [],
        }  # fmt: skip
        for key, value in record.items():
            if key == "place":
                _members(value, _PLACE, row)
            elif key == "weapon":
                _members(value, _WEAPON, row)
            elif key in ("tags", "evidence"):
                row[key] = _json_list(value)
            elif key == "merged_from":
                row[key] = _id_list(value)
            elif key == "sources":
                rows[key] = [_statement(s, _SOURCE, incident_id) for s in _items(value)]
            elif key == "damage":
                rows[key] = [_damage(d, incident_id, seq) for seq, d in enumerate(_items(value))]
            elif key == "claims":
                rows[key] = [_claim(c, incident_id, seq) for seq, c in enumerate(_items(value))]
            elif key == "casualties":
                rows[key] = [
                    figure
                    for seq, c in enumerate(_items(value))
                    for figure in _casualty(c, incident_id, seq)
                ]
        if row["ambiguous"] is None:
            row["ambiguous"] = False
        self.rows["incidents"].append(row)
        for name, table_rows in rows.items():
            self.rows[name] += table_rows
        self.positions.append(position)

    def ids(self) -> list[str]:
        return [row["id"] for row in self.rows["incidents"]]

    def drop(self, ids: set[str]) -> list[int]:
        """Take the incidents with these ids out; returns their positions."""
        kept = [n for n, i in enumerate(self.ids()) if i not in ids]
        dropped = [self.positions[n] for n, i in enumerate(self.ids()) if i in ids]
        self.rows["incidents"] = [self.rows["incidents"][n] for n in kept]
        self.positions = [self.positions[n] for n in kept]
        for name in ("sources", "casualties", "damage", "claims"):
            self.rows[name] = [r for r in self.rows[name] if r["incident_id"] not in ids]
        return dropped

    def tables(self) -> IncidentTables:
        """The rows as tables (through Arrow, which reads Python dicts in C)."""
        return IncidentTables(
            *(_frame(self.rows[name], columns) for name, columns in TABLE_COLUMNS.items())
        )


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    schema = pa.schema([(c, _ARROW_TYPES.get(c, pa.large_string())) for c in columns])
    try:
        return conform(pa.Table.from_pylist(rows, schema).to_pandas(), columns)
    except OverflowError:  # a count past 64 bits: the model refuses it, by name
        return frame({c: [row.get(c) for row in rows] for c in columns}, columns)


def _members(data: Any, form: _Form, row: dict[str, Any]) -> dict[str, Any]:
    """An object's plain members into `row`'s columns."""
    if type(data) is not dict or not data.keys() >= form.required:
        raise _OtherFormError
    members, apart = form.members, form.spread_apart
    for key, value in data.items():
        found = members.get(key)
        if found is None:
            if key in apart:
                continue
            raise _OtherFormError
        column, types = found
        if type(value) not in types:
            raise _OtherFormError
        row[column] = value
    return row


def _items(value: Any) -> list[Any]:
    """A list of statements (the form never holds an empty one)."""
    if type(value) is not list or not value:
        raise _OtherFormError
    return value


def _statement(data: Any, form: _Form, incident_id: str, seq: int | None = None) -> dict:
    row = _members(data, form, {"incident_id": incident_id})
    if seq is not None:
        row["seq"] = seq
    return row


def _count(data: Any, row: dict[str, Any]) -> None:
    """A `{min, max}` count into the row's min and max."""
    if type(data) is not dict or not data or not data.keys() <= _COUNT:
        raise _OtherFormError
    for key, value in data.items():
        if type(value) is not int:
            raise _OtherFormError
        row[key] = value


def _damage(data: Any, incident_id: str, seq: int) -> dict[str, Any]:
    row = _statement(data, _DAMAGE, incident_id, seq)
    if "count" in data:
        _count(data["count"], row)
    return row


def _claim(data: Any, incident_id: str, seq: int) -> dict[str, Any]:
    row = _statement(data, _CLAIM, incident_id, seq)
    if "disputed_by" in data:
        row["disputed_by"] = _id_list(data["disputed_by"])
    return row


def _casualty(data: Any, incident_id: str, seq: int) -> list[dict[str, Any]]:
    """A casualty statement: one row per figure."""
    shared = _statement(data, _CASUALTY, incident_id, seq)
    figures = []
    for category in [key for key in data if key in _CASUALTY.spread_apart]:
        figure = {"category": category}
        _count(data[category], figure)
        figures.append(shared | figure)
    if not figures:
        raise _OtherFormError
    return figures


def _json_list(value: Any) -> str:
    """Tags or evidence as the tables keep them: the list as JSON text."""
    if type(value) is not list or not value:
        raise _OtherFormError
    return json.dumps(value, ensure_ascii=False)


def _id_list(value: Any) -> str:
    """Ids as the tables keep them: separated by spaces (so an id must hold none)."""
    if type(value) is not list or not value:
        raise _OtherFormError
    for item in value:
        if type(item) is not str or item.split() != [item]:
            raise _OtherFormError
    return " ".join(value)
