"""The incidents layer: one point per incident with its headline figures, weapon and sources."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from layers._common import CRS, points
from mapping.headline import HEADLINE_COLUMNS, beside_headline, headline_figures
from mapping.tables import IncidentTables
from mapping.weapons import lookup_weapon

COLUMNS = [
    "id", "date", "time", "place", "admin1", "country", "precision", "radius_m", "gazetteer_id",
    "ambiguous", "weapon_system", "weapon_category", "weapon_warhead", *HEADLINE_COLUMNS,
    "outside_headline", "contested", "n_sources", "sources", "parties", "statuses", "tags", "notes",
]  # fmt: skip


def canonical_systems(systems: pd.Series) -> pd.Series:
    """Weapon systems by their canonical names (alias table), unknown ones as written."""
    names = {}
    for system in systems.dropna().unique():
        match = lookup_weapon(system)
        names[system] = match.system if match and match.system else system
    return systems.map(names).astype("object").where(systems.notna(), None)


def _statements(tables: IncidentTables) -> pd.DataFrame:
    """(incident_id, source_id, status, party) of every casualty, damage and claim statement."""
    parts = [
        t[["incident_id", "source_id", "status"]]
        for t in (tables.casualties, tables.damage, tables.claims)
    ]
    rows = pd.concat(parts, ignore_index=True)
    return rows.merge(
        tables.sources[["incident_id", "source_id", "party"]],
        on=["incident_id", "source_id"],
        how="left",
    )


def contested_incidents(tables: IncidentTables) -> pd.Series:
    """Ids whose figures conflict: a disputed statement, or a claim by one party next to
    credible (confirmed/reported) statements from another."""
    rows = _statements(tables)
    rows["claimed"] = rows["status"] == "claimed"
    rows["credible"] = rows["status"].isin(["confirmed", "reported"])
    rows["disputed"] = rows["status"] == "disputed"
    by_party = rows.groupby(["incident_id", "party"], sort=False)[
        ["claimed", "credible", "disputed"]
    ].any()
    by_party["credible_only"] = by_party["credible"] & ~by_party["claimed"]
    per_incident = by_party.groupby(level="incident_id", sort=False).any()
    contested = per_incident["disputed"] | (per_incident["claimed"] & per_incident["credible_only"])
    return contested[contested].index.to_series()


def incidents_layer(tables: IncidentTables) -> gpd.GeoDataFrame:
    """One row per incident, in the order of the tables."""
    incidents = tables.incidents
    data = incidents[["id", "date", "time", "place", "admin1", "country", "precision", "radius_m",
                      "gazetteer_id", "ambiguous", "weapon_category", "weapon_warhead", "tags", "notes"]].copy()  # fmt: skip
    data["weapon_system"] = canonical_systems(incidents["weapon_system"])
    data["weapon_category"] = data["weapon_category"].fillna("unknown")
    heads = headline_figures(tables.casualties, incidents["id"]).set_index("incident_id")
    for column in HEADLINE_COLUMNS:
        data[column] = pd.array(heads[column].reindex(data["id"]), dtype="Int64")
    data["outside_headline"] = data["id"].map(
        beside_headline(tables.casualties, tables.damage, tables.sources)
    )
    data["contested"] = data["id"].isin(contested_incidents(tables))
    sources = tables.sources
    grouped = sources.groupby("incident_id", sort=False)
    data["n_sources"] = data["id"].map(grouped.size()).fillna(0).astype("int64")
    data["sources"] = data["id"].map(grouped["name"].agg("; ".join))
    parties = sources.drop_duplicates(["incident_id", "party"]).sort_values(
        ["incident_id", "party"]
    )
    data["parties"] = data["id"].map(
        parties.groupby("incident_id", sort=False)["party"].agg(";".join)
    )
    statements = (
        _statements(tables)
        .drop_duplicates(["incident_id", "status"])
        .sort_values(["incident_id", "status"])
    )
    data["statuses"] = data["id"].map(
        statements.groupby("incident_id", sort=False)["status"].agg(";".join)
    )
    data["tags"] = _tags_text(data["tags"])
    for column in ("outside_headline", "sources", "parties", "statuses"):
        data[column] = data[column].astype("object").where(data[column].notna(), None)
    geometry = points(incidents["lon"], incidents["lat"])
    return gpd.GeoDataFrame(data[COLUMNS].reset_index(drop=True), geometry=geometry, crs=CRS)


def _tags_text(tags: pd.Series) -> pd.Series:
    """The JSON tag lists as '; '-joined text."""
    import json

    unique = {t: "; ".join(json.loads(t)) for t in tags.dropna().unique()}
    return tags.map(unique).astype("object").where(tags.notna(), None)
