"""The damage layer: one row per damage report, at its own location when one is given."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from layers._common import CRS, at_incidents, geometry, with_sources
from mapping.tables import IncidentTables

COLUMNS = [
    "incident_id", "seq", "source_id", "source", "party", "object", "count_min", "count_max",
    "severity", "as_of", "status", "note", "located_at",
]  # fmt: skip


def damage_layer(tables: IncidentTables) -> gpd.GeoDataFrame:
    """Every damage report; `located_at` says whether the point is its own or the incident's."""
    data = with_sources(tables.damage, tables, "damage")
    own = (data["lat"].notna() & data["lon"].notna()).to_numpy()
    located = at_incidents(tables, "damage")
    if own.any():
        located[own] = shapely.points(
            data["lon"].to_numpy(dtype="float64")[own], data["lat"].to_numpy(dtype="float64")[own]
        )
    data = data.rename(columns={"min": "count_min", "max": "count_max"})
    data["located_at"] = np.where(own, "own", "incident")
    return gpd.GeoDataFrame(
        data[COLUMNS].reset_index(drop=True), geometry=geometry(located), crs=CRS
    )
