"""The team store: incidents in a database that several analysts write, with every revision.

One interface, two engines chosen by URL: a GeoPackage file (`incidents.gpkg`, SQLite) for one
machine, PostgreSQL/PostGIS (`postgresql://user@host:port/db`) for a team. Both hold:

- `incidents`: one row per incident — the record (JSON, lossless), its `revision`, and the
  flat columns GIS tools and filters use (date, place, weapon, headline figures, statuses,
  parties, a point in EPSG:4326 with a spatial index); `incidents_flat` is the same without
  the JSON, a view QGIS adds as a layer;
- `casualties`, `damage`, `claims`, `sources`: one row per statement, keyed by incident id;
- `revisions`: every version of every incident, with when, who and from where.

Writes are optimistic: an incident read at revision N may be written back only while the
store still holds revision N (a new incident only while its id is free). A batch lands whole
or not at all. SQL is parameterised throughout; report text is only ever a value.
"""

from __future__ import annotations

from pathlib import Path

from mapping.errors import StrikemapError
from mapping.store.base import ConflictError, Revision, Store
from mapping.store.geopackage import GeoPackageStore, is_store_geopackage
from mapping.store.postgis import PostgisStore


def open_store(url: str | Path) -> Store:
    """The store a URL names: `postgresql://…` or a GeoPackage path (`….gpkg`)."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgisStore(text)
    if text.startswith("gpkg:"):
        text = text[len("gpkg:") :].removeprefix("//")
    if not text.endswith(".gpkg"):
        raise StrikemapError(f"not a store URL: {url} (use postgresql://… or a .gpkg file)")
    return GeoPackageStore(Path(text))


def is_store_url(text: str) -> bool:
    """Whether text is a store URL (not a file path)."""
    return text.startswith(("postgresql://", "postgres://", "gpkg:"))


def is_store(source: str | Path) -> bool:
    """Whether an input names a team store: a store URL, or a GeoPackage the store wrote (it
    keeps revisions) rather than an export. The one place this is decided."""
    text = str(source)
    return is_store_url(text) or (
        text.lower().endswith(".gpkg") and is_store_geopackage(Path(text))
    )


__all__ = [
    "ConflictError",
    "GeoPackageStore",
    "PostgisStore",
    "Revision",
    "Store",
    "is_store",
    "is_store_url",
    "open_store",
]
