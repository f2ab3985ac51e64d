"""Optional online geocoding with OpenStreetMap's Nominatim (through geopy), off by default.

Time-limited here; the factory wraps it to be rate-limited to one request a second, cached on
disk, and never fatal (see rate_limit.py, cache.py and optional.py).
"""

from __future__ import annotations

import functools
import math
from typing import Any

from geopy.adapters import RequestsAdapter
from geopy.exc import GeopyError
from geopy.geocoders import Nominatim

from mapping import __version__
from mapping.errors import GeocodeError
from mapping.geocoding.base import Location
from mapping.model import Place, Precision

USER_AGENT = f"strikemap/{__version__} (conflict incident mapping)"

# Nominatim's address types, from finest to coarsest, mapped to our precision levels.
_PRECISION = {
    **dict.fromkeys(("building", "house", "amenity", "shop", "tourism", "office"), Precision.SITE),
    **dict.fromkeys(
        ("road", "neighbourhood", "quarter", "suburb", "city_district", "hamlet", "square"),
        Precision.AREA,
    ),
    **dict.fromkeys(("city", "town", "village", "municipality", "borough"), Precision.SETTLEMENT),
}


class NominatimGeocoder:
    """Nominatim behind the provider interface. A service that cannot be reached raises
    GeocodeError (never "not found"); rate limit, cache and step-aside are wrappers."""

    provider = "nominatim"

    def __init__(
        self,
        *,
        domain: str = "nominatim.openstreetmap.org",
        scheme: str = "https",
        timeout: float = 5.0,
        user_agent: str = USER_AGENT,
    ) -> None:
        # No retries: geopy's defaults would retry for ~10 s and then return None, which
        # looks like "not found". We want to know it failed.
        self._service = Nominatim(
            user_agent=user_agent,
            domain=domain,
            scheme=scheme,
            timeout=timeout,
            adapter_factory=functools.partial(RequestsAdapter, max_retries=0),
        )
        self.domain = domain

    def geocode(self, place: Place) -> Location | None:
        query = ", ".join(part for part in (place.name, place.admin1) if part)
        try:
            found = self._service.geocode(
                query,
                exactly_one=True,
                country_codes=place.country.lower() if place.country else None,
            )
        except GeopyError as error:
            raise GeocodeError(
                f"Nominatim at {self.domain}: {type(error).__name__}: {error}"
            ) from error
        return None if found is None else location_from_nominatim(place.name, found.raw)


def location_from_nominatim(query: str, raw: dict[str, Any]) -> Location:
    """Our Location from one Nominatim result (its JSON)."""
    kind = raw.get("addresstype") or raw.get("type") or ""
    precision = _PRECISION.get(kind, Precision.REGION)
    lat, lon = float(raw["lat"]), float(raw["lon"])
    radius = 1_000.0
    if box := raw.get("boundingbox"):
        south, north, west, east = (float(v) for v in box)
        half_height = (north - south) / 2 * 111_320
        half_width = (east - west) / 2 * 111_320 * math.cos(math.radians(lat))
        radius = max(50.0, round(math.hypot(half_height, half_width), -1))
    return Location(
        query=query,
        name=raw.get("name") or raw.get("display_name", query).split(",")[0],
        lat=lat,
        lon=lon,
        precision=precision,
        radius_m=radius,
        provider="nominatim",
        id=f"osm:{raw.get('osm_type', '?')}/{raw.get('osm_id', '?')}",
        country=(raw.get("address") or {}).get("country_code", "").upper() or None,
    )
