"""The archive on dask (benchmarks/…/mapping/archive.py) on SYNTHETIC incidents, against plain
geopandas in one process on the same data.

The archive is made of partitions of 500,000 incidents, generated and written by the cluster's
workers (a LocalCluster: 2 worker processes, 4 GB each). Timed on the cluster: the layer build,
a filter (one year, two weapon categories), aggregation per region / week / weapon, and the
flat GeoJSON export of the filtered incidents. Plain geopandas does the filter, aggregation and
export on the incidents layer read whole into one process. Peak memory is the highest resident
size each process reached (getrusage).

Run: `python benchmarks/run.py bench_archive` (default 10M; or `... bench_archive 2000000`).
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PART = 500_000
DEFAULT_SIZE = 10_000_000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _make_partition(number: int, folder: str) -> int:
    from benchmarks.synthetic import synthetic_tables
    from mapping.archive import add_partition_at

    tables = synthetic_tables(PART, seed=number + 1, first=number * PART)
    add_partition_at(Path(folder), number, tables)
    return PART


def distributed(n: int, folder: Path) -> list[dict]:
    from mapping import archive
    from mapping.filters import IncidentFilter

    rows = []
    selection = IncidentFilter.create(
        since="2024-01-01", until="2024-12-31", weapons=["ballistic_missile", "glide_bomb"]
    )
    with archive.cluster() as client:
        client.run(lambda: sys.path.insert(0, str(ROOT)))

        def step(name, action):
            started = time.perf_counter()
            result = action()
            rows.append(
                {
                    "how": "dask, 2 workers",
                    "step": name,
                    "seconds": time.perf_counter() - started,
                    "result": result,
                }
            )
            return result

        step(
            "generate and write partitions",
            lambda: sum(
                client.gather(
                    client.map(_make_partition, range(n // PART), folder=str(folder), pure=False)
                )
            ),
        )
        step("build all six layers", lambda: archive.build(folder, client))
        step(
            "filter: 2024, two weapon categories",
            lambda: len(archive.selected(folder, selection).compute()),
        )
        step(
            "aggregate: region x week x weapon",
            lambda: len(
                archive.aggregate_archive(folder, selection, ("admin1", "week", "weapon_category"))
            ),
        )
        step(
            "flat GeoJSON of the filtered incidents",
            lambda: archive.export_flat_geojson(folder, selection, folder / "out.geojson", client),
        )
        workers = client.run(_peak_mb)
    for row in rows:
        row["peak_mb"] = max(workers.values())
    rows.append(
        {
            "how": "dask",
            "step": "peak per process: workers / this process",
            "seconds": 0.0,
            "result": f"{max(workers.values()):,.0f} / {_peak_mb():,.0f} MB",
        }
    )
    return rows


def single(folder: Path) -> list[dict]:
    """Plain geopandas in this process on the incidents layer of the whole archive."""
    import geopandas as gpd

    from mapping import archive
    from mapping.filters import IncidentFilter
    from mapping.formats.geojson import write_flat_geojson

    selection = IncidentFilter.create(
        since="2024-01-01", until="2024-12-31", weapons=["ballistic_missile", "glide_bomb"]
    )
    rows = []

    def step(name, action):
        started = time.perf_counter()
        result = action()
        shown = result if isinstance(result, int) else len(result)
        rows.append(
            {
                "how": "geopandas, 1 process",
                "step": name,
                "seconds": time.perf_counter() - started,
                "result": shown,
                "peak_mb": _peak_mb(),
            }
        )
        return result

    layer = step(
        "read the incidents layer", lambda: gpd.read_parquet(folder / "layers" / "incidents")
    )
    picked = step("filter: 2024, two weapon categories", lambda: layer[selection.mask(layer)])
    step(
        "aggregate: region x week x weapon",
        lambda: len(archive.aggregate(picked, ("admin1", "week", "weapon_category"))),
    )
    step(
        "flat GeoJSON of the filtered incidents",
        lambda: write_flat_geojson(picked, folder / "single.geojson"),
    )
    return rows


def main(argv: list[str] | None = None) -> None:
    import json

    n = int(argv[0]) if argv else DEFAULT_SIZE
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "archive"
        rows = distributed(n, folder)
        done = subprocess.run(  # plain geopandas in a fresh process, so its peak is its own
            [
                sys.executable,
                "-c",
                f"import json, sys; sys.path.insert(0, {str(ROOT)!r}); "
                f"from benchmarks.bench_archive import single; from pathlib import Path; "
                f"print(json.dumps(single(Path({str(folder)!r})), default=str))",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        rows += json.loads(done.stdout.splitlines()[-1])
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{n:,} synthetic incidents in partitions of {PART:,}")
    print(f"{'how':<22} {'step':<42} {'seconds':>8} {'result':>16} {'peak MB':>8}")
    for row in rows:
        print(
            f"{row['how']:<22} {row['step']:<42} {row['seconds']:>8.1f} {row['result']!s:>16} "
            f"{row.get('peak_mb', 0):>8,.0f}"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
