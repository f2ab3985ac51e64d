"""What every geocoder shares: the answer types, the provider interface and default radii.

A leaf: providers, wrappers and the chain import it; it imports only the model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Protocol

from mapping.geodesy import haversine_m
from mapping.model import DEFAULT_RADIUS_M, Place, Precision


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
    radius_m: float | None = None  # a settlement GeoNames does not list: its community's reach


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
            "status": "ambiguous" if self.ambiguous else "resolved",
            "candidates": [
                {
                    "name": c.name,
                    "lat": c.lat,
                    "lon": c.lon,
                    "admin1": c.admin1,
                    "population": c.population,
                    "score": c.score,
                    "id": c.id,
                    **({"radius_m": c.radius_m} if c.radius_m is not None else {}),
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


def holding_m(distances: list[float], share: float = 0.9) -> float:
    """The distance that holds `share` of the sorted `distances` (0 when there are none)."""
    return distances[int(share * (len(distances) - 1))] if distances else 0.0


__all__ = [
    "DEFAULT_RADIUS_M",
    "Candidate",
    "Geocoder",
    "Location",
    "haversine_m",
    "holding_m",
    "settlement_radius_m",
]
