"""A wrapper for an optional service: its failure is said once and never ends a run."""

from __future__ import annotations

import logging

from mapping.errors import GeocodeError
from mapping.geocoding.base import Geocoder, Location
from mapping.model import Place

log = logging.getLogger("strikemap")


class OptionalGeocoder:
    """After the wrapped provider's first failure (GeocodeError) a warning is logged and the
    provider steps aside for the rest of the run, leaving the other providers' answers."""

    def __init__(self, inner: Geocoder) -> None:
        self.inner = inner
        self.provider = inner.provider
        self.failure: str | None = None

    def geocode(self, place: Place) -> Location | None:
        if self.failure is not None:
            return None
        try:
            return self.inner.geocode(place)
        except GeocodeError as error:
            self.failure = str(error)
            log.warning("online geocoding failed, using offline results only: %s", error)
            return None
