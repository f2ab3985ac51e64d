"""GeoJSON (RFC 7946): a flat profile for GIS tools and a full profile that loses nothing.

Flat: one feature per incident with scalar properties (the incidents layer), WGS 84 lon/lat,
no `crs` member.
Full: one feature per incident whose properties are the whole record, so importing the file
gives back the same incidents.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from layers import Layers
from mapping.atomic import atomic_path
from mapping.errors import ExportError, Problem
from mapping.formats.base import Format
from mapping.records import LoadResult, load_data
from mapping.tables import IncidentTables, incident_records

COORDINATE_DECIMALS = 6  # ~0.1 m: finer than any location a report gives
FULL_PROFILE = {"profile": "full", "version": 1}


CHUNK_ROWS = 100_000  # features encoded at a time: bounded memory at any size
_CONTROL = r"[\x00-\x1f]"


def write_flat_geojson(incidents: gpd.GeoDataFrame, path: str | Path) -> int:
    """The incidents layer as flat RFC 7946 GeoJSON; returns the number of features.

    Encoded column by column with Arrow compute kernels and written straight from Arrow's
    buffers, a chunk of rows at a time. Written by hand because GDAL's GeoJSON driver (the
    `to_file` baseline) formats feature by feature and takes about twice as long; the output
    is the same document: WGS 84 lon/lat, coordinates to 6 decimals, no `crs` member."""
    if incidents.crs is not None and incidents.crs.to_epsg() != 4326:
        incidents = incidents.to_crs(4326)
    kinds = set(incidents.geometry.geom_type.dropna().unique())
    if not kinds <= {"Point"}:
        raise ValueError(f"the flat profile holds points, not {sorted(kinds - {'Point'})}")
    with atomic_path(path) as temp, temp.open("wb") as handle:
        handle.write(b'{"type":"FeatureCollection","features":[')
        if len(incidents):
            handle.write(b"\n")
            write_features(incidents, handle)
        handle.write(b"\n]}\n")
    return len(incidents)


def write_features(incidents: gpd.GeoDataFrame, handle) -> None:
    """The features of a flat GeoJSON, without the collection around them, separated by
    ',\\n' — the same bytes for the same rows however they are split into calls."""
    names = [c for c in incidents.columns if c != incidents.geometry.name]
    for start in range(0, len(incidents), CHUNK_ROWS):
        if start:
            handle.write(b",\n")
        _write_features(incidents.iloc[start : start + CHUNK_ROWS], names, handle)


def _text(value: str) -> pa.Scalar:
    return pa.scalar(value, pa.large_string())


def _write_features(chunk: gpd.GeoDataFrame, names: list[str], handle) -> None:
    parts: list[Any] = []
    for i, name in enumerate(names):
        parts += [
            _text(("," if i else "{") + json.dumps(name, ensure_ascii=False) + ":"),
            _json_values(chunk[name]),
        ]
    geometry = chunk.geometry
    missing = pa.array(geometry.isna().to_numpy() | geometry.is_empty.to_numpy())
    x = pa.array(np.round(geometry.x.to_numpy(), COORDINATE_DECIMALS)).cast(pa.large_string())
    y = pa.array(np.round(geometry.y.to_numpy(), COORDINATE_DECIMALS)).cast(pa.large_string())
    point = pc.binary_join_element_wise(
        _text('{"type":"Point","coordinates":['), x, _text(","), y, _text("]}"), _text("")
    )
    point = pc.if_else(missing, _text("null"), point)
    # the incident id is also the Feature's id (RFC 7946 §3.2), for tools that key on it
    feature_id = [_text(',"id":'), _json_values(chunk["id"])] if "id" in chunk else []
    features = pc.binary_join_element_wise(
        _text('{"type":"Feature"'),
        *feature_id,
        _text(',"geometry":'),
        point,
        _text(',"properties":'),
        *parts,
        _text("}},\n"),
        _text(""),
    )
    if isinstance(features, pa.ChunkedArray):  # columns read from Parquet come in chunks
        features = features.combine_chunks()
    _validity, offsets, data = features.buffers()
    ends = np.frombuffer(offsets, dtype=np.int64)[
        features.offset : features.offset + len(features) + 1
    ]
    handle.write(memoryview(data)[ends[0] : ends[-1] - 2])  # all features, without the last ",\n"


def _json_values(series: pd.Series) -> pa.Array:
    """Each value of a column as JSON text; missing values and NaN as null."""
    values = pa.array(series, from_pandas=True)
    kind = values.type
    if pa.types.is_boolean(kind):
        text = pc.if_else(values, _text("true"), _text("false"))
    elif pa.types.is_integer(kind):
        text = values.cast(pa.large_string())
    elif pa.types.is_floating(kind):
        finite = pc.is_finite(values)
        text = values.cast(pa.large_string())
        whole = pc.invert(pc.match_substring_regex(text, r"[.eE]"))
        text = pc.if_else(whole, pc.binary_join_element_wise(text, _text(".0"), _text("")), text)
        text = pc.if_else(finite, text, pa.scalar(None, pa.large_string()))
    else:
        text = pc.binary_join_element_wise(_text('"'), _escaped(values), _text('"'), _text(""))
    return pc.fill_null(text, _text("null"))


def _escaped(values: pa.Array) -> pa.Array:
    """Text escaped for a JSON string (the rare control characters through json.dumps)."""
    text = values.cast(pa.large_string())
    text = pc.replace_substring(text, "\\", "\\\\")
    text = pc.replace_substring(text, '"', '\\"')
    if pc.any(pc.match_substring_regex(text, _CONTROL)).as_py():
        text = pa.array(
            [
                None if v is None else json.dumps(v, ensure_ascii=False)[1:-1]
                for v in values.cast(pa.large_string()).to_pylist()
            ],
            pa.large_string(),
        )
    return text


def full_geojson(tables: IncidentTables) -> dict[str, Any]:
    """A FeatureCollection whose feature properties are complete incident records."""
    features = []
    for record in incident_records(tables):
        place = record["place"]
        geometry = None
        if "lat" in place and "lon" in place:
            geometry = {
                "type": "Point",
                "coordinates": [
                    round(place["lon"], COORDINATE_DECIMALS),
                    round(place["lat"], COORDINATE_DECIMALS),
                ],
            }
        features.append(
            {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": record}
        )
    return {"type": "FeatureCollection", "strikemap": FULL_PROFILE, "features": features}


def write_full_geojson(tables: IncidentTables, path: str | Path) -> int:
    """Every incident with every statement; returns the number of features."""
    collection = full_geojson(tables)
    with atomic_path(path) as temp, temp.open("w", encoding="utf-8") as handle:
        json.dump(collection, handle, ensure_ascii=False, allow_nan=False)
    return len(collection["features"])


def read_full_geojson(path: str | Path) -> LoadResult:
    """Incidents from a full-profile GeoJSON file (each record validated as on load)."""
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return _failed(name, f"cannot read GeoJSON: {error}")
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return _failed(name, "not a GeoJSON FeatureCollection")
    if data.get("strikemap", {}).get("profile") != "full":
        return _failed(name, "not a strikemap full-profile GeoJSON (export with --profile full)")
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
    return load_data(records, name)


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


def write_geojson(layers: Layers, path: str | Path, *, profile: str = "flat") -> int:
    """The flat profile (one feature per incident, for GIS) or the full one (every statement,
    re-importable)."""
    if profile == "full":
        return write_full_geojson(layers.tables, path)
    if profile == "flat":
        return write_flat_geojson(layers.incidents, path)
    raise ExportError(f"unknown GeoJSON profile '{profile}' (choose flat or full)")


def is_feature_collection(path: Path) -> bool:
    """Whether a .json file holds a GeoJSON FeatureCollection (and not record files)."""
    if path.suffix.lower() == ".geojson":
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="ignore")
        return (
            '"FeatureCollection"' in head
            and json.loads(path.read_text("utf-8")).get("type") == "FeatureCollection"
        )
    except (OSError, ValueError, AttributeError):
        return False


FORMAT = Format(
    "geojson",
    (".geojson", ".json"),
    read=read_full_geojson,
    write=write_geojson,
    recognises=is_feature_collection,
    options=("profile",),
)
