"""The casualties layer: one row per casualty figure (source, group, category, range, status)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from layers._common import statement_layer
from mapping.headline import latest_credible_positions, latest_positions
from mapping.tables import IncidentTables

COLUMNS = [
    "incident_id", "seq", "source_id", "source", "party", "group", "category", "min", "max",
    "as_of", "status", "superseded", "latest_credible", "note",
]  # fmt: skip


def casualties_layer(tables: IncidentTables) -> gpd.GeoDataFrame:
    """Every casualty statement in long, lossless form, located at its incident; `superseded`
    where a later statement of the same source replaces it (the headline's rule 1), and
    `latest_credible` on the statement that gives its incident's latest credible figure."""
    casualties = tables.casualties
    codes = pd.factorize(casualties["incident_id"])[0]
    latest = latest_positions(casualties, codes)
    superseded = np.ones(len(casualties), dtype=bool)
    superseded[latest] = False
    credible = np.zeros(len(casualties), dtype=bool)
    credible[latest_credible_positions(casualties, codes, latest)[0]] = True
    return statement_layer(
        casualties.assign(superseded=superseded, latest_credible=credible), tables, COLUMNS
    )
