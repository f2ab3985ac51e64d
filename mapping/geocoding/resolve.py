"""Resolving places: record coordinates first, then each provider in turn; the answer is
written into the incident, and places that need an analyst's look become problems."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from mapping.errors import Origin, Problem
from mapping.geocoding.base import DEFAULT_RADIUS_M, Geocoder, Location
from mapping.model import Incident, Place, Precision


class RecordCoordinates:
    """Coordinates written in the record itself win over every other provider."""

    provider = "record"

    def geocode(self, place: Place) -> Location | None:
        if not place.located:
            return None
        precision = place.precision or Precision.SITE
        return Location(
            query=place.name,
            name=place.name,
            lat=float(place.lat),  # type: ignore[arg-type]
            lon=float(place.lon),  # type: ignore[arg-type]
            precision=precision,
            radius_m=place.radius_m if place.radius_m is not None else DEFAULT_RADIUS_M[precision],
            provider=self.provider,
            id=place.gazetteer_id,
            country=place.country,
            admin1=place.admin1,
            ambiguous=place.ambiguous,  # an analyst's mark stays
        )


class GeocoderChain:
    """Tries providers in order; the first answer wins."""

    provider = "chain"

    def __init__(self, providers: Sequence[Geocoder]) -> None:
        self.providers = [RecordCoordinates(), *providers]

    def geocode(self, place: Place) -> Location | None:
        for provider in self.providers:
            if (found := provider.geocode(place)) is not None:
                return found
        return None


def resolved_place(place: Place, location: Location) -> Place:
    """The place with the geocoder's answer written into it."""
    return place.model_copy(
        update={
            "lat": location.lat,
            "lon": location.lon,
            "precision": location.precision,
            "radius_m": location.radius_m,
            "gazetteer_id": location.id,
            "ambiguous": location.ambiguous,
            "country": place.country or location.country,
            "admin1": place.admin1 or location.admin1,
        }
    )


@dataclass(slots=True)
class GeocodeReport:
    """Incidents with places resolved, and the places that need an analyst's look."""

    incidents: list[Incident]
    problems: list[Problem]


def geocode_incidents(
    incidents: Iterable[Incident],
    geocoder: Geocoder,
    origins: Mapping[str, Origin] | None = None,
) -> GeocodeReport:
    """Resolve every incident's place; unresolved and ambiguous places become problems that
    name the file and line the record came from (`origins`, as loading gave them)."""
    origins = origins or {}
    done: list[Incident] = []
    problems: list[Problem] = []

    def problem(incident: Incident, message: str, severity: str = "error") -> Problem:
        origin = origins.get(incident.id, Origin("-", None))
        return Problem(origin.file, origin.line, incident.id, "place.name", message, severity)

    for incident in incidents:
        location = geocoder.geocode(incident.place)
        if location is None:
            message = f"place '{incident.place.name}' not found; add coordinates or an override"
            problems.append(problem(incident, message))
            done.append(incident)
            continue
        if location.ambiguous:
            others = "; ".join(
                f"{c.name} ({c.admin1 or c.country}, {c.lat:.3f}, {c.lon:.3f})"
                for c in location.candidates[1:4]
            )
            message = (
                f"'{incident.place.name}' is ambiguous: took {location.name} "
                f"({location.admin1 or location.country}); also {others}"
            )
            problems.append(problem(incident, message, "warning"))
        done.append(incident.model_copy(update={"place": resolved_place(incident.place, location)}))
    return GeocodeReport(done, problems)
