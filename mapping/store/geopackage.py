"""The store as a GeoPackage file (SQLite): the embedded, single-machine engine, written to
the GeoPackage spec (contents, geometry columns, an R-tree with the spec's triggers)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import struct
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from mapping.errors import StrikemapError
from mapping.store.base import Store, _chunks
from mapping.store.schema import STATEMENTS, _tables_sql

_GPKG_SRS = [
    (4326, "WGS 84 geodetic", 4326, "EPSG",
     'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
     'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]'),
    (-1, "Undefined cartesian SRS", -1, "NONE", "undefined"),
    (0, "Undefined geographic SRS", 0, "NONE", "undefined"),
]  # fmt: skip


def _gpkg_point(lon: float | None, lat: float | None) -> bytes | None:
    """A GeoPackage geometry blob for a point: the 'GP' header with its envelope, then WKB."""
    if lon is None or lat is None:
        return None
    header = b"GP" + bytes([0, 0b00000011]) + struct.pack("<i", 4326)
    envelope = struct.pack("<4d", lon, lon, lat, lat)
    return header + envelope + struct.pack("<BIdd", 1, 1, lon, lat)


def _gpkg_envelope(blob: bytes | None) -> tuple[float, float, float, float] | None:
    if not blob or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if (flags >> 1) & 0b111 == 0:  # no envelope stored: read the point
        offset = 8
        x, y = struct.unpack("<dd", blob[offset + 5 : offset + 21])
        return x, x, y, y
    return struct.unpack("<4d", blob[8:40])


def sqlite_uri(path: Path, mode: str, *, immutable: bool = False) -> str:
    """An SQLite URI for a file path: '#', '%' and '?' in the path stay part of it."""
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    return uri + "&immutable=1" if immutable else uri


class GeoPackageStore(Store):
    """The store as a GeoPackage file (SQLite): the embedded, single-machine engine."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # a store on a read-only share or file is still read (nothing may be created beside it)
        self.read_only = path.exists() and not (
            os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        )
        super().__init__()

    @property
    def name(self) -> str:
        return str(self.path)

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            connection = sqlite3.connect(
                sqlite_uri(self.path, "ro", immutable=True), uri=True, isolation_level=None
            )
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            connection.execute("PRAGMA busy_timeout = 60000")
            connection.execute("PRAGMA journal_mode = WAL")
        # The functions the GeoPackage R-tree triggers call (GDAL defines them for itself).
        for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
            connection.create_function(
                name,
                1,
                lambda blob, i=index: (_gpkg_envelope(blob) or (None,) * 4)[i],
                deterministic=True,
            )
        connection.create_function(
            "ST_IsEmpty", 1, lambda blob: int(_gpkg_envelope(blob) is None), deterministic=True
        )
        return connection

    def _begin(self, cur) -> None:
        if self.read_only:
            raise StrikemapError(f"{self.path}: the store is read-only here; nothing written")
        cur.execute("BEGIN IMMEDIATE")  # the write lock now: the check and the write are one

    def _lock(self, cur, ids: list[str]) -> dict[str, int]:
        held: dict[str, int] = {}
        for chunk in _chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            cur.execute(f"SELECT id, revision FROM incidents WHERE id IN ({marks})", chunk)
            held.update((i, int(r)) for i, r in cur.fetchall())
        return held

    def _point(self, lon, lat):
        return [_gpkg_point(lon, lat)]

    def _point_sql(self) -> str:
        return "?"

    def _bbox(self, bbox):
        west, south, east, north = bbox
        if west > east:  # across the antimeridian: leave it to the exact filter
            return "1 = 1", []
        return (
            "fid IN (SELECT id FROM rtree_incidents_geom WHERE minx <= ? AND maxx >= ? "
            "AND miny <= ? AND maxy >= ?)",
            [east, west, north, south],
        )

    def _date(self, value):
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    def _create(self, cur) -> None:
        if self.read_only:
            cur.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'revisions'")
            if not cur.fetchone():
                raise StrikemapError(f"{self.path}: read-only and not a team store")
            return
        cur.execute("BEGIN IMMEDIATE")  # one creator at a time; the others find it made
        cur.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'revisions'")
        if cur.fetchone():
            cur.execute("COMMIT")
            return
        cur.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        cur.execute("PRAGMA user_version = 10301")
        cur.execute(
            "CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, "
            "srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id "
            "INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)"
        )
        for srs_id, name, code, organization, definition in _GPKG_SRS:
            cur.execute(
                "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)",
                [name, srs_id, organization, code, definition],
            )
        cur.execute(
            "CREATE TABLE IF NOT EXISTS gpkg_contents (table_name TEXT NOT NULL PRIMARY "
            "KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT "
            "'', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
            "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)"
        )
        cur.execute(
            "CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (table_name TEXT NOT NULL, "
            "column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER "
            "NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, "
            "column_name))"
        )
        cur.execute(
            "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name "
            "TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT "
            "NULL, UNIQUE (table_name, column_name, extension_name))"
        )
        types = {name: name for name in ("DATE", "TEXT", "REAL", "INTEGER", "BOOLEAN")}
        for sql in _tables_sql(types, "INTEGER PRIMARY KEY AUTOINCREMENT", "TEXT", "POINT"):
            cur.execute(sql)
        for table, kind in (
            ("incidents", "features"),
            ("incidents_flat", "features"),
            ("revisions", "attributes"),
            *((t, "attributes") for t in STATEMENTS),
        ):
            cur.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
                "VALUES (?, ?, ?, ?)",
                [table, kind, table, 4326 if kind == "features" else None],
            )
        for table in ("incidents", "incidents_flat"):
            cur.execute(
                "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'POINT', 4326, 0, 0)", [table]
            )
        # The spatial index, kept by the GeoPackage specification's own triggers.
        cur.execute(
            "CREATE VIRTUAL TABLE rtree_incidents_geom USING rtree(id, minx, maxx, miny, maxy)"
        )
        cur.execute(
            "INSERT INTO gpkg_extensions VALUES ('incidents', 'geom', 'gpkg_rtree_index', "
            "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')"
        )
        for sql in _RTREE_TRIGGERS:
            cur.execute(sql)
        cur.execute("COMMIT")


_RTREE_TRIGGERS = [
    """CREATE TRIGGER rtree_incidents_geom_insert AFTER INSERT ON incidents
       WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN
       INSERT OR REPLACE INTO rtree_incidents_geom VALUES (NEW.fid, ST_MinX(NEW.geom),
       ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END""",
    """CREATE TRIGGER rtree_incidents_geom_update1 AFTER UPDATE OF geom ON incidents
       WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN
       INSERT OR REPLACE INTO rtree_incidents_geom VALUES (NEW.fid, ST_MinX(NEW.geom),
       ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END""",
    """CREATE TRIGGER rtree_incidents_geom_update2 AFTER UPDATE OF geom ON incidents
       WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN
       DELETE FROM rtree_incidents_geom WHERE id = OLD.fid; END""",
    """CREATE TRIGGER rtree_incidents_geom_delete AFTER DELETE ON incidents
       WHEN old.geom NOT NULL BEGIN DELETE FROM rtree_incidents_geom WHERE id = OLD.fid; END""",
]


def is_store_geopackage(path: Path) -> bool:
    """A GeoPackage written by the team store (it keeps revisions) rather than an export."""
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(sqlite_uri(path, "ro"), uri=True)) as connection:
            found = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'revisions'"
            ).fetchone()
    except sqlite3.Error:
        return False
    return found is not None
