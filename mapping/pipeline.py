"""From inputs to layers, as every face uses it: read (files, folders, stores) → resolve
places → tables → layers."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from layers import Layers, build_layers
from mapping.errors import Origin, Problem, StrikemapError
from mapping.filters import IncidentFilter
from mapping.formats import input_files, read_file
from mapping.geocoding import Geocoder, geocode_incidents
from mapping.merging import MergeResult, Pair, merge_incidents
from mapping.merging.matching import MERGE_AT, facts_of, score_pair
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
    paths: Iterable[str | Path],
    geocoder: Geocoder,
    threshold: float | None = None,
    *,
    merge: Iterable[tuple[str, str]] = (),
    apart: Iterable[tuple[str, str]] = (),
) -> tuple[MergeResult, list[Incident], list[Problem]]:
    """Load every input, resolve places, and merge records about the same strike (with an
    analyst's decisions on pairs of ids): (the merge, the resolved records it was made from,
    the problems met)."""
    loaded = load_inputs(paths)
    report = geocode_incidents(loaded.incidents, geocoder, loaded.origins)
    result = merge_incidents(
        report.incidents, MERGE_AT if threshold is None else threshold, merge=merge, apart=apart
    )
    return result, report.incidents, [*loaded.problems, *report.problems]


@dataclass
class StoreMerge:
    """What `push --merge` writes: incoming records merged with what the store holds."""

    to_put: list[Incident]  # new incidents, and new revisions of stored ones
    review: list  # Pairs over `records`, for an analyst
    records: list[Incident]  # the stored and incoming records the pairs index


def merge_with_store(incoming: list[Incident], store, threshold: float | None = None) -> StoreMerge:
    """Incoming records merged with the stored incidents of the same days and area: a group
    with one stored incident becomes its next revision (same id); a group of incoming records
    only becomes a new incident; a group that would join two stored incidents is not merged
    but listed for review (the store keeps both)."""
    located = [i for i in incoming if i.place.lat is not None and i.place.lon is not None]
    stored: list[Incident] = []
    if incoming:
        since = min(i.date for i in incoming) - dt.timedelta(days=31)
        until = max(i.date for i in incoming) + dt.timedelta(days=31)
        bbox = None
        if located:
            bbox = (
                max(-180.0, min(i.place.lon for i in located) - 1.0),
                max(-90.0, min(i.place.lat for i in located) - 1.0),
                min(180.0, max(i.place.lon for i in located) + 1.0),
                min(90.0, max(i.place.lat for i in located) + 1.0),
            )
        selection = IncidentFilter.create(since=since, until=until, bbox=bbox)
        incoming_ids = {i.id for i in incoming}
        stored = [
            i for batch in store.batches(selection) for i in batch if i.id not in incoming_ids
        ]
    records = [*stored, *incoming]
    result = merge_incidents(records, MERGE_AT if threshold is None else threshold)
    stored_ids = {i.id: i for i in stored}
    to_put: list[Incident] = []
    review = list(result.review)
    by_id = {r.id: n for n, r in enumerate(records)}
    for incident in result.incidents:
        members = list(incident.merged_from) or [incident.id]
        if not any(m not in stored_ids for m in members):
            continue  # stored incidents only: nothing new
        held = [stored_ids[m] for m in members if m in stored_ids]
        if len(held) > 1:  # two stored incidents would become one: an analyst decides
            review += _pairs_of(held, members, by_id)
            to_put += [records[by_id[m]] for m in members if m not in stored_ids]
            continue
        if held:
            incident = incident.model_copy(update={"id": held[0].id, "revision": held[0].revision})
        to_put.append(incident)
    return StoreMerge(to_put, review, records)


def _pairs_of(held: list[Incident], members: list[str], by_id: dict[str, int]) -> list:
    first = by_id[held[0].id]
    reason = ("would join incidents the store holds apart",)
    return [Pair(first, by_id[h.id], 0.0, reason) for h in held[1:]]


def matches_of(record_id: str, incidents: list[Incident]) -> list[tuple[Incident, Pair]]:
    """The incidents that may be the same strike as the one with this id (a draft, say), best
    first, each with the scored pair (merge or review)."""
    index = next((n for n, i in enumerate(incidents) if i.id == record_id), None)
    if index is None:
        return []
    facts = facts_of(incidents)
    window = int(facts.window[index])
    near = np.flatnonzero(np.abs(facts.day - facts.day[index]) <= max(window, 1))
    pairs = [score_pair(facts, index, int(j)) for j in near if j != index]
    pairs = [p for p in pairs if p.verdict != "apart"]
    pairs.sort(key=lambda p: -p.score)
    return [(incidents[p.right], p) for p in pairs]
