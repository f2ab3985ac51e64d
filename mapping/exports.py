"""One entry point for every export format, used by the CLI, the app and the Python API."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from mapping.errors import ExportError

Format = Literal["geojson", "gpkg", "csv", "kml"]
Profile = Literal["flat", "full"]
FORMATS: tuple[Format, ...] = ("geojson", "gpkg", "csv", "kml")
SUFFIXES = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
    ".csv": "csv",
    ".kml": "kml",
}


def format_for(path: str | Path) -> Format:
    """The format a file name implies."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"{path}: cannot tell the format from '{suffix}'; give --format")
    return SUFFIXES[suffix]  # type: ignore[return-value]


def export(
    layers,
    path: str | Path,
    fmt: Format | None = None,
    *,
    profile: Profile = "flat",
    hxl: bool = False,
) -> int:
    """Write layers to `path` atomically; returns the number of incidents written."""
    from mapping.flat_csv import write_csv
    from mapping.geojson import write_flat_geojson, write_full_geojson
    from mapping.geopackage import write_geopackage
    from mapping.kml import write_kml

    fmt = fmt or format_for(path)
    if profile == "full" and fmt != "geojson":
        raise ExportError(
            "the full profile is a GeoJSON profile; GeoPackage always holds everything"
        )
    try:
        if fmt == "geojson":
            if profile == "full":
                return write_full_geojson(layers.tables, path)
            return write_flat_geojson(layers.incidents, path)
        if fmt == "gpkg":
            return write_geopackage(layers, path)
        if fmt == "csv":
            precision = layers.tables.incidents.set_index("id")["date_precision"]
            return write_csv(
                layers.incidents,
                path,
                hxl=hxl,
                date_precision=layers.incidents["id"].map(precision),
            )
        if fmt == "kml":
            return write_kml(layers.incidents, path)
    except OSError as error:
        raise ExportError(f"{path}: {error.strerror or error}") from error
    raise ExportError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")


def export_bytes(layers, fmt: Format, *, profile: Profile = "flat", hxl: bool = False) -> bytes:
    """The export as bytes (for downloads), written through a temporary file."""
    import tempfile

    suffix = {"geojson": ".geojson", "gpkg": ".gpkg", "csv": ".csv", "kml": ".kml"}[fmt]
    with tempfile.TemporaryDirectory(prefix="strikemap-") as folder:
        path = Path(folder) / f"export{suffix}"
        export(layers, path, fmt, profile=profile, hxl=hxl)
        return path.read_bytes()
