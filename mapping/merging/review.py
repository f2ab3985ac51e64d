"""The pairs an analyst decides: one line each for the terminal, or a CSV that opens safely in
a spreadsheet (text from reports cannot run as a formula there)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from mapping.atomic import atomic_path
from mapping.html import spreadsheet_cell
from mapping.merging.matching import Pair
from mapping.model import Incident

COLUMNS = [
    "left_id", "right_id", "score", "reasons", "left_date", "right_date", "left_place",
    "right_place", "left_weapon", "right_weapon",
]  # fmt: skip


def _weapon(incident: Incident) -> str:
    weapon = incident.weapon
    if weapon is None:
        return ""
    return weapon.system or (weapon.category.value if weapon.category else "")


def review_row(pair: Pair, records: list[Incident]) -> dict[str, object]:
    """The two records of a pair side by side, with the score and its reasons."""
    left, right = records[pair.left], records[pair.right]
    return {
        "left_id": left.id,
        "right_id": right.id,
        "score": round(pair.score, 1),
        "reasons": "; ".join(pair.reasons),
        "left_date": left.date.isoformat(),
        "right_date": right.date.isoformat(),
        "left_place": left.place.name,
        "right_place": right.place.name,
        "left_weapon": _weapon(left),
        "right_weapon": _weapon(right),
    }


def describe(pair: Pair, records: list[Incident]) -> str:
    """One line: 'review: A (date, place) ~ B (date, place), score 3.0: reasons'."""
    row = review_row(pair, records)
    return (
        f"review: {row['left_id']} ({row['left_date']}, {row['left_place']}) ~ "
        f"{row['right_id']} ({row['right_date']}, {row['right_place']}), "
        f"score {row['score']}: {row['reasons']}"
    )


def write_review(pairs: Iterable[Pair], records: list[Incident], path: str | Path) -> int:
    """The pairs to a CSV file (written whole or not at all); returns the rows written."""
    rows = [review_row(pair, records) for pair in pairs]
    with atomic_path(path) as temp, temp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: spreadsheet_cell(v) for k, v in row.items()})
    return len(rows)


def proposals(merged: list[Incident], review: list[Pair], records: list[Incident]) -> list[dict]:
    """What a merge proposes, for a table: each merged incident with the records it was made
    from, then each pair left for an analyst with the reasons."""
    rows: list[dict[str, object]] = [
        {
            "proposal": "merge",
            "records": " + ".join(incident.merged_from),
            "date": incident.date.isoformat(),
            "place": incident.place.name,
            "score": None,
            "reasons": f"kept as {incident.id}",
        }
        for incident in merged
        if incident.merged_from
    ]
    for pair in review:
        row = review_row(pair, records)
        rows.append(
            {
                "proposal": "review",
                "records": f"{row['left_id']} ~ {row['right_id']}",
                "date": f"{row['left_date']} / {row['right_date']}",
                "place": f"{row['left_place']} / {row['right_place']}",
                "score": row["score"],
                "reasons": row["reasons"],
            }
        )
    return rows
