"""Layers and exports on SYNTHETIC incidents (10k, 100k, 1M), next to plain geopandas.

Each size runs in its own process so that memory peaks do not mix. For every step: time,
features per second and peak resident memory. The baseline is `GeoDataFrame.to_file` with
pyogrio on the same flat incidents layer, plain and with Arrow, in the same run.

Run: `python benchmarks/run.py bench_exports` (or with sizes: `... bench_exports 10000 100000`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
FULL_GEOJSON_LIMIT = 100_000  # the full profile is one JSON document; beyond this, use GeoPackage


def _one(n: int) -> list[dict]:
    from benchmarks.memory import PeakMemory
    from benchmarks.synthetic import synthetic_tables
    from layers import build_layers
    from layers.incidents import incidents_layer
    from mapping.filters import IncidentFilter
    from mapping.formats import export

    rows: list[dict] = []

    def step(name: str, features: int, action):
        with PeakMemory() as peak:
            started, cpu = time.perf_counter(), time.process_time()
            result = action()
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        rows.append(
            {
                "n": n,
                "step": name,
                "seconds": seconds,
                "cpu": cpu,
                "features": features,
                "peak_mb": peak.mb,
            }
        )
        return result

    tables = step("generate synthetic tables", n, lambda: synthetic_tables(n, seed=1))
    step("the incidents layer alone", n, lambda: incidents_layer(replace(tables)))
    layers = step("build all six layers", n, lambda: build_layers(tables))
    selection = IncidentFilter.create(
        since="2023-01-01", until="2024-12-31", weapons=["ballistic_missile", "glide_bomb"]
    )
    step("filter (dates + weapons), all layers", n, lambda: selection.apply(layers))
    flat = layers.incidents
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        step("flat GeoJSON (strikemap export)", n, lambda: export(layers, out / "flat.geojson"))
        step(
            "baseline: to_file(engine='pyogrio')",
            n,
            lambda: flat.to_file(out / "base.geojson", engine="pyogrio"),
        )
        step(
            "baseline: to_file(engine='pyogrio', use_arrow=True)",
            n,
            lambda: flat.to_file(out / "base-arrow.geojson", engine="pyogrio", use_arrow=True),
        )
        step(
            "GeoPackage, all layers (strikemap export)", n, lambda: export(layers, out / "all.gpkg")
        )
        step(
            "CSV with HXL row (strikemap export)",
            n,
            lambda: export(layers, out / "flat.csv", hxl=True),
        )
        if n <= FULL_GEOJSON_LIMIT:
            step(
                "full GeoJSON (every statement)",
                n,
                lambda: export(layers, out / "full.geojson", profile="full"),
            )
    return rows


def run(sizes: list[int]) -> list[dict]:
    rows: list[dict] = []
    for n in sizes:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import json, benchmarks.bench_exports as b; print(json.dumps(b._one({n})))",
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        rows.extend(json.loads(done.stdout.splitlines()[-1]))
    return rows


def main(argv: list[str] | None = None) -> None:
    sizes = [int(a) for a in (argv or [])] or list(DEFAULT_SIZES)
    rows = run(sizes)
    print(
        f"{'incidents':>10}  {'step':<52} {'seconds':>8} {'CPU s':>7} {'features/s':>11} "
        f"{'peak MB':>8}"
    )
    for row in rows:
        rate = row["features"] / row["seconds"] if row["seconds"] else float("inf")
        print(
            f"{row['n']:>10,}  {row['step']:<52} {row['seconds']:>8.2f} {row['cpu']:>7.2f} "
            f"{rate:>11,.0f} {row['peak_mb']:>8,.0f}"
        )
    for n in sizes:
        ours = next(r for r in rows if r["n"] == n and r["step"].startswith("flat GeoJSON"))
        for base in (r for r in rows if r["n"] == n and r["step"].startswith("baseline")):
            print(
                f"{n:>10,}  flat GeoJSON vs {base['step'][10:]}: {base['seconds'] / ours['seconds']:.2f}x as fast"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
