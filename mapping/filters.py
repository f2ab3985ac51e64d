"""The one incident filter, used by the CLI, the app and the Python API.

It selects rows of the incidents layer; applied to `Layers`, every other layer follows its
incidents, so damage, casualties, claims and sources stay consistent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Protocol

import numpy as np
import pandas as pd

from mapping.name_keys import name_key
from mapping.weapons import WeaponCategory, lookup_weapon

if TYPE_CHECKING:
    from layers import Layers


class PlaceSearch(Protocol):
    """What the filter asks of a gazetteer: the ids, folded names and regions a text names."""

    def names_for_search(self, text: str) -> tuple[set[str], set[str], set[str]]: ...


def _frozen(values: Iterable[str] | None) -> frozenset[str]:
    return frozenset(v for v in (values or ()) if v)


@dataclass(frozen=True)
class IncidentFilter:
    """Which incidents to keep. Empty fields do not filter."""

    since: dt.date | None = None
    until: dt.date | None = None
    weapon_categories: frozenset[str] = field(default_factory=frozenset)
    weapon_systems: frozenset[str] = field(default_factory=frozenset)
    min_killed: int | None = None
    min_injured: int | None = None
    statuses: frozenset[str] = field(default_factory=frozenset)
    parties: frozenset[str] = field(default_factory=frozenset)
    countries: frozenset[str] = field(default_factory=frozenset)
    admin1: frozenset[str] = field(default_factory=frozenset)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None
    # what the text also names, in other scripts and spellings (see `create`'s `places`)
    text_places: frozenset[str] = frozenset()  # gazetteer ids
    text_names: frozenset[str] = frozenset()  # folded names of those places
    text_regions: frozenset[str] = frozenset()

    @classmethod
    def create(
        cls,
        *,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        weapons: Iterable[str] | None = None,
        min_killed: int | None = None,
        min_injured: int | None = None,
        statuses: Iterable[str] | None = None,
        parties: Iterable[str] | None = None,
        countries: Iterable[str] | None = None,
        admin1: Iterable[str] | None = None,
        bbox: tuple[float, float, float, float] | str | None = None,
        text: str | None = None,
        places: PlaceSearch | None = None,
    ) -> IncidentFilter:
        """A filter from loose input: weapon names may be categories, systems or aliases;
        with `places` (the gazetteer), the text also finds the place it names in any script,
        spelling or case form."""
        categories, systems = set(), set()
        for weapon in weapons or ():
            if weapon in WeaponCategory.__members__.values():
                categories.add(weapon)
            else:
                match = lookup_weapon(weapon)
                if match and match.system is None:  # a generic word such as "glide bomb"
                    categories.add(match.category.value)
                else:
                    systems.add(match.system if match and match.system else weapon)
        if isinstance(bbox, str):
            bbox = parse_bbox(bbox)
        return cls(
            since=dt.date.fromisoformat(since) if isinstance(since, str) else since,
            until=dt.date.fromisoformat(until) if isinstance(until, str) else until,
            weapon_categories=frozenset(categories),
            weapon_systems=frozenset(systems),
            min_killed=min_killed,
            min_injured=min_injured,
            statuses=_frozen(statuses),
            parties=_frozen(parties),
            countries=frozenset(c.upper() for c in _frozen(countries)),
            admin1=_frozen(admin1),
            bbox=bbox,
            text=text.strip() if text and text.strip() else None,
            **_named_by(text, places),
        )

    @property
    def empty(self) -> bool:
        return all(getattr(self, f.name) in (None, frozenset()) for f in fields(self))

    def columns(self) -> set[str]:
        """The columns of the incidents layer that `mask` reads (a reader may read only
        these); "geometry" for the bounding box."""
        asked = {
            "date": self.since or self.until,
            "weapon_category": self.weapon_categories or self.weapon_systems,
            "weapon_system": self.weapon_categories or self.weapon_systems or self.text,
            "killed_min": self.min_killed is not None,
            "injured_min": self.min_injured is not None,
            "statuses": self.statuses,
            "parties": self.parties,
            "country": self.countries,
            "admin1": self.admin1 or self.text,
            "geometry": self.bbox,
        }
        text = {"place", "sources", "id", "gazetteer_id"} if self.text else set()
        return {column for column, needed in asked.items() if needed} | text

    def mask(self, incidents: pd.DataFrame) -> np.ndarray:
        """True for the rows of an incidents layer that pass."""
        keep = np.ones(len(incidents), dtype=bool)
        if self.since or self.until:
            dates = pd.to_datetime(incidents["date"], format="ISO8601")
            if self.since:
                keep &= (dates >= pd.Timestamp(self.since)).to_numpy()
            if self.until:
                keep &= (dates <= pd.Timestamp(self.until)).to_numpy()
        if self.weapon_categories or self.weapon_systems:
            by_category = incidents["weapon_category"].isin(self.weapon_categories)
            by_system = incidents["weapon_system"].isin(self.weapon_systems)
            keep &= (by_category | by_system).to_numpy()
        if self.min_killed is not None:
            keep &= (incidents["killed_min"].fillna(0) >= self.min_killed).to_numpy(dtype=bool)
        if self.min_injured is not None:
            keep &= (incidents["injured_min"].fillna(0) >= self.min_injured).to_numpy(dtype=bool)
        if self.statuses:
            keep &= _any_listed(incidents["statuses"], self.statuses)
        if self.parties:
            keep &= _any_listed(incidents["parties"], self.parties)
        if self.countries:
            keep &= incidents["country"].isin(self.countries).to_numpy()
        if self.admin1:
            wanted = {a.casefold() for a in self.admin1}
            keep &= incidents["admin1"].fillna("").str.casefold().isin(wanted).to_numpy()
        if self.bbox:
            west, south, east, north = self.bbox
            x = incidents.geometry.x.to_numpy()
            y = incidents.geometry.y.to_numpy()
            inside_x = (x >= west) & (x <= east) if west <= east else (x >= west) | (x <= east)
            keep &= np.nan_to_num(inside_x & (y >= south) & (y <= north), nan=False).astype(bool)
        if self.text:
            keep &= self._text_mask(incidents)
        return keep

    def _text_mask(self, incidents: pd.DataFrame) -> np.ndarray:
        """Rows whose place, region, sources or id contain the text, or that are the place or
        weapon the text names in another script, spelling or case form ('Кривий Ріг', 'Krivoy
        Rog', 'у Кривому Розі' find Kryvyi Rih; 'Іскандер' finds Iskander-M)."""
        assert self.text is not None
        haystack = (
            incidents["place"].fillna("")
            + "\n"
            + incidents["admin1"].fillna("")
            + "\n"
            + incidents["sources"].fillna("")
            + "\n"
            + incidents["id"]
        )
        found = haystack.str.casefold().str.contains(self.text.casefold(), regex=False)
        keep = found.to_numpy(dtype=bool, copy=True)
        if self.text_places and "gazetteer_id" in incidents:
            keep |= incidents["gazetteer_id"].isin(self.text_places).to_numpy(dtype=bool)
        if self.text_names:
            places = incidents["place"].fillna("")
            named = {p: _names_a_place(p, self.text_names) for p in pd.unique(places)}
            keep |= places.map(named).to_numpy(dtype=bool)
        if self.text_regions:
            keep |= incidents["admin1"].isin(self.text_regions).to_numpy(dtype=bool)
        weapon = lookup_weapon(self.text)
        if weapon is not None and weapon.system is not None:
            keep |= (incidents["weapon_system"] == weapon.system).to_numpy(dtype=bool)
        return keep

    def passing(self, incidents: pd.DataFrame) -> pd.DataFrame:
        """The rows of an incidents layer that pass (the layer itself when nothing is asked):
        what a map or table needs, without the statement layers `apply` also cuts."""
        return incidents if self.empty else incidents[self.mask(incidents)]

    def apply(self, layers: Layers) -> Layers:
        """The layers restricted to passing incidents."""
        if self.empty:
            return layers
        passing = self.mask(layers.incidents)
        if passing.all():
            return layers
        return layers.subset(layers.incidents["id"][passing])


def _named_by(text: str | None, places: PlaceSearch | None) -> dict[str, frozenset[str]]:
    if not text or not text.strip() or places is None:
        return {}
    try:
        ids, keys, regions = places.names_for_search(text.strip())
    except Exception:  # a search never fails for want of the gazetteer: the text still counts
        return {}
    return {
        "text_places": frozenset(ids),
        "text_names": frozenset(keys),
        "text_regions": frozenset(regions),
    }


def _names_a_place(place: str, keys: frozenset[str]) -> bool:
    """'Kryvyi Rih, Dnipropetrovsk Oblast' names the place whose folded names are `keys`."""
    return any(name_key(part) in keys for part in re.split(r"[,;()]", place) if part.strip())


def _any_listed(column: pd.Series, wanted: frozenset[str]) -> np.ndarray:
    """Rows whose ';'-separated list holds any wanted value."""
    pattern = r"(?:^|;)(?:" + "|".join(re.escape(w) for w in sorted(wanted)) + r")(?:;|$)"
    return column.fillna("").str.contains(pattern, regex=True).to_numpy()


# The app's date choices: a span ending today, everything, or dates typed in.
DATE_PRESETS = {
    "All dates": None,
    "Last 7 days": 7,
    "Last 30 days": 30,
    "Last 90 days": 90,
    "Last 12 months": 365,
}
BETWEEN_DATES = "Between dates…"


def preset_dates(preset: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """(since, until) for one of DATE_PRESETS: 'Last 7 days' is today and the six before."""
    days = DATE_PRESETS[preset]
    if days is None:
        return None, None
    return today - dt.timedelta(days=days - 1), today


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'west,south,east,north' in degrees."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 4:
        raise ValueError(f"bbox '{text}' needs four numbers: west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError(f"bbox '{text}' needs four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError(f"bbox '{text}' is outside the world or has south above north")
    return west, south, east, north
