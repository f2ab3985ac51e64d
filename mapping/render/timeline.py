"""Incidents and headline killed per day or week, by weapon category, for the timeline chart."""

from __future__ import annotations

from typing import Literal

import pandas as pd


def timeline(incidents: pd.DataFrame, period: Literal["day", "week"] = "week") -> pd.DataFrame:
    """Columns: period (start date), weapon_category, incidents, killed (sum of headline minima)."""
    if incidents.empty:
        return pd.DataFrame(columns=["period", "weapon_category", "incidents", "killed"])
    dates = pd.to_datetime(incidents["date"], format="ISO8601")
    start = dates.dt.to_period("W-SUN").dt.start_time if period == "week" else dates.dt.normalize()
    frame = pd.DataFrame(
        {
            "period": start,
            "weapon_category": incidents["weapon_category"].astype(str).to_numpy(),
            "killed": incidents["killed_min"].fillna(0).astype("int64").to_numpy(),
        }
    )
    grouped = frame.groupby(["period", "weapon_category"], as_index=False).agg(
        incidents=("killed", "size"), killed=("killed", "sum")
    )
    return grouped.sort_values(["period", "weapon_category"]).reset_index(drop=True)
