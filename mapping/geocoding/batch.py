"""Many names at once: a table of places (name, admin1, country, any other columns) in, the
same rows out with where each place is, how precisely, and how sure."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from mapping.countries import country_code
from mapping.geocoding.base import Geocoder, Location
from mapping.model import Place

RESULT_COLUMNS = ("lat", "lon", "precision", "radius_m", "status", "candidates", "gazetteer_id")


def _status(location: Location | None) -> str:
    if location is None:
        return "unresolved"
    return "ambiguous" if location.ambiguous else "resolved"


def geocode_rows(
    rows: Iterable[dict[str, str]],
    geocoder: Geocoder,
    suggest: Callable[[str, str | None], list[str]] | None = None,
) -> Iterator[dict[str, str]]:
    """Each row with the result columns added: `status` is resolved, ambiguous or unresolved;
    `candidates` lists the other places the name may mean, or the near misses of an
    unresolved one. A name, region and country seen before is resolved once."""
    seen: dict[tuple[str, str, str], dict[str, str]] = {}
    for row in rows:
        name = (row.get("name") or "").strip()
        admin1 = (row.get("admin1") or "").strip()
        written_country = (row.get("country") or "").strip()
        key = (name, admin1, written_country)
        if key not in seen:
            seen[key] = _resolve(name, admin1, written_country, geocoder, suggest)
        yield {**row, **seen[key]}


def _resolve(name, admin1, written_country, geocoder, suggest) -> dict[str, str]:
    empty = dict.fromkeys(RESULT_COLUMNS, "")
    country = country_code(written_country) if written_country else None
    if not name or (written_country and country is None):
        why = "no name" if not name else f"unknown country '{written_country}'"
        return empty | {"status": "unresolved", "candidates": why}
    try:
        place = Place(name=name, admin1=admin1 or None, country=country)
    except ValueError as error:
        return empty | {"status": "unresolved", "candidates": str(error).splitlines()[-1]}
    location = geocoder.geocode(place)
    if location is None:
        near = suggest(name, country) if suggest else []
        return empty | {"status": "unresolved", "candidates": "; ".join(near)}
    others = [
        f"{c.name} ({c.admin1 or c.country}, {c.lat:.5f}, {c.lon:.5f})"
        for c in location.candidates
        if c.id != location.id
    ]
    return {
        "lat": f"{location.lat:.6f}",
        "lon": f"{location.lon:.6f}",
        "precision": location.precision.value,
        "radius_m": f"{location.radius_m:.0f}",
        "status": _status(location),
        "candidates": "; ".join(others),
        "gazetteer_id": location.id or "",
    }
