"""One incident, side by side by source: what each source said, with status and time."""

from __future__ import annotations

import pandas as pd

from layers import Layers
from mapping.counts import describe_range
from mapping.html import safe_url


def _range(low: object, high: object) -> str:
    return describe_range(None if pd.isna(low) else int(low), None if pd.isna(high) else int(high))


def _when(value: object) -> str:
    return f" (as of {value})" if isinstance(value, str) and value else ""


def statements_by_source(layers: Layers, incident_id: str) -> pd.DataFrame:
    """One row per source of the incident: party, and every casualty figure, damage report and
    claim it made, each with its status and time. Plain text (for tables, never HTML)."""
    sources = layers.sources[layers.sources["incident_id"] == incident_id]
    casualties = layers.casualties[layers.casualties["incident_id"] == incident_id]
    damage = layers.damage[layers.damage["incident_id"] == incident_id]
    claims = layers.claims[layers.claims["incident_id"] == incident_id]
    rows = []
    for source in sources.itertuples(index=False):
        said = casualties[casualties["source_id"] == source.source_id]
        figures = [
            f"{_range(c.min, c.max)} {'' if c.group == 'unspecified' else c.group + ' '}{c.category}"
            f" [{c.status}]{_when(c.as_of)}"
            for c in said.itertuples(index=False)
        ]
        reports = [
            f"{_range(d.count_min, d.count_max)} {d.object.replace('_', ' ')} {d.severity} [{d.status}]"
            f"{_when(d.as_of)}".strip()
            for d in damage[damage["source_id"] == source.source_id].itertuples(index=False)
        ]
        stated = [
            f"{c.about}: {c.text} [{c.status}]{_when(c.as_of)}"
            for c in claims[claims["source_id"] == source.source_id].itertuples(index=False)
        ]
        rows.append(
            {
                "source": source.name,
                "party": source.party,
                "casualties": "; ".join(figures),
                "damage": "; ".join(reports),
                "claims": "; ".join(stated),
                "published": source.published if isinstance(source.published, str) else "",
                # only http(s) links become links; a javascript: or data: "link" is not shown
                "url": safe_url(source.url if isinstance(source.url, str) else None) or "",
            }
        )
    return pd.DataFrame(
        rows, columns=["source", "party", "casualties", "damage", "claims", "published", "url"]
    )


def incident_table(incidents: pd.DataFrame) -> pd.DataFrame:
    """The incidents as an analyst's table: headline figures as ranges ('16+', '21–46')."""

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
            "injured": ranges("injured"),
            "children killed": ranges("children_killed"),
            "contested": incidents["contested"].to_numpy(),
            "location": incidents["precision"].to_numpy(),
            "sources": incidents["n_sources"].to_numpy(),
        }
    )
    return table.sort_values(["date", "id"], ascending=[False, True]).reset_index(drop=True)
