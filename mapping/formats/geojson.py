"""GeoJSON (RFC 7946): a flat profile for GIS tools and a full profile that loses nothing.

Flat: one feature per incident with scalar properties (the incidents layer), WGS 84 lon/lat,
no `crs` member.
Full: one feature per incident whose properties are the whole record, so importing the file
gives back the same incidents.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from layers import Layers
from mapping.atomic import atomic_path
from mapping.errors import ExportError
from mapping.formats.base import Format
from mapping.formats.full_geojson import (
    COORDINATE_DECIMALS,
    read_full_geojson,
    read_full_geojson_tables,
    write_full_geojson,
)
from mapping.json_text import json_values, text_scalar, write_texts

CHUNK_ROWS = 100_000  # features encoded at a time: bounded memory at any size


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


def _write_features(chunk: gpd.GeoDataFrame, names: list[str], handle) -> None:
    parts: list[Any] = []
    for i, name in enumerate(names):
        parts += [
            text_scalar(("," if i else "{") + json.dumps(name, ensure_ascii=False) + ":"),
            json_values(chunk[name]),
        ]
    geometry = chunk.geometry
    missing = pa.array(geometry.isna().to_numpy() | geometry.is_empty.to_numpy())
    x = pa.array(np.round(geometry.x.to_numpy(), COORDINATE_DECIMALS)).cast(pa.large_string())
    y = pa.array(np.round(geometry.y.to_numpy(), COORDINATE_DECIMALS)).cast(pa.large_string())
    point = pc.binary_join_element_wise(
        text_scalar('{"type":"Point","coordinates":['),
        x,
        text_scalar(","),
        y,
        text_scalar("]}"),
        text_scalar(""),
    )
    point = pc.if_else(missing, text_scalar("null"), point)
    # the incident id is also the Feature's id (RFC 7946 §3.2), for tools that key on it
    feature_id = [text_scalar(',"id":'), json_values(chunk["id"])] if "id" in chunk else []
    features = pc.binary_join_element_wise(
        text_scalar('{"type":"Feature"'),
        *feature_id,
        text_scalar(',"geometry":'),
        point,
        text_scalar(',"properties":'),
        *parts,
        text_scalar("}}"),
        text_scalar(""),
    )
    write_texts(handle, features, b",\n")


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
    read_tables=read_full_geojson_tables,
)
