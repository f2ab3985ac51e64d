"""One incident, side by side by source: what each source said, with status and time."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from layers import Layers
from mapping.counts import describe_range
from mapping.html import safe_url
from mapping.labels import human_label


def _range(low: object, high: object) -> str:
    return describe_range(None if pd.isna(low) else int(low), None if pd.isna(high) else int(high))


def _when(value: object) -> str:
    return f" (as of {value})" if isinstance(value, str) and value else ""


@dataclass(frozen=True)
class SourceCard:
    """One source of an incident as the detail panel shows it: plain text, never HTML."""

    name: str
    party: str  # its human label
    published: str
    url: str  # an http(s) link, or ""
    casualties: list[str]
    damage: list[str]
    claims: list[str]


def source_cards(layers: Layers, incident_id: str) -> list[SourceCard]:
    """Each source of the incident with every casualty figure, damage report and claim it made,
    each with its status and time (a figure the same source later replaced is marked
    superseded), in the record's order."""
    sources = layers.sources[layers.sources["incident_id"] == incident_id]
    casualties = layers.casualties[layers.casualties["incident_id"] == incident_id]
    damage = layers.damage[layers.damage["incident_id"] == incident_id]
    claims = layers.claims[layers.claims["incident_id"] == incident_id]
    cards = []
    for source in sources.itertuples(index=False):
        said = casualties[casualties["source_id"] == source.source_id]
        cards.append(
            SourceCard(
                name=source.name,
                party=human_label(source.party),
                published=source.published if isinstance(source.published, str) else "",
                # only http(s) links become links; a javascript: or data: "link" is not shown
                url=safe_url(source.url if isinstance(source.url, str) else None) or "",
                casualties=[
                    f"{_range(c.min, c.max)} {'' if c.group == 'unspecified' else c.group + ' '}"
                    f"{c.category} [{c.status}{', superseded' if c.superseded else ''}]"
                    f"{_when(c.as_of)}"
                    for c in said.itertuples(index=False)
                ],
                damage=[
                    f"{_range(d.count_min, d.count_max)} {d.object.replace('_', ' ')} "
                    f"{d.severity} [{d.status}]{_when(d.as_of)}".strip()
                    for d in damage[damage["source_id"] == source.source_id].itertuples(index=False)
                ],
                claims=[
                    f"{c.about}: {c.text} [{c.status}]{_when(c.as_of)}"
                    for c in claims[claims["source_id"] == source.source_id].itertuples(index=False)
                ],
            )
        )
    return cards


def headline_text(incident: pd.Series) -> str:
    """'Killed: at least 16 · Injured: at least 51 · Children killed: 6–9', as the popup says."""
    parts = [
        f"{name}: {figure}"
        for name, prefix in (
            ("Killed", "killed"),
            ("Injured", "injured"),
            ("Children killed", "children_killed"),
        )
        if (figure := _range(incident[f"{prefix}_min"], incident[f"{prefix}_max"]))
    ]
    return " · ".join(parts) or "No casualty figures from credible sources"


def latest_killed(incident: pd.Series) -> str | None:
    """'Latest credible killed figure: 16 (President Volodymyr Zelensky, 2025-04-05)', or None
    when no confirmed or reported statement gives one."""
    if not isinstance(incident["killed_latest_by"], str):
        return None
    figure = _range(incident["killed_latest_min"], incident["killed_latest_max"])
    return f"Latest credible killed figure: {figure} ({incident['killed_latest_by']})"


def figures_over_time(layers: Layers, incident_id: str, category: str = "killed") -> pd.DataFrame:
    """Each source's `category` figures about everyone or civilians for one incident, by time
    stated (`as_of`; statements without one are left out): source, as_of (UTC), figure (the
    stated minimum, else maximum), range (as stated), status."""
    casualties = layers.casualties
    rows = casualties[
        (casualties["incident_id"] == incident_id)
        & (casualties["category"] == category)
        & casualties["group"].isin(["unspecified", "civilians"])
        & casualties["as_of"].notna()
    ]
    table = pd.DataFrame(
        {
            "source": rows["source"].to_numpy(),
            "as_of": pd.to_datetime(rows["as_of"], utc=True, format="ISO8601", errors="coerce"),
            "figure": rows["min"].fillna(rows["max"]).to_numpy(),
            "range": [
                _range(low, high) for low, high in zip(rows["min"], rows["max"], strict=True)
            ],
            "status": rows["status"].to_numpy(),
        }
    )
    return (
        table.dropna(subset=["as_of", "figure"])
        .sort_values(["source", "as_of"])
        .reset_index(drop=True)
    )


def incident_table(incidents: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The incidents as an analyst's table, latest first: headline figures as ranges ('≥ 16',
    '21–46'), and the latest credible killed figure beside them; the first `limit` rows."""
    keys = pa.table(
        {
            "date": pa.array(incidents["date"]),
            "id": pa.array(incidents["id"]),
            "row": pa.array(np.arange(len(incidents))),
        }
    )
    latest_first = [("date", "descending"), ("id", "ascending")]
    if limit is not None and limit < len(incidents):  # the first `limit` only: no full sort
        keys = keys.take(pc.select_k_unstable(keys, limit, latest_first))
    rows = keys["row"].take(pc.sort_indices(keys, latest_first))
    incidents = incidents.iloc[rows.to_numpy()]

    def ranges(prefix: str) -> list[str]:
        return [
            _range(low, high).replace("at least ", "≥ ").replace("up to ", "≤ ")
            for low, high in zip(
                incidents[f"{prefix}_min"], incidents[f"{prefix}_max"], strict=True
            )
        ]

    table = pd.DataFrame(
        {
            "id": incidents["id"].to_numpy(),
            "date": incidents["date"].to_numpy(),
            "place": incidents["place"].to_numpy(),
            "region": incidents["admin1"].to_numpy(),
            "weapon": incidents["weapon_system"].fillna(incidents["weapon_category"]).to_numpy(),
            "category": incidents["weapon_category"].to_numpy(),
            "killed": ranges("killed"),
            "latest killed": ranges("killed_latest"),
            "injured": ranges("injured"),
            "children killed": ranges("children_killed"),
            "contested": incidents["contested"].to_numpy(),
            "location": incidents["precision"].to_numpy(),
            "sources": incidents["n_sources"].to_numpy(),
        }
    )
    return table
