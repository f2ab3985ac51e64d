"""The timeline's counts: incidents and headline killed (lower bounds) per period and weapon."""

from __future__ import annotations

import pandas as pd
import pytest

from mapping.render.timeline import timeline


def test_weeks_start_on_monday_and_sum_headline_minimums(seed_layers):
    weeks = timeline(seed_layers.incidents, "week")
    kryvyi_rih = weeks[weeks["period"] == pd.Timestamp("2025-03-31")].iloc[0]
    assert (kryvyi_rih["incidents"], kryvyi_rih["killed"]) == (1, 16)
    assert weeks["period"].is_monotonic_increasing


def test_incidents_of_one_period_and_weapon_are_added_up(seed_layers):
    incidents = seed_layers.incidents.copy()
    incidents["date"] = "2025-04-04"
    incidents["weapon_category"] = "ballistic_missile"
    days = timeline(incidents, "day")
    assert days.to_dict("records") == [
        {
            "period": pd.Timestamp("2025-04-04"),
            "weapon_category": "ballistic_missile",
            "incidents": 3,
            "killed": 16 + 21 + 21,
        }
    ]


@pytest.mark.parametrize("period", ["day", "week"])
def test_nothing_shown_gives_an_empty_timeline(seed_layers, period):
    empty = timeline(seed_layers.incidents.iloc[0:0], period)
    assert empty.empty
    assert list(empty.columns) == ["period", "weapon_category", "incidents", "killed"]
