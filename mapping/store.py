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

import datetime as dt
import getpass
import json
import re
import sqlite3
import struct
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from mapping.errors import StrikemapError
from mapping.filters import IncidentFilter
from mapping.model import Incident


class ConflictError(StrikemapError):
    """A write based on a revision the store no longer holds; nothing was written."""

    def __init__(self, conflicts: Sequence[str]) -> None:
        self.conflicts = list(conflicts)
        lines = "\n  ".join(self.conflicts)
        super().__init__(f"{len(self.conflicts)} conflict(s), nothing written:\n  {lines}")


@dataclass(frozen=True)
class Revision:
    """One version of an incident as the store keeps it."""

    id: str
    revision: int
    written_at: str
    author: str
    origin: str
    record: dict[str, Any]
    changed: tuple[str, ...]  # the record's fields that differ from the revision before


FLAT = [
    ("date", "DATE"), ("place", "TEXT"), ("admin1", "TEXT"), ("country", "TEXT"),
    ("precision", "TEXT"), ("radius_m", "REAL"), ("weapon_system", "TEXT"),
    ("weapon_category", "TEXT"), ("killed_min", "INTEGER"), ("killed_max", "INTEGER"),
    ("injured_min", "INTEGER"), ("injured_max", "INTEGER"), ("children_killed_min", "INTEGER"),
    ("outside_headline", "TEXT"), ("contested", "BOOLEAN"), ("n_sources", "INTEGER"),
    ("sources", "TEXT"), ("parties", "TEXT"), ("statuses", "TEXT"), ("review", "TEXT"),
]  # fmt: skip
STATEMENTS = {
    "casualties": ["seq", "source_id", "source", "party", "group", "category", "min", "max",
                   "as_of", "status", "note"],
    "damage": ["seq", "source_id", "source", "party", "object", "count_min", "count_max",
               "severity", "as_of", "status", "note"],
    "claims": ["seq", "source_id", "source", "party", "about", "text", "status", "as_of",
               "disputed_by", "note"],
    "sources": ["source_id", "name", "party", "url", "published", "archive_url", "note"],
}  # fmt: skip


def _quoted(name: str) -> str:
    return f'"{name}"'


def _tables_sql(types: dict[str, str], key: str, json_type: str, point: str) -> list[str]:
    """The store's tables and view, in an engine's words: its column types (by our names
    DATE/TEXT/REAL/INTEGER/BOOLEAN), its auto-numbered key, its JSON type and point type."""
    flat = ", ".join(f"{_quoted(n)} {types[t]}" for n, t in FLAT)
    sql = [f"CREATE TABLE incidents (fid {key}, id {types['TEXT']} NOT NULL UNIQUE, revision "
           f"{types['INTEGER']} NOT NULL, {flat}, record {json_type} NOT NULL, updated_at "
           f"{types['TEXT']} NOT NULL, geom {point})"]  # fmt: skip
    for table, columns in STATEMENTS.items():
        body = ", ".join(
            _quoted(c)
            + " "
            + types["INTEGER" if c in ("seq", "min", "max", "count_min", "count_max") else "TEXT"]
            for c in columns
        )
        sql += [f"CREATE TABLE {table} (fid {key}, incident_id {types['TEXT']} NOT NULL, {body})",
                f"CREATE INDEX {table}_incident ON {table} (incident_id)"]  # fmt: skip
    sql.append(f"CREATE TABLE revisions (id {types['TEXT']} NOT NULL, revision {types['INTEGER']} "
               f"NOT NULL, written_at {types['TEXT']} NOT NULL, author {types['TEXT']} NOT NULL, "
               f"origin {types['TEXT']} NOT NULL, record {json_type} NOT NULL, "
               "PRIMARY KEY (id, revision))")  # fmt: skip
    view_columns = ", ".join(["fid", "id", "revision", *[_quoted(n) for n, _ in FLAT], "geom"])
    sql.append(f"CREATE VIEW incidents_flat AS SELECT {view_columns} FROM incidents")
    return sql


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
    return text.startswith(("postgresql://", "postgres://", "gpkg:"))


class Store:
    """Shared logic; the engines differ in connection, placeholders, geometry and locking."""

    engine = "store"

    # -- engine hooks ----------------------------------------------------------------------
    def _connect(self) -> Any: ...
    def _create(self, cur: Any) -> None: ...
    def _begin(self, cur: Any) -> None: ...
    def _lock(self, cur: Any, ids: list[str]) -> dict[str, int]: ...
    def _point(self, lon: float | None, lat: float | None) -> list[Any]: ...
    def _point_sql(self) -> str: ...
    def _bbox(self, bbox: tuple[float, float, float, float]) -> tuple[str, list[Any]]: ...
    def _date(self, value: dt.date | str) -> Any: ...

    def _sql(self, sql: str) -> str:
        return sql

    # -- public interface ------------------------------------------------------------------
    def __init__(self) -> None:
        self.connection = self._connect()
        with self._cursor() as cur:
            self._create(cur)
        self.connection.commit()

    def _cursor(self, streaming: bool = False):
        return _Cursor(self, streaming)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def put(
        self, incidents: Iterable[Incident], *, author: str | None = None, origin: str = ""
    ) -> dict[str, int]:
        """Write incidents in one transaction; returns each id's new revision. An incident
        whose `revision` is not the store's current one (or that is new while its id is
        taken) is a conflict: then nothing is written and ConflictError says which."""
        from layers import build_layers
        from mapping.tables import incident_tables

        incidents = list(incidents)
        if not incidents:
            return {}
        author = author or _user()
        ids = [i.id for i in incidents]
        if len(set(ids)) != len(ids):
            raise StrikemapError("the same incident id twice in one write")
        written_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        layers = build_layers(incident_tables(incidents))
        try:
            with self._cursor() as cur:
                self._begin(cur)
                current = self._lock(cur, ids)
                conflicts = []
                for incident in incidents:
                    held = current.get(incident.id)
                    if held is not None and incident.revision != held:
                        conflicts.append(
                            f"{incident.id}: the store holds revision {held}, this copy is "
                            + (f"revision {incident.revision}" if incident.revision else "new")
                            + "; pull it and apply your change again"
                        )
                    elif held is None and incident.revision is not None:
                        conflicts.append(
                            f"{incident.id}: this copy is revision {incident.revision} but the "
                            "store does not hold the incident"
                        )
                if conflicts:
                    raise ConflictError(conflicts)
                revisions = {i.id: current.get(i.id, 0) + 1 for i in incidents}
                self._write(cur, incidents, layers, revisions, written_at, author, origin)
            self.connection.commit()
        except Exception:
            self.connection.rollback()
            raise
        return revisions

    def get(self, ids: Iterable[str]) -> list[Incident]:
        """The incidents with these ids (at their current revision)."""
        found: list[Incident] = []
        with self._cursor() as cur:
            for chunk in _chunks(sorted(set(ids))):
                marks = ", ".join("?" for _ in chunk)
                cur.execute(f"SELECT record FROM incidents WHERE id IN ({marks})", chunk)
                found += [_incident(row[0]) for row in cur.fetchall()]
        return sorted(found, key=lambda i: i.id)

    def query(self, selection: IncidentFilter | None = None) -> list[Incident]:
        """The incidents that pass the filter (see `batches`), as one list."""
        return [incident for batch in self.batches(selection) for incident in batch]

    def batches(
        self, selection: IncidentFilter | None = None, size: int = 20_000
    ) -> Iterator[list[Incident]]:
        """The incidents that pass the filter, `size` at a time, in date order: memory stays
        bounded however many there are. Dates, weapons, headline minimums, countries,
        statuses, parties and the bounding box (through the spatial index) are answered by the
        database; the rest of the filter then runs on each batch."""
        from layers import build_layers
        from mapping.tables import incident_tables

        selection = selection or IncidentFilter()
        where, params = self._where(selection)
        sql = "SELECT record FROM incidents" + (f" WHERE {' AND '.join(where)}" if where else "")
        with self._cursor(streaming=True) as cur:
            cur.execute(sql + " ORDER BY date, id", params)
            while rows := cur.fetchmany(size):
                found = [_incident(row[0]) for row in rows]
                if not selection.empty:
                    layers = build_layers(incident_tables(found))
                    kept = set(selection.apply(layers).incidents["id"])
                    found = [i for i in found if i.id in kept]
                if found:
                    yield found
        self.connection.commit()  # end the read (PostgreSQL holds it open for the cursor)

    def history(self, incident_id: str) -> list[Revision]:
        """Every revision of an incident, oldest first, with the fields each one changed."""
        with self._cursor() as cur:
            cur.execute(
                "SELECT revision, written_at, author, origin, record FROM revisions "
                "WHERE id = ? ORDER BY revision",
                [incident_id],
            )
            rows = cur.fetchall()
        revisions, before = [], {}
        for revision, written_at, author, origin, record in rows:
            record = json.loads(record) if isinstance(record, str) else record
            changed = sorted(
                k for k in set(before) | set(record)
                if k != "revision" and before.get(k) != record.get(k)
            )  # fmt: skip
            revisions.append(Revision(incident_id, int(revision), str(written_at), author,
                                      origin, record, tuple(changed)))  # fmt: skip
            before = record
        return revisions

    def count(self) -> int:
        with self._cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM incidents", [])
            return int(cur.fetchone()[0])

    # -- shared SQL ------------------------------------------------------------------------
    def _where(self, selection: IncidentFilter) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if selection.since:
            where.append("date >= ?")
            params.append(self._date(selection.since))
        if selection.until:
            where.append("date <= ?")
            params.append(self._date(selection.until))
        weapons = []
        if selection.weapon_categories:
            weapons.append(
                f"weapon_category IN ({', '.join('?' for _ in selection.weapon_categories)})"
            )
            params += sorted(selection.weapon_categories)
        if selection.weapon_systems:
            weapons.append(f"weapon_system IN ({', '.join('?' for _ in selection.weapon_systems)})")
            params += sorted(selection.weapon_systems)
        if weapons:
            where.append("(" + " OR ".join(weapons) + ")")
        for column, minimum in (("killed_min", selection.min_killed),
                                ("injured_min", selection.min_injured)):  # fmt: skip
            if minimum:
                where.append(f"{column} >= ?")
                params.append(minimum)
        if selection.countries:
            where.append(f"country IN ({', '.join('?' for _ in selection.countries)})")
            params += sorted(selection.countries)
        for column, wanted in (("statuses", selection.statuses), ("parties", selection.parties)):
            if wanted:
                where.append(
                    "(" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for _ in wanted) + ")"
                )
                params += [f"%{_like(w)}%" for w in sorted(wanted)]
        if selection.bbox:
            sql, values = self._bbox(selection.bbox)
            where.append(sql)
            params += values
        return where, params

    def _write(self, cur, incidents, layers, revisions, written_at, author, origin) -> None:
        flat = layers.incidents
        if flat["id"].tolist() != [i.id for i in incidents]:  # the layer keeps the input order
            raise AssertionError("incidents layer out of order")
        updated = [i.id for i in incidents if revisions[i.id] > 1]
        for chunk in _chunks(updated):
            marks = ", ".join("?" for _ in chunk)
            for table in STATEMENTS:
                cur.execute(f"DELETE FROM {table} WHERE incident_id IN ({marks})", chunk)
        columns = ["id", "revision", *[n for n, _ in FLAT], "record", "updated_at"]
        geometry = self._point_sql()
        new_rows, updated_rows, history = [], [], []
        values = _rows(flat, [n for n, _ in FLAT])
        for incident, flat_values in zip(incidents, values, strict=True):
            revision = revisions[incident.id]
            # the record as stored: validated JSON from pydantic, with its new revision
            body = incident.model_dump_json(exclude_defaults=True, exclude={"revision"})
            text = (
                f'{{"revision":{revision},{body[1:]}'
                if body != "{}"
                else f'{{"revision":{revision}}}'
            )
            row = [incident.id, revision, self._date(incident.date), *flat_values[1:], text,
                   written_at, *self._point(incident.place.lon, incident.place.lat)]  # fmt: skip
            (new_rows if revision == 1 else updated_rows).append(row)
            history.append([incident.id, revision, written_at, author, origin, text])
        names = ", ".join(_quoted(c) for c in columns) + ", geom"
        marks = ", ".join("?" for _ in columns) + f", {geometry}"
        if new_rows:
            cur.executemany(f"INSERT INTO incidents ({names}) VALUES ({marks})", new_rows)
        if updated_rows:
            sets = ", ".join(f"{_quoted(c)} = ?" for c in columns[1:]) + f", geom = {geometry}"
            cur.executemany(f"UPDATE incidents SET {sets} WHERE id = ?",
                            [row[1:] + row[:1] for row in updated_rows])  # fmt: skip
        cur.executemany("INSERT INTO revisions (id, revision, written_at, author, origin, record) "
                        "VALUES (?, ?, ?, ?, ?, ?)", history)  # fmt: skip
        for table, names_ in STATEMENTS.items():
            frame = getattr(layers, table)
            rows = _rows(frame, ["incident_id", *names_])
            if rows:
                quoted = ", ".join(_quoted(c) for c in ["incident_id", *names_])
                marks = ", ".join("?" for _ in range(len(names_) + 1))
                cur.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", rows)


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[list[Any]]:
    """Rows of plain Python values (None for missing), column by column."""
    lists = []
    for column in columns:
        values = frame[column]
        plain = values.astype(object).where(values.notna(), None).tolist()
        lists.append([v.item() if hasattr(v, "item") else v for v in plain]
                     if values.dtype.kind in "biuf" else plain)  # fmt: skip
    return [list(row) for row in zip(*lists, strict=True)]


class _Cursor:
    """A cursor that speaks '?' placeholders to either engine."""

    def __init__(self, store: Store, streaming: bool = False) -> None:
        self.store = store
        # PostgreSQL sends a plain cursor's whole result at once; a named one streams it
        named = streaming and store.engine == "postgis"
        self.cursor = (
            store.connection.cursor(name="strikemap_rows") if named else store.connection.cursor()
        )

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.cursor.execute(self.store._sql(sql), list(params))

    def executemany(self, sql: str, rows: list[list[Any]]) -> None:
        self.cursor.executemany(self.store._sql(sql), rows)

    def fetchall(self) -> list[Any]:
        return self.cursor.fetchall()

    def fetchone(self) -> Any:
        return self.cursor.fetchone()

    def fetchmany(self, size: int) -> list[Any]:
        return self.cursor.fetchmany(size)

    def __enter__(self) -> _Cursor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cursor.close()


def _incident(record: str | dict) -> Incident:
    if isinstance(record, str):
        return Incident.model_validate_json(record)
    return Incident.model_validate(record)


def _value(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _like(text: str) -> str:
    return re.sub(r"([%_\\])", r"\\\1", text)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container): still say something
        return "unknown"


# -- GeoPackage (SQLite) ---------------------------------------------------------------------

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


class GeoPackageStore(Store):
    """The store as a GeoPackage file (SQLite): the embedded, single-machine engine."""

    engine = "gpkg"

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 60000")
        connection.execute("PRAGMA journal_mode = WAL")
        # The functions the GeoPackage R-tree triggers call (GDAL defines them for itself).
        for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
            connection.create_function(
                name, 1, lambda blob, i=index: (_gpkg_envelope(blob) or (None,) * 4)[i],
                deterministic=True,
            )  # fmt: skip
        connection.create_function("ST_IsEmpty", 1, lambda blob: int(_gpkg_envelope(blob) is None),
                                   deterministic=True)  # fmt: skip
        return connection

    def _begin(self, cur) -> None:
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
        return ("fid IN (SELECT id FROM rtree_incidents_geom WHERE minx <= ? AND maxx >= ? "
                "AND miny <= ? AND maxy >= ?)", [east, west, north, south])  # fmt: skip

    def _date(self, value):
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    def _create(self, cur) -> None:
        cur.execute("BEGIN IMMEDIATE")  # one creator at a time; the others find it made
        cur.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'revisions'")
        if cur.fetchone():
            cur.execute("COMMIT")
            return
        cur.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        cur.execute("PRAGMA user_version = 10301")
        cur.execute("CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, "
                    "srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id "
                    "INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)")  # fmt: skip
        for srs_id, name, code, organization, definition in _GPKG_SRS:
            cur.execute("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)",
                        [name, srs_id, organization, code, definition])  # fmt: skip
        cur.execute("CREATE TABLE IF NOT EXISTS gpkg_contents (table_name TEXT NOT NULL PRIMARY "
                    "KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT "
                    "'', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                    "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)")  # fmt: skip
        cur.execute("CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (table_name TEXT NOT NULL, "
                    "column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER "
                    "NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, "
                    "column_name))")  # fmt: skip
        cur.execute("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name "
                    "TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT "
                    "NULL, UNIQUE (table_name, column_name, extension_name))")  # fmt: skip
        types = {name: name for name in ("DATE", "TEXT", "REAL", "INTEGER", "BOOLEAN")}
        for sql in _tables_sql(types, "INTEGER PRIMARY KEY AUTOINCREMENT", "TEXT", "POINT"):
            cur.execute(sql)
        for table, kind in (("incidents", "features"), ("incidents_flat", "features"),
                            ("revisions", "attributes"), *((t, "attributes") for t in STATEMENTS)):  # fmt: skip
            cur.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
                        "VALUES (?, ?, ?, ?)", [table, kind, table, 4326 if kind == "features" else None])  # fmt: skip
        for table in ("incidents", "incidents_flat"):
            cur.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'POINT', 4326, 0, 0)",
                        [table])  # fmt: skip
        # The spatial index, kept by the GeoPackage specification's own triggers.
        cur.execute(
            "CREATE VIRTUAL TABLE rtree_incidents_geom USING rtree(id, minx, maxx, miny, maxy)"
        )
        cur.execute("INSERT INTO gpkg_extensions VALUES ('incidents', 'geom', 'gpkg_rtree_index', "
                    "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")  # fmt: skip
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


# -- PostgreSQL / PostGIS -----------------------------------------------------------------------


class PostgisStore(Store):
    """The store in PostgreSQL with PostGIS: the team engine."""

    engine = "postgis"

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__()

    def _connect(self):
        try:
            import psycopg
        except ImportError as error:  # pragma: no cover - psycopg is in requirements.txt
            raise StrikemapError("psycopg is needed for postgresql:// stores") from error
        try:
            return psycopg.connect(self.url, connect_timeout=10)
        except psycopg.OperationalError as error:
            raise StrikemapError(f"cannot open the store {self.url}: {error}".strip()) from None

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def _begin(self, cur) -> None:
        pass  # psycopg opens the transaction with the first statement

    def _lock(self, cur, ids: list[str]) -> dict[str, int]:
        # Rows that exist are locked until commit; an id that is new is claimed by its insert,
        # and a second writer inserting it too fails on the unique key (a conflict).
        cur.execute("SELECT id, revision FROM incidents WHERE id = ANY(?) FOR UPDATE", [ids])
        return {i: int(r) for i, r in cur.fetchall()}

    def _point(self, lon, lat):
        return [lon, lat]  # a missing coordinate makes a NULL point

    def _point_sql(self) -> str:
        return "ST_SetSRID(ST_MakePoint(?, ?), 4326)"

    def _bbox(self, bbox):
        west, south, east, north = bbox
        if west > east:
            return "TRUE", []
        return "geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", [west, south, east, north]

    def _date(self, value):
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))

    def put(self, incidents, *, author=None, origin=""):
        import psycopg

        try:
            return super().put(incidents, author=author, origin=origin)
        except psycopg.errors.UniqueViolation:
            raise ConflictError(["an incident written as new was stored by someone else "
                                 "meanwhile; pull it and apply your change again"]) from None  # fmt: skip

    def _create(self, cur) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(4242)")  # one creator at a time
        cur.execute("SELECT to_regclass('revisions') IS NOT NULL")
        if cur.fetchone()[0]:
            return
        types = {"DATE": "date", "TEXT": "text", "REAL": "double precision", "INTEGER": "integer",
                 "BOOLEAN": "boolean"}  # fmt: skip
        for sql in _tables_sql(types, "bigserial PRIMARY KEY", "jsonb", "geometry(Point, 4326)"):
            cur.execute(sql)
        cur.execute("CREATE INDEX incidents_geom ON incidents USING gist (geom)")
        cur.execute("CREATE INDEX incidents_date ON incidents (date)")
