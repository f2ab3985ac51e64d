"""KML 2.2 for Google Earth: one placemark per incident, valid against the OGC schema.

Each placemark has a stable id (from the incident id), a TimeStamp (so Google Earth's time
slider works; a month- or year-precise date is written as that month or year), the style of
its weapon category, and a balloon with the headline figures and every statement with who
made it. Written with ElementTree rather than GDAL's KML driver, whose ids come from the
(temporary) file name and which writes neither TimeStamp nor styles.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

from layers import Layers
from mapping.atomic import atomic_path
from mapping.counts import describe_range
from mapping.formats.base import Format
from mapping.html import escape_html
from mapping.weapons import CATEGORY_COLOURS

KML = "http://www.opengis.net/kml/2.2"
# Characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
STATEMENTS_SHOWN = 30  # per balloon; the rest are counted


def _figure(low: object, high: object) -> str:
    return describe_range(None if pd.isna(low) else int(low), None if pd.isna(high) else int(high))


def _clean(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def _text(value: object) -> str:
    """A value as HTML-escaped balloon text (Google Earth renders the balloon as HTML)."""
    return escape_html(_clean(value)) if pd.notna(value) else ""


def _statements(rows: pd.DataFrame) -> list[str]:
    """One balloon line per casualty statement: the figure, who said it, when, its status."""
    lines = []
    for row in rows.head(STATEMENTS_SHOWN).itertuples():
        group = "" if row.group == "unspecified" else f"{row.group} "
        when = f", {row.as_of}" if pd.notna(row.as_of) else ""
        lines.append(
            f"{_text(_figure(row.min, row.max))} {_text(group)}{_text(row.category)}"
            f" — {_text(row.source)}{_text(when)} ({_text(row.status)})"
        )
    if len(rows) > STATEMENTS_SHOWN:
        lines.append(f"… and {len(rows) - STATEMENTS_SHOWN} more statements")
    return lines


def _description(row: pd.Series, statements: pd.DataFrame) -> str:
    """The balloon: every value escaped as HTML here; ElementTree escapes it again for XML."""
    admin1 = f", {_text(row['admin1'])}" if pd.notna(row["admin1"]) else ""
    weapon = row["weapon_system"] if pd.notna(row["weapon_system"]) else row["weapon_category"]
    lines = [
        f"{_text(row['date'])} · {_text(row['place'])}{admin1}",
        f"Location: {_text(row['precision'])} (±{row['radius_m']:,.0f} m)",
        f"Weapon: {_text(weapon)}",
    ]
    for label, column in (
        ("Killed", "killed"),
        ("Injured", "injured"),
        ("Children killed", "children_killed"),
    ):
        if text := _figure(row[f"{column}_min"], row[f"{column}_max"]):
            lines.append(f"{label}: {_text(text)}")
    if pd.notna(row["outside_headline"]):
        lines.append(f"Not in the headline: {_text(row['outside_headline'])}")
    if row["contested"]:
        lines.append("Contested: the parties' accounts conflict")
    if len(statements):
        lines += ["<b>Statements</b>", *_statements(statements)]
    lines.append(f"Sources: {_text(row['sources'])}")
    return "<br>".join(lines)


def _when(date: str, precision: str) -> str:
    """A KML dateTime as precise as the date: '2025-04-04', '2025-04' or '2025'."""
    return {"month": date[:7], "year": date[:4]}.get(precision, date)


def _colour(hex_rgb: str) -> str:
    """'#d62728' → KML's aabbggrr 'ff2827d6'."""
    red, green, blue = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
    return f"ff{blue}{green}{red}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{KML}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def _styles(document: ET.Element) -> None:
    for category, colour in CATEGORY_COLOURS.items():
        style = _sub(document, "Style", id=f"weapon-{category}")
        icon = _sub(style, "IconStyle")
        _sub(icon, "color", _colour(colour))
        _sub(icon, "scale", "1.1")
        label = _sub(style, "LabelStyle")
        _sub(label, "scale", "0.8")


def write_kml(layers: Layers, path: str | Path) -> int:
    """Incidents as KML placemarks named 'place (date)'; unresolved incidents are left out."""
    incidents = layers.incidents
    located = incidents[~(incidents.geometry.isna() | incidents.geometry.is_empty)]
    precision = layers.tables.incidents.set_index("id")["date_precision"]
    statements = {key: rows for key, rows in layers.casualties.groupby("incident_id", sort=False)}
    empty = layers.casualties.iloc[:0]
    ET.register_namespace("", KML)
    root = ET.Element(f"{{{KML}}}kml")
    document = _sub(root, "Document", id="strikemap-incidents")
    _sub(document, "name", "strikemap incidents")
    _styles(document)
    for _, row in located.iterrows():
        placemark = _sub(document, "Placemark", id=f"incident-{row['id']}")
        _sub(placemark, "name", _clean(f"{row['place']} ({row['date']})"))
        _sub(placemark, "description", _description(row, statements.get(row["id"], empty)))
        stamp = _sub(placemark, "TimeStamp")
        _sub(stamp, "when", _when(row["date"], precision.get(row["id"], "day")))
        _sub(placemark, "styleUrl", f"#weapon-{row['weapon_category']}")
        data = _sub(placemark, "ExtendedData")
        for name in ("id", "date", "weapon_category", "killed_min", "contested"):
            value = row[name]
            field = _sub(data, "Data", name=name)
            _sub(field, "value", "" if pd.isna(value) else _clean(value))
        point = _sub(placemark, "Point")
        _sub(point, "coordinates", f"{row.geometry.x:.6f},{row.geometry.y:.6f}")
    ET.indent(root)
    with atomic_path(path) as temp:
        ET.ElementTree(root).write(temp, encoding="UTF-8", xml_declaration=True)
    return len(located)


FORMAT = Format("kml", (".kml",), write=write_kml)
