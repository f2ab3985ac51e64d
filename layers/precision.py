"""The precision layer: each incident's uncertainty circle as a polygon."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from layers._common import CRS
from mapping.tables import IncidentTables

COLUMNS = ["id", "place", "precision", "radius_m"]
_QUAD_SEGMENTS = 8  # 33 vertices a circle: round to the eye, light for a million incidents


def precision_layer(tables: IncidentTables) -> gpd.GeoDataFrame:
    """Circles of `radius_m` metres around every located incident.

    Buffered in Web Mercator with each radius scaled by 1/cos(latitude), Mercator's scale
    factor, so a 10 km radius is 10 km on the ground at any latitude (not degrees).
    """
    data = tables.incidents
    located = data[data["lat"].notna() & data["lon"].notna() & data["radius_m"].notna()]
    centres = gpd.GeoSeries(gpd.points_from_xy(located["lon"], located["lat"]), crs=CRS)
    projected = centres.to_crs("EPSG:3857")
    scale = 1.0 / np.cos(np.radians(located["lat"].to_numpy(dtype="float64")))
    radii = np.maximum(located["radius_m"].to_numpy(dtype="float64"), 1.0) * scale
    circles = shapely.buffer(projected.to_numpy(), radii, quad_segs=_QUAD_SEGMENTS)
    geometry = gpd.GeoSeries(circles, crs="EPSG:3857").to_crs(CRS)
    return gpd.GeoDataFrame(
        located[COLUMNS].reset_index(drop=True), geometry=geometry.values, crs=CRS
    )
