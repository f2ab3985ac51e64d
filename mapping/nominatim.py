"""Optional online geocoding with OpenStreetMap's Nominatim (through geopy), off by default.

Rate-limited to one request a second, time-limited, cached on disk, and never fatal: when the
service cannot be reached the failure is reported once and the provider steps aside for the
rest of the run, leaving the offline answer.
"""

from __future__ import annotations

import functools
import logging
import math
from typing import Any

from geopy.adapters import RequestsAdapter
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from mapping import __version__
from mapping.geocoding import Location
from mapping.model import Place, Precision

log = logging.getLogger("strikemap")

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
    """Nominatim behind the provider interface."""

    provider = "nominatim"

    def __init__(
        self,
        *,
        domain: str = "nominatim.openstreetmap.org",
        scheme: str = "https",
        timeout: float = 5.0,
        min_delay_seconds: float = 1.0,
        user_agent: str = USER_AGENT,
    ) -> None:
        self._service = Nominatim(
            user_agent=user_agent,
            domain=domain,
            scheme=scheme,
            timeout=timeout,
            adapter_factory=functools.partial(RequestsAdapter, max_retries=0),
        )
        # No retries and no swallowed errors: geopy's defaults would retry for ~10 s and then
        # return None, which looks like "not found". We want to know it failed.
        self._geocode = RateLimiter(
            self._service.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )
        self.domain = domain
        self.failure: str | None = None

    def geocode(self, place: Place) -> Location | None:
        if self.failure is not None:
            return None
        query = ", ".join(part for part in (place.name, place.admin1) if part)
        try:
            found = self._geocode(
                query,
                exactly_one=True,
                country_codes=place.country.lower() if place.country else None,
            )
        except GeopyError as error:
            self.failure = f"{type(error).__name__}: {error}"
            log.warning(
                "online geocoding (Nominatim at %s) failed, using offline results only: %s",
                self.domain,
                self.failure,
            )
            return None
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
