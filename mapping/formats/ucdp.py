"""Import of the UCDP Georeferenced Event Dataset (GED) CSV: each event becomes an incident
attributed to UCDP, with its low/best/high death estimates kept as ranges.

UCDP codes every lethal event of organised violence; it does not say which weapon, so all of a
file's events are imported, tagged with UCDP's type of violence.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mapping.countries import country_code
from mapping.formats.base import Format, csv_columns
from mapping.formats.dataset import (
    MONTH_FIRST,
    DataSetRows,
    number,
    place_name,
    read_csv_data_set,
)
from mapping.model import DatePrecision, Precision
from mapping.records import LoadResult
from mapping.table_checks import CheckedTables

REQUIRED = ("id", "where_prec", "date_prec", "date_start", "latitude", "longitude", "best")
# where_prec (GED codebook): 1 the exact place; 2 within about 25 km of it; 3 a second-order
# administrative division; 4 a first-order division (an oblast); 5 a linear feature or an area
# between places; 6 the country; 7 international waters or airspace.
WHERE_PRECISION = {
    "1": (Precision.SETTLEMENT, 5_000.0),
    "2": (Precision.REGION, 25_000.0),
    "3": (Precision.REGION, 40_000.0),
    "4": (Precision.REGION, 100_000.0),
    "5": (Precision.REGION, 50_000.0),
    "6": (Precision.REGION, 500_000.0),
    "7": (Precision.REGION, 500_000.0),
}
# date_prec: 1 the day; 2 within 2–6 days; 3 the week; 4 the month; 5 more than a month.
DATE_PRECISION = {
    "1": DatePrecision.DAY,
    "2": DatePrecision.WEEK,
    "3": DatePrecision.WEEK,
    "4": DatePrecision.MONTH,
    "5": DatePrecision.YEAR,
}
VIOLENCE = {"1": "state-based conflict", "2": "non-state conflict", "3": "one-sided violence"}
UCDP_SOURCE = {
    "id": "ucdp",
    "name": "UCDP Georeferenced Event Dataset",
    "party": "ngo",
    "url": "https://ucdp.uu.se",
}
_FEATURE_WORD = re.compile(r"\s+(?:town|city|village|settlement)$", re.IGNORECASE)


def is_ucdp_csv(path: Path) -> bool:
    """Whether a CSV file's header is a UCDP GED file's."""
    columns = csv_columns(path)
    return all(c in columns for c in REQUIRED)


def read_ucdp_csv(path: str | Path) -> LoadResult:
    """Incidents from a UCDP GED CSV (UTF-8 or Windows-1252)."""
    return _rows(Path(path)).records()


def read_ucdp_tables(path: Path) -> CheckedTables:
    """The incidents of a UCDP GED CSV as checked tables."""
    return _rows(path).tables()


def _rows(path: Path) -> DataSetRows:
    return read_csv_data_set(
        path, "UCDP GED", ("date_start", "date_end"), _record, prefer=MONTH_FIRST
    )


def _record(row: dict[str, str], line: int) -> dict[str, Any]:
    precision, radius = WHERE_PRECISION.get(row["where_prec"].strip(), WHERE_PRECISION["1"])
    lat, lon = row["latitude"], row["longitude"]
    place: dict[str, Any] = {
        "name": place_name(
            _FEATURE_WORD.sub("", row.get("where_coordinates", "").strip()), lat, lon
        ),
        "country": country_code(row.get("country")),
        "admin1": row.get("adm_1", "").strip() or None,
        "lat": lat.strip() or None,
        "lon": lon.strip() or None,
        "precision": precision.value,
        "radius_m": radius,
        "note": row.get("where_description", "").strip() or None,
    }
    violence = VIOLENCE.get(row.get("type_of_violence", "").strip())
    notes = [
        row.get(name, "").strip() for name in ("dyad_name", "source_headline") if row.get(name)
    ]
    date, end = row["date_start"], row.get("date_end", "").strip()
    if end and end != date:
        notes.append(f"UCDP dates the event {date} to {end}.")
    record: dict[str, Any] = {
        "id": row["id"].strip() or f"ucdp-line-{line}",
        "date": date,
        "date_precision": DATE_PRECISION.get(row["date_prec"].strip(), DatePrecision.DAY).value,
        "place": {k: v for k, v in place.items() if v is not None},
        "sources": [UCDP_SOURCE],
        "tags": ["ucdp", *((violence,) if violence else ())],
        "casualties": _deaths(row),
    }
    if notes:
        record["notes"] = "\n".join(notes)
    return record


def _deaths(row: dict[str, str]) -> list[dict[str, Any]]:
    """UCDP's deaths: the low–high range (best estimate in the note), then the civilians and
    the two sides' combatants of the best estimate."""
    best, low, high = (number(row.get(k, "")) for k in ("best", "low", "high"))
    killed: Any = best
    if isinstance(low, int) and isinstance(high, int) and low != high:
        killed = {"min": low, "max": high}
    statements = []
    if killed is not None:
        statement = {"source": "ucdp", "group": "unspecified", "killed": killed}
        if killed != best:
            statement["note"] = f"UCDP best estimate: {best}"
        statements.append(statement)
    civilians = number(row.get("deaths_civilians", ""))
    if civilians:
        statements.append({"source": "ucdp", "group": "civilians", "killed": civilians})
    sides = [number(row.get(k, "")) for k in ("deaths_a", "deaths_b")]
    if all(isinstance(n, int) for n in sides) and sum(sides):  # type: ignore[arg-type]
        statements.append(
            {
                "source": "ucdp",
                "group": "military",
                "killed": sum(sides),  # type: ignore[arg-type]
                "note": f"{row.get('side_a', 'side A')}: {sides[0]}; "
                f"{row.get('side_b', 'side B')}: {sides[1]}",
            }
        )
    return statements


FORMAT = Format(
    "ucdp", (".csv",), read=read_ucdp_csv, recognises=is_ucdp_csv, read_tables=read_ucdp_tables
)
