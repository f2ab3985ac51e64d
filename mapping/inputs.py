"""Every input strikemap reads, by file type: record files, full GeoJSON, CSV and GeoPackage."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from mapping.records import (
    RECORD_SUFFIXES,
    LoadResult,
    Origin,
    Problem,
    load_data,
    load_file,
    record_files,
)

INPUT_SUFFIXES = (*RECORD_SUFFIXES, ".geojson", ".csv", ".gpkg")


def input_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, with folders expanded to the readable files inside (sorted)."""
    return list(record_files(paths, INPUT_SUFFIXES))


def load_inputs(paths: Iterable[str | Path]) -> LoadResult:
    """Incidents from any mix of inputs (files, folders, store URLs); problems name file,
    line, record and field."""
    from mapping.store import is_store_url

    paths = list(paths)
    urls = [str(p) for p in paths if is_store_url(str(p))]
    result = LoadResult()
    for path in input_files(p for p in paths if str(p) not in urls):
        result.extend(load_input(path))
    for url in urls:
        result.extend(load_store(url))
    return result


def load_store(url: str) -> LoadResult:
    """Every incident in a team store, at its current revision."""
    from mapping.errors import StrikemapError
    from mapping.store import open_store

    try:
        with open_store(url) as store:
            incidents = store.query()
    except StrikemapError as error:
        return LoadResult(problems=[Problem(url, None, None, None, str(error))])
    return LoadResult(incidents=incidents, origins={i.id: Origin(url, None) for i in incidents})


def load_input(path: Path) -> LoadResult:
    """Incidents from one file of any supported type."""
    suffix = path.suffix.lower()
    if not path.exists():
        return LoadResult(problems=[Problem(str(path), None, None, None, "no such file")])
    if suffix == ".gpkg" and _is_store(path):
        return load_store(f"gpkg:{path}")
    if suffix == ".gpkg":
        from mapping.errors import ExportError
        from mapping.geopackage import read_geopackage
        from mapping.tables import incident_records

        try:
            return load_data(incident_records(read_geopackage(path)), str(path))
        except ExportError as error:
            return LoadResult(problems=[Problem(str(path), None, None, None, str(error))])
    if suffix == ".geojson" or (suffix == ".json" and _is_feature_collection(path)):
        from mapping.geojson import read_full_geojson

        return read_full_geojson(path)
    if suffix == ".csv":
        return _load_csv(path)
    return load_file(path)


def _is_store(path: Path) -> bool:
    """A GeoPackage written by the team store (it keeps revisions) rather than an export."""
    import sqlite3
    from contextlib import closing

    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            return bool(connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'revisions'"
            ).fetchone())  # fmt: skip
    except sqlite3.Error:
        return False


def _is_feature_collection(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="ignore")
        return (
            '"FeatureCollection"' in head
            and json.loads(path.read_text("utf-8")).get("type") == "FeatureCollection"
        )
    except (OSError, ValueError, AttributeError):
        return False


def _load_csv(path: Path) -> LoadResult:
    from mapping.acled import is_acled_header, read_acled_csv
    from mapping.flat_csv import CSV_COLUMNS, read_flat_csv

    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError) as error:
        return LoadResult(
            problems=[Problem(str(path), None, None, None, f"cannot read CSV: {error}")]
        )
    if header == CSV_COLUMNS:
        return read_flat_csv(path)
    if is_acled_header(header):
        return read_acled_csv(path)
    return LoadResult(
        problems=[
            Problem(str(path), 1, None, None, "CSV is neither a strikemap export nor ACLED-format")
        ]
    )
