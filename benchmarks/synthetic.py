"""SYNTHETIC incidents for benchmarks and property tests — not real events.

Every generated incident is labelled: its id starts with `synthetic-`, its place is called
"Synthetic place N", and it carries the tag `synthetic`. The shape is realistic (several
sources of different parties, casualty statements that change over time, claims by a party,
damage reports), so the layer builder, filter and exports do the same work as on real data.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from mapping.tables import (
    CASUALTY_COLUMNS,
    CLAIM_COLUMNS,
    DAMAGE_COLUMNS,
    INCIDENT_COLUMNS,
    SOURCE_COLUMNS,
    IncidentTables,
    conform,
)

CATEGORIES = np.array(
    [
        "ballistic_missile",
        "cruise_missile",
        "glide_bomb",
        "loitering_munition",
        "drone",
        "rocket_artillery",
        "artillery",
        "air_defence_missile",
    ]
)
SYSTEMS = np.array(
    [
        "Iskander-M",
        "Kh-101",
        "KAB-500",
        "Shahed-136",
        "FPV drone",
        "Tornado-S",
        "artillery",
        "S-300",
    ]
)
PARTIES = np.array(
    [
        "ukraine_government",
        "local_authority",
        "independent_media",
        "international_org",
        "russia_government",
    ]
)
OBJECTS = np.array(["apartment_block", "house", "vehicle", "school", "energy", "shop"])
SEVERITIES = np.array(["destroyed", "severe", "moderate", "possible", "damaged"])
GROUPS = np.array(["unspecified", "civilians", "children"])
TAGS = json.dumps(["synthetic"])


def synthetic_tables(n: int, *, seed: int = 0, first: int = 0) -> IncidentTables:
    """`n` synthetic incidents with resolved places (scattered over Ukraine's extent), numbered
    from `first` (so that batches made apart have distinct ids)."""
    rng = np.random.default_rng(seed)
    ids = np.char.add("synthetic-", np.char.zfill(np.arange(first, first + n).astype(str), 7))
    days = rng.integers(0, 4 * 365, n)
    dates = (np.datetime64("2022-02-24") + days.astype("timedelta64[D]")).astype(str)
    weapon = rng.integers(0, len(CATEGORIES), n)
    # 20,000 places, each with its centroid and settlement radius. As with real geocoding, an
    # incident located at settlement precision sits on its place's centroid (incidents in one
    # town share it); a site-precise one is within ~3 km of it with a small radius.
    places = 20_000
    place_lat = rng.uniform(44.5, 52.0, places).round(5)
    place_lon = rng.uniform(22.5, 40.0, places).round(5)
    place_radius = rng.choice([3_000.0, 5_000.0, 9_300.0, 12_000.0, 20_000.0], places)
    place_number = rng.integers(0, places, n)
    site = rng.random(n) >= 0.8
    jitter = np.where(site, 1.0, 0.0)
    incidents = pd.DataFrame(
        {
            "id": ids,
            "date": dates,
            "date_precision": "day",
            "place": np.char.add("Synthetic place ", place_number.astype(str)),
            "country": "UA",
            "admin1": np.char.add("Synthetic region ", (place_number % 24).astype(str)),
            "lat": (place_lat[place_number] + jitter * rng.uniform(-0.03, 0.03, n)).round(5),
            "lon": (place_lon[place_number] + jitter * rng.uniform(-0.04, 0.04, n)).round(5),
            "precision": np.where(site, "site", "settlement"),
            "radius_m": np.where(site, rng.choice([100.0, 1_000.0], n), place_radius[place_number]),
            "ambiguous": False,
            "weapon_system": SYSTEMS[weapon],
            "weapon_category": CATEGORIES[weapon],
            "tags": TAGS,
        }
    )

    # 2–5 sources each; the last one sometimes speaks for the other side.
    per_incident = rng.integers(2, 6, n)
    owner = np.repeat(np.arange(n), per_incident)
    rank = _rank(per_incident)
    party = PARTIES[rng.integers(0, 4, len(owner))]
    other_side = (rank == per_incident[owner] - 1) & (rng.random(len(owner)) < 0.3)
    party[other_side] = "russia_government"
    sources = pd.DataFrame(
        {
            "incident_id": ids[owner],
            "source_id": np.char.add("s", rank.astype(str)),
            "name": np.char.add("Synthetic source ", rank.astype(str)),
            "party": party,
            "url": np.char.add("https://example.org/synthetic/", owner.astype(str)),
            "published": dates[owner],
        }
    )

    # Casualty statements from the first source(s): a figure that rises over a few days.
    per_incident = rng.integers(2, 7, n)
    owner = np.repeat(np.arange(n), per_incident)
    seq = _rank(per_incident)
    killed = rng.poisson(4, len(owner)) + seq
    opener = rng.random(len(owner))
    statement_day = (
        np.datetime64("2022-02-24") + (days[owner] + seq // 2).astype("timedelta64[D]")
    ).astype(str)
    casualties = pd.DataFrame(
        {
            "incident_id": ids[owner],
            "seq": seq,
            "source_id": np.char.add("s", (seq % 2).astype(str)),
            "group": GROUPS[rng.integers(0, len(GROUPS), len(owner))],
            "category": np.where(rng.random(len(owner)) < 0.6, "killed", "injured"),
            "min": killed,
            "max": np.where(opener < 0.4, np.nan, killed + np.where(opener > 0.8, 3, 0)),
            "as_of": statement_day,
            "status": np.where(rng.random(len(owner)) < 0.1, "confirmed", "reported"),
        }
    )
    claimed = other_side.nonzero()[0]
    claim_owner = pd.Series(sources["incident_id"].to_numpy()[claimed])
    claim_source = sources["source_id"].to_numpy()[claimed]
    # numbered after the incident's other statements, as a record's list would be
    claim_seq = (
        per_incident[pd.Index(ids).get_indexer(claim_owner)]
        + claim_owner.groupby(claim_owner).cumcount().to_numpy()
    )
    casualties = pd.concat(
        [
            casualties,
            pd.DataFrame(
                {
                    "incident_id": claim_owner,
                    "seq": claim_seq,
                    "source_id": claim_source,
                    "group": "military",
                    "category": "killed",
                    "max": rng.integers(20, 120, len(claimed)),
                    "status": "claimed",
                }
            ),
        ],
        ignore_index=True,
    )
    claims = pd.DataFrame(
        {
            "incident_id": claim_owner,
            "seq": 0,
            "source_id": claim_source,
            "about": "target",
            "text": "a synthetic military target",
            "status": "claimed",
        }
    )

    per_incident = rng.integers(0, 4, n)
    owner = np.repeat(np.arange(n), per_incident)
    low = rng.integers(1, 12, len(owner))
    damage = pd.DataFrame(
        {
            "incident_id": ids[owner],
            "seq": _rank(per_incident),
            "source_id": "s0",
            "object": OBJECTS[rng.integers(0, len(OBJECTS), len(owner))],
            "min": low,
            "max": np.where(rng.random(len(owner)) < 0.5, low, np.nan),
            "severity": SEVERITIES[rng.integers(0, len(SEVERITIES), len(owner))],
            "status": "reported",
        }
    )
    return IncidentTables(
        conform(incidents, INCIDENT_COLUMNS),
        conform(sources, SOURCE_COLUMNS),
        conform(casualties, CASUALTY_COLUMNS),
        conform(damage, DAMAGE_COLUMNS),
        conform(claims, CLAIM_COLUMNS),
    )


def _rank(counts: np.ndarray) -> np.ndarray:
    """0, 1, …, k-1 within each run of `counts` (the position of each row in its incident)."""
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(counts.sum()) - starts
