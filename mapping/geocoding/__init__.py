"""Geocoding: place names as reports write them → coordinates with an honest precision.

Every provider answers `geocode(place)` with a `Location` or None (`base.py`); the chain tries
record coordinates, analyst overrides, the offline gazetteer and, optionally, Nominatim, in
that order. Cross-cutting behaviour wraps a provider: a disk cache, a rate limit, and
step-aside-on-failure for an optional service (online.py puts them together).
"""

from __future__ import annotations

from pathlib import Path

from mapping.geocoding.base import (
    DEFAULT_RADIUS_M,
    Candidate,
    Geocoder,
    Location,
    settlement_radius_m,
)
from mapping.geocoding.gazetteer import Gazetteer, cache_dir
from mapping.geocoding.learned import LearnedPlaces
from mapping.geocoding.overrides import OverrideGazetteer
from mapping.geocoding.resolve import (
    GeocoderChain,
    GeocodeReport,
    RecordCoordinates,
    geocode_incidents,
    resolved_place,
)
from mapping.theatre import Theatre, load_theatre


def default_geocoder(
    *,
    overrides: str | Path | None = None,
    online: bool = False,
    online_domain: str = "nominatim.openstreetmap.org",
    online_scheme: str = "https",
    theatre: Theatre | None = None,
) -> GeocoderChain:
    """Record coordinates → analyst overrides → offline gazetteer → (optional) Nominatim. The
    gazetteer prefers places in the `theatre`; by default the one set for the team
    (strikemap.toml or STRIKEMAP_COUNTRIES)."""
    providers: list[Geocoder] = []
    if overrides is not None:
        providers.append(OverrideGazetteer.from_file(overrides))
    providers.append(
        Gazetteer(
            theatre=theatre if theatre is not None else load_theatre(),
            learned=LearnedPlaces.existing(),
        )
    )
    if online:
        # Imported on demand: geopy and its HTTP stack load only when the network is wanted.
        from mapping.geocoding.online import online_geocoder

        cache = cache_dir() / "online-geocodes.sqlite"
        providers.append(online_geocoder(online_domain, online_scheme, cache))
    return GeocoderChain(providers)


__all__ = [
    "DEFAULT_RADIUS_M",
    "Candidate",
    "Gazetteer",
    "GeocodeReport",
    "Geocoder",
    "GeocoderChain",
    "LearnedPlaces",
    "Location",
    "OverrideGazetteer",
    "RecordCoordinates",
    "default_geocoder",
    "geocode_incidents",
    "resolved_place",
    "settlement_radius_m",
]
