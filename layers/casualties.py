"""The casualties layer: one row per casualty figure (source, group, category, range, status)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np

from layers._common import statement_layer
from mapping.headline import latest_positions
from mapping.tables import IncidentTables

COLUMNS = [
    "incident_id", "seq", "source_id", "source", "party", "group", "category", "min", "max",
    "as_of", "status", "superseded", "note",
]  # fmt: skip


def casualties_layer(tables: IncidentTables) -> gpd.GeoDataFrame:
    """Every casualty statement in long, lossless form, located at its incident; `superseded`
    where a later statement of the same source replaces it (the headline's rule 1)."""
    casualties = tables.casualties
    superseded = np.ones(len(casualties), dtype=bool)
    superseded[latest_positions(casualties)] = False
    return statement_layer(casualties.assign(superseded=superseded), tables, COLUMNS)
