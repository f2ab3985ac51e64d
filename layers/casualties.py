"""The casualties layer: one row per casualty figure (source, group, category, range, status)."""

from __future__ import annotations

import geopandas as gpd

from layers._common import statement_layer
from mapping.tables import IncidentTables

COLUMNS = [
    "incident_id", "seq", "source_id", "source", "party", "group", "category", "min", "max",
    "as_of", "status", "note",
]  # fmt: skip


def casualties_layer(tables: IncidentTables) -> gpd.GeoDataFrame:
    """Every casualty statement in long, lossless form, located at its incident."""
    return statement_layer(tables.casualties, tables, COLUMNS)
