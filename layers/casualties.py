"""The casualties layer: one row per casualty figure (source, group, category, range, status)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np

from layers._common import casualty_marks, statement_layer
from mapping.headline import StatementMarks
from mapping.tables import IncidentTables

COLUMNS = [
    "incident_id", "seq", "source_id", "source", "party", "group", "category", "min", "max",
    "as_of", "status", "superseded", "latest_credible", "note",
]  # fmt: skip


def casualties_layer(
    tables: IncidentTables, marks: StatementMarks | None = None
) -> gpd.GeoDataFrame:
    """Every casualty statement in long, lossless form, located at its incident; `superseded`
    where a later statement of the same source replaces it (the headline's rule 1), and
    `latest_credible` on the statement that gives its incident's latest credible figure
    (`marks`: the tables' casualty statement marks, when already found)."""
    casualties = tables.casualties
    marks = marks or casualty_marks(tables)
    superseded = np.ones(len(casualties), dtype=bool)
    superseded[marks.latest] = False
    credible = np.zeros(len(casualties), dtype=bool)
    credible[marks.credible] = True
    return statement_layer(
        casualties.assign(superseded=superseded, latest_credible=credible),
        tables,
        "casualties",
        COLUMNS,
    )
