"""The store in PostgreSQL with PostGIS: the team engine."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pyarrow as pa
import pyarrow.csv as pa_csv

from layers import Layers
from mapping.errors import StrikemapError
from mapping.store.base import ConflictError, Points, Store, _Cursor
from mapping.store.schema import _quoted, _tables_sql

COPY_ROWS = 20_000  # rows sent to COPY at a time: bounded memory at any size


def without_password(url: str) -> str:
    """A store URL as it may be shown: the password left out."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user, host = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=f"{user.split(':', 1)[0]}@{host}"))


class PostgisStore(Store):
    """The store in PostgreSQL with PostGIS: the team engine."""

    CONNECTION_LOST = (psycopg.OperationalError,)

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__()

    @property
    def name(self) -> str:
        return without_password(self.url)

    def _connect(self):
        try:
            return psycopg.connect(self.url, connect_timeout=10)
        except psycopg.OperationalError as error:
            raise StrikemapError(f"cannot open the store {self.name}: {error}".strip()) from None

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def _raw_cursor(self, streaming: bool) -> Any:
        # PostgreSQL sends a plain cursor's whole result at once; a named one streams it
        if streaming:
            return self.connection.cursor(name="strikemap_rows")
        return self.connection.cursor()

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

    def _insert(
        self, cur: _Cursor, table: str, rows: pa.Table, points: Points | None = None
    ) -> None:
        # COPY in CSV written by Arrow, instead of an INSERT per row
        if not len(rows):
            return
        if points is not None:
            geometry = [
                None if lon is None else f"SRID=4326;POINT({lon!r} {lat!r})" for lon, lat in points
            ]
            rows = rows.append_column("geom", pa.array(geometry, pa.string()))
        names = ", ".join(_quoted(c) for c in rows.column_names)
        # strings always quoted: "" is an empty text, an unquoted empty field is NULL
        options = pa_csv.WriteOptions(include_header=False, quoting_style="needed")
        with cur.cursor.copy(f"COPY {table} ({names}) FROM STDIN (FORMAT csv)") as copy:
            for batch in rows.to_batches(max_chunksize=COPY_ROWS):
                buffer = io.BytesIO()
                pa_csv.write_csv(batch, buffer, options)
                copy.write(buffer.getbuffer())

    def put_layers(self, layers: Layers, **how: Any) -> dict[str, int]:
        try:
            return super().put_layers(layers, **how)
        except psycopg.errors.UniqueViolation:
            raise ConflictError(
                [
                    "an incident written as new was stored by someone else "
                    "meanwhile; pull it and apply your change again"
                ]
            ) from None

    def _create(self, cur) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(4242)")  # one creator at a time
        cur.execute("SELECT to_regclass('revisions') IS NOT NULL")
        if cur.fetchone()[0]:
            return
        types = {
            "DATE": "date",
            "TEXT": "text",
            "REAL": "double precision",
            "INTEGER": "integer",
            "BOOLEAN": "boolean",
        }
        for sql in _tables_sql(types, "bigserial PRIMARY KEY", "jsonb", "geometry(Point, 4326)"):
            cur.execute(sql)
        cur.execute("CREATE INDEX incidents_geom ON incidents USING gist (geom)")
        cur.execute("CREATE INDEX incidents_date ON incidents (date)")
