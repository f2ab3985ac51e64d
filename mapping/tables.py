"""Incidents as tables: one DataFrame per kind of statement, lossless both ways.

Layers, filters, exports and stores work on these columns, so a million incidents never become
a million Python objects. `incident_tables` turns record objects into tables; `incidents_from_tables`
turns tables (read back from a GeoPackage or a store) into validated records again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from mapping.model import Incident

INCIDENT_COLUMNS = [
    "id", "date", "time", "date_precision", "place", "country", "admin1", "near", "lat", "lon",
    "precision", "radius_m", "gazetteer_id", "ambiguous", "place_note", "weapon_system",
    "weapon_category", "weapon_warhead", "weapon_count", "weapon_source", "weapon_note", "notes",
    "tags", "review", "evidence", "revision", "merged_from",
]  # fmt: skip
SOURCE_COLUMNS = [
    "incident_id", "source_id", "name", "party", "url", "published", "archive_url", "note",
]  # fmt: skip
CASUALTY_COLUMNS = [
    "incident_id", "seq", "source_id", "group", "category", "min", "max", "as_of", "status", "note",
]  # fmt: skip
DAMAGE_COLUMNS = [
    "incident_id", "seq", "source_id", "object", "min", "max", "severity", "lat", "lon", "as_of",
    "status", "note",
]  # fmt: skip
CLAIM_COLUMNS = [
    "incident_id", "seq", "source_id", "about", "text", "status", "as_of", "disputed_by", "note",
]  # fmt: skip

# IncidentTables' fields, in order, with their columns.
TABLE_COLUMNS = {
    "incidents": INCIDENT_COLUMNS, "sources": SOURCE_COLUMNS, "casualties": CASUALTY_COLUMNS,
    "damage": DAMAGE_COLUMNS, "claims": CLAIM_COLUMNS,
}  # fmt: skip
INT_COLUMNS = ("weapon_count", "min", "max", "seq", "revision")
FLOAT_COLUMNS = ("lat", "lon", "radius_m")


@dataclass
class IncidentTables:
    """Five tables keyed by incident id; statements keep their order (`seq`) in the record."""

    incidents: pd.DataFrame
    sources: pd.DataFrame
    casualties: pd.DataFrame
    damage: pd.DataFrame
    claims: pd.DataFrame
    # the incidents' points, made once and shared by every layer (see layers._common)
    points: Any = field(default=None, init=False, repr=False, compare=False)
    # what the layer builders find once per tables: row numbers of incidents and sources
    found: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.incidents)

    def subset(self, ids: Iterable[str] | pd.Series) -> IncidentTables:
        """The same tables restricted to some incidents; statements follow their incident."""
        keep = id_series(ids)
        return IncidentTables(
            self.incidents[member_of(self.incidents["id"], keep)],
            self.sources[member_of(self.sources["incident_id"], keep)],
            self.casualties[member_of(self.casualties["incident_id"], keep)],
            self.damage[member_of(self.damage["incident_id"], keep)],
            self.claims[member_of(self.claims["incident_id"], keep)],
        )


def _iso(value: dt.date | dt.time | None) -> str | None:
    return None if value is None else value.isoformat()


def _value(enum_or_text: Any) -> Any:
    return getattr(enum_or_text, "value", enum_or_text)


def incident_tables(incidents: Iterable[Incident]) -> IncidentTables:
    """Tables from record objects."""
    rows: dict[str, list[dict[str, Any]]] = {
        "incidents": [], "sources": [], "casualties": [], "damage": [], "claims": [],
    }  # fmt: skip
    for incident in incidents:
        place, weapon = incident.place, incident.weapon
        rows["incidents"].append(
            {
                "id": incident.id,
                "date": incident.date.isoformat(),
                "time": incident.model_dump(include={"time"})["time"],
                "date_precision": incident.date_precision.value,
                "place": place.name,
                "country": place.country,
                "admin1": place.admin1,
                "near": place.near,
                "lat": place.lat,
                "lon": place.lon,
                "precision": _value(place.precision),
                "radius_m": place.radius_m,
                "gazetteer_id": place.gazetteer_id,
                "ambiguous": place.ambiguous,
                "place_note": place.note,
                "weapon_system": weapon.system if weapon else None,
                "weapon_category": _value(weapon.category) if weapon else None,
                "weapon_warhead": weapon.warhead if weapon else None,
                "weapon_count": weapon.count if weapon else None,
                "weapon_source": weapon.source if weapon else None,
                "weapon_note": weapon.note if weapon else None,
                "notes": incident.notes,
                "tags": json.dumps(list(incident.tags), ensure_ascii=False)
                if incident.tags
                else None,
                "review": _value(incident.review),
                "evidence": json.dumps(
                    [e.model_dump(exclude_none=True) for e in incident.evidence], ensure_ascii=False
                )
                if incident.evidence
                else None,
                "revision": incident.revision,
                "merged_from": " ".join(incident.merged_from) or None,
            }
        )
        for source in incident.sources:
            rows["sources"].append(
                {
                    "incident_id": incident.id,
                    "source_id": source.id,
                    "name": source.name,
                    "party": source.party.value,
                    "url": source.url,
                    "published": _iso(source.published),
                    "archive_url": source.archive_url,
                    "note": source.note,
                }
            )
        for seq, report in enumerate(incident.casualties):
            for category, count in report.figures():
                rows["casualties"].append(
                    {
                        "incident_id": incident.id,
                        "seq": seq,
                        "source_id": report.source,
                        "group": report.group.value,
                        "category": category.value,
                        "min": count.min,
                        "max": count.max,
                        "as_of": _iso(report.as_of),
                        "status": report.status.value,
                        "note": report.note,
                    }
                )
        for seq, damage in enumerate(incident.damage):
            rows["damage"].append(
                {
                    "incident_id": incident.id,
                    "seq": seq,
                    "source_id": damage.source,
                    "object": damage.object.value,
                    "min": damage.count.min if damage.count else None,
                    "max": damage.count.max if damage.count else None,
                    "severity": damage.severity.value,
                    "lat": damage.lat,
                    "lon": damage.lon,
                    "as_of": _iso(damage.as_of),
                    "status": damage.status.value,
                    "note": damage.note,
                }
            )
        for seq, claim in enumerate(incident.claims):
            rows["claims"].append(
                {
                    "incident_id": incident.id,
                    "seq": seq,
                    "source_id": claim.source,
                    "about": claim.about.value,
                    "text": claim.text,
                    "status": claim.status.value,
                    "as_of": _iso(claim.as_of),
                    "disputed_by": " ".join(claim.disputed_by) or None,
                    "note": claim.note,
                }
            )
    return IncidentTables(
        frame(rows["incidents"], INCIDENT_COLUMNS),
        frame(rows["sources"], SOURCE_COLUMNS),
        frame(rows["casualties"], CASUALTY_COLUMNS),
        frame(rows["damage"], DAMAGE_COLUMNS),
        frame(rows["claims"], CLAIM_COLUMNS),
    )


def frame(rows: list[dict[str, Any]] | dict[str, Any], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with exactly these columns and strikemap's column types."""
    data = pd.DataFrame(rows, columns=columns)
    return conform(data, columns)


def conform(data: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Give a table read from anywhere (GeoPackage, CSV, a store) the expected columns and types."""
    data = data.reindex(columns=columns)
    for column in columns:
        if column in INT_COLUMNS:
            data[column] = pd.array(pd.to_numeric(data[column]), dtype="Int64")
        elif column in FLOAT_COLUMNS:
            data[column] = pd.to_numeric(data[column]).astype("float64")
        elif column == "ambiguous":
            data[column] = data[column].fillna(False).astype(bool)
        else:  # Arrow-backed text: a sixth of the memory of Python strings; missing is NaN
            data[column] = data[column].astype("str")
    return data.reset_index(drop=True)


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values so that the model's defaults apply."""
    out = {}
    for key, value in row.items():
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            continue
        out[key] = int(value) if isinstance(value, np.integer) else value
    return out


def _text(value: Any) -> str:
    """A text cell, '' when missing."""
    return value if isinstance(value, str) else ""


def _json(value: Any) -> Any:
    """A JSON cell's value; text that is not JSON is left for the model to refuse, by name."""
    if not _text(value):
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value


def _count(row: dict[str, Any]) -> dict[str, int] | None:
    count = {
        k: int(row[k]) for k in ("min", "max") if row.get(k) is not None and row[k] is not pd.NA
    }
    return count or None


def _rows(table: pd.DataFrame) -> list[dict[str, Any]]:
    """A table's rows as dicts of plain Python values (None where missing).

    Through Arrow: pandas' `to_dict("records")` boxes each Arrow-backed cell one at a time
    (5.4 s for the tables of 10k incidents, against ~0.3 s this way)."""
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(table, preserve_index=False).to_pylist()
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a column of mixed types: cell by cell
        return table.to_dict("records")


def incident_records(tables: IncidentTables) -> list[dict[str, Any]]:
    """Record-file dictionaries (as analysts write them) from tables."""
    by_incident: dict[str, dict[str, list[dict[str, Any]]]] = {}

    def rows_of(table: pd.DataFrame, name: str) -> None:
        ordered = table.sort_values(["incident_id", "seq"]) if "seq" in table else table
        for row in _rows(ordered):
            by_incident.setdefault(row["incident_id"], {}).setdefault(name, []).append(row)

    for table, name in (
        (tables.sources, "sources"),
        (tables.casualties, "casualties"),
        (tables.damage, "damage"),
        (tables.claims, "claims"),
    ):
        rows_of(table, name)

    records = []
    for row in _rows(tables.incidents):
        parts = by_incident.get(row["id"], {})
        place = _clean(
            {
                "name": row["place"],
                "country": row["country"],
                "admin1": row["admin1"],
                "near": row["near"],
                "lat": row["lat"],
                "lon": row["lon"],
                "precision": row["precision"],
                "radius_m": row["radius_m"],
                "gazetteer_id": row["gazetteer_id"],
                "ambiguous": bool(row["ambiguous"]) or None,
                "note": row["place_note"],
            }
        )
        weapon = _clean(
            {
                "system": row["weapon_system"],
                "category": row["weapon_category"],
                "warhead": row["weapon_warhead"],
                "count": row["weapon_count"],
                "source": row["weapon_source"],
                "note": row["weapon_note"],
            }
        )
        casualties: dict[tuple[int, int], dict[str, Any]] = {}
        for n, c in enumerate(parts.get("casualties", [])):
            # a row without a number is a statement of its own, after the numbered ones
            entry = casualties.setdefault(
                (0, int(c["seq"])) if c["seq"] is not None else (1, n),
                _clean(
                    {
                        "source": c["source_id"],
                        "group": c["group"],
                        "as_of": c["as_of"],
                        "status": c["status"],
                        "note": c["note"],
                    }
                ),
            )
            entry[c["category"]] = _count(c)
        record = _clean(
            {
                "id": row["id"],
                "date": row["date"],
                "time": row["time"],
                "date_precision": row["date_precision"],
                "place": place,
                "weapon": weapon or None,
                "sources": [
                    _clean(
                        {
                            k: s[k]
                            for k in ("name", "party", "url", "published", "archive_url", "note")
                        }
                    )
                    | {"id": s["source_id"]}
                    for s in parts.get("sources", [])
                ],
                "casualties": [casualties[k] for k in sorted(casualties)] or None,
                "damage": [
                    _clean(
                        {
                            "source": d["source_id"],
                            "object": d["object"],
                            "count": _count(d),
                            "severity": d["severity"],
                            "lat": d["lat"],
                            "lon": d["lon"],
                            "as_of": d["as_of"],
                            "status": d["status"],
                            "note": d["note"],
                        }
                    )
                    for d in parts.get("damage", [])
                ]
                or None,
                "claims": [
                    _clean(
                        {
                            "source": c["source_id"],
                            "about": c["about"],
                            "text": c["text"],
                            "status": c["status"],
                            "as_of": c["as_of"],
                            "note": c["note"],
                            "disputed_by": _text(c["disputed_by"]).split() or None,
                        }
                    )
                    for c in parts.get("claims", [])
                ]
                or None,
                "notes": row["notes"],
                "tags": _json(row["tags"]),
                "review": row["review"],
                "evidence": _json(row["evidence"]),
                "revision": None if pd.isna(row["revision"]) else int(row["revision"]),
                "merged_from": _text(row.get("merged_from")).split() or None,
            }
        )
        records.append(record)
    return records


def row_codes(keys: pd.Series, ids: pd.Series) -> np.ndarray:
    """For each key, the row number of the equal value in `ids` (-1 when absent).

    pyarrow's hash lookup, ~4x faster than a pandas Index on a million text ids."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found = pc.index_in(pa.array(keys.astype("str")), value_set=pa.array(ids.astype("str")))
    return found.fill_null(-1).to_numpy().astype("int64", copy=False)


def packed_key(keys: Sequence[np.ndarray]) -> np.ndarray:
    """One int64 per row, equal where the rows agree on all `keys` and ordered as
    `np.lexsort(keys)` orders them (the last key most significant): the integer keys packed
    side by side by the width of their ranges. Where that would pass 62 bits, what is packed
    so far, and then if need be the key itself, is first renumbered densely in its order."""
    packed, bits = np.zeros(len(keys[0]), dtype="int64"), 0
    if not len(packed):
        return packed
    for key in reversed(keys):
        key = key.astype("int64", copy=False) - int(key.min())
        width = int(key.max()).bit_length()
        if bits + width > 62:
            packed, bits = _dense(packed)
        if bits + width > 62:
            key, width = _dense(key)
        packed, bits = (packed << width) | key, bits + width
    return packed


def _dense(values: np.ndarray) -> tuple[np.ndarray, int]:
    """The values renumbered 0, 1, 2 … in their order, and the bits the largest number takes."""
    dense = np.unique(values, return_inverse=True)[1].astype("int64").reshape(-1)
    return dense, int(dense.max()).bit_length()


def sorted_runs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The order that sorts `keys` (stable), and where each run of equal keys starts in it."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    return order, np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(keys) else order


def id_series(ids: Iterable[str] | pd.Series) -> pd.Series:
    """Incident ids as a text Series (an iterator is read once, so it can be used again)."""
    return ids if isinstance(ids, pd.Series) else pd.Series(list(ids), dtype="str")


def member_of(keys: pd.Series, ids: Iterable[str] | pd.Series) -> np.ndarray:
    """Which keys are among `ids`, as a boolean array.

    pyarrow's hash lookup: pandas' `isin` on Arrow-backed text walks the values in Python
    (~40x slower on 10k rows)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    ids = id_series(ids)
    found = pc.is_in(pa.array(keys.astype("str")), value_set=pa.array(ids.astype("str")))
    return found.fill_null(False).to_numpy(zero_copy_only=False)
