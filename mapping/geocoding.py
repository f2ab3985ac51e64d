"""The geocoding interface: every provider answers `geocode(place)` with a Location or None.

Providers (record coordinates, analyst overrides, the offline gazetteer, optional Nominatim)
are tried in order by `GeocoderChain`; the first that answers wins.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from mapping.model import Incident, Place, Precision
from mapping.records import Problem


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may mean."""

    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    population: int
    score: float
    id: str


@dataclass(frozen=True, slots=True)
class Location:
    """A geocoding answer: where, how precisely, from which provider, and how sure."""

    query: str
    name: str
    lat: float
    lon: float
    precision: Precision
    radius_m: float
    provider: str
    id: str | None = None
    country: str | None = None
    admin1: str | None = None
    score: float = 100.0
    ambiguous: bool = False
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, object]:
        """The object `strikemap geocode --json` prints."""
        return {
            "query": self.query,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "precision": self.precision.value,
            "radius_m": self.radius_m,
            "provider": self.provider,
            "id": self.id,
            "score": self.score,
            "ambiguous": self.ambiguous,
            "candidates": [
                {
                    "name": c.name,
                    "lat": c.lat,
                    "lon": c.lon,
                    "admin1": c.admin1,
                    "population": c.population,
                    "score": c.score,
                }
                for c in self.candidates
            ],
        }


class Geocoder(Protocol):
    """What every provider implements."""

    provider: str

    def geocode(self, place: Place) -> Location | None:
        """Where `place` is, or None when this provider does not know it."""
        ...


# Radius of a settlement from its population: about the radius of its built-up area
# (12·√population metres: ~1 km for a village, ~6 km for Sumy, ~20 km for Kyiv).
def settlement_radius_m(population: int) -> float:
    """Uncertainty radius of a settlement centroid, in metres."""
    if population <= 0:
        return 1500.0
    return float(min(25_000, max(1_000, round(12 * math.sqrt(population), -2))))


DEFAULT_RADIUS_M = {
    Precision.SITE: 100.0,
    Precision.AREA: 1_000.0,
    Precision.SETTLEMENT: 5_000.0,
    Precision.REGION: 50_000.0,
}


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


def geocode_incidents(incidents: Iterable[Incident], geocoder: Geocoder) -> GeocodeReport:
    """Resolve every incident's place; unresolved and ambiguous places become problems."""
    done: list[Incident] = []
    problems: list[Problem] = []
    for incident in incidents:
        location = geocoder.geocode(incident.place)
        if location is None:
            problems.append(
                Problem(
                    "-",
                    None,
                    incident.id,
                    "place.name",
                    f"place '{incident.place.name}' not found; add coordinates or an override",
                )
            )
            done.append(incident)
            continue
        if location.ambiguous:
            others = "; ".join(
                f"{c.name} ({c.admin1 or c.country}, {c.lat:.3f}, {c.lon:.3f})"
                for c in location.candidates[1:4]
            )
            problems.append(
                Problem(
                    "-",
                    None,
                    incident.id,
                    "place.name",
                    f"'{incident.place.name}' is ambiguous: took {location.name} "
                    f"({location.admin1 or location.country}); also {others}",
                    "warning",
                )
            )
        done.append(incident.model_copy(update={"place": resolved_place(incident.place, location)}))
    return GeocodeReport(done, problems)


def default_geocoder(
    *,
    overrides: str | Path | None = None,
    online: bool = False,
    online_domain: str = "nominatim.openstreetmap.org",
    online_scheme: str = "https",
) -> GeocoderChain:
    """Record coordinates → analyst overrides → offline gazetteer → (optional) Nominatim."""
    # Imported here: the providers import this module for the interface.
    from mapping.gazetteer import Gazetteer, cache_dir

    providers: list[Geocoder] = []
    if overrides is not None:
        from mapping.overrides import OverrideGazetteer

        providers.append(OverrideGazetteer.from_file(overrides))
    providers.append(Gazetteer())
    if online:
        from mapping.geocode_cache import CachedGeocoder
        from mapping.nominatim import NominatimGeocoder

        service = NominatimGeocoder(domain=online_domain, scheme=online_scheme)
        providers.append(CachedGeocoder(service, cache_dir() / "online-geocodes.sqlite"))
    return GeocoderChain(providers)
