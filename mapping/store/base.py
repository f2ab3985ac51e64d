"""What both store engines share: optimistic writes, filtered reads in batches, history.

The engines differ in connection, placeholders, geometry and locking (the hooks below).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from layers import Layers, build_layers
from layers.incidents import incidents_layer
from mapping.errors import StrikemapError
from mapping.filters import IncidentFilter
from mapping.formats.full_geojson import record_texts
from mapping.model import Incident
from mapping.record_tables import record_tables
from mapping.store.schema import FLAT, STATEMENTS, _quoted
from mapping.table_checks import CheckedTables, concat_tables
from mapping.tables import incident_tables

# each incident's (lon, lat), None for a place without coordinates
Points = list[tuple[float | None, float | None]]


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


class Store:
    """Shared logic; the engines differ in connection, placeholders, geometry and locking."""

    CONNECTION_LOST: tuple[type[BaseException], ...] = ()  # errors that mean the server went away

    # -- engine hooks ----------------------------------------------------------------------
    def _connect(self) -> Any: ...
    def _create(self, cur: Any) -> None: ...
    def _begin(self, cur: Any) -> None: ...
    def _lock(self, cur: Any, ids: list[str]) -> dict[str, int]: ...
    def _point(self, lon: float | None, lat: float | None) -> list[Any]: ...
    def _point_sql(self) -> str: ...
    def _bbox(self, bbox: tuple[float, float, float, float]) -> tuple[str, list[Any]]: ...
    def _date(self, value: dt.date | str) -> Any: ...

    @property
    def name(self) -> str:
        """The store as problems name it (a URL without its password)."""
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql

    # -- public interface ------------------------------------------------------------------
    def __init__(self) -> None:
        self.connection = self._connect()
        with self._cursor() as cur:
            self._create(cur)
        self.connection.commit()

    def _cursor(self, streaming: bool = False) -> _Cursor:
        return _Cursor(self, self._raw_cursor(streaming))

    def _raw_cursor(self, streaming: bool) -> Any:
        """The driver's cursor; an engine may stream a large result when asked."""
        return self.connection.cursor()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def put(
        self,
        incidents: Iterable[Incident],
        *,
        author: str | None = None,
        origin: str = "",
        layers: Layers | None = None,
    ) -> dict[str, int]:
        """Write incidents in one transaction (see `put_layers`); returns each id's new
        revision. `layers`, when the caller has built them from these incidents (in this
        order), are written instead of building them again."""
        incidents = list(incidents)
        if not incidents:
            return {}
        if layers is None:
            layers = build_layers(incident_tables(incidents))
        elif layers.incidents["id"].tolist() != [i.id for i in incidents]:
            raise AssertionError("layers built from other incidents")
        return self.put_layers(layers, author=author, origin=origin)

    def put_layers(
        self, layers: Layers, *, author: str | None = None, origin: str = ""
    ) -> dict[str, int]:
        """Write the incidents that checked tables hold (with their layers) in one
        transaction, without a record object per incident; returns each id's new revision.
        An incident whose `revision` is not the store's current one (or that is new while its
        id is taken) is a conflict: then nothing is written and ConflictError says which."""
        incidents = layers.tables.incidents
        if incidents.empty:
            return {}
        author = author or _user()
        ids = incidents["id"].tolist()
        if len(set(ids)) != len(ids):
            raise StrikemapError("the same incident id twice in one write")
        given = [None if pd.isna(r) else int(r) for r in incidents["revision"]]
        written_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        try:
            with self._cursor() as cur:
                self._begin(cur)
                current = self._lock(cur, ids)
                conflicts = _conflicts(ids, given, current)
                if conflicts:
                    raise ConflictError(conflicts)
                revisions = {i: current.get(i, 0) + 1 for i in ids}
                self._write(cur, layers, revisions, written_at, author, origin)
            self.connection.commit()
        except Exception as error:
            with contextlib.suppress(Exception):  # a lost connection cannot roll back either
                self.connection.rollback()
            if isinstance(error, self.CONNECTION_LOST):
                raise StrikemapError(
                    f"the store stopped answering during the write ({error}); it was not "
                    "confirmed: pull to see whether it landed, or push again (a copy the store "
                    "already holds is reported as a conflict, never written twice)"
                ) from error
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
        selection = selection or IncidentFilter()
        for stored in self._stored_records(selection, size):
            found = [_incident(record) for record in stored]
            if not selection.empty:  # the filter reads the incidents layer alone
                passing = selection.mask(incidents_layer(incident_tables(found)))
                found = [i for i, keep in zip(found, passing, strict=True) if keep]
            if found:
                yield found

    def tables(self, selection: IncidentFilter | None = None) -> CheckedTables:
        """The incidents that pass the filter (see `table_batches`), as one set of tables."""
        parts = list(self.table_batches(selection))
        if not parts:
            return CheckedTables(incident_tables([]), [], self.name)
        return CheckedTables(
            concat_tables([p.tables for p in parts]),
            [problem for p in parts for problem in p.problems],
            self.name,
        )

    def table_batches(
        self, selection: IncidentFilter | None = None, size: int = 20_000
    ) -> Iterator[CheckedTables]:
        """The incidents that pass the filter as checked tables, `size` at a time, in date
        order, without a record object per incident: the stored records are spread into
        tables and checked column-wise (a record that fails is a problem naming it, and the
        others still load). The database answers the filter as for `batches`."""
        selection = selection or IncidentFilter()
        for stored in self._stored_records(selection, size):
            checked = record_tables(stored, self.name)
            if not selection.empty:
                incidents = checked.tables.incidents
                passing = selection.mask(incidents_layer(checked.tables))
                if not passing.all():
                    kept = checked.tables.subset(incidents["id"][np.asarray(passing)])
                    checked = CheckedTables(kept, checked.problems, self.name)
            if len(checked.tables) or checked.problems:
                yield checked

    def _stored_records(self, selection: IncidentFilter, size: int) -> Iterator[list[Any]]:
        """The stored records (JSON text, or parsed by the driver) of the incidents the
        database finds for the filter, `size` at a time, in date order."""
        where, params = self._where(selection)
        sql = "SELECT record FROM incidents" + (f" WHERE {' AND '.join(where)}" if where else "")
        with self._cursor(streaming=True) as cur:
            cur.execute(sql + " ORDER BY date, id", params)
            while rows := cur.fetchmany(size):
                yield [row[0] for row in rows]
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
            compared = _comparable(record)
            changed = sorted(
                k
                for k in set(before) | set(compared)
                if k != "revision" and before.get(k) != compared.get(k)
            )
            revisions.append(
                Revision(
                    incident_id,
                    int(revision),
                    str(written_at),
                    author,
                    origin,
                    record,
                    tuple(changed),
                )
            )
            before = compared
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
        for column, minimum in (
            ("killed_min", selection.min_killed),
            ("injured_min", selection.min_injured),
        ):
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

    def _write(
        self,
        cur: _Cursor,
        layers: Layers,
        revisions: dict[str, int],
        written_at: str,
        author: str,
        origin: str,
    ) -> None:
        tables = layers.tables
        ids = tables.incidents["id"]
        numbers = np.array([revisions[i] for i in ids.tolist()], dtype="int64")
        updated = numbers > 1
        for chunk in _chunks(ids[updated].tolist()):
            marks = ", ".join("?" for _ in chunk)
            for table in STATEMENTS:
                cur.execute(f"DELETE FROM {table} WHERE incident_id IN ({marks})", chunk)
        # the record as stored: the full profile's form, with its new revision
        stamped = replace(tables, incidents=tables.incidents.assign(revision=numbers))
        records = record_texts(stamped)
        flat = layers.incidents
        if not flat["id"].reset_index(drop=True).equals(ids.reset_index(drop=True)):
            raise AssertionError("incidents layer out of order")
        rows = pa.table(
            {
                "id": _arrow(ids),
                "revision": pa.array(numbers),
                **{name: _arrow(flat[name]) for name, _ in FLAT},
                "record": records,
                "updated_at": pa.array([written_at] * len(ids), pa.string()),
            }
        )
        points = _points(tables.incidents)
        fresh = pa.array(~updated)
        self._insert(
            cur, "incidents", rows.filter(fresh), [points[k] for k in np.flatnonzero(~updated)]
        )
        if updated.any():
            columns = rows.column_names
            sets = ", ".join(f"{_quoted(c)} = ?" for c in columns[1:])
            sets += f", geom = {self._point_sql()}"
            changed = rows.filter(pa.array(updated))
            cur.executemany(
                f"UPDATE incidents SET {sets} WHERE id = ?",
                [
                    [*row[1:], *self._point(*point), row[0]]
                    for row, point in zip(
                        _plain_rows(changed),
                        [points[k] for k in np.flatnonzero(updated)],
                        strict=True,
                    )
                ],
            )
        n = len(ids)
        history = {
            "id": rows["id"],
            "revision": rows["revision"],
            "written_at": pa.array([written_at] * n, pa.string()),
            "author": pa.array([author] * n, pa.string()),
            "origin": pa.array([origin] * n, pa.string()),
            "record": records,
        }
        self._insert(cur, "revisions", pa.table(history))
        for table, names in STATEMENTS.items():
            frame = getattr(layers, table)
            columns = ["incident_id", *names]
            self._insert(cur, table, pa.table({c: _arrow(frame[c]) for c in columns}))

    def _insert(
        self, cur: _Cursor, table: str, rows: pa.Table, points: Points | None = None
    ) -> None:
        """Insert rows, with a point geometry each when `points` (lon, lat) are given
        (engine hook: an engine may load them in bulk)."""
        if not len(rows):
            return
        names = ", ".join(_quoted(c) for c in rows.column_names)
        marks = ", ".join("?" for _ in rows.column_names)
        values = _plain_rows(rows)
        if points is not None:
            names, marks = f"{names}, geom", f"{marks}, {self._point_sql()}"
            values = [
                [*row, *self._point(*point)] for row, point in zip(values, points, strict=True)
            ]
        cur.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)


def _conflicts(ids: list[str], given: list[int | None], held: dict[str, int]) -> list[str]:
    """Why each incident may not be written over what the store holds."""
    conflicts = []
    for incident_id, revision in zip(ids, given, strict=True):
        current = held.get(incident_id)
        if current is not None and revision != current:
            conflicts.append(
                f"{incident_id}: the store holds revision {current}, this copy is "
                + (f"revision {revision}" if revision else "new")
                + "; pull it and apply your change again"
            )
        elif current is None and revision is not None:
            conflicts.append(
                f"{incident_id}: this copy is revision {revision} but the store does not "
                "hold the incident"
            )
    return conflicts


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _arrow(values: pd.Series) -> pa.Array:
    """A layer or table column as Arrow, missing values null."""
    return pa.Array.from_pandas(values.reset_index(drop=True))


def _points(incidents: pd.DataFrame) -> Points:
    """Each incident's (lon, lat), None for a place without coordinates."""
    return [
        (None, None) if math.isnan(lon) or math.isnan(lat) else (lon, lat)
        for lon, lat in zip(
            incidents["lon"].to_numpy(float).tolist(),
            incidents["lat"].to_numpy(float).tolist(),
            strict=True,
        )
    ]


def _plain_rows(rows: pa.Table) -> list[list[Any]]:
    """Rows of plain Python values (None for missing)."""
    return [list(row) for row in zip(*(c.to_pylist() for c in rows.columns), strict=True)]


class _Cursor:
    """A cursor that speaks '?' placeholders to either engine."""

    def __init__(self, store: Store, cursor: Any) -> None:
        self.store = store
        self.cursor = cursor

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


def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    """A stored record in one form, whichever form wrote it (`killed: 12` and
    `killed: {min: 12, max: 12}` are the same figure)."""
    try:
        return Incident.model_validate(record).model_dump(mode="json", exclude_defaults=True)
    except ValueError:  # a record no longer valid is compared as it stands
        return record


def _like(text: str) -> str:
    return re.sub(r"([%_\\])", r"\\\1", text)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container): still say something
        return "unknown"
