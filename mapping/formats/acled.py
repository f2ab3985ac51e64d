"""Import of ACLED-format CSV exports: each event becomes an incident attributed to ACLED.

ACLED's fatality figure is its coders' estimate, so it is a statement by ACLED; the sources
ACLED cites are kept in that statement's note. Weapons are read from the event notes through
the alias table when they name one.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from mapping.countries import country_code
from mapping.errors import Problem
from mapping.formats.base import Format, csv_header
from mapping.model import DEFAULT_RADIUS_M, Precision
from mapping.records import LoadResult, load_data
from mapping.weapons import weapon_in_text

REQUIRED = ("event_date", "location", "latitude", "longitude")
ACLED_PRECISION = {"1": Precision.SETTLEMENT, "2": Precision.AREA, "3": Precision.REGION}
ACLED_SOURCE = {
    "id": "acled",
    "name": "ACLED (Armed Conflict Location & Event Data)",
    "party": "ngo",
}


def is_acled_header(columns: list[str]) -> bool:
    """Whether CSV columns look like an ACLED export (and not strikemap's own CSV)."""
    return all(c in columns for c in REQUIRED) and "killed_min" not in columns


def read_acled_csv(path: str | Path) -> LoadResult:
    """Incidents from an ACLED-format CSV."""
    text = Path(path).read_text(encoding="utf-8-sig")
    data = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    missing = [c for c in REQUIRED if c not in data.columns]
    if missing:
        return LoadResult(
            problems=[Problem(str(path), 1, None, missing[0], "ACLED column missing")]
        )
    records = [_record(row, index) for index, row in enumerate(data.to_dict("records"))]
    result = load_data(records, str(path))
    lines = {record["id"]: index + 2 for index, record in enumerate(records)}  # header is line 1
    result.problems = [
        replace(p, line=lines.get(p.record_id or "")) if p.line is None else p
        for p in result.problems
    ]
    return result


def _slug(text: str, index: int) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.strip().lower()).strip("-")
    return slug or f"acled-row-{index + 1}"


def _date(text: str) -> str:
    text = text.strip()
    try:
        return pd.to_datetime(text, format="ISO8601").date().isoformat()
    except ValueError:
        return pd.to_datetime(text, format="%d %B %Y").date().isoformat()  # "04 April 2025"


def _record(row: dict[str, Any], index: int) -> dict[str, Any]:
    record_id = _slug(row.get("event_id_cnty") or "", index)
    try:
        date: Any = _date(row["event_date"])
    except ValueError:
        date = row["event_date"]  # the model reports it as an invalid date
    precision = ACLED_PRECISION.get(row.get("geo_precision", "").strip(), Precision.SETTLEMENT)
    place: dict[str, Any] = {
        "name": row["location"],
        "country": country_code(row.get("iso") or row.get("country")),
        "admin1": row.get("admin1") or None,
        "lat": row["latitude"],
        "lon": row["longitude"],
        "precision": precision.value,
        "radius_m": DEFAULT_RADIUS_M[precision],
    }
    notes = row.get("notes") or ""
    record: dict[str, Any] = {
        "id": record_id,
        "date": date,
        "place": {k: v for k, v in place.items() if v not in (None, "")},
        "sources": [ACLED_SOURCE],
        "notes": notes or None,
        "tags": ["acled"] + ([row["sub_event_type"]] if row.get("sub_event_type") else []),
    }
    if found := weapon_in_text(notes):
        words, match = found
        record["weapon"] = {"system": words, "category": match.category.value, "source": "acled"}
    fatalities = (row.get("fatalities") or "").strip()
    if fatalities:
        record["casualties"] = [
            {
                "source": "acled",
                "group": "unspecified",
                "killed": int(fatalities) if fatalities.isdigit() else fatalities,
                "note": f"ACLED sources: {row['source']}" if row.get("source") else None,
            }
        ]
        if record["casualties"][0]["note"] is None:
            del record["casualties"][0]["note"]
    return {k: v for k, v in record.items() if v is not None}


def is_acled_csv(path: Path) -> bool:
    """Whether a CSV file's header is an ACLED export's."""
    return is_acled_header(csv_header(path))


FORMAT = Format("acled", (".csv",), read=read_acled_csv, recognises=is_acled_csv)
