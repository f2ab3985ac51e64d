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


def prepare_incidents(
    incidents: list[Incident],
    geocoder: Geocoder,
    problems: list[Problem] | None = None,
    progress: Callable[[Iterable[Incident]], Iterable[Incident]] | None = None,
) -> Prepared:
    """Resolve places and build the layers for incidents already loaded."""
    from layers import build_layers

    report = geocode_incidents(progress(incidents) if progress else incidents, geocoder)
    return Prepared(
        build_layers(incident_tables(report.incidents)),
        report.incidents,
        [*(problems or []), *report.problems],
    )


def prepare(
    paths: Iterable[str | Path],
    geocoder: Geocoder,
    progress: Callable[[Iterable[Incident]], Iterable[Incident]] | None = None,
) -> Prepared:
    """Load every input, resolve places and build the layers."""
    loaded = load_inputs(paths)
    prepared = prepare_incidents(loaded.incidents, geocoder, loaded.problems, progress)
    # Geocoding problems name the record; add the file and line it came from.
    prepared.problems = [
        replace(p, file=loaded.origins[p.record_id].file, line=loaded.origins[p.record_id].line)
        if p.file == "-" and p.record_id in loaded.origins
        else p
        for p in prepared.problems
    ]
    return prepared
