"""GeoPackage: every layer as its own table, plus the raw incident table for lossless reading.

Opens directly in QGIS and GDAL. `read_geopackage` rebuilds the incident tables from a file
written here, so a GeoPackage is also a way to store and share the data.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyogrio

from layers import Layers
from mapping.atomic import atomic_path
from mapping.errors import ExportError, Problem
from mapping.formats.base import Format
from mapping.records import LoadResult
from mapping.table_checks import CheckedTables, check_tables, validated_rows
from mapping.tables import (
    CASUALTY_COLUMNS,
    CLAIM_COLUMNS,
    DAMAGE_COLUMNS,
    INCIDENT_COLUMNS,
    SOURCE_COLUMNS,
    IncidentTables,
    conform,
)

RECORDS_TABLE = "incident_records"
# GeoPackage 1.2: what GDAL 3.6 (Debian 12, the QGIS builds on it) reads without a warning and
# its validate_gpkg.py accepts; nothing strikemap writes needs 1.3 or 1.4.
GPKG_VERSION = "1.2"
# Column names that SQL reserves are renamed, so GDAL -where filters and QGIS expressions work
# on them unquoted: `group` → `casualty_group`.
RENAMED = {"casualties": {"group": "casualty_group"}}


def write_geopackage(layers: Layers, path: str | Path) -> int:
    """All layers (incidents, precision, damage, casualties, claims, sources) in one file."""
    with atomic_path(path) as temp:
        for name, layer in layers.items():
            data = layer.rename(columns=RENAMED.get(name, {}))
            if name == "incidents":  # a real DATE column, for QGIS's temporal tools
                data["date"] = pd.to_datetime(data["date"], format="ISO8601").dt.date
            pyogrio.write_dataframe(
                data,
                temp,
                layer=name,
                driver="GPKG",
                use_arrow=True,
                promote_to_multi=False,
                dataset_options={"VERSION": GPKG_VERSION},
            )
        pyogrio.write_dataframe(layers.tables.incidents, temp, layer=RECORDS_TABLE, driver="GPKG")
    return len(layers.incidents)


def read_geopackage(path: str | Path) -> IncidentTables:
    """The incident tables of a GeoPackage written by strikemap."""
    try:
        names = {row[0] for row in pyogrio.list_layers(path)}
    except pyogrio.errors.DataSourceError as error:
        raise ExportError(f"{path}: cannot open as a GeoPackage: {error}") from error
    needed = {RECORDS_TABLE, "sources", "casualties", "damage", "claims"}
    if not needed <= names:
        raise ExportError(
            f"{path}: not a strikemap GeoPackage (missing {', '.join(sorted(needed - names))})"
        )

    def table(name: str, geometry: bool = False) -> pd.DataFrame:
        data = pyogrio.read_dataframe(path, layer=name, read_geometry=geometry, use_arrow=True)
        return data.rename(columns={new: old for old, new in RENAMED.get(name, {}).items()})

    damage = table("damage", geometry=True)
    own = damage["located_at"] == "own"
    damage["lat"] = damage.geometry.y.where(own)
    damage["lon"] = damage.geometry.x.where(own)
    damage = damage.rename(columns={"count_min": "min", "count_max": "max"})
    return IncidentTables(
        conform(table(RECORDS_TABLE), INCIDENT_COLUMNS),
        conform(table("sources"), SOURCE_COLUMNS),
        conform(table("casualties"), CASUALTY_COLUMNS),
        conform(pd.DataFrame(damage.drop(columns="geometry")), DAMAGE_COLUMNS),
        conform(table("claims"), CLAIM_COLUMNS),
    )


def read_geopackage_records(path: Path) -> LoadResult:
    """Incidents from a GeoPackage written by strikemap (each record validated as on load;
    a problem names the row of the incident table)."""
    try:
        return validated_rows(read_geopackage(path), str(path))
    except ExportError as error:
        return LoadResult(problems=[Problem(str(path), None, None, None, str(error))])


def read_geopackage_tables(path: Path) -> CheckedTables:
    """The incident tables of a GeoPackage written by strikemap, checked column-wise."""
    try:
        return check_tables(read_geopackage(path), str(path))
    except ExportError as error:
        return CheckedTables.failed(str(path), str(error))


FORMAT = Format(
    "gpkg",
    (".gpkg",),
    read=read_geopackage_records,
    write=write_geopackage,
    read_tables=read_geopackage_tables,
)
