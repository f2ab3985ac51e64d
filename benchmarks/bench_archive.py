"""The archive (mapping/archive.py) on SYNTHETIC incidents, worked in this process (the
default) and on a dask cluster, against plain geopandas and DuckDB in one process on the same
data.

The archive is made of partitions of 500,000 incidents, generated and written by a
LocalCluster's workers (2 worker processes, 4 GB each; not a compared step). Each way of
working times the layer build, a filter (one year, two weapon categories), aggregation per
region / week / weapon, and the flat GeoJSON export of the filtered incidents. Plain geopandas
does the filter, aggregation and export on the incidents layer read whole into one process;
its "read + filter + aggregate" row is what the archive's aggregate, which reads the files
itself, compares with. DuckDB runs the same aggregate as one SQL query over the layer's
Parquet files, and its result is checked equal to ours. Peak memory is the highest resident
size a process reached (getrusage).

Run: `python benchmarks/run.py bench_archive` (default 10M; or `... bench_archive 1000000`).
"""

from __future__ import annotations

import json
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


SELECTION = {
    "since": "2024-01-01",
    "until": "2024-12-31",
    "weapons": ["ballistic_missile", "glide_bomb"],
}
GROUPS = ("admin1", "week", "weapon_category")


def generate(n: int, folder: Path) -> None:
    from mapping import archive

    with archive.cluster() as client:
        client.run(lambda: sys.path.insert(0, str(ROOT)))
        client.gather(client.map(_make_partition, range(n // PART), folder=str(folder), pure=False))


def archived(folder: Path, scheduler: str | None) -> list[dict]:
    """The archive's steps, worked as `archive.runner(scheduler)` works them."""
    from mapping import archive
    from mapping.filters import IncidentFilter

    how = "in this process" if scheduler is None else "dask, 2 workers"
    selection = IncidentFilter.create(**SELECTION)
    rows = []
    with archive.runner(scheduler) as work:
        if scheduler is not None:
            work.client.run(lambda: sys.path.insert(0, str(ROOT)))

        def step(name, action):
            started = time.perf_counter()
            result = action()
            rows.append(
                {
                    "how": how,
                    "step": name,
                    "seconds": time.perf_counter() - started,
                    "result": result,
                }
            )

        step("build all six layers", lambda: archive.build(folder, work))
        step(
            "filter: 2024, two weapon categories",
            lambda: len(archive.select(folder, selection, work)),
        )
        step(
            "aggregate: region x week x weapon",
            lambda: len(archive.aggregate_archive(folder, selection, GROUPS, work)),
        )
        step(
            "flat GeoJSON of the filtered incidents",
            lambda: archive.export_flat_geojson(folder, selection, folder / "out.geojson", work),
        )
        peak = max(work.client.run(_peak_mb).values()) if scheduler else _peak_mb()
    for row in rows:
        row["peak_mb"] = peak
    return rows


def duckdb_aggregate(folder: Path):
    """The same aggregate in one DuckDB query over the incidents layer's Parquet files."""
    import duckdb

    categories = ", ".join(f"'{c}'" for c in SELECTION["weapons"])
    files = str(folder / "layers" / "incidents" / "*.parquet")
    return duckdb.sql(
        f"""
        SELECT coalesce(admin1, '(none)') AS admin1,
               strftime(date_trunc('week', CAST(date AS DATE)), '%Y-%m-%d') AS week,
               coalesce(weapon_category, '(none)') AS weapon_category,
               count(*) AS incidents,
               sum(coalesce(killed_min, 0)) AS killed,
               sum(coalesce(injured_min, 0)) AS injured
        FROM read_parquet('{files}')
        WHERE CAST(date AS DATE) BETWEEN DATE '{SELECTION["since"]}' AND DATE '{SELECTION["until"]}'
          AND weapon_category IN ({categories})
        GROUP BY ALL ORDER BY ALL
        """
    ).df()


def single(folder: Path) -> list[dict]:
    """Plain geopandas, then DuckDB, in this process on the incidents layer of the archive."""
    import geopandas as gpd

    from mapping import archive
    from mapping.filters import IncidentFilter
    from mapping.formats.geojson import write_flat_geojson

    selection = IncidentFilter.create(**SELECTION)
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
    ours = step("aggregate: region x week x weapon", lambda: archive.aggregate(picked, GROUPS))
    rows.append(
        {
            "how": "geopandas, 1 process",
            "step": "read + filter + aggregate",
            "seconds": sum(r["seconds"] for r in rows),
            "result": len(ours),
            "peak_mb": _peak_mb(),
        }
    )
    step(
        "flat GeoJSON of the filtered incidents",
        lambda: write_flat_geojson(picked, folder / "single.geojson"),
    )
    return rows


def duck(folder: Path) -> list[dict]:
    """DuckDB in this process: the aggregate, checked equal to the archive's."""
    import pandas as pd

    from mapping import archive
    from mapping.filters import IncidentFilter

    started = time.perf_counter()
    theirs = duckdb_aggregate(folder)
    seconds = time.perf_counter() - started
    ours = archive.aggregate_archive(folder, IncidentFilter.create(**SELECTION), GROUPS)
    expected = ours.reset_index()
    pd.testing.assert_frame_equal(theirs.astype(expected.dtypes.to_dict()), expected)
    step = "aggregate: region x week x weapon"
    return [
        {
            "how": "DuckDB",
            "step": step,
            "seconds": seconds,
            "result": len(theirs),
            "peak_mb": _peak_mb(),
        }
    ]


def _fresh(call: str) -> list[dict]:
    """The rows a function of this module returns, run in a new Python process."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import json, sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
            f"from benchmarks.bench_archive import *; print(json.dumps({call}, default=str))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    n = int(argv[0]) if argv else DEFAULT_SIZE
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "archive"
        generate(n, folder)
        # each in a fresh process, so that its peak memory is its own (a forked process
        # starts with its parent's peak); the cluster's peak is its workers'
        rows = _fresh(f"archived(Path({str(folder)!r}), None)")
        rows += archived(folder, "local")
        rows += _fresh(f"single(Path({str(folder)!r}))")
        rows += _fresh(f"duck(Path({str(folder)!r}))")
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
