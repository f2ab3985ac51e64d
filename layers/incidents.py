"""The incidents layer: one point per incident with its headline figures, weapon and sources."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from layers._common import (
    CRS,
    casualty_marks,
    geometry,
    incident_points,
    incident_rows,
    join_per_incident,
    source_rows,
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
from mapping.tables import IncidentTables, sorted_runs
from mapping.text_columns import arrow_text, join_per_code
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
    code = statements["code"].to_numpy()
    party = statements["party"].to_numpy() + 1  # -1 (no declared source) is a party too
    claimed = (status == "claimed").to_numpy()
    credible = status.isin(HEADLINE_STATUS_VALUES).to_numpy()
    disputed = (status == "disputed").to_numpy()
    # each (incident, party) once: whether it claimed, and whether it said only credible things
    width = int(party.max()) + 1 if len(party) else 1
    key = code * width + party
    order, starts = sorted_runs(key)
    owner = key[order][starts] // width
    party_claimed = np.logical_or.reduceat(claimed[order], starts)
    party_credible = np.logical_or.reduceat(credible[order], starts)

    def any_of(rows: np.ndarray, mask: np.ndarray) -> np.ndarray:
        chosen = rows[mask & (rows >= 0)]
        return np.bincount(chosen, minlength=n)[:n] > 0

    return any_of(code, disputed) | (
        any_of(owner, party_claimed) & any_of(owner, party_credible & ~party_claimed)
    )


def _statements(tables: IncidentTables, codes: dict[str, np.ndarray]) -> pd.DataFrame:
    """Every casualty, damage and claim statement: incident `code`, `status` and source `party`
    (as a number: which party does not matter here, only whether two are the same)."""
    kinds = ("casualties", "damage", "claims")
    status = pa.chunked_array([arrow_text(getattr(tables, name)["status"]) for name in kinds])
    encoded = status.combine_chunks().dictionary_encode()
    words = encoded.dictionary.to_numpy(zero_copy_only=False)
    order = np.argsort(words)  # categories in text order
    rank = np.append(np.argsort(order), -1)
    party = np.append(pd.factorize(tables.sources["party"])[0], -1)
    return pd.DataFrame(
        {
            "code": np.concatenate([codes[name] for name in kinds]),
            "status": pd.Categorical.from_codes(
                rank[encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)],
                categories=words[order],
            ),
            "party": party[np.concatenate([source_rows(tables, name) for name in kinds])],
        }
    )


def incidents_layer(
    tables: IncidentTables, marks: StatementMarks | None = None
) -> gpd.GeoDataFrame:
    """One row per incident, in the order of the tables (`marks`: the tables' casualty
    statement marks, when already found)."""
    incidents = tables.incidents
    n = len(incidents)
    codes = {name: incident_rows(tables, name) for name in ("sources", "damage", "claims")}
    marks = marks or casualty_marks(tables)
    codes["casualties"] = marks.codes
    latest = marks.latest
    data = incidents[RECORD_COLUMNS].copy()
    data["weapon_system"] = canonical_systems(incidents["weapon_system"])
    data["weapon_category"] = data["weapon_category"].fillna("unknown")
    for column, values in headline_figures(
        tables.casualties, codes["casualties"], n, latest, marks
    ).items():
        data[column] = values
    names = _source_names(tables, "casualties")
    for column, values in latest_credible(tables.casualties, n, names, marks).items():
        data[column] = values
    data["outside_headline"] = beside_headline(
        tables.casualties,
        tables.damage,
        (names, _source_names(tables, "damage")),
        (codes["casualties"], codes["damage"]),
        n,
        latest,
        marks.credibles,
    )
    statements = _statements(tables, codes)
    data["contested"] = contested_incidents(statements, n)
    source_codes = codes["sources"]
    data["n_sources"] = np.bincount(source_codes[source_codes >= 0], minlength=n).astype("int64")
    data["sources"] = join_per_incident(source_codes, tables.sources["name"], n, "; ")
    data["parties"] = _distinct_per_incident(source_codes, tables.sources["party"], n)
    data["statuses"] = _distinct_per_incident(statements["code"], statements["status"], n)
    data["tags"] = _tags_text(data["tags"])
    located = geometry(incident_points(tables)[:-1])
    return gpd.GeoDataFrame(data[COLUMNS].reset_index(drop=True), geometry=located, crs=CRS)


def _distinct_per_incident(
    codes: np.ndarray | pd.Series, values: pd.Series, n: int
) -> pd.api.extensions.ExtensionArray:
    """For incidents 0..n-1, the distinct values of their rows in text order, joined by ';'."""
    codes = np.asarray(codes)
    which, distinct = pd.factorize(values, sort=True)
    kept = (codes >= 0) & (which >= 0)
    if len(distinct) <= 62:  # parties, statuses: each incident's set as bits of one integer
        sets = np.zeros(n, dtype="int64")
        for bit in range(len(distinct)):
            sets |= (np.bincount(codes[kept & (which == bit)], minlength=n) > 0).astype(
                "int64"
            ) << bit
        found, unique_sets = pd.factorize(sets)
        texts = [
            ";".join(distinct[b] for b in range(len(distinct)) if s >> b & 1) or None
            for s in unique_sets
        ]
        return pd.array(pa.array(texts, pa.large_string()).take(pa.array(found)), dtype="str")
    width = max(len(distinct), 1)
    # pandas' hash then a sort of the distinct keys: numpy's unique is ~20x slower here
    code, value = np.divmod(np.sort(pd.unique(codes[kept] * width + which[kept])), width)
    texts = pa.array(np.asarray(distinct, dtype=object), pa.large_string()).take(pa.array(value))
    return join_per_code(code, texts, n, ";")


def _source_names(tables: IncidentTables, name: str) -> pa.Array:
    """Each statement's source name (its source id where the source is not declared)."""
    named = source_rows(tables, name)
    declared = arrow_text(tables.sources["name"]).take(pa.array(named, mask=named < 0))
    return pc.coalesce(declared, arrow_text(getattr(tables, name)["source_id"]))


def _tags_text(tags: pd.Series) -> pd.Series:
    """The JSON tag lists as '; '-joined text."""
    unique = {t: "; ".join(json.loads(t)) for t in tags.dropna().unique()}
    return tags.map(unique).astype("object").where(tags.notna(), None)
