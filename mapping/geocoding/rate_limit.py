"""A wrapper that spaces any provider's requests (online services ask for one a second)."""

from __future__ import annotations

from geopy.extra.rate_limiter import RateLimiter

from mapping.geocoding.base import Geocoder, Location
from mapping.model import Place


class RateLimitedGeocoder:
    """Calls the wrapped provider at most once every `min_delay_seconds`."""

    def __init__(self, inner: Geocoder, min_delay_seconds: float = 1.0) -> None:
        self.inner = inner
        self.provider = inner.provider
        # geopy's limiter wraps any callable; no retries and no swallowed errors, so a
        # failure reaches the caller instead of turning into "not found" after ~10 s.
        self._geocode = RateLimiter(
            inner.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )

    def geocode(self, place: Place) -> Location | None:
        return self._geocode(place)
