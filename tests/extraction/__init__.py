"""Tests of `strikemap extract`, and the reading of a draft's figures they share."""

from __future__ import annotations

import datetime as dt

from mapping.extraction import extract_draft


def figures_by_source(text: str, gazetteer, today: dt.date) -> list[tuple[str, str, str, object]]:
    """(source id, group, category, value) of each casualty figure the draft has."""
    record = extract_draft(text, gazetteer=gazetteer, today=today).record
    return [
        (c["source"], c["group"], category, c[category])
        for c in record.get("casualties", [])
        for category in ("killed", "injured", "missing")
        if category in c
    ]
