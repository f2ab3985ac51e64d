"""KML for Google Earth: one placemark per incident, with an escaped description balloon."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from layers import Layers
from mapping.atomic import atomic_path
from mapping.counts import describe_range
from mapping.formats.base import Format
from mapping.html import escape_html


def _figure(low: object, high: object) -> str:
    return describe_range(None if pd.isna(low) else int(low), None if pd.isna(high) else int(high))


def _description(row: pd.Series) -> str:
    """The balloon text. Google Earth renders it as HTML, so every value is escaped here
    (GDAL then escapes it once more for XML, which is undone when the file is read)."""
    lines = [
        f"{escape_html(row['date'])} · {escape_html(row['place'])}"
        + (f", {escape_html(row['admin1'])}" if pd.notna(row["admin1"]) else ""),
        f"Location: {escape_html(row['precision'])} (±{row['radius_m']:,.0f} m)"
        if pd.notna(row["radius_m"]) else "Location: unresolved",
        f"Weapon: {escape_html(row['weapon_system'] if pd.notna(row['weapon_system']) else row['weapon_category'])}",
    ]  # fmt: skip
    for label, prefix in (
        ("Killed", ""),
        ("Injured", "injured"),
        ("Children killed", "children_killed"),
    ):
        column = prefix or "killed"
        text = _figure(row[f"{column}_min"], row[f"{column}_max"])
        if text:
            lines.append(f"{label}: {escape_html(text)}")
    if pd.notna(row["outside_headline"]):
        lines.append(f"Not in the headline: {escape_html(row['outside_headline'])}")
    if row["contested"]:
        lines.append("Contested: the parties' accounts conflict")
    lines.append(f"Sources: {escape_html(row['sources'])}")
    return "<br>".join(lines)


def write_kml(layers: Layers, path: str | Path) -> int:
    """Incidents as KML placemarks named 'place (date)'."""
    incidents = layers.incidents
    located = incidents[~(incidents.geometry.isna() | incidents.geometry.is_empty)]
    data = gpd.GeoDataFrame(
        {
            "Name": located["place"] + " (" + located["date"] + ")",
            "Description": [_description(row) for _, row in located.iterrows()],
            "id": located["id"],
            "date": located["date"],
            "weapon_category": located["weapon_category"],
            "killed_min": located["killed_min"].astype("float64"),
            "contested": located["contested"].astype("int64"),
        },
        geometry=located.geometry,
        crs=located.crs,
    )
    with atomic_path(path) as temp:
        pyogrio.write_dataframe(
            data,
            temp,
            driver="KML",
            dataset_options={"NameField": "Name", "DescriptionField": "Description"},
        )
    return len(data)


FORMAT = Format("kml", (".kml",), write=write_kml)
