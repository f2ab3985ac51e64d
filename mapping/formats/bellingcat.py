"""Import of Bellingcat's Civilian Harm in Ukraine data (the TimeMap `api.json` export): each
event becomes an incident attributed to Bellingcat, its evidence links kept as sources.

Bellingcat's events carry no casualty figures; its weapon system and type of area affected
are kept (weapon and tags). Its coordinates are geolocations of the footage, read as an area
(about 1 km) since an event's point may stand for a street or a block. Events whose weapon is
small arms or land mines are not strikes and are skipped unless asked. The data set covers
Ukraine, which is the country of every event.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mapping.errors import Problem
from mapping.formats.base import Format
from mapping.formats.dataset import (
    MONTH_FIRST,
    DataSetRows,
    column_dates,
    guessed_order_warning,
    host_of,
    place_name,
)
from mapping.model import Precision
from mapping.records import ImportSummary, LoadResult
from mapping.table_checks import CheckedTables
from mapping.weapons import WeaponCategory, lookup_weapon

BELLINGCAT_SOURCE = {
    "id": "bellingcat",
    "name": "Bellingcat, Civilian Harm in Ukraine",
    "party": "ngo",
    "url": "https://ukraine.bellingcat.com",
}
# Bellingcat's "Weapon System" values → (category, warhead); the words are kept as the system.
WEAPON_SYSTEMS: dict[str, tuple[WeaponCategory, str | None]] = {
    "ballistic missile": (WeaponCategory.BALLISTIC_MISSILE, None),
    "cruise missile": (WeaponCategory.CRUISE_MISSILE, None),
    "he rocket artillery": (WeaponCategory.ROCKET_ARTILLERY, None),
    "he tube artillery": (WeaponCategory.ARTILLERY, None),
    "air strike": (WeaponCategory.AIRCRAFT_BOMB, None),
    "cluster munitions": (WeaponCategory.UNKNOWN, "cluster"),
    "incendiary munitions": (WeaponCategory.UNKNOWN, "incendiary"),
    "thermobaric munition": (WeaponCategory.UNKNOWN, "thermobaric"),
}
NOT_STRIKES = {"small arms", "land mines", "landmines"}
UNDEFINED = {"", "undefined", "unknown"}
SOCIAL = ("twitter.com", "x.com", "t.me", "telegram", "facebook.com", "instagram.com",
          "youtube.com", "youtu.be", "tiktok.com", "vk.com")  # fmt: skip
_HEAD = re.compile(r'^\s*\[\s*\{.*?"filters"\s*:', re.DOTALL)


def is_bellingcat_json(path: Path) -> bool:
    """Whether a JSON file is a list of TimeMap events (with `filters` and `sources`)."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            head = handle.read(65_536)
    except OSError:
        return False
    return bool(_HEAD.match(head)) and '"latitude"' in head and '"sources"' in head


def read_bellingcat_json(path: str | Path, *, all_events: bool = False) -> LoadResult:
    """Incidents from a Bellingcat civilian-harm `api.json`."""
    return _rows(Path(path), all_events).records()


def read_bellingcat_tables(path: Path) -> CheckedTables:
    """The strikes of a Bellingcat civilian-harm `api.json` as checked tables."""
    return _rows(path).tables()


def _rows(path: Path, all_events: bool = False) -> DataSetRows:
    read = DataSetRows(ImportSummary("Bellingcat civilian harm", str(path)))
    try:
        events = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        read.problems.append(Problem(str(path), None, None, None, f"not JSON: {error}"))
        return read
    read.summary.rows = len(events)
    dates = column_dates([str(e.get("date") or "") for e in events], MONTH_FIRST)
    if dates.guessed:
        read.problems.append(guessed_order_warning(str(path), "date", dates))
    for index, event in enumerate(events):
        filters = _filters(event)
        system = filters.get("weapon system", [""])[0]
        strike = system.strip().casefold() not in NOT_STRIKES
        if not strike and not all_events:
            read.summary.skip(f"not a strike: {system}")
            continue
        date = dates.values[index]
        record = _record(event, index, date.isoformat() if date else event.get("date"), filters)
        if not strike:
            record["tags"].append("not-a-strike")
        read.rows.append((None, record))  # a JSON event has no line of its own; its id names it
    return read


def _filters(event: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in event.get("filters") or []:
        if isinstance(item, dict) and item.get("value"):
            found.setdefault(str(item.get("key", "")).strip().casefold(), []).append(
                str(item["value"]).strip()
            )
    return found


def _record(
    event: dict[str, Any], index: int, date: Any, filters: dict[str, list[str]]
) -> dict[str, Any]:
    lat, lon = str(event.get("latitude") or ""), str(event.get("longitude") or "")
    sources = [BELLINGCAT_SOURCE, *_evidence(event.get("sources") or [])]
    record: dict[str, Any] = {
        "id": str(event.get("id") or "").strip() or f"bellingcat-{index + 1}",
        "date": date,
        "place": {
            "name": place_name(str(event.get("location") or ""), lat, lon),
            "country": "UA",
            "lat": lat.strip() or None,
            "lon": lon.strip() or None,
            "precision": Precision.AREA.value,
            "radius_m": 1_000.0,
        },
        "sources": sources,
        "tags": ["bellingcat", *(f"area: {a}" for a in filters.get("type of area affected", []))],
    }
    if description := str(event.get("description") or "").strip():
        record["notes"] = description
    if weapon := _weapon(filters.get("weapon system", [])):
        record["weapon"] = weapon
    return record


def _weapon(systems: list[str]) -> dict[str, Any] | None:
    named = [s for s in systems if s.casefold() not in UNDEFINED]
    if not named:
        return None
    words = named[0]
    match = lookup_weapon(words)
    category, warhead = WEAPON_SYSTEMS.get(
        words.casefold(), (match.category if match else WeaponCategory.UNKNOWN, None)
    )
    weapon: dict[str, Any] = {"category": category.value, "source": "bellingcat"}
    if match:  # a name the alias table knows is the system; Bellingcat's classes are notes
        weapon["system"] = words
    if warhead:
        weapon["warhead"] = warhead
    weapon["note"] = "Bellingcat's weapon system: " + ", ".join(named)
    return weapon


def _evidence(links: list[Any]) -> list[dict[str, Any]]:
    """Each evidence link as a source: named by its site, a social platform or other."""
    sources = []
    for number, link in enumerate(links, start=1):
        if not isinstance(link, dict) or not link.get("path"):
            continue
        url = str(link["path"]).strip()
        notes = [str(link.get("description") or "").strip()]
        if url.lower().startswith(("http://", "https://")):
            host = host_of(url)
            source = {"name": host, "url": url}
        else:  # Bellingcat writes HIDDEN for footage it withholds (graphic or private)
            host, source = "", {"name": "link withheld by Bellingcat"}
            notes.append(f"Bellingcat's link: {url}")
        source |= {
            "id": f"bellingcat-evidence-{number}",
            "party": "social_media" if any(s in host for s in SOCIAL) else "other",
        }
        if note := "; ".join(n for n in notes if n):
            source["note"] = note
        sources.append(source)
    return sources


FORMAT = Format(
    "bellingcat",
    (".json",),
    read=read_bellingcat_json,
    recognises=is_bellingcat_json,
    read_options=("all_events",),
    read_tables=read_bellingcat_tables,
)
