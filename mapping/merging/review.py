"""The pairs an analyst decides: one line each for the terminal, or a CSV that opens safely in
a spreadsheet (text from reports cannot run as a formula there)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from mapping.atomic import atomic_path
from mapping.errors import RecordError
from mapping.html import spreadsheet_cell
from mapping.merging.matching import Pair
from mapping.model import Incident

COLUMNS = [
    "decision", "left_id", "right_id", "score", "reasons", "left_date", "right_date",
    "left_place", "right_place", "left_weapon", "right_weapon",
]  # fmt: skip
# What an analyst may write in the decision column (empty: not decided yet).
DECISIONS = {"merge": "merge", "same": "merge", "apart": "apart", "keep apart": "apart"}


def _weapon(incident: Incident) -> str:
    weapon = incident.weapon
    if weapon is None:
        return ""
    return weapon.system or (weapon.category.value if weapon.category else "")


def review_row(pair: Pair, records: list[Incident]) -> dict[str, object]:
    """The two records of a pair side by side, with the score and its reasons."""
    left, right = records[pair.left], records[pair.right]
    return {
        "decision": "",
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
            "decision": "",
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
                "decision": "",
                "proposal": "review",
                "records": f"{row['left_id']} ~ {row['right_id']}",
                "date": f"{row['left_date']} / {row['right_date']}",
                "place": f"{row['left_place']} / {row['right_place']}",
                "score": row["score"],
                "reasons": row["reasons"],
            }
        )
    return rows


def read_decisions(path: str | Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """An analyst's decisions from a review CSV (the `decision` column: merge / apart, empty
    for undecided): (pairs to merge, pairs to keep apart), as record ids. A value that is not
    a decision is an error naming the file, the line and the field."""
    merge: list[tuple[str, str]] = []
    apart: list[tuple[str, str]] = []
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            written = (row.get("decision") or "").strip().lower()
            if not written:
                continue
            if written not in DECISIONS:
                raise RecordError(
                    f"'{written}' is not a decision (merge, apart or empty)",
                    file=str(path),
                    line=line,
                    field="decision",
                )
            pair = ((row.get("left_id") or "").strip(), (row.get("right_id") or "").strip())
            if not all(pair):
                raise RecordError("a decision needs left_id and right_id", file=str(path),
                                  line=line, field="left_id")  # fmt: skip
            (merge if DECISIONS[written] == "merge" else apart).append(pair)
    return merge, apart


def decisions_from(rows: Iterable[dict]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Decisions made in a `proposals` table: a review pair marked merge or keep apart, a
    proposed merge marked keep apart (its records all stay apart)."""
    merge: list[tuple[str, str]] = []
    apart: list[tuple[str, str]] = []
    for row in rows:
        decision = DECISIONS.get(str(row.get("decision") or "").strip().lower())
        if decision is None:
            continue
        records = str(row.get("records") or "")
        if row.get("proposal") == "review":
            left, _, right = records.partition(" ~ ")
            (merge if decision == "merge" else apart).append((left, right))
        elif decision == "apart":
            ids = records.split(" + ")
            apart += [(a, b) for n, a in enumerate(ids) for b in ids[n + 1 :]]
    return merge, apart
