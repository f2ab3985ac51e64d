"""Learned places: names that data sets and a team's records give coordinates for, kept in a
local gazetteer beside GeoNames, so a village GeoNames lacks resolves the next time a report
names it. Each place keeps where it was learned from and from how many rows."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mapping.geocoding.base import haversine_m
from mapping.geocoding.names import name_key
from mapping.geocoding.regions import admin1_codes
from mapping.model import Incident, Precision

SAME_PLACE_M = 25_000.0  # points of one name within this of each other are one place
LEARNED_RADIUS_M = 3_000.0  # a learned village's uncertainty: its points are spread over it
_COORDINATES = re.compile(r"^-?\d+(?:\.\d+)?,\s*-?\d+(?:\.\d+)?$")  # a name that is coordinates
_COMPOUND = re.compile(r"[,;()]|\s[-–—]\s")
_LEARNABLE = {Precision.SITE, Precision.AREA, Precision.SETTLEMENT}


def data_dir() -> Path:
    """Where strikemap keeps what it learns: $STRIKEMAP_DATA_HOME, else the user data folder."""
    if custom := os.environ.get("STRIKEMAP_DATA_HOME"):
        return Path(custom)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "strikemap"


@dataclass(frozen=True)
class LearnedPlace:
    """One learned place: its name as written, where, and what it was learned from."""

    id: int
    name: str
    country: str | None
    admin1: str | None  # the region as written
    admin1_code: str | None  # GeoNames' admin1 code, where the region is known
    lat: float
    lon: float
    rows: int
    sources: str  # the files or data sets, '; '-separated


class LearnedPlaces:
    """The learned-places file (SQLite), created on first learning."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "learned-places.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS places (id INTEGER PRIMARY KEY, key TEXT NOT NULL, "
            "name TEXT NOT NULL, country TEXT, admin1 TEXT, admin1_code TEXT, lat REAL NOT NULL, "
            "lon REAL NOT NULL, rows INTEGER NOT NULL, sources TEXT NOT NULL)"
        )
        self._db.execute("CREATE INDEX IF NOT EXISTS places_key ON places (key)")

    @classmethod
    def existing(cls, path: Path | None = None) -> LearnedPlaces | None:
        """The learned places, if anything was ever learned."""
        path = path or data_dir() / "learned-places.sqlite"
        return cls(path) if path.is_file() else None

    def close(self) -> None:
        self._db.close()

    def learn(self, incidents: Iterable[Incident], source: str) -> tuple[int, int]:
        """Take the named places with coordinates of settlement precision or finer; returns
        (places added, places seen again)."""
        added = seen = 0
        with self._db:
            for incident in incidents:
                place = incident.place
                if not place.located or place.precision not in _LEARNABLE:
                    continue
                if _COORDINATES.match(place.name.strip()) or _COMPOUND.search(place.name):
                    continue  # coordinates, or a description ("Bucha, Kyiv vicinity")
                key = name_key(place.name)
                if not key:
                    continue
                rows = self._db.execute(
                    "SELECT id, lat, lon, rows, sources FROM places WHERE key = ? "
                    "AND coalesce(country, '') = ?",
                    (key, place.country or ""),
                ).fetchall()
                near = [
                    r for r in rows if haversine_m(r[1], r[2], place.lat, place.lon) <= SAME_PLACE_M
                ]
                if near:
                    pid, lat, lon, count, sources = near[0]
                    known = sources.split("; ")
                    merged = "; ".join(known if source in known else [*known, source][-20:])
                    self._db.execute(
                        "UPDATE places SET lat = ?, lon = ?, rows = ?, sources = ? WHERE id = ?",
                        (
                            (lat * count + place.lat) / (count + 1),
                            (lon * count + place.lon) / (count + 1),
                            count + 1,
                            merged,
                            pid,
                        ),
                    )
                    seen += 1
                    continue
                codes = admin1_codes(place.admin1, place.country) if place.admin1 else []
                self._db.execute(
                    "INSERT INTO places (key, name, country, admin1, admin1_code, lat, lon, rows,"
                    " sources) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
                    (
                        key,
                        place.name.strip(),
                        place.country,
                        place.admin1,
                        codes[0][1] if len(codes) == 1 else None,
                        place.lat,
                        place.lon,
                        source,
                    ),
                )
                added += 1
        return added, seen

    def exact(self, name: str) -> list[LearnedPlace]:
        """Learned places whose name folds to the same key as `name`."""
        key = name_key(name)
        rows = self._db.execute(
            "SELECT id, name, country, admin1, admin1_code, lat, lon, rows, sources FROM places "
            "WHERE key = ?",
            (key,),
        ).fetchall()
        return [LearnedPlace(*row) for row in rows]

    def all(self) -> list[LearnedPlace]:
        """Every learned place, by name."""
        rows = self._db.execute(
            "SELECT id, name, country, admin1, admin1_code, lat, lon, rows, sources FROM places "
            "ORDER BY key, country, admin1"
        ).fetchall()
        return [LearnedPlace(*row) for row in rows]
