"""File formats: one module per format declares its suffixes, reader and writer; this registry
is what every command, the app and the Python API use to read and write files."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from layers import Layers, build_layers
from mapping.errors import ExportError, Problem
from mapping.formats import (
    acled,
    bellingcat,
    cir,
    flat_csv,
    geojson,
    geopackage,
    kml,
    records,
    shapefile,
    ucdp,
)
from mapping.formats.base import Format
from mapping.model import Incident
from mapping.records import LoadResult, collector_paused, record_files
from mapping.table_checks import CheckedTables
from mapping.tables import incident_tables

# In the order tried when formats share a suffix: a format that recognises the content wins;
# one without a `recognises` check is the fallback (record files for .json).
FORMATS: tuple[Format, ...] = (
    geojson.FORMAT,
    bellingcat.FORMAT,
    records.FORMAT,
    geopackage.FORMAT,
    flat_csv.FORMAT,
    acled.FORMAT,
    ucdp.FORMAT,
    cir.FORMAT,
    kml.FORMAT,
    shapefile.FORMAT,
)
READABLE_SUFFIXES: tuple[str, ...] = tuple(
    dict.fromkeys(s for f in FORMATS if f.read for s in f.suffixes)
)
WRITABLE: tuple[str, ...] = tuple(f.name for f in FORMATS if f.write)


def input_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, with folders expanded to the readable files inside (sorted)."""
    return list(record_files(paths, READABLE_SUFFIXES))


def reader_for(path: Path) -> Format | None:
    """The format that reads this file: by suffix, then by content. A file named with another
    suffix is read as a record file (YAML)."""
    suffix = path.suffix.lower()
    candidates = [f for f in FORMATS if f.read and suffix in f.suffixes] or [records.FORMAT]
    for candidate in candidates:
        if candidate.recognises is None or candidate.recognises(path):
            return candidate
    return None


def read_file(path: Path, *, all_events: bool = False) -> LoadResult:
    """Incidents from one file of any readable format; problems name file, line, record and
    field. With `all_events`, data sets' events that are not strikes are kept (tagged)."""
    if not path.exists():
        return LoadResult(problems=[Problem(str(path), None, None, None, "no such file")])
    found = reader_for(path)
    if found is None or found.read is None:
        names = [f.name for f in FORMATS if f.read and path.suffix.lower() in f.suffixes]
        message = f"{path.suffix} file in none of the formats strikemap reads ({', '.join(names)})"
        return LoadResult(problems=[Problem(str(path), 1, None, None, message)])
    options = {"all_events": all_events}
    try:
        with collector_paused():
            return found.read(path, **{k: options[k] for k in found.read_options})
    except OSError as error:
        return LoadResult(problems=[Problem(str(path), None, None, None, _cannot_read(error))])


def read_file_tables(path: Path) -> CheckedTables | None:
    """A file's incident tables, checked column-wise, when its format holds tables (a
    strikemap GeoPackage); None for any other file (`read_file` reads it)."""
    found = reader_for(path) if path.exists() else None
    if found is None or found.read_tables is None:
        return None
    try:
        return found.read_tables(path)
    except OSError as error:
        return CheckedTables.failed(str(path), _cannot_read(error))


def _cannot_read(error: OSError) -> str:
    """Unreadable, vanished mid-read, a folder named like a file: in words."""
    return f"cannot read: {error.strerror or error}"


def writer_for(path: str | Path, name: str | None = None) -> Format:
    """The format to write: by name, else the one the file's suffix implies."""
    if name is not None:
        for candidate in FORMATS:
            if candidate.name == name and candidate.write:
                return candidate
        raise ExportError(f"unknown format '{name}' (choose from {', '.join(WRITABLE)})")
    suffix = Path(path).suffix.lower()
    for candidate in FORMATS:
        if candidate.write and suffix in candidate.suffixes:
            return candidate
    raise ExportError(f"{path}: cannot tell the format from '{suffix}'; give --format")


def export(
    layers: Layers,
    path: str | Path,
    fmt: str | None = None,
    *,
    profile: str = "flat",
    hxl: bool = False,
) -> int:
    """Write layers to `path` atomically; returns the number of incidents written."""
    target = writer_for(path, fmt)
    if profile != "flat" and "profile" not in target.options:
        raise ExportError(
            "the full profile is a GeoJSON profile; GeoPackage always holds everything"
        )
    options = {"profile": profile, "hxl": hxl}
    if target.write is None:  # writer_for only returns writable formats
        raise ExportError(f"strikemap cannot write {target.name} files")
    try:
        return target.write(layers, path, **{k: options[k] for k in target.options})
    except OSError as error:
        raise ExportError(f"{path}: {error.strerror or error}") from error


def writes_records(path: str | Path) -> bool:
    """Whether a file of this name is written as records (YAML, JSON) rather than layers."""
    return Path(path).suffix.lower() in records.FORMAT.suffixes


def export_incidents(batches: Iterable[list[Incident]], path: str | Path, **how: object) -> int:
    """Incidents (in batches) to a file: record files stream a batch at a time; any other
    format is built into layers and exported."""
    if writes_records(path):
        return records.write_records(batches, path)
    incidents = [incident for batch in batches for incident in batch]
    return export(build_layers(incident_tables(incidents)), path, **how)  # type: ignore[arg-type]


def export_bytes(layers: Layers, fmt: str, *, profile: str = "flat", hxl: bool = False) -> bytes:
    """The export as bytes (for downloads), written through a temporary file."""
    target = writer_for("", fmt)
    with tempfile.TemporaryDirectory(prefix="strikemap-") as folder:
        path = Path(folder) / f"export{target.suffixes[0]}"
        export(layers, path, fmt, profile=profile, hxl=hxl)
        return path.read_bytes()


__all__ = [
    "FORMATS",
    "READABLE_SUFFIXES",
    "WRITABLE",
    "Format",
    "export",
    "export_bytes",
    "export_incidents",
    "input_files",
    "read_file",
    "read_file_tables",
    "reader_for",
    "writer_for",
    "writes_records",
]
