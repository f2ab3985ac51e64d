"""The optional online provider as the chain uses it: Nominatim, rate-limited to one request
a second, its answers cached on disk, and stepping aside after its first failure."""

from __future__ import annotations

from pathlib import Path

from mapping.geocoding.base import Geocoder
from mapping.geocoding.cache import CachedGeocoder
from mapping.geocoding.nominatim import NominatimGeocoder
from mapping.geocoding.optional import OptionalGeocoder
from mapping.geocoding.rate_limit import RateLimitedGeocoder


def online_geocoder(domain: str, scheme: str, cache: Path) -> Geocoder:
    """Nominatim at `domain`, wrapped for use in a run that must never fail because of it."""
    service = NominatimGeocoder(domain=domain, scheme=scheme)
    cached = CachedGeocoder(
        RateLimitedGeocoder(service, min_delay_seconds=1.0),
        cache,
        namespace=f"{service.provider}@{domain}",
    )
    return OptionalGeocoder(cached)
