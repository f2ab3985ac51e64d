"""The sources layer: who said something about each incident, with links."""

from __future__ import annotations

import geopandas as gpd

from layers._common import CRS, at_incidents, points
from mapping.tables import IncidentTables

COLUMNS = ["incident_id", "source_id", "name", "party", "url", "published", "archive_url", "note"]


def sources_layer(tables: IncidentTables) -> gpd.GeoDataFrame:
    """Every declared source of every incident, located at its incident."""
    data = at_incidents(tables.sources, tables)
    geometry = points(data["incident_lon"], data["incident_lat"])
    return gpd.GeoDataFrame(data[COLUMNS].reset_index(drop=True), geometry=geometry, crs=CRS)
