"""The incidents layer: one point per incident with its headline figures, weapon and sources."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd

from layers._common import (
    CRS,
    casualty_marks,
    geometry,
    incident_points,
    join_per_incident,
    source_rows,
    take_text,
)
from mapping.headline import (
    HEADLINE_COLUMNS,
    HEADLINE_STATUS_VALUES,
    LATEST_COLUMNS,
    StatementMarks,
    beside_headline,
    headline_figures,
    latest_credible,
)
from mapping.tables import IncidentTables, row_codes
from mapping.weapons import lookup_weapon

COLUMNS = [
    "id", "date", "time", "place", "admin1", "country", "precision", "radius_m", "gazetteer_id",
    "ambiguous", "weapon_system", "weapon_category", "weapon_warhead", *HEADLINE_COLUMNS,
    *LATEST_COLUMNS, "outside_headline", "contested", "n_sources", "sources", "parties", "statuses", "tags", "notes", "review",
]  # fmt: skip


# The incident columns the layer carries over from the tables as they are.
RECORD_COLUMNS = [
    "id", "date", "time", "place", "admin1", "country", "precision", "radius_m", "gazetteer_id",
    "ambiguous", "weapon_category", "weapon_warhead", "tags", "notes", "review",
]  # fmt: skip


def canonical_systems(systems: pd.Series) -> pd.Series:
    """Weapon systems by their canonical names (alias table), unknown ones as written."""
    names = {}
    for system in systems.dropna().unique():
        match = lookup_weapon(system)
        names[system] = match.system if match and match.system else system
    return systems.map(names).astype("object").where(systems.notna(), None)


def contested_incidents(statements: pd.DataFrame, n: int) -> np.ndarray:
    """For incidents 0..n-1, whether their figures conflict: a disputed statement, or a claim
    by one party next to credible (confirmed/reported) statements from another.

    `statements` has one row per statement: incident `code`, `party` and `status`."""
    status = statements["status"]
    flags = pd.DataFrame(
        {
            "code": statements["code"].to_numpy(),
            "party": statements["party"].to_numpy(),
            "claimed": (status == "claimed").to_numpy(),
            "credible": status.isin(HEADLINE_STATUS_VALUES).to_numpy(),
            "disputed": (status == "disputed").to_numpy(),
        }
    )
    by_party = flags.groupby(["code", "party"], sort=False)[
        ["claimed", "credible", "disputed"]
    ].any()
    by_party["credible_only"] = by_party["credible"] & ~by_party["claimed"]
    per_incident = by_party.groupby(level="code", sort=False)[
        ["disputed", "claimed", "credible_only"]
    ].any()
    contested = per_incident["disputed"] | (per_incident["claimed"] & per_incident["credible_only"])
    result = np.zeros(n, dtype=bool)
    codes = per_incident.index.to_numpy()[contested.to_numpy()]
    result[codes[codes >= 0]] = True
    return result


def _statements(tables: IncidentTables, codes: dict[str, np.ndarray]) -> pd.DataFrame:
    """Every casualty, damage and claim statement: incident `code`, `status` and source `party`
    (as a number: which party does not matter here, only whether two are the same)."""
    parts = [getattr(tables, name) for name in ("casualties", "damage", "claims")]
    rows = pd.concat(
        [part[["incident_id", "source_id", "status"]] for part in parts], ignore_index=True
    )
    party = np.append(pd.factorize(tables.sources["party"])[0], -1)
    return pd.DataFrame(
        {
            "code": np.concatenate([codes[name] for name in ("casualties", "damage", "claims")]),
            "status": rows["status"].to_numpy(),
            "party": party[source_rows(rows, tables)],
        }
    )


def incidents_layer(
    tables: IncidentTables, marks: StatementMarks | None = None
) -> gpd.GeoDataFrame:
    """One row per incident, in the order of the tables (`marks`: the tables' casualty
    statement marks, when already found)."""
    incidents = tables.incidents
    n = len(incidents)
    codes = {
        name: row_codes(getattr(tables, name)["incident_id"], incidents["id"])
        for name in ("sources", "damage", "claims")
    }
    marks = marks or casualty_marks(tables)
    codes["casualties"] = marks.codes
    latest = marks.latest
    data = incidents[RECORD_COLUMNS].copy()
    data["weapon_system"] = canonical_systems(incidents["weapon_system"])
    data["weapon_category"] = data["weapon_category"].fillna("unknown")
    for column, values in headline_figures(
        tables.casualties, codes["casualties"], n, latest
    ).items():
        data[column] = values
    named = source_rows(tables.casualties, tables)
    names = take_text(tables.sources["name"], named).where(
        named >= 0, tables.casualties["source_id"].to_numpy()
    )
    for column, values in latest_credible(tables.casualties, n, names, marks).items():
        data[column] = values
    data["outside_headline"] = beside_headline(
        tables.casualties,
        tables.damage,
        tables.sources,
        (codes["casualties"], codes["damage"], codes["sources"]),
        n,
        latest,
    )
    statements = _statements(tables, codes)
    data["contested"] = contested_incidents(statements, n)
    source_codes = codes["sources"]
    data["n_sources"] = np.bincount(source_codes[source_codes >= 0], minlength=n).astype("int64")
    data["sources"] = join_per_incident(source_codes, tables.sources["name"], n, "; ")
    parties = pd.DataFrame(
        {"code": source_codes, "party": tables.sources["party"].to_numpy()}
    ).drop_duplicates()
    parties = parties.sort_values(["code", "party"])
    data["parties"] = join_per_incident(parties["code"].to_numpy(), parties["party"], n, ";")
    kinds = statements[["code", "status"]].drop_duplicates().sort_values(["code", "status"])
    data["statuses"] = join_per_incident(kinds["code"].to_numpy(), kinds["status"], n, ";")
    data["tags"] = _tags_text(data["tags"])
    located = geometry(incident_points(tables)[:-1])
    return gpd.GeoDataFrame(data[COLUMNS].reset_index(drop=True), geometry=located, crs=CRS)


def _tags_text(tags: pd.Series) -> pd.Series:
    """The JSON tag lists as '; '-joined text."""
    unique = {t: "; ".join(json.loads(t)) for t in tags.dropna().unique()}
    return tags.map(unique).astype("object").where(tags.notna(), None)
