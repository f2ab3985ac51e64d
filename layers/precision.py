"""The precision layer: each incident's uncertainty circle as a polygon."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from layers._common import CRS, shared
from mapping.tables import IncidentTables

COLUMNS = ["id", "place", "precision", "radius_m"]
VERTICES = 32  # round to the eye, light enough for a million circles
EARTH_RADIUS_M = 6_371_008.8


def circles(
    lon: np.ndarray, lat: np.ndarray, radius_m: np.ndarray, vertices: int = VERTICES
) -> np.ndarray:
    """Polygons of the points `radius_m` metres from each centre, in lon/lat degrees.

    Each vertex is offset in metres on the local tangent plane (east = r·sin θ, north = r·cos θ)
    and turned into degrees with the meridian and parallel lengths at the centre, so the circle
    is metric on the ground at any latitude, never a circle in degrees. For the radii of
    incident locations (up to ~200 km) the error against the true geodesic circle is below
    0.2% of the radius. Hand-written with numpy because buffering a million points in a
    projection and reprojecting the polygons takes ten times as long.
    """
    bearing = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    radius = np.asarray(radius_m, dtype="float64")[:, None]
    lat = np.asarray(lat, dtype="float64")[:, None]
    metres_per_degree_lat = np.pi * EARTH_RADIUS_M / 180
    metres_per_degree_lon = metres_per_degree_lat * np.maximum(np.cos(np.radians(lat)), 1e-6)
    ring = np.empty((len(radius), vertices + 1, 2))
    ring[:, :vertices, 0] = (
        np.asarray(lon, dtype="float64")[:, None] + radius * np.sin(bearing) / metres_per_degree_lon
    )
    ring[:, :vertices, 1] = np.clip(lat + radius * np.cos(bearing) / metres_per_degree_lat, -90, 90)
    ring[:, vertices] = ring[:, 0]  # close each ring
    longitudes = ring[..., 0]
    if (
        longitudes.min(initial=0) < -180 or longitudes.max(initial=0) > 180
    ):  # across the antimeridian
        ring[..., 0] = (longitudes + 540) % 360 - 180
    # Rings first: building polygons straight from coordinates is several times slower.
    return shapely.polygons(shapely.linearrings(ring))


def precision_layer(tables: IncidentTables) -> gpd.GeoDataFrame:
    """Circles of `radius_m` metres around every located incident."""
    data = tables.incidents
    located = data[data["lat"].notna() & data["lon"].notna() & data["radius_m"].notna()]
    geometry = shared(
        circles,
        located["lon"].to_numpy(dtype="float64"),
        located["lat"].to_numpy(dtype="float64"),
        np.maximum(located["radius_m"].to_numpy(dtype="float64"), 1.0),
    )
    return gpd.GeoDataFrame(located[COLUMNS].reset_index(drop=True), geometry=geometry, crs=CRS)
