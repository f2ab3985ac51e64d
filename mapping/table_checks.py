"""Incident tables checked column by column, with the record path's judgement.

A table read from a file (a GeoPackage, a store) mostly holds incidents in the exact form
`incident_tables` writes. Those rows are checked with vectorised tests and kept as they are: no
Python object is made per incident. Every other incident (any doubt: a value the record model
would refuse, change or warn about) is validated as a record, so its problems carry the record
path's own messages, and is written back in the canonical form. The result equals validating
every incident as a record; `tests/test_table_checks.py` holds the two paths to that.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from mapping.counts import MAX_COUNT
from mapping.errors import Problem
from mapping.model import (
    MAX_RADIUS_M,
    MAX_TEXT_CHARS,
    CasualtyCategory,
    ClaimTopic,
    DamageObject,
    DatePrecision,
    Group,
    Party,
    Precision,
    Review,
    Severity,
    Status,
)
from mapping.records import EARLIEST_PLAUSIBLE, LoadResult, collector_paused, load_rows
from mapping.tables import (
    TABLE_COLUMNS,
    IncidentTables,
    conform,
    id_series,
    incident_records,
    incident_tables,
    member_of,
    packed_key,
)
from mapping.weapons import WeaponCategory

# The model's patterns, in RE2 (pyarrow's regex engine), whole-value.
_RECORD_ID = r"[A-Za-z0-9][A-Za-z0-9._-]*"
_SLUG = r"[a-z0-9][a-z0-9._-]*"
# What Python's str.strip() removes (a test holds the two equal): a Text value with it at
# either end is not canonical.
_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# The model's unwritable characters (lone surrogates cannot occur in Arrow's UTF-8).
_UNWRITABLE = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x{fffe}\x{ffff}]"
_TEXT = pa.large_string()  # pandas' Arrow-backed text
_TIME = re.compile(r"\d{2}:\d{2}(:\d{2})?")


@dataclass
class CheckedTables:
    """The valid incidents of tables read from a file, and the problems of the others."""

    tables: IncidentTables
    problems: list[Problem]
    file: str = "-"

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @classmethod
    def failed(cls, file: str, message: str) -> CheckedTables:
        """No incidents: the file could not be read as tables."""
        return cls(incident_tables([]), [Problem(file, None, None, None, message)], file)


def check_tables(tables: IncidentTables, file: str) -> CheckedTables:
    """The incidents of `tables` that are valid records, as the record path would give them,
    with its problems (each naming `file`, the incident table's row, the record and the
    field)."""
    tables = IncidentTables(*(t.reset_index(drop=True) for t in _parts(tables)))
    suspect, owned = _doubtful_ids(tables)
    if not len(suspect):
        return CheckedTables(owned, [], file)
    doubtful = member_of(tables.incidents["id"], suspect)
    kept = tables.subset(tables.incidents["id"][~doubtful])
    loaded = validated_rows(tables.subset(suspect), file)
    redone = incident_tables(loaded.incidents)
    rows = [*kept.incidents.index, *(loaded.origins[i.id].line - 1 for i in loaded.incidents)]
    return CheckedTables(concat_tables([kept, redone], rows), loaded.problems, file)


def validated_rows(tables: IncidentTables, file: str) -> LoadResult:
    """The record path: each incident validated as a record; its row in the incident table
    (counted from 1) stands for its line."""
    rows = (tables.incidents.index + 1).tolist()
    with collector_paused():
        return load_rows(zip(rows, incident_records(tables), strict=True), file)


def _parts(tables: IncidentTables) -> list[pd.DataFrame]:
    return [getattr(tables, name) for name in TABLE_COLUMNS]


def concat_tables(
    parts: list[IncidentTables], rows: Sequence[int] | np.ndarray | None = None
) -> IncidentTables:
    """Several sets of tables as one (the incident ids are assumed distinct); with `rows`,
    each incident's place in the file, in order, the incidents are put back in that order."""
    if len(parts) == 1 and rows is None:
        return parts[0]
    joined = IncidentTables(
        *(
            conform(pd.concat([p[n] for p in map(_parts, parts)], ignore_index=True), columns)
            for n, columns in enumerate(TABLE_COLUMNS.values())
        )
    )
    if rows is None:
        return joined
    order = np.argsort(rows, kind="stable")
    incidents = joined.incidents.iloc[order].reset_index(drop=True)
    return IncidentTables(
        incidents, joined.sources, joined.casualties, joined.damage, joined.claims
    )


# -- the checks ------------------------------------------------------------------------------
def _doubtful_ids(tables: IncidentTables) -> tuple[pd.Series, IncidentTables]:
    """The ids of incidents whose rows are not certainly valid and canonical, and the tables
    without statement rows of no incident."""
    incidents = tables.incidents
    ids = incidents["id"]
    statements = {}
    for name in ("sources", "casualties", "damage", "claims"):
        table = getattr(tables, name)
        owned = member_of(table["incident_id"], ids)
        statements[name] = table if owned.all() else table[owned]
    sources = statements["sources"]
    declared = _pairs(sources["incident_id"], sources["source_id"])
    doubtful = [ids[_incident_rows_doubtful(incidents, sources, declared)]]
    for name, check in (
        ("sources", _source_rows_doubtful),
        ("casualties", _casualty_rows_doubtful),
        ("damage", _damage_rows_doubtful),
        ("claims", _claim_rows_doubtful),
    ):
        table = statements[name]
        bad = check(table, declared) | _text_doubtful(table)
        doubtful.append(table["incident_id"][bad])
    found = pd.concat([id_series(d) for d in doubtful], ignore_index=True)
    return found.drop_duplicates().reset_index(drop=True), IncidentTables(incidents, **statements)


def _incident_rows_doubtful(
    incidents: pd.DataFrame, sources: pd.DataFrame, declared: pa.ChunkedArray
) -> np.ndarray:
    ids = incidents["id"]
    lat, lon = incidents["lat"].to_numpy(), incidents["lon"].to_numpy()
    radius = incidents["radius_m"].to_numpy()
    system, category = incidents["weapon_system"], incidents["weapon_category"]
    weapon_given = incidents[[c for c in incidents if c.startswith("weapon_")]].notna().any(axis=1)
    count = incidents["weapon_count"]
    weapon_source = incidents["weapon_source"]
    latest = dt.date.today() + dt.timedelta(days=1)
    with np.errstate(invalid="ignore"):
        return (
            ~_fullmatch(ids, _RECORD_ID)
            | _repeated(_value_codes(incidents, ["id"]))
            | ~member_of(ids, sources["incident_id"])  # an incident needs a source
            | ~_each(incidents["date"], lambda v: _day(v, EARLIEST_PLAUSIBLE, latest))
            | ~_each(incidents["time"], _canonical_time, missing=True)
            | ~_one_of(incidents["date_precision"], DatePrecision)
            | ~_text_field(incidents["place"])
            | ~_fullmatch(incidents["country"], "[A-Z]{2}", missing=True)
            | (np.isnan(lat) != np.isnan(lon))
            | ~_within(lat, -90, 90)
            | ~_within(lon, -180, 180)
            | (~np.isnan(lat) & incidents["precision"].isna().to_numpy())
            | ~_one_of(incidents["precision"], Precision, missing=True)
            | ~_within(radius, 0, MAX_RADIUS_M)
            | (weapon_given & system.isna() & category.isna()).to_numpy()
            | (system.notna() & category.isna()).to_numpy()
            # an unknown system is kept with a warning, which the record path gives
            | (system.notna() & (category == WeaponCategory.UNKNOWN.value)).to_numpy()
            | ~_one_of(category, WeaponCategory, missing=True)
            | ~_within(count.astype("float64").to_numpy(), 1, MAX_COUNT)
            | ~_fullmatch(weapon_source, _SLUG, missing=True)
            | (weapon_source.notna().to_numpy() & ~_declared(ids, weapon_source, declared))
            | ~_each(incidents["tags"], _canonical_tags, missing=True)
            | ~_one_of(incidents["review"], Review, missing=True)
            | incidents["evidence"].notna().to_numpy()  # rare: drafts; checked as records
            | ~_within(incidents["revision"].astype("float64").to_numpy(), 1, np.inf)
            | ~_fullmatch(incidents["merged_from"], f"{_RECORD_ID}( {_RECORD_ID})*", missing=True)
            | _text_doubtful(incidents)
        )


def _source_rows_doubtful(sources: pd.DataFrame, declared: pa.ChunkedArray) -> np.ndarray:
    web = r"(?i)https?://.*"
    return (
        ~_fullmatch(sources["source_id"], _SLUG)
        | ~_text_field(sources["name"])
        | ~_one_of(sources["party"], Party)
        | ~_fullmatch(sources["url"], web, missing=True)  # other text is kept with a warning
        | ~_fullmatch(sources["archive_url"], web, missing=True)
        | ~_each(sources["published"], _canonical_when, missing=True)
        | _repeated(_value_codes(sources, ["incident_id", "source_id"]))
    )


def _statement_rows_doubtful(
    table: pd.DataFrame, declared: pa.ChunkedArray, shared: list[str], unique: list[str]
) -> np.ndarray:
    """What casualty, damage and claim rows share: their source, status, time and order. A
    statement is its incident's rows of one `seq`; `shared` are the columns its rows agree on,
    and `unique` what tells them apart."""
    seq = table["seq"]
    incident = _column_codes(table["incident_id"])
    statement = packed_key([_column_codes(seq), incident])
    distinct = packed_key([*(_column_codes(table[name]) for name in unique), statement])
    bad = (
        seq.isna().to_numpy()
        | ~_fullmatch(table["source_id"], _SLUG)
        | ~_declared(table["incident_id"], table["source_id"], declared)
        | ~_one_of(table["status"], Status)
        | ~_each(table["as_of"], _canonical_when, missing=True)
        | _repeated(distinct)
    )
    # the statements of an incident are numbered 0, 1, 2 … (the record's order)
    first = np.unique(statement, return_index=True)[1]  # one row of each statement
    numbers, owner = seq.to_numpy(dtype="int64", na_value=-1)[first], incident[first]
    incidents = int(incident.max(initial=-1)) + 1
    count = np.bincount(owner, minlength=incidents)
    low, high = np.full(incidents, np.iinfo(np.int64).max), np.full(incidents, -1)
    np.minimum.at(low, owner, numbers)
    np.maximum.at(high, owner, numbers)
    bad |= ((low != 0) | (high + 1 != count))[incident]
    # the rows of one statement agree on what they share
    if shared:
        agreed = packed_key([*(_column_codes(table[name]) for name in shared), statement])
        kinds = statement[np.unique(agreed, return_index=True)[1]]  # one per agreement
        bad |= np.isin(statement, kinds[_repeated(kinds)])
    return bad


def _casualty_rows_doubtful(casualties: pd.DataFrame, declared: pa.ChunkedArray) -> np.ndarray:
    shared = ["source_id", "group", "as_of", "status", "note"]
    low, high = (casualties[c].astype("float64").to_numpy() for c in ("min", "max"))
    with np.errstate(invalid="ignore"):
        return (
            _statement_rows_doubtful(casualties, declared, shared, ["category"])
            | ~_one_of(casualties["group"], Group)
            | ~_one_of(casualties["category"], CasualtyCategory)
            | (np.isnan(low) & np.isnan(high))
            | _bad_range(low, high)
        )


def _damage_rows_doubtful(damage: pd.DataFrame, declared: pa.ChunkedArray) -> np.ndarray:
    low, high = (damage[c].astype("float64").to_numpy() for c in ("min", "max"))
    lat, lon = damage["lat"].to_numpy(), damage["lon"].to_numpy()
    with np.errstate(invalid="ignore"):
        return (
            _statement_rows_doubtful(damage, declared, [], [])
            | ~_one_of(damage["object"], DamageObject)
            | ~_one_of(damage["severity"], Severity)
            | _bad_range(low, high)
            | (np.isnan(lat) != np.isnan(lon))
            | ~_within(lat, -90, 90)
            | ~_within(lon, -180, 180)
        )


def _claim_rows_doubtful(claims: pd.DataFrame, declared: pa.ChunkedArray) -> np.ndarray:
    disputed = claims["disputed_by"].notna().to_numpy()
    bad = (
        _statement_rows_doubtful(claims, declared, [], [])
        | ~_one_of(claims["about"], ClaimTopic)
        | ~_text_field(claims["text"])
        | ~_fullmatch(claims["disputed_by"], f"{_SLUG}( {_SLUG})*", missing=True)
    )
    if disputed.any():  # rare: each disputing source must be declared too
        known = set(pd.Series(declared).dropna())
        rows = claims[disputed]
        bad[disputed] |= [
            any(f"{incident}\x1f{s}" not in known for s in str(text).split())
            for incident, text in zip(rows["incident_id"], rows["disputed_by"], strict=True)
        ]
    return bad


# -- column tests ----------------------------------------------------------------------------
def _arrow(column: pd.Series) -> pa.ChunkedArray:
    """A text column's Arrow data (shared, not copied, when it is Arrow-backed already)."""
    values = column.array
    if isinstance(values, pd.arrays.ArrowStringArray):
        return values.__arrow_array__().cast(_TEXT)
    return pa.chunked_array([pa.array(column.astype("str"), type=_TEXT)])


def _fullmatch(column: pd.Series, pattern: str, missing: bool = False) -> np.ndarray:
    """Whether each value matches the whole pattern (`missing` for an empty cell)."""
    found = pc.match_substring_regex(_arrow(column), f"^(?:{pattern})$")
    return found.fill_null(missing).to_numpy(zero_copy_only=False)


def _one_of(column: pd.Series, values: type, missing: bool = False) -> np.ndarray:
    allowed = pa.array([v.value for v in values], type=_TEXT)
    found = pc.is_in(_arrow(column), value_set=allowed)
    return np.where(column.isna().to_numpy(), missing, found.to_numpy(zero_copy_only=False))


def _within(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Missing, or a finite number in [low, high]."""
    return np.isnan(values) | ((values >= low) & (values <= high) & ~np.isinf(values))


def _bad_range(low: np.ndarray, high: np.ndarray) -> np.ndarray:
    return ~_within(low, 0, MAX_COUNT) | ~_within(high, 0, MAX_COUNT) | (low > high)


def _text_field(column: pd.Series) -> np.ndarray:
    """A required text (the model's Text): present, not empty, nothing to strip."""
    text = _arrow(column)
    untrimmed = pc.equal(pc.utf8_trim(text, characters=_SPACE), text)
    kept = pc.and_(untrimmed, pc.greater(pc.utf8_length(text), 0))
    return kept.fill_null(False).to_numpy(zero_copy_only=False)


def _value_codes(table: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """A number per row, the same where rows agree on every one of `columns` (empty cells
    alike): each column's codes packed into one integer (~3x faster than pandas' `duplicated`
    on text columns)."""
    return packed_key([_column_codes(table[name]) for name in columns])


def _column_codes(column: pd.Series) -> np.ndarray:
    """A number per row for its value in the column (0 for an empty cell)."""
    if isinstance(column.dtype, pd.StringDtype):
        encoded = _arrow(column).combine_chunks().dictionary_encode()
        return encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64) + 1
    values = column.to_numpy(dtype="float64", na_value=np.nan)
    if np.isnan(values).any() or not np.array_equal(values, np.round(values)):
        return pd.factorize(column)[0].astype(np.int64) + 1  # any other column: its values
    return values.astype(np.int64) - int(values.min(initial=0)) + 1


def _repeated(codes: np.ndarray) -> np.ndarray:
    """Whether each row's code is another row's too (pandas' `duplicated(keep=False)`)."""
    _, dense, counts = np.unique(codes, return_inverse=True, return_counts=True)
    return counts[dense] > 1


def _text_doubtful(table: pd.DataFrame) -> np.ndarray:
    """Rows with text no export can hold: a character XML refuses, or too long for a cell."""
    bad = np.zeros(len(table), dtype=bool)
    for name in table.columns:
        if isinstance(table[name].dtype, pd.StringDtype):
            text = _arrow(table[name])
            if not any(_may_be_unwritable(chunk) for chunk in text.chunks):
                continue
            bad |= (
                pc.match_substring_regex(text, _UNWRITABLE)
                .fill_null(False)
                .to_numpy(zero_copy_only=False)
            )
            bad |= (
                pc.greater(pc.utf8_length(text), MAX_TEXT_CHARS)
                .fill_null(False)
                .to_numpy(zero_copy_only=False)
            )
    return bad


_ALLOWED_CONTROLS = np.array([9, 10, 13], dtype=np.uint8)  # tab and line ends


def _may_be_unwritable(chunk: pa.Array) -> bool:
    """Whether any value of a text chunk might hold text `_text_doubtful` refuses, told from
    the bytes of all its values at once: a C0 control but tab and line ends, the UTF-8 lead
    byte of U+FFFE/FFFF (EF), or more bytes in one value than a cell holds characters. Most
    columns have none, and this scan is ~20x faster than the pattern over every value."""
    if len(chunk) == 0:
        return False
    if (pc.max(pc.binary_length(chunk)).as_py() or 0) > MAX_TEXT_CHARS:
        return True
    data = chunk.buffers()[2]
    if data is None:
        return False
    raw = np.frombuffer(data, dtype=np.uint8)
    controls = raw[raw < 32]
    return bool((raw == 0xEF).any() or (~np.isin(controls, _ALLOWED_CONTROLS)).any())


def _each(column: pd.Series, test: Callable[[str], bool], missing: bool = False) -> np.ndarray:
    """`test` on each distinct value (dates and times repeat: few calls for many rows)."""
    encoded = _arrow(column).combine_chunks().dictionary_encode()
    codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
    passed = np.array([test(v) for v in encoded.dictionary.to_pylist()], dtype=bool)
    return np.where(codes < 0, missing, passed[codes] if len(passed) else False)


def _pairs(incident_ids: pd.Series, source_ids: pd.Series) -> pa.ChunkedArray:
    return pc.binary_join_element_wise(
        _arrow(incident_ids), _arrow(source_ids), pa.scalar("\x1f", _TEXT)
    )


def _declared(incident_ids: pd.Series, source_ids: pd.Series, declared: pa.ChunkedArray):
    found = pc.is_in(_pairs(incident_ids, source_ids), value_set=declared.combine_chunks())
    return found.fill_null(False).to_numpy(zero_copy_only=False)


# -- value tests (the model's parsing, then its own writing: the same text comes back) ------
def _day(text: str, earliest: dt.date, latest: dt.date) -> bool:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return False
    return day.isoformat() == text and earliest <= day <= latest  # else a warning is due


def _canonical_time(text: str) -> bool:
    if not _TIME.fullmatch(text):
        return False
    try:
        time = dt.time.fromisoformat(text)
    except ValueError:
        return False
    return time.strftime("%H:%M" if time.second == 0 else "%H:%M:%S") == text


def _canonical_when(text: str) -> bool:
    try:
        when = dt.datetime.fromisoformat(text) if len(text) > 10 else dt.date.fromisoformat(text)
    except ValueError:
        return False
    return when.isoformat() == text


def _canonical_tags(text: str) -> bool:
    if "\\" in text:  # an escape: a quote, a backslash or a control character (refused)
        return False
    try:
        tags = json.loads(text)
    except ValueError:
        return False
    return (
        isinstance(tags, list)
        and len(tags) > 0
        and all(isinstance(t, str) and t and t == t.strip() for t in tags)
        and json.dumps(tags, ensure_ascii=False) == text
    )
