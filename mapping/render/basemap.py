"""The offline basemap: country shapes from Natural Earth and the gazetteer's larger places as
labels, shipped inside every map so that a map opened without internet still shows where it
is. `countries.json` is made by `scripts/update_basemap.py` (Natural Earth 1:50m, public
domain, via the npm package `world-atlas`; internationally recognised borders).
"""

from __future__ import annotations

import base64
import json
import logging
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path

from mapping.errors import StrikemapError
from mapping.geocoding.gazetteer import Gazetteer
from mapping.html import escape_html

log = logging.getLogger(__name__)

COUNTRIES = Path(__file__).parent / "basemap" / "countries.json"
LABELS_EVERYWHERE = 100_000  # people: labelled wherever the map is
LABELS_IN_DATA_COUNTRIES = 20_000  # people: labelled in the countries the incidents are in


def place_labels(countries: tuple[str, ...]) -> list[list[object]]:
    """[name (HTML-escaped), lat, lon, population] of the places to label, the most populous
    first; none when the gazetteer cannot be opened (the map is still drawn)."""
    try:
        gazetteer = Gazetteer()
    except (OSError, sqlite3.Error, StrikemapError) as error:
        log.warning("the offline basemap has no place labels: %s", error)
        return []
    try:
        places = gazetteer.larger_places(LABELS_EVERYWHERE, countries, LABELS_IN_DATA_COUNTRIES)
    finally:
        gazetteer.close()
    return [
        [escape_html(name), round(lat, 3), round(lon, 3), people]
        for name, lat, lon, people in places
    ]


@lru_cache(maxsize=8)
def deflated_basemap(countries: tuple[str, ...] = ()) -> bytes:
    """The basemap as the page reads it: {"countries": GeoJSON, "places": labels}, deflated
    (a third of its size)."""
    places = json.dumps(place_labels(countries), ensure_ascii=False, separators=(",", ":"))
    text = '{"countries":' + COUNTRIES.read_text(encoding="utf-8") + ',"places":' + places + "}"
    return zlib.compress(text.encode("utf-8"), 9)


@lru_cache(maxsize=8)
def packed_basemap(countries: tuple[str, ...] = ()) -> str:
    """`deflated_basemap` in base64, for inside a page."""
    return base64.b64encode(deflated_basemap(countries)).decode("ascii")
