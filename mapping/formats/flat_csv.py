"""CSV: the flat profile with ACLED-like columns first, an optional HXL hashtag row, and import.

Humanitarian users read the ACLED-style columns and HXL tags; GIS users read latitude/longitude.
Reading our CSV back gives one incident per row whose figures are the exported headline,
attributed to a source that names the original sources.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from layers import Layers
from mapping.atomic import atomic_path
from mapping.countries import country_alpha3, country_code, country_name, country_numeric
from mapping.formats.base import Format, csv_columns
from mapping.formats.dataset import read_table
from mapping.headline import CATEGORIES, HEADLINE_COLUMNS, LATEST_COLUMNS, LATEST_FIGURES
from mapping.html import from_spreadsheet_cell, spreadsheet_cell
from mapping.records import LoadResult, load_rows

EVENT_TYPE = "Explosions/Remote violence"
SUB_EVENT_TYPES = {
    "ballistic_missile": "Shelling/artillery/missile attack",
    "cruise_missile": "Shelling/artillery/missile attack",
    "air_defence_missile": "Shelling/artillery/missile attack",
    "rocket_artillery": "Shelling/artillery/missile attack",
    "artillery": "Shelling/artillery/missile attack",
    "glide_bomb": "Air/drone strike",
    "aircraft_bomb": "Air/drone strike",
    "loitering_munition": "Air/drone strike",
    "drone": "Air/drone strike",
}
GEO_PRECISION = {"site": 1, "area": 1, "settlement": 1, "region": 3}  # ACLED's 1/2/3
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}  # ACLED: 3 is a month or more

# Column → HXL hashtag (https://hxlstandard.org), for the optional second header row: the
# tags HDX gives ACLED's columns, and only dates under #date and numbers under #affected, so
# the file passes libhxl's default schema.
HXL = {
    "event_id_cnty": "#event+code", "event_date": "#date+occurred", "year": "#date+year",
    "time_precision": "#meta+precision+date", "event_type": "#event+type",
    "sub_event_type": "#event+type+sub", "country": "#country+name", "iso": "#country+code+num",
    "iso3": "#country+code", "admin1": "#adm1+name", "location": "#loc+name",
    "latitude": "#geo+lat", "longitude": "#geo+lon", "geo_precision": "#geo+precision",
    "source": "#meta+source", "notes": "#description", "fatalities": "#affected+killed",
    "time": "#meta+time+local", "precision": "#geo+precision+text", "radius_m": "#geo+radius",
    "gazetteer_id": "#loc+code", "ambiguous": "#geo+ambiguous", "weapon_system": "#event+weapon",
    "weapon_category": "#event+weapon+type", "weapon_warhead": "#event+weapon+warhead",
    "outside_headline": "#description+claimed", "contested": "#status+contested",
    "n_sources": "#meta+source+num", "parties": "#meta+source+party", "statuses": "#status",
    "tags": "#meta+tags",
}  # fmt: skip
HXL.update(
    {
        f"{prefix}{category}_{bound}": f"#affected+{category}"
        + (f"+{prefix.rstrip('_')}" if prefix else "")
        + f"+{bound}"
        for prefix in ("", "children_", "military_")
        for category in CATEGORIES
        for bound in ("min", "max")
    }
)

for figure in LATEST_FIGURES:
    tag = "+".join(reversed(figure.split("_")))  # children_killed → killed+children
    HXL[f"{figure}_latest_min"] = f"#affected+{tag}+latest+min"
    HXL[f"{figure}_latest_max"] = f"#affected+{tag}+latest+max"
    HXL[f"{figure}_latest_by"] = f"#meta+source+{tag}+latest"

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "country", "iso3", "iso", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities",
]  # fmt: skip
OWN_COLUMNS = [
    "time", "precision", "radius_m", "gazetteer_id", "ambiguous", "weapon_system",
    "weapon_category", "weapon_warhead", *HEADLINE_COLUMNS, *LATEST_COLUMNS, "outside_headline", "contested",
    "n_sources", "parties", "statuses", "tags",
]  # fmt: skip
CSV_COLUMNS = ACLED_COLUMNS + OWN_COLUMNS


def flat_table(
    incidents: gpd.GeoDataFrame, date_precision: pd.Series | None = None
) -> pd.DataFrame:
    """The CSV columns for an incidents layer."""
    data = pd.DataFrame(index=incidents.index)
    data["event_id_cnty"] = incidents["id"]
    data["event_date"] = incidents["date"]
    data["year"] = incidents["date"].str.slice(0, 4)
    data["time_precision"] = (
        date_precision.map(TIME_PRECISION).to_numpy() if date_precision is not None else 1
    )
    data["event_type"] = EVENT_TYPE
    data["sub_event_type"] = incidents["weapon_category"].map(SUB_EVENT_TYPES).fillna("")
    data["country"] = incidents["country"].map(country_name)
    data["iso"] = incidents["country"].map(country_numeric).astype("Int64")  # as ACLED: 804
    data["iso3"] = incidents["country"].map(country_alpha3)
    data["admin1"] = incidents["admin1"]
    data["location"] = incidents["place"]
    located = ~(incidents.geometry.isna() | incidents.geometry.is_empty)
    data["latitude"] = np.where(located, incidents.geometry.y.round(6), np.nan)
    data["longitude"] = np.where(located, incidents.geometry.x.round(6), np.nan)
    data["geo_precision"] = incidents["precision"].map(GEO_PRECISION).astype("Int64")
    data["source"] = incidents["sources"]
    data["notes"] = incidents["notes"]
    data["fatalities"] = incidents["killed_min"].fillna(0).astype("int64")
    for column in OWN_COLUMNS:
        data[column] = incidents[column]
    return data[CSV_COLUMNS]


def write_csv(layers: Layers, path: str | Path, *, hxl: bool = False) -> int:
    """The flat profile as UTF-8 CSV; with `hxl`, a hashtag row under the header and text on
    one line with single spaces (HXL tools flag line breaks and runs of spaces)."""
    precision = layers.tables.incidents.set_index("id")["date_precision"]
    table = flat_table(layers.incidents, layers.incidents["id"].map(precision))
    text = table.select_dtypes(include=["object", "string"]).columns
    if hxl:
        table[text] = table[text].apply(
            lambda column: column.str.replace(r"\s+", " ", regex=True).str.strip()
        )
    table[text] = table[text].map(spreadsheet_cell)  # shown by a spreadsheet, never run
    with atomic_path(path) as temp, temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        if hxl:
            writer.writerow([HXL[c] for c in CSV_COLUMNS])
        table.to_csv(handle, header=False, index=False, lineterminator="\r\n")
    return len(table)


def read_flat_csv(path: str | Path) -> LoadResult:
    """Incidents from a CSV written by `write_csv` (headline figures become one statement);
    a value the model cannot read is reported with its line and field."""
    table = read_table(Path(path))  # the HXL row under the header is skipped
    rows = [
        {column: row.get(column, "") for column in CSV_COLUMNS}
        | {column: from_spreadsheet_cell(value) for column, value in row.items()}
        for row in table.rows
    ]
    return load_rows(zip(table.lines, map(_record_from_row, rows), strict=True), str(path))


def _none(value: str) -> str | None:
    return value if value not in ("", "nan", "<NA>") else None


def _record_from_row(row: dict[str, Any]) -> dict[str, Any]:
    place: dict[str, Any] = {
        "name": row["location"],
        "country": country_code(_none(row.get("iso3", ""))) or country_code(_none(row["iso"])),
        "admin1": _none(row["admin1"]),
    }
    if _none(row["latitude"]) and _none(row["longitude"]):
        place |= {
            "lat": row["latitude"],  # as text: the model reads it, or says why not
            "lon": row["longitude"],
            "precision": _none(row["precision"]) or "settlement",
        }
        if _none(row["radius_m"]):
            place["radius_m"] = row["radius_m"]
    place["gazetteer_id"] = _none(row["gazetteer_id"])
    source = {
        "id": "exported-headline",
        "name": f"headline figures exported by strikemap from: {row['source'] or 'unknown sources'}",
        "party": "other",
    }
    casualties = []
    for prefix, group in (
        ("", "unspecified"),
        ("children_", "children"),
        ("military_", "military"),
    ):
        entry: dict[str, Any] = {"source": source["id"], "group": group}
        for category in ("killed", "injured", "missing"):
            low, high = _none(row[f"{prefix}{category}_min"]), _none(row[f"{prefix}{category}_max"])
            if low or high:
                entry[category] = {k: v for k, v in (("min", low), ("max", high)) if v}
        if len(entry) > 2:
            casualties.append(entry)
    weapon = None
    if _none(row["weapon_system"]) or _none(row["weapon_category"]):
        weapon = {
            k: v
            for k, v in (
                ("system", _none(row["weapon_system"])),
                ("category", _none(row["weapon_category"])),
                ("warhead", _none(row["weapon_warhead"])),
            )
            if v
        }
    record = {
        "id": row["event_id_cnty"],
        "date": row["event_date"],
        "time": _none(row["time"]),
        "place": {k: v for k, v in place.items() if v is not None},
        "weapon": weapon,
        "sources": [source],
        "casualties": casualties,
        "notes": _none(row["notes"]),
        "tags": [t.strip() for t in row["tags"].split(";") if t.strip()]
        if row.get("tags")
        else None,
    }
    return {k: v for k, v in record.items() if v not in (None, [], {})}


def is_flat_csv(path: Path) -> bool:
    """Whether a CSV file's header is strikemap's own (this version's or an earlier one's)."""
    columns = csv_columns(path)
    return columns[:2] == CSV_COLUMNS[:2] and {"radius_m", "killed_min", "n_sources"} <= set(
        columns
    )


FORMAT = Format(
    "csv", (".csv",), read=read_flat_csv, write=write_csv, recognises=is_flat_csv, options=("hxl",)
)
