"""Import of the Centre for Information Resilience's Eyes on Russia CSV: each entry becomes an
incident attributed to CIR, its link kept as the evidence source.

CIR's entries are verified footage: geolocated coordinates are read as the site, those marked
approximate as the settlement. A row with coordinates needs no town name. CIR gives no
casualty figures; its arms/munition and violence level are kept (weapon and tags).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mapping.countries import country_code
from mapping.formats.base import Format, csv_columns
from mapping.formats.dataset import DataSetRows, host_of, place_name, read_csv_data_set
from mapping.model import Precision
from mapping.records import LoadResult
from mapping.table_checks import CheckedTables
from mapping.weapons import WeaponCategory, weapon_used_in_text

REQUIRED = ("entry", "date", "lat", "lon", "town/city")
CIR_SOURCE = {
    "id": "cir",
    "name": "Centre for Information Resilience, Eyes on Russia",
    "party": "ngo",
    "url": "https://eyesonrussia.org",
}
NOT_GEOLOCATED = ("approx", "not ", "unverified", "no", "false", "pending")


def is_cir_csv(path: Path) -> bool:
    """Whether a CSV file's header is an Eyes on Russia export's."""
    columns = csv_columns(path)
    return all(c in columns for c in REQUIRED)


def read_cir_csv(path: str | Path) -> LoadResult:
    """Incidents from an Eyes on Russia CSV."""
    return _rows(Path(path)).records()


def read_cir_tables(path: Path) -> CheckedTables:
    """The incidents of an Eyes on Russia CSV as checked tables."""
    return _rows(path).tables()


def _rows(path: Path) -> DataSetRows:
    return read_csv_data_set(path, "CIR Eyes on Russia", ("date",), _record)


def _precision(geolocation: str) -> tuple[Precision, float]:
    text = geolocation.strip().casefold()
    if not text or text.startswith(NOT_GEOLOCATED):
        return Precision.SETTLEMENT, 5_000.0
    return Precision.SITE, 100.0


def _record(row: dict[str, str], line: int) -> dict[str, Any]:
    precision, radius = _precision(row.get("geolocation", ""))
    lat, lon = row["lat"], row["lon"]
    place: dict[str, Any] = {
        "name": place_name(row.get("town/city", ""), lat, lon),
        "country": country_code(row.get("country")),
        "admin1": row.get("province", "").strip() or None,
        "lat": lat.strip() or None,
        "lon": lon.strip() or None,
        "precision": precision.value,
        "radius_m": radius,
    }
    sources: list[dict[str, Any]] = [CIR_SOURCE]
    if link := row.get("link", "").strip():
        host = host_of(link)
        sources.append({"id": "cir-evidence", "name": host, "party": "other", "url": link})
    level = row.get("violence level", "").strip()
    record: dict[str, Any] = {
        "id": row["entry"].strip() or f"cir-line-{line}",
        "date": row["date"],
        "place": {k: v for k, v in place.items() if v is not None},
        "sources": sources,
        "tags": ["cir", *((f"violence level: {level}",) if level else ())],
    }
    if arms := row.get("arms/munition", "").strip():
        found = weapon_used_in_text(arms)
        category = found[1].category if found else WeaponCategory.UNKNOWN
        record["weapon"] = {"system": arms, "category": category.value, "source": "cir"}
    return record


FORMAT = Format(
    "cir", (".csv",), read=read_cir_csv, recognises=is_cir_csv, read_tables=read_cir_tables
)
