"""The headline-figures rule: one range per figure, built only from credible statements.

1. For each source, each group and each category, only the source's latest statement counts
   (latest `as_of`; a statement without `as_of` is no earlier than the one before it from the
   same source; ties go to the later entry in the record).
2. Of those, only `confirmed` and `reported` statements enter the headline. `claimed`,
   `disputed` and `retracted` ones never do; they are listed beside it.
3. The headline range runs from the lowest stated minimum to the highest stated maximum; if any
   statement is open-ended ("at least 16"), so is the headline.

Groups: `killed`/`injured`/`missing` count statements about everyone (`unspecified`) or
civilians; children and military have their own headline columns.
"""

from __future__ import annotations

import pandas as pd

from mapping.counts import describe_range
from mapping.model import HEADLINE_STATUSES

HEADLINE_GROUPS = {
    "unspecified": "",
    "civilians": "",
    "children": "children_",
    "military": "military_",
}
CATEGORIES = ("killed", "injured", "missing")
HEADLINE_COLUMNS = [
    f"{prefix}{category}_{bound}"
    for prefix in ("", "children_", "military_")
    for category in CATEGORIES
    for bound in ("min", "max")
]
_HEADLINE = {status.value for status in HEADLINE_STATUSES}
_BEFORE_ANY_STATEMENT = pd.Timestamp("1000-01-01", tz="UTC")


def statement_times(as_of: pd.Series) -> pd.Series:
    """ISO dates and date-times as UTC instants (a bare date is that day's start, UTC)."""
    return pd.to_datetime(as_of, utc=True, format="ISO8601", errors="coerce")


def latest_statements(casualties: pd.DataFrame) -> pd.DataFrame:
    """Each source's latest statement per incident, group and category (rule 1)."""
    if casualties.empty:
        return casualties
    data = casualties.assign(_t=statement_times(casualties["as_of"]))
    data = data.sort_values(["incident_id", "source_id", "seq"], kind="stable")
    # A statement without a time inherits the time of the source's statement before it.
    data["_t"] = data.groupby(["incident_id", "source_id"], sort=False)["_t"].ffill()
    data["_t"] = data["_t"].fillna(_BEFORE_ANY_STATEMENT)
    data = data.sort_values(
        ["incident_id", "source_id", "group", "category", "_t", "seq"], kind="stable"
    )
    latest = data.drop_duplicates(["incident_id", "source_id", "group", "category"], keep="last")
    return latest.drop(columns="_t")


def headline_figures(casualties: pd.DataFrame, incident_ids: pd.Series) -> pd.DataFrame:
    """Headline ranges per incident: columns `killed_min`, `killed_max`, `children_killed_min`, …"""
    result = pd.DataFrame(index=pd.Index(incident_ids, name="incident_id"))
    for column in HEADLINE_COLUMNS:
        result[column] = pd.array([pd.NA] * len(result), dtype="Int64")
    latest = latest_statements(casualties)
    credible = latest[latest["status"].isin(_HEADLINE)]
    if credible.empty:
        return result.reset_index()
    prefix = credible["group"].map(HEADLINE_GROUPS)
    credible = credible.assign(_figure=prefix + credible["category"])
    # An open-ended statement (a minimum without a maximum) makes the headline open-ended.
    credible = credible.assign(_open=credible["max"].isna() & credible["min"].notna())
    grouped = credible.groupby(["incident_id", "_figure"], sort=False)
    low = grouped["min"].min()
    high = grouped["max"].max().where(~grouped["_open"].any())
    figures = pd.DataFrame({"min": low, "max": high}).reset_index()
    wide = figures.pivot(index="incident_id", columns="_figure", values=["min", "max"])
    for bound, figure in wide.columns:
        column = f"{figure}_{bound}"
        values = wide[(bound, figure)].reindex(result.index)
        result[column] = pd.array(values, dtype="Int64")
    return result.reset_index()


def beside_headline(
    casualties: pd.DataFrame, damage: pd.DataFrame, sources: pd.DataFrame
) -> pd.Series:
    """Per incident, the figures kept out of the headline, e.g.
    'Russian Ministry of Defence (claimed): up to 85 military killed'."""
    parts: list[pd.DataFrame] = []
    names = sources[["incident_id", "source_id", "name"]]
    latest = latest_statements(casualties)
    outside = latest[~latest["status"].isin(_HEADLINE)]
    if not outside.empty:
        group = outside["group"].where(outside["group"] != "unspecified", "")
        parts.append(
            outside.assign(
                _what=_ranges(outside) + (" " + group).str.replace("  ", " ", regex=False).str.rstrip()
                + " " + outside["category"]
            )
        )  # fmt: skip
    off = damage[~damage["status"].isin(_HEADLINE)]
    if not off.empty:
        counted = _ranges(off)
        parts.append(
            off.assign(
                _what=(
                    counted + " " + off["object"].str.replace("_", " ") + " " + off["severity"]
                ).str.strip()
            )
        )
    if not parts:
        return pd.Series(dtype="object")
    rows = pd.concat(parts, ignore_index=True).merge(
        names, on=["incident_id", "source_id"], how="left"
    )
    rows["_text"] = rows["name"] + " (" + rows["status"] + "): " + rows["_what"]
    return rows.groupby("incident_id", sort=False)["_text"].agg("; ".join)


def _ranges(rows: pd.DataFrame) -> pd.Series:
    """'14', 'at least 16', 'up to 85', '18–20' for each row's min/max."""
    return pd.Series(
        [
            describe_range(None if pd.isna(low) else int(low), None if pd.isna(high) else int(high))
            for low, high in zip(rows["min"], rows["max"], strict=True)
        ],
        index=rows.index,
        dtype="object",
    )
