"""An archive larger than memory: incidents in partitions on disk, processed on dask.

Layout of an archive folder:

    tables/part-00000/{incidents,sources,casualties,damage,claims}.parquet
    layers/{incidents,precision,damage,casualties,claims,sources}/part-00000.parquet

Each partition holds whole incidents with all their statements, so every step is the
single-machine code run on one partition at a time: the layer build, the shared filter, the
aggregation and the flat GeoJSON export give the same results as on one process (tested).
Memory is bounded by a partition whatever the archive's size: a partition of 1M incidents
needs ~3.6 GB to build.

By default the partitions are worked on one after another in this process: nothing to start
and nothing to send between processes, which on a few cores is the fastest. Given a
dask.distributed scheduler's address, or "local" for a cluster of worker processes on this
machine (4 GB each), they are worked on in parallel there.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import geopandas as gpd
import pandas as pd
import pyarrow.parquet as pq
from distributed import Client, LocalCluster

from layers import build_layers
from layers._common import CRS
from mapping.atomic import atomic_path
from mapping.filters import IncidentFilter
from mapping.formats.geojson import write_features
from mapping.tables import TABLE_COLUMNS, IncidentTables, conform

GROUPINGS = ("admin1", "country", "week", "month", "weapon_category", "weapon_system")
WORKER_MEMORY = "4GB"


LOCAL_CLUSTER = "local"


class Runner(Protocol):
    """Runs a function on each partition; results in the partitions' order."""

    def map(self, function: Callable[..., Any], items: list[Any], **kwargs: Any) -> list[Any]: ...


class InProcess:
    """One partition after another in this process."""

    def map(self, function: Callable[..., Any], items: list[Any], **kwargs: Any) -> list[Any]:
        return [function(item, **kwargs) for item in items]


class OnCluster:
    """Partitions in parallel on a dask.distributed cluster."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def map(self, function: Callable[..., Any], items: list[Any], **kwargs: Any) -> list[Any]:
        return self.client.gather(self.client.map(function, items, pure=False, **kwargs))


@contextlib.contextmanager
def runner(scheduler: str | None = None) -> Iterator[Runner]:
    """In this process when `scheduler` is None; else on the cluster of `cluster(scheduler)`."""
    if scheduler is None:
        yield InProcess()
        return
    with cluster(None if scheduler == LOCAL_CLUSTER else scheduler) as client:
        yield OnCluster(client)


@contextlib.contextmanager
def cluster(scheduler: str | None = None, workers: int = 2) -> Iterator[Client]:
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


def build(archive: Path, work: Runner) -> int:
    """Build every layer of every partition; returns the number of incidents."""
    return sum(work.map(_build_one, [str(p) for p in partitions(archive)], archive=str(archive)))


def layer_parts(archive: Path, name: str = "incidents") -> list[Path]:
    """A built layer's partition files, in order."""
    return sorted((Path(archive) / "layers" / name).glob("part-*.parquet"))


def read_incidents(part: Path, columns: set[str] | None = None) -> pd.DataFrame:
    """One partition of the incidents layer; only `columns` of it when given (a GeoDataFrame
    when they include the geometry)."""
    if columns is None:
        return gpd.read_parquet(part)
    names = [c for c in pq.read_schema(part).names if c in columns]
    if "geometry" in columns:
        return gpd.read_parquet(part, columns=names)
    return pd.read_parquet(part, columns=names)


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


def _aggregate_one(part: str, selection: IncidentFilter, by: tuple[str, ...]) -> pd.DataFrame:
    needed = selection.columns() | {"date", "killed_min", "injured_min"} | set(by)
    return aggregate(selection.passing(read_incidents(Path(part), needed)), by)


def aggregate_archive(
    archive: Path, selection: IncidentFilter, by: tuple[str, ...], work: Runner | None = None
) -> pd.DataFrame:
    """`aggregate` over the archive: per partition, reading only the columns the filter and
    the groups need, then summed."""
    empty = aggregate(_empty_incidents(), by)  # an unknown grouping is refused before any work
    parts = (work or InProcess()).map(
        _aggregate_one, [str(p) for p in layer_parts(archive)], selection=selection, by=by
    )
    combined = pd.concat([empty, *parts])
    return combined.groupby(level=list(range(len(by))), sort=True).sum()


def _select_one(part: str, selection: IncidentFilter) -> gpd.GeoDataFrame:
    return selection.passing(read_incidents(Path(part)))


def select(
    archive: Path, selection: IncidentFilter, work: Runner | None = None
) -> gpd.GeoDataFrame:
    """The incidents that pass the shared filter, in memory, in the archive's order."""
    parts = (work or InProcess()).map(
        _select_one, [str(p) for p in layer_parts(archive)], selection=selection
    )
    if not parts:
        return gpd.GeoDataFrame(geometry=[], crs=CRS)
    return pd.concat(parts, ignore_index=True)


def _empty_incidents() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.Series(dtype="str"),
            "killed_min": pd.Series(dtype="Int64"),
            "injured_min": pd.Series(dtype="Int64"),
            **{k: pd.Series(dtype="str") for k in GROUPINGS if k not in ("week", "month")},
        }
    )


def _export_one(part: str, selection: IncidentFilter, folder: str) -> int:
    picked = selection.passing(read_incidents(Path(part)))
    with open(Path(folder) / f"{Path(part).stem}.features", "wb") as handle:
        write_features(picked, handle)
    return len(picked)


def export_flat_geojson(
    archive: Path, selection: IncidentFilter, path: Path, work: Runner | None = None
) -> int:
    """The selected incidents as one flat GeoJSON file: partitions encoded each on its own,
    then joined in order (the same bytes as the single-process export of the same
    incidents)."""
    path = Path(path)
    pieces = path.with_name(f".{path.name}.parts")
    shutil.rmtree(pieces, ignore_errors=True)
    pieces.mkdir(parents=True)
    parts = layer_parts(archive)
    try:
        counts = (work or InProcess()).map(
            _export_one, [str(p) for p in parts], selection=selection, folder=str(pieces)
        )
        with atomic_path(path) as temp, temp.open("wb") as handle:
            handle.write(b'{"type":"FeatureCollection","features":[')
            first = True
            for part, count in zip(parts, counts, strict=True):
                if not count:
                    continue
                handle.write(b"\n" if first else b",\n")
                with open(pieces / f"{part.stem}.features", "rb") as piece:
                    shutil.copyfileobj(piece, handle, length=16 * 2**20)
                first = False
            handle.write(b"\n]}\n")
    finally:
        shutil.rmtree(pieces, ignore_errors=True)
    return sum(counts)
