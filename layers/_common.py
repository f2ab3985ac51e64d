"""What every layer builder shares: incident locations and source names, found by row number."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from mapping.tables import IncidentTables, row_codes

CRS = "EPSG:4326"


def points(lon: pd.Series | np.ndarray, lat: pd.Series | np.ndarray) -> gpd.array.GeometryArray:
    """Points from coordinates; a row without coordinates gets no geometry (unresolved)."""
    lon = np.asarray(lon, dtype="float64")
    lat = np.asarray(lat, dtype="float64")
    geometry = gpd.points_from_xy(lon, lat, crs=CRS)
    missing = np.isnan(lon) | np.isnan(lat)
    if missing.any():
        geometry[missing] = None
    return geometry


def incident_locations(rows: pd.DataFrame, tables: IncidentTables) -> tuple[np.ndarray, np.ndarray]:
    """(lon, lat) of each row's incident (NaN where the incident has no location)."""
    codes = row_codes(rows["incident_id"], tables.incidents["id"])
    lon = np.append(tables.incidents["lon"].to_numpy(dtype="float64"), np.nan)
    lat = np.append(tables.incidents["lat"].to_numpy(dtype="float64"), np.nan)
    return lon[codes], lat[codes]  # code -1 (no such incident) picks the NaN at the end


def source_keys(tables: IncidentTables, rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Integer keys for (incident, source id): of the declared sources, and of `rows`."""
    ids = tables.incidents["id"]
    sources = tables.sources
    source_ids = pd.factorize(
        pd.concat([sources["source_id"], rows["source_id"]], ignore_index=True)
    )[0]
    width = int(source_ids.max()) + 1 if len(source_ids) else 1
    declared = row_codes(sources["incident_id"], ids) * width + source_ids[: len(sources)]
    wanted = row_codes(rows["incident_id"], ids) * width + source_ids[len(sources) :]
    return declared, wanted


def with_sources(rows: pd.DataFrame, tables: IncidentTables) -> pd.DataFrame:
    """Rows with their source's name and party added (`source`, `party`)."""
    declared, wanted = source_keys(tables, rows)
    first = ~pd.Index(declared).duplicated()  # the first declaration of an id wins
    chosen = pd.Index(declared[first]).get_indexer(wanted)
    names = np.append(tables.sources["name"].to_numpy(dtype=object)[first], None)
    parties = np.append(tables.sources["party"].to_numpy(dtype=object)[first], None)
    return rows.assign(source=names[chosen], party=parties[chosen])


def statement_layer(
    rows: pd.DataFrame, tables: IncidentTables, columns: list[str]
) -> gpd.GeoDataFrame:
    """One point per statement, at its incident, with source name and party."""
    data = with_sources(rows, tables)
    lon, lat = incident_locations(rows, tables)
    return gpd.GeoDataFrame(
        data[columns].reset_index(drop=True), geometry=points(lon, lat), crs=CRS
    )


def join_per_incident(codes: np.ndarray, values: pd.Series, n: int, sep: str) -> np.ndarray:
    """For incidents 0..n-1, the values of their rows joined by `sep` in row order (None if none).

    `codes` gives each row's incident number. Written out rather than
    `groupby().agg(sep.join)`, whose per-group Python path is ~20x slower on a million incidents.
    """
    present = values.notna().to_numpy() & (codes >= 0)
    codes = codes[present]
    text = values[present].astype(str).tolist()
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    sorted_text = [text[i] for i in order]
    result = np.full(n, None, dtype=object)
    if len(sorted_codes):
        starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]])
        ends = np.r_[starts[1:], len(sorted_codes)]
        result[sorted_codes[starts]] = [
            sep.join(sorted_text[a:b]) for a, b in zip(starts, ends, strict=True)
        ]
    return result
