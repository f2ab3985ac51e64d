"""From inputs to layers, as every face uses it: read (files, folders, stores) → resolve
places → tables → layers."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from layers import Layers, build_layers
from mapping.errors import Origin, Problem, StrikemapError
from mapping.formats import input_files, read_file
from mapping.geocoding import Geocoder, geocode_incidents
from mapping.merging import MergeResult, merge_incidents
from mapping.merging.matching import MERGE_AT
from mapping.model import Incident
from mapping.records import LoadResult
from mapping.store import is_store, is_store_url, open_store
from mapping.tables import incident_tables


def load_inputs(paths: Iterable[str | Path], *, all_events: bool = False) -> LoadResult:
    """Incidents from any mix of inputs (files, folders, store URLs, store GeoPackages, public
    data sets); problems name file, line, record and field. Data sets give their strike events
    only, unless `all_events`."""
    paths = list(paths)
    urls = [str(p) for p in paths if is_store_url(str(p))]
    result = LoadResult()
    # folders are expanded first: a store GeoPackage inside one is still read as a store
    for file in input_files(p for p in paths if str(p) not in urls):
        if is_store(file):
            result.extend(load_store(f"gpkg:{file}"))
        else:
            result.extend(read_file(file, all_events=all_events))
    for url in urls:
        result.extend(load_store(url))
    return result


DATA_FOLDERS_VARIABLE = "STRIKEMAP_DATA_DIRS"


def data_folders(default: Iterable[Path], env: Mapping[str, str] = os.environ) -> list[Path]:
    """The folders a shared app may read from: $STRIKEMAP_DATA_DIRS (separated by the
    system's path separator), else `default`; resolved, links followed."""
    named = [Path(p) for p in env.get(DATA_FOLDERS_VARIABLE, "").split(os.pathsep) if p.strip()]
    return [folder.expanduser().resolve() for folder in (named or default)]


def inside_folders(path: Path, folders: Iterable[Path]) -> bool:
    """Whether a path, once its links are followed, lies inside one of the folders."""
    resolved = path.expanduser().resolve()
    return any(resolved == folder or resolved.is_relative_to(folder) for folder in folders)


def load_store(url: str) -> LoadResult:
    """Every incident in a team store, at its current revision."""
    try:
        with open_store(url) as store:
            incidents = store.query()
    except StrikemapError as error:
        return LoadResult(problems=[Problem(url, None, None, None, str(error))])
    return LoadResult(incidents=incidents, origins={i.id: Origin(url, None) for i in incidents})


@dataclass
class Prepared:
    """Layers ready to filter, map and export, with every problem met on the way."""

    layers: Layers
    incidents: list[Incident]
    problems: list[Problem] = field(default_factory=list)

    @property
    def unresolved(self) -> int:
        return sum(1 for i in self.incidents if not i.place.located)


def _silent(step: str) -> None:
    pass


def prepare_incidents(
    loaded: LoadResult,
    geocoder: Geocoder,
    progress: Callable[[Iterable[Incident]], Iterable[Incident]] | None = None,
    step: Callable[[str], None] = _silent,
) -> Prepared:
    """Resolve places and build the layers for incidents already loaded; `step` hears the
    name of each step as it starts."""
    step("resolving places")
    incidents = progress(loaded.incidents) if progress else loaded.incidents
    report = geocode_incidents(incidents, geocoder, loaded.origins)
    step("building tables")
    tables = incident_tables(report.incidents)
    step("building layers")
    return Prepared(build_layers(tables), report.incidents, [*loaded.problems, *report.problems])


def prepare(
    paths: Iterable[str | Path],
    geocoder: Geocoder,
    progress: Callable[[Iterable[Incident]], Iterable[Incident]] | None = None,
    step: Callable[[str], None] = _silent,
) -> Prepared:
    """Load every input, resolve places and build the layers."""
    step("reading inputs")
    return prepare_incidents(load_inputs(paths), geocoder, progress, step)


def merge_inputs(
    paths: Iterable[str | Path], geocoder: Geocoder, threshold: float | None = None
) -> tuple[MergeResult, list[Incident], list[Problem]]:
    """Load every input, resolve places, and merge records about the same strike: (the merge,
    the resolved records it was made from, the problems met)."""
    loaded = load_inputs(paths)
    report = geocode_incidents(loaded.incidents, geocoder, loaded.origins)
    result = merge_incidents(report.incidents, MERGE_AT if threshold is None else threshold)
    return result, report.incidents, [*loaded.problems, *report.problems]
