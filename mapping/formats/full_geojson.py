"""The full GeoJSON profile: one feature per incident whose properties are the whole record,
so importing the file gives back the same incidents.

Written column by column from the incident tables with Arrow kernels: no Python object is made
per incident or statement. The document is the one `json.dump` gives for the records that
`incident_records` makes (same members in the same order, same values).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from mapping.atomic import atomic_path
from mapping.errors import Problem
from mapping.json_text import (
    NULL_TEXT,
    joined,
    json_arrays,
    json_values,
    runs,
    text_scalar,
    write_texts,
)
from mapping.record_tables import record_tables
from mapping.records import LoadResult, load_data
from mapping.table_checks import CheckedTables
from mapping.tables import IncidentTables, row_codes

COORDINATE_DECIMALS = 6  # ~0.1 m: finer than any location a report gives
FULL_PROFILE = {"profile": "full", "version": 1}
CHUNK_INCIDENTS = 50_000  # incidents encoded at a time: bounded memory at any size


def write_full_geojson(tables: IncidentTables, path: str | Path) -> int:
    """Every incident with every statement; returns the number of features."""
    head = {"type": "FeatureCollection", "strikemap": FULL_PROFILE, "features": []}
    opening = json.dumps(head, ensure_ascii=False)[: -len("]}")]
    ids = tables.incidents["id"]
    with atomic_path(path) as temp, temp.open("wb") as handle:
        handle.write(opening.encode())
        for start in range(0, len(ids), CHUNK_INCIDENTS):
            if start:
                handle.write(b", ")
            write_texts(
                handle, _features(tables.subset(ids[start : start + CHUNK_INCIDENTS])), b", "
            )
        handle.write(b"]}")
    return len(ids)


def _features(tables: IncidentTables) -> pa.Array:
    """One Feature's JSON text per incident."""
    incidents = tables.incidents
    lat, lon = incidents["lat"], incidents["lon"]
    located = (lat.notna() & lon.notna()).to_numpy()
    point = joined(
        text_scalar('{"type": "Point", "coordinates": ['),
        _coordinate(lon),
        text_scalar(", "),
        _coordinate(lat),
        text_scalar("]}"),
    )
    geometry = pc.if_else(pa.array(located), point, text_scalar("null"))
    return joined(
        text_scalar('{"type": "Feature", "id": '),
        json_values(incidents["id"]),
        text_scalar(', "geometry": '),
        geometry,
        text_scalar(', "properties": '),
        record_texts(tables),
        text_scalar("}"),
    )


def _coordinate(values: pd.Series) -> pa.Array:
    # Python's round, as the record path rounds (numpy's differs in the last digit at times)
    rounded = [None if math.isnan(v) else round(v, COORDINATE_DECIMALS) for v in values]
    return json_values(pa.array(rounded, pa.float64()))


def record_texts(tables: IncidentTables) -> pa.Array:
    """Each incident's record as JSON text (the members `incident_records` gives): the
    form the full profile and the team store keep."""
    incidents = tables.incidents
    ids = incidents["id"]

    def column(name: str) -> pa.Array:
        return _given(incidents[name])

    place = _object(
        [
            ("name", column("place")),
            ("country", column("country")),
            ("admin1", column("admin1")),
            ("near", column("near")),
            ("lat", column("lat")),
            ("lon", column("lon")),
            ("precision", column("precision")),
            ("radius_m", column("radius_m")),
            ("gazetteer_id", column("gazetteer_id")),
            (
                "ambiguous",
                pc.if_else(pa.array(incidents["ambiguous"]), text_scalar("true"), NULL_TEXT),
            ),
            ("note", column("place_note")),
        ]
    )
    weapon = _object(
        [
            (key, column(f"weapon_{key}"))
            for key in ("system", "category", "warhead", "count", "source", "note")
        ],
        empty=None,
    )
    return _object(
        [
            ("id", column("id")),
            ("date", column("date")),
            ("time", column("time")),
            ("date_precision", column("date_precision")),
            ("place", place),
            ("weapon", weapon),
            ("sources", _statements(tables.sources, _source_objects, ids)),
            ("casualties", _casualties(tables.casualties, ids)),
            ("damage", _statements(tables.damage, _damage_objects, ids)),
            ("claims", _statements(tables.claims, _claim_objects, ids)),
            ("notes", column("notes")),
            ("tags", _raw(incidents["tags"])),  # JSON already, as json.dumps wrote it
            ("review", column("review")),
            ("evidence", _raw(incidents["evidence"])),
            ("revision", column("revision")),
            ("merged_from", _id_list(incidents["merged_from"])),
        ]
    )


def _source_objects(sources: pd.DataFrame) -> pa.Array:
    named = ("name", "party", "url", "published", "archive_url", "note")
    return _object(
        [*((key, _given(sources[key])) for key in named), ("id", _given(sources["source_id"]))]
    )


def _damage_objects(damage: pd.DataFrame) -> pa.Array:
    count = _object([("min", _given(damage["min"])), ("max", _given(damage["max"]))], empty=None)
    return _object(
        [
            ("source", _given(damage["source_id"])),
            ("object", _given(damage["object"])),
            ("count", count),
            *((key, _given(damage[key])) for key in ("severity", "lat", "lon", "as_of")),
            ("status", _given(damage["status"])),
            ("note", _given(damage["note"])),
        ]
    )


def _claim_objects(claims: pd.DataFrame) -> pa.Array:
    return _object(
        [
            *((key, _given(claims[key])) for key in ("source_id", "about", "text", "status")),
            ("as_of", _given(claims["as_of"])),
            ("note", _given(claims["note"])),
            ("disputed_by", _id_list(claims["disputed_by"])),
        ],
        keys={"source_id": "source"},
    )


def _statements(
    rows: pd.DataFrame, objects: Callable[[pd.DataFrame], pa.Array], ids: pd.Series
) -> pa.Array:
    """Each incident's statements as a JSON list in their order (null when it has none)."""
    rows, owner = _in_order(rows, ids)
    return _lists(objects(rows), np.bincount(owner, minlength=len(ids)))


def _casualties(casualties: pd.DataFrame, ids: pd.Series) -> pa.Array:
    """One statement per (incident, seq): what its rows share, then each row's figure."""
    rows, owner = _in_order(casualties, ids)
    seq = rows["seq"].to_numpy(dtype="int64", na_value=-1)
    first = np.ones(len(rows), dtype=bool)  # the first row of each statement
    first[1:] = (owner[1:] != owner[:-1]) | (seq[1:] != seq[:-1])
    starts = np.flatnonzero(first)
    heads = rows.iloc[starts]
    shared = _object(
        [
            ("source", _given(heads["source_id"])),
            *((key, _given(heads[key])) for key in ("group", "as_of", "status", "note")),
        ],
        close=False,
    )
    count = _object([("min", _given(rows["min"])), ("max", _given(rows["max"]))])
    figures = joined(_given(rows["category"]), text_scalar(": "), count)
    per_statement = np.diff(np.append(starts, len(rows)))
    figures = pc.binary_join(runs(figures, per_statement), text_scalar(", "))
    text = joined(shared, text_scalar(", "), figures, text_scalar("}"))
    return _lists(text, np.bincount(owner[starts], minlength=len(ids)))


def _in_order(rows: pd.DataFrame, ids: pd.Series) -> tuple[pd.DataFrame, np.ndarray]:
    """The rows of the incidents in `ids`, by incident (in that order) and then by their
    number in the record; with each row's incident (its position in `ids`)."""
    owner = row_codes(rows["incident_id"], ids)
    seq = rows["seq"].to_numpy(dtype="float64", na_value=np.nan) if "seq" in rows else None
    keys = (owner,) if seq is None else (seq, owner)
    order = np.lexsort(keys)
    order = order[owner[order] >= 0]
    return rows.iloc[order], owner[order]


def _lists(objects: pa.Array, counts: np.ndarray) -> pa.Array:
    """Consecutive runs of objects (`counts` per incident) as JSON lists; null for none."""
    return pc.if_else(pa.array(counts > 0), json_arrays(objects, counts, ", "), NULL_TEXT)


def _object(
    members: list[tuple[str, Any]],
    *,
    empty: str | None = "{}",
    close: bool = True,
    keys: dict[str, str] | None = None,
) -> pa.Array:
    """A JSON object per row from member values (JSON text; null = member left out). A row
    with no member gives `empty` (None: null, the object left out too)."""
    keys = keys or {}
    parts = [
        pc.fill_null(joined(text_scalar(f", {json.dumps(keys.get(k, k))}: "), v), text_scalar(""))
        for k, v in members
    ]
    body = joined(*parts)  # each member given, after ", "
    text = joined(text_scalar("{"), pc.utf8_slice_codeunits(body, 2), text_scalar("}" * close))
    return pc.if_else(pc.equal(body, ""), pa.scalar(empty, pa.large_string()), text)


def _given(series: pd.Series) -> pa.Array:
    """A column's values as JSON text, null where the value is missing (member left out)."""
    values = pa.array(series, from_pandas=True)
    return pc.if_else(pc.is_null(values, nan_is_null=True), NULL_TEXT, json_values(values))


def _raw(series: pd.Series) -> pa.Array:
    return pa.array(series, pa.large_string(), from_pandas=True)


def _id_list(series: pd.Series) -> pa.Array:
    """Space-separated ids (letters, digits, '.', '_', '-': nothing to escape) as a JSON list."""
    ids = _raw(series)
    return joined(text_scalar('["'), pc.replace_substring(ids, " ", '", "'), text_scalar('"]'))


def read_full_geojson(path: str | Path) -> LoadResult:
    """Incidents from a full-profile GeoJSON file (each record validated as on load)."""
    records = _feature_records(path)
    if isinstance(records, str):
        return _failed(str(path), records)
    return load_data(records, str(path))


def read_full_geojson_tables(path: str | Path) -> CheckedTables:
    """The incidents of a full-profile GeoJSON file as checked tables: records in the form
    strikemap writes them are spread into tables without a record object each."""
    records = _feature_records(path)
    if isinstance(records, str):
        return CheckedTables.failed(str(path), records)
    return record_tables(records, str(path))


def _feature_records(path: str | Path) -> list[Any] | str:
    """The records a full-profile file holds, each with its feature's point (a GIS user may
    have moved it); or why there are none."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return f"cannot read GeoJSON: {error}"
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return "not a GeoJSON FeatureCollection"
    if data.get("strikemap", {}).get("profile") != "full":
        return "not a strikemap full-profile GeoJSON (export with --profile full)"
    records = []
    for feature in data.get("features", []):
        properties = dict(feature.get("properties") or {})
        geometry = feature.get("geometry") or {}
        coordinates = geometry.get("coordinates") if geometry.get("type") == "Point" else None
        place = properties.get("place")
        # The geometry is the place's location; it wins if a GIS user moved the point.
        if coordinates and isinstance(place, dict) and _moved(place, coordinates):
            place["lon"], place["lat"] = coordinates[0], coordinates[1]
        records.append(properties)
    return records


def _failed(file: str, message: str) -> LoadResult:
    return LoadResult(problems=[Problem(file, None, None, None, message)])


def _moved(place: dict[str, Any], coordinates: list[Any]) -> bool:
    """Whether a point's coordinates differ from its place's by more than the rounding."""
    try:
        lon, lat = float(coordinates[0]), float(coordinates[1])
    except (TypeError, ValueError, IndexError):
        return False
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return False
    tolerance = 10**-COORDINATE_DECIMALS
    old_lon, old_lat = place.get("lon"), place.get("lat")
    if not isinstance(old_lon, int | float) or not isinstance(old_lat, int | float):
        return True
    return abs(old_lon - lon) > tolerance or abs(old_lat - lat) > tolerance
