"""Rebuild the offline basemap, `mapping/render/basemap/countries.json`, from Natural Earth.

The source is the npm package `world-atlas` (Natural Earth 4.1.0 admin-0 countries at 1:50m,
public domain, as TopoJSON), read with GDAL. Natural Earth's default view draws Crimea as part
of Russia; strikemap draws internationally recognised borders (UN General Assembly resolution
68/262), so Crimea and Sevastopol are joined to Ukraine here. Each country is simplified to
about 1 km (the basemap is for orientation at country and region zoom, tiles give detail) and
written as compact GeoJSON with coordinates to 0.01 degrees.

Run: `python scripts/update_basemap.py` (needs `npm` and network access to its registry).
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pyogrio
import shapely
from shapely.geometry import mapping

PACKAGE = "world-atlas@2.0.2"
TARGET = Path(__file__).resolve().parents[1] / "mapping" / "render" / "basemap" / "countries.json"
SIMFEROPOL = shapely.Point(34.10, 44.95)
SIMPLIFY_DEGREES = 0.01


def _rounded(value):
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    return value


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", PACKAGE], cwd=folder, check=True, capture_output=True)
        (archive,) = Path(folder).glob("world-atlas-*.tgz")
        with tarfile.open(archive) as tar:
            tar.extractall(folder, filter="data")
        countries = pyogrio.read_dataframe(Path(folder) / "package" / "countries-50m.json",
                                           layer="countries")  # fmt: skip
    russia = countries.index[countries["name"] == "Russia"][0]
    ukraine = countries.index[countries["name"] == "Ukraine"][0]
    parts = shapely.get_parts(countries.at[russia, "geometry"])
    crimea = [p for p in parts if p.contains(SIMFEROPOL)]
    assert len(crimea) == 1, "Crimea not found as one part of Russia"
    countries.at[russia, "geometry"] = shapely.MultiPolygon(
        [p for p in parts if p is not crimea[0]]
    )
    countries.at[ukraine, "geometry"] = shapely.union(countries.at[ukraine, "geometry"], crimea[0])
    features = []
    for row in countries.itertuples():
        geometry = shapely.simplify(row.geometry, SIMPLIFY_DEGREES, preserve_topology=True)
        if geometry.is_empty:
            continue
        shape = mapping(geometry)
        features.append({"type": "Feature", "properties": {"name": row.name},
                         "geometry": {"type": shape["type"], "coordinates": _rounded(shape["coordinates"])}})  # fmt: skip
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"),
                      ensure_ascii=False)  # fmt: skip
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET}: {len(features)} countries, {len(text):,} characters")


if __name__ == "__main__":
    main()
