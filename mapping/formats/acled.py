"""Import of ACLED exports (CSV from the export tool, older files in capitals, HDX copies with a
hashtag row): each strike event becomes an incident attributed to ACLED.

ACLED's fatality figure is its coders' estimate, so it is a statement by ACLED; the sources
ACLED cites are kept in that statement's note. Only strikes are imported unless asked: the
sub-event types of explosions and remote violence that are air, drone, missile and artillery
strikes. The weapon is read from the notes only where they say it was used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mapping.countries import country_code
from mapping.formats.base import Format, csv_columns
from mapping.formats.dataset import DataSetRows, number, place_name, read_csv_data_set
from mapping.model import DatePrecision, Precision
from mapping.records import LoadResult
from mapping.table_checks import CheckedTables
from mapping.weapons import weapon_used_in_text

REQUIRED = ("event_date", "latitude", "longitude")
STRIKE_SUB_EVENTS = {"air/drone strike", "shelling/artillery/missile attack"}
# geo_precision: 1 the town itself; 2 near a town or a part of a region; 3 a region only.
ACLED_PRECISION = {
    "1": (Precision.SETTLEMENT, 5_000.0),
    "2": (Precision.REGION, 25_000.0),
    "3": (Precision.REGION, 50_000.0),
}
TIME_PRECISION = {"1": DatePrecision.DAY, "2": DatePrecision.WEEK, "3": DatePrecision.MONTH}
ACLED_SOURCE = {
    "id": "acled",
    "name": "ACLED (Armed Conflict Location & Event Data)",
    "party": "ngo",
    "url": "https://acleddata.com",
}


def is_acled_header(columns: list[str]) -> bool:
    """Whether CSV columns (any case) look like an ACLED export, not strikemap's own CSV."""
    names = {c.strip().casefold() for c in columns}
    return (
        all(c in names for c in REQUIRED) and "event_id_cnty" in names and "radius_m" not in names
    )


def is_acled_csv(path: Path) -> bool:
    """Whether a CSV file's header is an ACLED export's."""
    return is_acled_header(csv_columns(path))


def read_acled_csv(path: str | Path, *, all_events: bool = False) -> LoadResult:
    """Incidents from an ACLED export; with `all_events`, events that are not strikes too
    (tagged `not-a-strike`)."""
    return acled_rows(Path(path), all_events).records()


def read_acled_tables(path: Path) -> CheckedTables:
    """The strikes of an ACLED export as checked tables."""
    return acled_rows(path).tables()


def acled_rows(path: Path, all_events: bool = False) -> DataSetRows:
    """The records of an ACLED export, not yet validated."""

    def not_a_strike(row: dict[str, str]) -> str | None:
        if all_events or _is_strike(row):
            return None
        return f"not a strike: {row.get('event_type') or 'no event type'}"

    def make(row: dict[str, str], line: int) -> dict[str, Any]:
        record = _record(row, line)
        if all_events and not _is_strike(row):  # without all_events, only strikes get here
            record["tags"].append("not-a-strike")
        return record

    return read_csv_data_set(path, "ACLED", ("event_date",), make, skip=not_a_strike)


def _is_strike(row: dict[str, str]) -> bool:
    if "sub_event_type" not in row:  # files from before ACLED's sub-event types
        return row.get("event_type", "").strip().casefold() == "remote violence"
    return row["sub_event_type"].strip().casefold() in STRIKE_SUB_EVENTS


def _record(row: dict[str, str], line: int) -> dict[str, Any]:
    precision, radius = ACLED_PRECISION.get(
        row.get("geo_precision", "").strip(), (Precision.SETTLEMENT, 5_000.0)
    )
    lat, lon = row.get("latitude", ""), row.get("longitude", "")
    place: dict[str, Any] = {
        "name": place_name(row.get("location", ""), lat, lon),
        "country": country_code(row.get("iso")) or country_code(row.get("country")),
        "admin1": row.get("admin1", "").strip() or None,
        "lat": lat.strip() or None,
        "lon": lon.strip() or None,
        "precision": precision.value,
        "radius_m": radius,
    }
    notes = row.get("notes", "").strip()
    record: dict[str, Any] = {
        "id": row.get("event_id_cnty", "").strip() or f"acled-line-{line}",
        "date": row.get("event_date", ""),
        "date_precision": TIME_PRECISION.get(row.get("time_precision", "").strip(), "day"),
        "place": {k: v for k, v in place.items() if v is not None},
        "sources": [ACLED_SOURCE],
        "tags": ["acled", *(t for t in (row.get("sub_event_type", "").strip(),) if t)],
    }
    if notes:
        record["notes"] = notes
    if found := weapon_used_in_text(notes):
        words, match = found
        record["weapon"] = {"system": words, "category": match.category.value, "source": "acled"}
    if (killed := number(row.get("fatalities", ""))) is not None:
        statement = {"source": "acled", "group": "unspecified", "killed": killed}
        if cited := row.get("source", "").strip():
            statement["note"] = f"ACLED sources: {cited}"
        record["casualties"] = [statement]
    if actor := row.get("actor1", "").strip():
        record["claims"] = [{"source": "acled", "about": "responsibility", "text": actor}]
    return record


FORMAT = Format(
    "acled",
    (".csv",),
    read=read_acled_csv,
    recognises=is_acled_csv,
    read_options=("all_events",),
    read_tables=read_acled_tables,
)
