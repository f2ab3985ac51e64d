"""The claims layer: statements that are not counts, such as what the target was."""

from __future__ import annotations

import geopandas as gpd

from layers._common import statement_layer
from mapping.tables import IncidentTables

COLUMNS = [
    "incident_id", "seq", "source_id", "source", "party", "about", "text", "status", "as_of",
    "disputed_by", "note",
]  # fmt: skip


def claims_layer(tables: IncidentTables) -> gpd.GeoDataFrame:
    """Every claim, located at its incident."""
    return statement_layer(tables.claims, tables, "claims", COLUMNS)
