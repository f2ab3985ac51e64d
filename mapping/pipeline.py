"""From inputs to layers, as every face uses it: read (files, folders, stores) → resolve
places → tables → layers."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from layers import Layers, build_layers
from mapping.errors import Origin, Problem, StrikemapError
from mapping.filters import IncidentFilter
from mapping.formats import input_files, read_file, read_file_tables
from mapping.geocoding import DEFAULT_RADIUS_M, Geocoder, geocode_incidents
from mapping.merging import MergeResult, Pair, merge_incidents
from mapping.merging.matching import MERGE_AT, facts_of, score_pair
from mapping.model import Incident
from mapping.records import LoadResult, already_loaded
from mapping.store import is_store, is_store_url, open_store
from mapping.table_checks import CheckedTables, concat_tables, validated_rows
from mapping.tables import IncidentTables, incident_tables, member_of


def load_inputs(paths: Iterable[str | Path], *, all_events: bool = False) -> LoadResult:
    """Incidents from any mix of inputs (files, folders, store URLs, store GeoPackages, public
    data sets); problems name file, line, record and field. Data sets give their strike events
    only, unless `all_events`."""
    result = LoadResult()
    for part in _read_each(paths, all_events=all_events):
        result.extend(part)
    return result


def _read_each(
    paths: Iterable[str | Path], *, all_events: bool = False, tables: bool = False
) -> Iterator[LoadResult | CheckedTables]:
    """What each input gives, in order: records, or (with `tables`, for a format that holds
    them) checked tables."""
    paths = list(paths)
    urls = [str(p) for p in paths if is_store_url(str(p))]
    # folders are expanded first: a store GeoPackage inside one is still read as a store
    read_store = load_store_tables if tables else load_store
    for file in input_files(p for p in paths if str(p) not in urls):
        if is_store(file):
            yield read_store(f"gpkg:{file}")
        elif tables and (checked := read_file_tables(file)) is not None:
            yield checked
        else:
            yield read_file(file, all_events=all_events)
    for url in urls:
        yield read_store(url)


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


def load_store_tables(url: str) -> CheckedTables:
    """Every incident in a team store, at its current revision, as checked tables."""
    try:
        with open_store(url) as store:
            return store.tables()
    except StrikemapError as error:
        return CheckedTables.failed(url, str(error))


@dataclass
class Prepared:
    """Layers ready to filter, map and export, with every problem met on the way."""

    layers: Layers
    problems: list[Problem] = field(default_factory=list)
    records: list[Incident] | None = field(default=None, repr=False)

    @property
    def incidents(self) -> list[Incident]:
        """Every incident as a record object; made on first use when the inputs were tables
        (a GeoPackage), which the layers are built from without them."""
        if self.records is None:
            self.records = validated_rows(self.layers.tables, "-").incidents
        return self.records

    @property
    def unresolved(self) -> int:
        return int(self.layers.tables.incidents["lat"].isna().sum())


def _silent(step: str) -> None:
    pass


Progress = Callable[[Iterable[Incident]], Iterable[Incident]]


def prepare_incidents(
    loaded: LoadResult, geocoder: Geocoder, progress: Progress | None = None, step=_silent
) -> Prepared:
    """Resolve places and build the layers for incidents already loaded; `step` hears the
    name of each step as it starts."""
    step("resolving places")
    incidents = progress(loaded.incidents) if progress else loaded.incidents
    report = geocode_incidents(incidents, geocoder, loaded.origins)
    step("building tables")
    tables = incident_tables(report.incidents)
    step("building layers")
    problems = [*loaded.problems, *report.problems]
    return Prepared(build_layers(tables), problems, report.incidents)


def prepare(
    paths: Iterable[str | Path],
    geocoder: Geocoder,
    progress: Progress | None = None,
    step: Callable[[str], None] = _silent,
) -> Prepared:
    """Load every input, resolve places and build the layers. Inputs that are tables (a
    GeoPackage) stay tables: no record object is made for their incidents."""
    step("reading inputs")
    records, parts, problems = LoadResult(), [], []
    seen: dict[str, Origin] = {}  # the first input to give an id keeps it
    for part in _read_each(paths, tables=True):
        problems += part.problems
        if isinstance(part, CheckedTables):
            parts.append((_first_seen(part, seen, problems), part.file))
        else:
            fresh = [i for i in part.incidents if _first(i.id, part.origins[i.id], seen, problems)]
            records.extend(LoadResult(fresh, [], part.origins, part.summaries))
    if not parts:
        loaded = LoadResult(records.incidents, problems, records.origins)
        return prepare_incidents(loaded, geocoder, progress, step)
    step("resolving places")
    report = geocode_incidents(
        progress(records.incidents) if progress else records.incidents, geocoder, records.origins
    )
    problems += report.problems
    tables = [_located(*part, geocoder, progress, problems) for part in parts]
    if report.incidents:
        tables.insert(0, incident_tables(report.incidents))
    step("building layers")
    return Prepared(build_layers(concat_tables(tables)), problems)


def _first(
    record_id: str, origin: Origin, seen: dict[str, Origin], problems: list[Problem]
) -> bool:
    """Whether this is the first input to give the id (if not, a problem says so)."""
    if record_id in seen:
        problems.append(already_loaded(record_id, origin, seen[record_id]))
        return False
    seen[record_id] = origin
    return True


def _first_seen(
    part: CheckedTables, seen: dict[str, Origin], problems: list[Problem]
) -> IncidentTables:
    """The part's incidents whose ids no earlier input gave."""
    ids = part.tables.incidents["id"]
    earlier = member_of(ids, pd.Series(list(seen), dtype="str"))
    for record_id in ids[earlier]:
        problems.append(already_loaded(record_id, Origin(part.file, None), seen[record_id]))
    seen.update(dict.fromkeys(ids[~earlier], Origin(part.file, None)))
    return part.tables.subset(ids[~earlier]) if earlier.any() else part.tables


def _located(
    part: IncidentTables,
    file: str,
    geocoder: Geocoder,
    progress: Progress | None,
    problems: list[Problem],
) -> IncidentTables:
    """Tables with every place resolved: coordinates in the table win (a missing radius comes
    from the precision, as for a record); the rest go through the geocoder as records."""
    incidents = part.incidents.copy()
    located = (incidents["lat"].notna() & incidents["lon"].notna()).to_numpy()
    radius = incidents["radius_m"]
    default = incidents["precision"].map({p.value: r for p, r in DEFAULT_RADIUS_M.items()})
    incidents["radius_m"] = radius.where(radius.notna() | ~located, default.astype("float64"))
    part = IncidentTables(incidents, part.sources, part.casualties, part.damage, part.claims)
    if located.all():
        return part
    records = validated_rows(part.subset(incidents["id"][~located]), file).incidents
    origins = {i.id: Origin(file, None) for i in records}
    report = geocode_incidents(progress(records) if progress else records, geocoder, origins)
    problems += report.problems
    return concat_tables(
        [part.subset(incidents["id"][located]), incident_tables(report.incidents)],
        [*np.flatnonzero(located), *np.flatnonzero(~located)],  # in the order the file gave
    )


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
