"""From input files to layers: load → geocode → tables → layers, as every face uses it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from mapping.geocoding import Geocoder, geocode_incidents
from mapping.inputs import load_inputs
from mapping.model import Incident
from mapping.records import Problem
from mapping.tables import incident_tables


@dataclass
class Prepared:
    """Layers ready to filter, map and export, with every problem met on the way."""

    layers: object  # layers.Layers (typed loosely: mapping does not import the layer builders)
    incidents: list[Incident]
    problems: list[Problem] = field(default_factory=list)

    @property
    def unresolved(self) -> int:
        return sum(1 for i in self.incidents if not i.place.located)


def _silent(step: str) -> None:
    pass


def prepare_incidents(
    incidents: list[Incident],
    geocoder: Geocoder,
    problems: list[Problem] | None = None,
    progress: Callable[[Iterable[Incident]], Iterable[Incident]] | None = None,
    step: Callable[[str], None] = _silent,
) -> Prepared:
    """Resolve places and build the layers for incidents already loaded; `step` hears the
    name of each step as it starts."""
    from layers import build_layers

    step("resolving places")
    report = geocode_incidents(progress(incidents) if progress else incidents, geocoder)
    step("building tables")
    tables = incident_tables(report.incidents)
    step("building layers")
    return Prepared(build_layers(tables), report.incidents, [*(problems or []), *report.problems])


def prepare(
    paths: Iterable[str | Path],
    geocoder: Geocoder,
    progress: Callable[[Iterable[Incident]], Iterable[Incident]] | None = None,
    step: Callable[[str], None] = _silent,
) -> Prepared:
    """Load every input, resolve places and build the layers."""
    step("reading inputs")
    loaded = load_inputs(paths)
    prepared = prepare_incidents(loaded.incidents, geocoder, loaded.problems, progress, step)
    # Geocoding problems name the record; add the file and line it came from.
    prepared.problems = [
        replace(p, file=loaded.origins[p.record_id].file, line=loaded.origins[p.record_id].line)
        if p.file == "-" and p.record_id in loaded.origins
        else p
        for p in prepared.problems
    ]
    return prepared
