"""An archive larger than memory: incidents in partitions on disk, processed on dask.

Layout of an archive folder:

    tables/part-00000/{incidents,sources,casualties,damage,claims}.parquet
    layers/{incidents,precision,damage,casualties,claims,sources}/part-00000.parquet

Each partition holds whole incidents with all their statements, so every step is the
single-machine code run on one partition at a time: the layer build, the shared filter, the
aggregation and the flat GeoJSON export give the same results as on one process (tested).
The work runs on a dask.distributed cluster given by address, or a LocalCluster on this
machine; a partition of 1M incidents needs ~3.6 GB, so workers get 4 GB each.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd
from distributed import Client, LocalCluster

from layers import build_layers
from mapping.atomic import atomic_path
from mapping.filters import IncidentFilter
from mapping.formats.geojson import write_features
from mapping.tables import TABLE_COLUMNS, IncidentTables, conform

GROUPINGS = ("admin1", "country", "week", "month", "weapon_category", "weapon_system")
WORKER_MEMORY = "4GB"


@contextlib.contextmanager
def cluster(scheduler: str | None = None, workers: int = 2) -> Iterator:
    """A dask.distributed client: of the scheduler at `scheduler` (tcp://host:port), or of a
    LocalCluster on 127.0.0.1 with one process per worker, closed at the end."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            memory_limit=WORKER_MEMORY,
            dashboard_address="127.0.0.1:0",
        ) as local,
        Client(local) as client,
    ):
        yield client


def partitions(archive: Path) -> list[Path]:
    return sorted((Path(archive) / "tables").glob("part-*"))


def add_partition(archive: Path, tables: IncidentTables) -> Path:
    """Write incident tables as the archive's next partition (written whole, then renamed)."""
    existing = partitions(archive)
    number = int(existing[-1].name.split("-")[1]) + 1 if existing else 0
    return add_partition_at(archive, number, tables)


def add_partition_at(archive: Path, number: int, tables: IncidentTables) -> Path:
    """Write incident tables as partition `number` (for writers working side by side)."""
    target = Path(archive) / "tables" / f"part-{number:05d}"
    temp = target.with_name(f".{target.name}.tmp")
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(parents=True)
    for name in TABLE_COLUMNS:
        getattr(tables, name).to_parquet(temp / f"{name}.parquet", index=False)
    temp.rename(target)
    return target


def read_partition(folder: Path) -> IncidentTables:
    return IncidentTables(
        *(
            conform(pd.read_parquet(folder / f"{name}.parquet"), columns)
            for name, columns in TABLE_COLUMNS.items()
        )
    )


def _build_one(folder: str, archive: str) -> int:
    layers = build_layers(read_partition(Path(folder)))
    for name, layer in layers.items():
        target = Path(archive) / "layers" / name / f"{Path(folder).name}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as temp:
            layer.to_parquet(temp, index=False)
    return len(layers.incidents)


def build(archive: Path, client) -> int:
    """Build every layer of every partition on the cluster; returns the number of incidents."""
    futures = client.map(
        _build_one, [str(p) for p in partitions(archive)], archive=str(archive), pure=False
    )
    return sum(client.gather(futures))


def incidents(archive: Path):
    """The incidents layer of the whole archive as a dask-geopandas frame (lazy)."""
    import dask_geopandas

    return dask_geopandas.read_parquet(str(Path(archive) / "layers" / "incidents"))


def selected(archive: Path, selection: IncidentFilter):
    """The incidents that pass the shared filter (lazy, one partition at a time)."""
    frame = incidents(archive)
    if selection.empty:
        return frame
    return frame.map_partitions(lambda part: part[selection.mask(part)], meta=frame._meta)


def aggregate(frame: pd.DataFrame, by: tuple[str, ...]) -> pd.DataFrame:
    """Incidents and headline casualties (lower bounds) per group; `frame` is one process's
    incidents layer or a partition of it."""
    data = pd.DataFrame(
        {
            "incidents": 1,
            "killed": frame["killed_min"].fillna(0).astype("int64"),
            "injured": frame["injured_min"].fillna(0).astype("int64"),
        },
        index=frame.index,
    )
    dates = pd.to_datetime(frame["date"], format="ISO8601")
    for key in by:
        if key == "week":
            data[key] = (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.strftime(
                "%Y-%m-%d"
            )
        elif key == "month":
            data[key] = dates.dt.strftime("%Y-%m")
        elif key in GROUPINGS:
            data[key] = frame[key].fillna("(none)").astype(str)
        else:
            raise ValueError(f"cannot group by {key!r}: use {', '.join(GROUPINGS)}")
    return data.groupby(list(by), sort=True)[["incidents", "killed", "injured"]].sum()


def aggregate_archive(
    archive: Path, selection: IncidentFilter, by: tuple[str, ...]
) -> pd.DataFrame:
    """`aggregate` over the archive: per partition on the cluster, then summed."""
    parts = selected(archive, selection).map_partitions(
        aggregate, by, meta=aggregate(_empty_incidents(), by)
    )
    combined = parts.compute()
    return combined.groupby(level=list(range(len(by))), sort=True).sum()


def _empty_incidents() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.Series(dtype="str"),
            "killed_min": pd.Series(dtype="Int64"),
            "injured_min": pd.Series(dtype="Int64"),
            **{k: pd.Series(dtype="str") for k in GROUPINGS if k not in ("week", "month")},
        }
    )


def _export_one(part: gpd.GeoDataFrame, folder: str, number: int) -> int:
    with open(Path(folder) / f"{number:05d}.part", "wb") as handle:
        write_features(part, handle)
    return len(part)


def export_flat_geojson(archive: Path, selection: IncidentFilter, path: Path, client) -> int:
    """The selected incidents as one flat GeoJSON file: partitions encoded on the cluster, then
    joined in order (the same bytes as the single-process export of the same incidents)."""
    import dask

    frame = selected(archive, selection)
    path = Path(path)
    work = path.with_name(f".{path.name}.parts")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        tasks = [
            dask.delayed(_export_one)(part, str(work), i)
            for i, part in enumerate(frame.to_delayed())
        ]
        counts = client.compute(tasks, sync=True)
        with atomic_path(path) as temp, temp.open("wb") as handle:
            handle.write(b'{"type":"FeatureCollection","features":[')
            first = True
            for i, count in enumerate(counts):
                if not count:
                    continue
                handle.write(b"\n" if first else b",\n")
                with open(work / f"{i:05d}.part", "rb") as piece:
                    shutil.copyfileobj(piece, handle, length=16 * 2**20)
                first = False
            handle.write(b"\n]}\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return sum(counts)
