"""The team store on SYNTHETIC incidents: push and query on both engines (a GeoPackage file, a
PostgreSQL + PostGIS server started for the run), time and incidents per second.

Incidents are pushed in batches of 100,000 (one transaction each), as a bulk import would,
from their checked tables as `strikemap push` does: building the layers is part of the push.
The baseline writes the same layers (incidents and the four statement layers) with geopandas:
`to_postgis` to the server, pyogrio to a GeoPackage. Queries: everything, and a filter the
database answers through its indexes (half a year, one weapon category, a bounding box).
Reads: every incident as checked tables and then layers (what the app and `pull` to a
GeoPackage do), against one record object per incident (what `pull` to a record file does) and
against geopandas reading the same five layers back (`read_postgis`, pyogrio).
Run: `python benchmarks/run.py bench_store` (or with sizes: `... bench_store 100000 1000000`).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (100_000,)
BATCH = 100_000


def batches(n: int):
    """Incident tables, BATCH incidents at a time (labelled synthetic, see
    benchmarks/synthetic.py)."""
    from benchmarks.synthetic import synthetic_tables

    tables = synthetic_tables(n, seed=1)
    ids = tables.incidents["id"]
    for start in range(0, n, BATCH):
        yield tables.subset(ids.iloc[start : start + BATCH])


STORED_LAYERS = ("incidents", "casualties", "damage", "claims", "sources")


def baseline_write(layers, engine: str, target) -> None:
    """The same layers written by geopandas: `to_postgis` (SQLAlchemy engine) or pyogrio."""
    for name in STORED_LAYERS:
        frame = getattr(layers, name)
        if engine == "PostGIS":
            frame.to_postgis(f"baseline_{name}", target, if_exists="append")
        else:
            frame.to_file(target, layer=name, engine="pyogrio", use_arrow=True, append=True)


def baseline_read(engine: str, target) -> int:
    """The same layers read back by geopandas; returns the incidents read."""
    import geopandas as gpd
    import pyogrio

    counts = []
    for name in STORED_LAYERS:
        if engine == "PostGIS":
            frame = gpd.read_postgis(f"SELECT * FROM baseline_{name}", target, geom_col="geometry")
        else:
            frame = pyogrio.read_dataframe(target, layer=name, use_arrow=True)
        counts.append(len(frame))
    return counts[0]


def timed_reads(store, selection, engine: str, target) -> list[tuple[str, float, int]]:
    """Each way of reading the store (and the baseline): (step, seconds, incidents read)."""
    from layers import build_layers

    reads = [
        ("query: half-year, weapon, bbox", lambda: len(store.query(selection))),
        ("query as tables: same filter", lambda: len(store.tables(selection).tables)),
        ("read all: record objects", lambda: sum(map(len, store.batches()))),  # streamed
        ("read all: tables -> layers", lambda: len(build_layers(store.tables().tables).incidents)),
        ("baseline: read the layers", lambda: baseline_read(engine, target)),
    ]
    timed = []
    for step, read in reads:
        started = time.perf_counter()
        count = read()
        timed.append((step, time.perf_counter() - started, count))
    return timed


def run(sizes: list[int]) -> list[dict]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from postgres_server import PostgresServer
    from sqlalchemy import create_engine

    from layers import build_layers
    from mapping.filters import IncidentFilter
    from mapping.store import open_store

    selection = IncidentFilter.create(
        since="2024-01-01", until="2024-06-30", weapons=["ballistic_missile"], bbox="30,46,36,50"
    )
    rows = []
    with PostgresServer() as server, tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            urls = {"GeoPackage": str(Path(folder) / f"store-{n}.gpkg"), "PostGIS": server.url}
            stores = {engine: open_store(url) for engine, url in urls.items()}
            targets = {
                "GeoPackage": Path(folder) / f"baseline-{n}.gpkg",
                "PostGIS": create_engine(server.url.replace("://", "+psycopg://", 1)),
            }
            pushed = dict.fromkeys(stores, 0.0)
            written = dict.fromkeys(stores, 0.0)
            for batch in batches(n):
                for engine, store in stores.items():
                    started = time.perf_counter()
                    layers = build_layers(batch)
                    store.put_layers(layers, author="benchmark", origin="synthetic")
                    pushed[engine] += time.perf_counter() - started
                    started = time.perf_counter()
                    baseline_write(layers, engine, targets[engine])
                    written[engine] += time.perf_counter() - started
            for engine, store in stores.items():
                rows.append(
                    {"n": n, "engine": engine, "step": "push", "seconds": pushed[engine], "rows": n}
                )
                baseline = "baseline: to_postgis" if engine == "PostGIS" else "baseline: pyogrio"
                rows.append(
                    {
                        "n": n,
                        "engine": engine,
                        "step": f"{baseline}, same layers",
                        "seconds": written[engine],
                        "rows": n,
                    }
                )
                for step, seconds, count in timed_reads(store, selection, engine, targets[engine]):
                    rows.append(
                        {"n": n, "engine": engine, "step": step, "seconds": seconds, "rows": count}
                    )
                store.close()
            with open_store(server.url) as store:  # empty the server for the next size
                with store._cursor() as cur:
                    cur.execute(
                        "DROP TABLE incidents, casualties, damage, claims, sources, "
                        "revisions CASCADE"
                    )
                    for name in STORED_LAYERS:
                        cur.execute(f"DROP TABLE baseline_{name}")
                store.connection.commit()
    return rows


def main(argv: list[str] | None = None) -> None:
    sizes = [int(a) for a in (argv or [])] or list(DEFAULT_SIZES)
    print(
        f"{'incidents':>10}  {'engine':<11} {'step':<34} {'seconds':>8} {'rows':>9} {'rows/s':>9}"
    )
    for row in run(sizes):
        rate = row["rows"] / row["seconds"] if row["seconds"] else float("inf")
        print(
            f"{row['n']:>10,}  {row['engine']:<11} {row['step']:<34} {row['seconds']:>8.2f} "
            f"{row['rows']:>9,} {rate:>9,.0f}"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
