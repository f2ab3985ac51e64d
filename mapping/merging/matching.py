"""Which records are about the same strike: candidate pairs from a space-time grid, each pair
scored on its evidence and explained.

Candidates never come from comparing all pairs: records are binned by day and by a grid cell of
`CELL_DEG` degrees, and a record meets only those in its own and the neighbouring cells and
days. Records that reach further (a region's circle, a date known to the week or month) are
few; they are compared with the records of their own date window only.

Evidence, each with points and words for the analyst:
- date: the same day, or the next (a report published after midnight); never outside the
  date's own precision;
- place: one circle inside the other (a site in its city) or overlapping circles; two sites
  far apart are two strikes, whatever else agrees;
- weapon: the same system, or the same category; an unknown weapon matches anything, and so
  do two types of one family (missiles, bombs, drones, artillery); other pairs count against;
- a source URL both cite; the same casualty figure (category and count) in both.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from mapping.geocoding.base import haversine_m
from mapping.model import DatePrecision, Incident

CELL_DEG = 0.25  # ~28 km north-south: a city's circle and its neighbours fit in 3 x 3 cells
SITE_M = 1_000.0  # a point this precise is a site, not a town
SLACK_M = 2_000.0  # coordinates of one site differ by this much between sources
_WINDOW_DAYS = {DatePrecision.DAY: 1, DatePrecision.WEEK: 7, DatePrecision.MONTH: 31}
MERGE_AT = 4.0  # a pair scoring this or more is one strike
REVIEW_AT = 2.0  # between REVIEW_AT and MERGE_AT: shown to an analyst, never merged silently


def date_window(precision: DatePrecision) -> int:
    """Days a date of this precision may be off: 1 for a day, 7 for a week, 31 for a month."""
    return _WINDOW_DAYS.get(precision, 366)


@dataclass(frozen=True)
class Pair:
    """Two records (indices into the list matched) with their score and its reasons."""

    left: int
    right: int
    score: float
    reasons: tuple[str, ...] = field(default=())

    @property
    def verdict(self) -> str:
        if self.score >= MERGE_AT:
            return "merge"
        return "review" if self.score >= REVIEW_AT else "apart"


@dataclass(frozen=True)
class Facts:
    """What matching reads of a record, in columns (one row per record)."""

    day: np.ndarray  # days since 1970-01-01
    window: np.ndarray  # days the date may be off (by its precision)
    lat: np.ndarray
    lon: np.ndarray
    radius_m: np.ndarray  # NaN: no coordinates
    system: list[str | None]
    category: list[str | None]
    urls: list[frozenset[str]]
    figures: list[frozenset[tuple[str, int | None, int | None]]]

    def __len__(self) -> int:
        return len(self.day)


def facts_of(incidents: list[Incident]) -> Facts:
    """The matching facts of each incident."""
    epoch = dt.date(1970, 1, 1)
    day = np.array([(i.date - epoch).days for i in incidents], dtype=np.int64)
    window = np.array([date_window(i.date_precision) for i in incidents], dtype=np.int64)
    lat = np.array([np.nan if i.place.lat is None else i.place.lat for i in incidents])
    lon = np.array([np.nan if i.place.lon is None else i.place.lon for i in incidents])
    radius = np.array(
        [np.nan if i.place.lat is None else float(i.place.radius_m or 5_000.0) for i in incidents]
    )
    return Facts(
        day,
        window,
        lat,
        lon,
        radius,
        [i.weapon.system if i.weapon else None for i in incidents],
        [i.weapon.category.value if i.weapon and i.weapon.category else None for i in incidents],
        [frozenset(s.url for s in i.sources if s.url) for i in incidents],
        [_figures(i) for i in incidents],
    )


def _figures(incident: Incident) -> frozenset[tuple[str, int | None, int | None]]:
    found = set()
    for report in incident.casualties:
        for category in ("killed", "injured"):
            count = getattr(report, category)
            if count is not None and (count.min or count.max):
                found.add((category, count.min, count.max))
    return frozenset(found)


def candidate_pairs(facts: Facts) -> np.ndarray:
    """(i, j) index pairs, i < j, that may be one strike: near in space and time on the grid.
    Records without coordinates are paired with none."""
    n = len(facts)
    located = ~np.isnan(facts.lat)
    reach = np.where(located, facts.radius_m + SLACK_M, np.inf)
    cell_m = CELL_DEG * 111_000 * 0.6  # the narrowest cell width at 53°N
    narrow = located & (reach <= cell_m) & (facts.window <= 1)
    frame = pd.DataFrame(
        {
            "i": np.arange(n)[narrow],
            "x": np.floor(facts.lon[narrow] / CELL_DEG).astype(np.int64),
            "y": np.floor(facts.lat[narrow] / CELL_DEG).astype(np.int64),
            "d": facts.day[narrow],
        }
    )
    found = []
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for dd in (0, 1):  # the same day or the next
                shifted = frame.assign(x=frame.x + dx, y=frame.y + dy, d=frame.d + dd)
                joined = frame.merge(shifted, on=["x", "y", "d"], suffixes=("", "_b"))
                pairs = joined[["i", "i_b"]].to_numpy()
                if dd == 0:
                    pairs = pairs[pairs[:, 0] < pairs[:, 1]]
                found.append(pairs)
    wide = np.flatnonzero(located & ~narrow)
    if len(wide):
        found.append(_wide_pairs(facts, wide, located))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    pairs = np.sort(pairs, axis=1)
    return np.unique(pairs, axis=0) if len(pairs) else pairs.reshape(0, 2)


def _wide_pairs(facts: Facts, wide: np.ndarray, located: np.ndarray) -> np.ndarray:
    """Pairs of the records that reach beyond a cell, found in their date window by day order."""
    order = np.argsort(facts.day, kind="stable")
    days = facts.day[order]
    out = []
    for i in wide:
        low = np.searchsorted(days, facts.day[i] - facts.window[i], "left")
        high = np.searchsorted(days, facts.day[i] + facts.window[i], "right")
        others = order[low:high]
        others = others[(others != i) & located[others]]
        if len(others):
            out.append(np.column_stack([np.full(len(others), i), others]))
    return np.concatenate(out) if out else np.empty((0, 2), dtype=np.int64)


def score_pair(facts: Facts, i: int, j: int) -> Pair:
    """The evidence that records i and j are one strike, in points with reasons."""
    points, reasons = 0.0, []
    days = abs(int(facts.day[i]) - int(facts.day[j]))
    window = max(int(facts.window[i]), int(facts.window[j]))
    if days > window:
        return Pair(i, j, -10.0, (f"{days} days apart",))
    if days == 0:
        points, reasons = 2.0, ["same day"]
    elif window > 1:
        points, reasons = 1.0, [f"{days} days apart, within the date's precision"]
    else:
        points, reasons = 1.0, ["next day (a report after midnight?)"]
    distance = haversine_m(facts.lat[i], facts.lon[i], facts.lat[j], facts.lon[j])
    ri, rj = float(facts.radius_m[i]), float(facts.radius_m[j])
    if math.isnan(distance):
        return Pair(i, j, -10.0, ("no coordinates",))
    km = distance / 1000
    if ri <= SITE_M and rj <= SITE_M and distance > SLACK_M:
        return Pair(i, j, -10.0, (f"two sites {km:.1f} km apart",))
    if distance > ri + rj + SLACK_M:
        return Pair(i, j, -10.0, (f"{km:.1f} km apart, beyond both circles",))
    if distance <= max(ri, rj) + SLACK_M:
        inside = "same site" if max(ri, rj) <= SITE_M else "one place inside the other's circle"
        points += 2.0
        reasons.append(f"{inside} ({km:.1f} km)")
    else:
        points += 1.0
        reasons.append(f"circles overlap ({km:.1f} km)")
    points, reasons = _weapon_evidence(facts, i, j, points, reasons)
    if facts.urls[i] & facts.urls[j]:
        points += 3.0
        reasons.append("a source URL in both")
    same = facts.figures[i] & facts.figures[j]
    if same:
        points += min(3.0, float(len(same)))
        reasons.append("same figure: " + ", ".join(_figure_text(f) for f in sorted(same, key=str)))
    return Pair(i, j, points, tuple(reasons))


# Reports of one strike often disagree on the type within a family (a Kh-101 in one, "a
# ballistic missile" in another; Grad or "artillery"); across families they rarely do.
_FAMILIES = {
    "ballistic_missile": "missile", "cruise_missile": "missile", "air_defence_missile": "missile",
    "glide_bomb": "bomb", "aircraft_bomb": "bomb", "loitering_munition": "drone", "drone": "drone",
    "rocket_artillery": "artillery", "artillery": "artillery",
}  # fmt: skip


def _weapon_evidence(
    facts: Facts, i: int, j: int, points: float, reasons: list[str]
) -> tuple[float, list[str]]:
    si, sj = facts.system[i], facts.system[j]
    ci, cj = facts.category[i], facts.category[j]
    if si and sj and si == sj:
        return points + 2.0, [*reasons, f"same weapon ({si})"]
    if not (ci and cj) or "unknown" in (ci, cj):
        return points, reasons
    if ci == cj:
        return points + 1.0, [*reasons, f"same weapon category ({ci})"]
    if _FAMILIES.get(ci) == _FAMILIES.get(cj):
        return points, [*reasons, f"weapons of one family ({si or ci} / {sj or cj})"]
    return points - 2.0, [*reasons, f"different weapons ({si or ci} / {sj or cj})"]


def _figure_text(figure: tuple[str, int | None, int | None]) -> str:
    category, low, high = figure
    value = str(low) if low == high else f"{low or ''}-{high or ''}"
    return f"{value} {category}"


def match(incidents: list[Incident]) -> list[Pair]:
    """Every candidate pair of the incidents, scored (pairs scoring 'apart' are left out)."""
    facts = facts_of(incidents)
    pairs = [score_pair(facts, int(i), int(j)) for i, j in candidate_pairs(facts)]
    return [p for p in pairs if p.verdict != "apart"]
