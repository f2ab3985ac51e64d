"""What every layer builder shares: incident locations and source names, found by row number."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import shapely

from mapping.headline import StatementMarks, statement_marks
from mapping.tables import IncidentTables
from mapping.text_columns import arrow_text, join_per_code

CRS = "EPSG:4326"


def incident_points(tables: IncidentTables) -> np.ndarray:
    """Each incident's point (None where unresolved), then a None for rows of no incident.

    Made once per tables and shared: a statement's point is its incident's point object, not
    a copy, so the million-statement layers cost a pointer a row (8 bytes, not ~200)."""
    if tables.points is None:
        lon = tables.incidents["lon"].to_numpy(dtype="float64")
        lat = tables.incidents["lat"].to_numpy(dtype="float64")
        tables.points = np.append(shared(shapely.points, lon, lat), None)
    return tables.points


def shared(make, *columns: np.ndarray) -> np.ndarray:
    """`make(*columns)` for each row, made once per distinct row and shared (None where a
    value is missing): incidents placed at a settlement's centroid share one point, one
    uncertainty circle."""
    n = len(columns[0])
    result = np.full(n, None, dtype=object)
    present = ~np.logical_or.reduce([np.isnan(c) for c in columns]) if n else np.zeros(0, bool)
    if not present.any():
        return result
    rows = [c[present] for c in columns]
    # distinct rows by hashing complex numbers, a column pair at a time (row numbers are exact
    # as floats): ~15x faster than a MultiIndex on a million rows
    codes = pd.factorize(rows[0])[0]
    for column in rows[1:]:
        codes = pd.factorize(codes + 1j * column)[0]
    first = np.empty(int(codes.max()) + 1, dtype="int64")
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    made = make(*(column[first] for column in rows))
    result[present] = made[codes]
    return result


STATEMENT_TABLES = ("sources", "casualties", "damage", "claims")


def incident_rows(tables: IncidentTables, name: str) -> np.ndarray:
    """For each row of the table `name`, its incident's row number (-1 if none); found once
    per tables, for every statement table at once, and shared by every layer."""
    key = ("incident_rows", name)
    if key not in tables.found:
        found = _incident_rows(tables, STATEMENT_TABLES)
        tables.found.update({("incident_rows", n): rows for n, rows in found.items()})
    return tables.found[key]


def _incident_rows(tables: IncidentTables, names: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Each row's incident row number in the tables `names`, looked up in one hash of the
    incident ids, and only for the first row of each run of equal ids (a statement table lists
    an incident's rows together): 1.2 s → 0.4 s for the four tables of a million incidents."""
    heads, runs = [], []
    for name in names:
        ids = arrow_text(getattr(tables, name)["incident_id"])
        changed = pc.not_equal(ids[1:], ids[:-1]).fill_null(True)
        starts = np.flatnonzero(np.r_[True, changed.to_numpy(zero_copy_only=False)])
        heads.append(ids.take(pa.array(starts)) if len(ids) else ids)
        runs.append(np.diff(np.r_[starts, len(ids)]) if len(ids) else starts)
    value_set = arrow_text(tables.incidents["id"])
    found = pc.index_in(pa.chunked_array(heads, pa.large_string()), value_set=value_set)
    codes = found.fill_null(-1).to_numpy().astype("int64", copy=False)
    ends = np.cumsum([len(head) for head in heads])
    return {
        name: np.repeat(part, run)
        for name, part, run in zip(names, np.split(codes, ends[:-1]), runs, strict=True)
    }


def at_incidents(tables: IncidentTables, name: str) -> np.ndarray:
    """The point of each row's incident in the table `name` (shared objects; None where
    there is none)."""
    return incident_points(tables)[incident_rows(tables, name)]


def geometry(values: np.ndarray) -> gpd.array.GeometryArray:
    """A geometry column from an array of shapely objects (kept, not copied)."""
    return gpd.array.from_shapely(values, crs=CRS)


def source_rows(tables: IncidentTables, name: str) -> np.ndarray:
    """For each row of the statement table `name`, the position in `tables.sources` of the
    source it names (-1 if none; the first declaration of an id wins); found once per tables."""
    key = ("source_rows", name)
    if key not in tables.found:
        known, declared, first = _declared_sources(tables)
        given = pc.index_in(arrow_text(getattr(tables, name)["source_id"]), value_set=known)
        wanted = incident_rows(tables, name) * (len(known) + 1) + given.fill_null(
            len(known)
        ).to_numpy().astype("int64")
        chosen = declared.get_indexer(wanted)
        tables.found[key] = np.where(chosen >= 0, first[np.maximum(chosen, 0)], -1)
    return tables.found[key]


def _declared_sources(tables: IncidentTables) -> tuple[pa.Array, pd.Index, np.ndarray]:
    """The distinct source ids; an index of (incident row, source id) keys of the declared
    sources, each key once; and the row in `tables.sources` of each of those keys."""
    key = ("declared_sources",)
    if key not in tables.found:
        ids = arrow_text(tables.sources["source_id"])
        known = pc.unique(ids)
        at = pc.index_in(ids, value_set=known).to_numpy().astype("int64")
        keys = incident_rows(tables, "sources") * (len(known) + 1) + at
        first = ~pd.Index(keys).duplicated()  # the first declaration of an id wins
        tables.found[key] = (known, pd.Index(keys[first]), np.flatnonzero(first))
    return tables.found[key]


def take_text(column: pd.Series, at: np.ndarray) -> pd.Series:
    """`column[at]` as text, missing where `at` is -1: Arrow's take, no Python strings made."""
    taken = pa.array(column.astype("str")).take(pa.array(at, mask=at < 0))
    return pd.Series(taken, dtype="str")


def with_sources(rows: pd.DataFrame, tables: IncidentTables, name: str) -> pd.DataFrame:
    """Rows of the statement table `name` (with any columns added) with their source's name
    and party added (`source`, `party`)."""
    at = source_rows(tables, name)
    return rows.assign(
        source=take_text(tables.sources["name"], at).array,
        party=take_text(tables.sources["party"], at).array,
    )


def casualty_marks(tables: IncidentTables) -> StatementMarks:
    """The headline rules' marks on the tables' casualty statements (incident numbers by row
    order of the incidents table)."""
    return statement_marks(tables.casualties, incident_rows(tables, "casualties"))


def statement_layer(
    rows: pd.DataFrame, tables: IncidentTables, name: str, columns: list[str]
) -> gpd.GeoDataFrame:
    """One point per statement of the table `name` (`rows`: it, with any columns added), at
    its incident, with source name and party."""
    data = with_sources(rows, tables, name)
    return gpd.GeoDataFrame(
        data[columns].reset_index(drop=True),
        geometry=geometry(at_incidents(tables, name)),
        crs=CRS,
    )


def join_per_incident(
    codes: np.ndarray, values: pd.Series, n: int, sep: str
) -> pd.api.extensions.ExtensionArray:
    """For incidents 0..n-1, the values of their rows joined by `sep` in row order (None if
    none). `codes` gives each row's incident number."""
    return join_per_code(codes, arrow_text(values), n, sep)
