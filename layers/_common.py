"""What every layer builder shares: incident locations and source names."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from mapping.tables import IncidentTables

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


def at_incidents(rows: pd.DataFrame, tables: IncidentTables) -> pd.DataFrame:
    """Rows with their incident's lat/lon columns added (`incident_lat`, `incident_lon`)."""
    where = tables.incidents[["id", "lat", "lon"]].rename(
        columns={"id": "incident_id", "lat": "incident_lat", "lon": "incident_lon"}
    )
    return rows.merge(where, on="incident_id", how="left")


def with_sources(rows: pd.DataFrame, tables: IncidentTables) -> pd.DataFrame:
    """Rows with their source's name and party added (`source`, `party`)."""
    names = tables.sources[["incident_id", "source_id", "name", "party"]].rename(
        columns={"name": "source"}
    )
    return rows.merge(names, on=["incident_id", "source_id"], how="left")


def statement_layer(
    rows: pd.DataFrame, tables: IncidentTables, columns: list[str]
) -> gpd.GeoDataFrame:
    """One point per statement, at its incident, with source name and party."""
    data = at_incidents(with_sources(rows, tables), tables)
    geometry = points(data["incident_lon"], data["incident_lat"])
    return gpd.GeoDataFrame(data[columns].reset_index(drop=True), geometry=geometry, crs=CRS)
