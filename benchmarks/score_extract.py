"""Score `strikemap extract` on the test corpus (tests/data/extract_corpus.yaml).

A figure is (source, category, group, min, max); precision and recall over all reports, with
date, place and weapon accuracy beside them. Run: `python benchmarks/score_extract.py`.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "extract_corpus.yaml"
TODAY = dt.date(2026, 11, 25)  # fixed, so that "April 4" without a year scores the same every day


def _range(value) -> tuple[int | None, int | None]:
    if isinstance(value, int):
        return value, value
    return value.get("min"), value.get("max")


def record_figures(record: dict | None) -> set[tuple]:
    """The casualty figures of a draft record as comparable tuples."""
    found = set()
    for entry in (record or {}).get("casualties", []):
        for category in ("killed", "injured", "missing"):
            if category in entry:
                found.add(
                    (
                        entry["source"],
                        category,
                        entry.get("group", "unspecified"),
                        *_range(entry[category]),
                    )
                )
    return found


def expected_figures(expect: dict) -> set[tuple]:
    return {
        (f["source"], f["category"], f["group"], f.get("min"), f.get("max"))
        for f in expect.get("figures", [])
    }


@dataclass
class Score:
    id: str
    heldout: bool = False
    true_positives: int = 0
    extracted: int = 0
    expected: int = 0
    date_ok: bool | None = None
    place_ok: bool | None = None
    weapon_ok: bool | None = None
    missed: list[tuple] = field(default_factory=list)
    wrong: list[tuple] = field(default_factory=list)


def score(gazetteer, corpus: Path = CORPUS) -> list[Score]:
    from mapping.extraction import extract_draft

    scores = []
    for case in yaml.safe_load(corpus.read_text(encoding="utf-8")):
        hint = case.get("date_hint")
        draft = extract_draft(case["text"], date_hint=hint, gazetteer=gazetteer, today=TODAY)
        record, expect = draft.record, case["expect"]
        got, want = record_figures(record), expected_figures(expect)
        result = Score(case["id"], case.get("heldout", False), len(got & want), len(got), len(want))
        result.missed, result.wrong = sorted(want - got, key=str), sorted(got - want, key=str)
        if "date" in expect:
            result.date_ok = record is not None and record["date"] == expect["date"]
        if "place" in expect:
            result.place_ok = record is not None and record["place"]["name"] == expect["place"]
        if "weapon" in expect:
            weapon = (record or {}).get("weapon", {})
            result.weapon_ok = all(weapon.get(k) == v for k, v in expect["weapon"].items())
        scores.append(result)
    return scores


def totals(scores: list[Score]) -> tuple[float, float]:
    tp = sum(s.true_positives for s in scores)
    extracted = sum(s.extracted for s in scores)
    expected = sum(s.expected for s in scores)
    return (tp / extracted if extracted else 1.0), (tp / expected if expected else 1.0)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from mapping.geocoding.gazetteer import Gazetteer

    scores = score(Gazetteer())
    mark = {True: "ok", False: "WRONG", None: "-"}
    print(f"{'report':<28} {'found':>5} {'right':>5} {'expected':>8}  date   place  weapon")
    for s in scores:
        print(
            f"{s.id:<28} {s.extracted:>5} {s.true_positives:>5} {s.expected:>8}  "
            f"{mark[s.date_ok]:<6} {mark[s.place_ok]:<6} {mark[s.weapon_ok]}"
        )
        for figure in s.missed:
            print(f"{'':<30}missed: {figure}")
        for figure in s.wrong:
            print(f"{'':<30}wrong:  {figure}")
    precision, recall = totals(scores)
    print(f"\n{len(scores)} reports; figures: precision {precision:.1%}, recall {recall:.1%}")
    held = [s for s in scores if s.heldout]
    if held:
        precision, recall = totals(held)
        print(f"of which {len(held)} held out: precision {precision:.1%}, recall {recall:.1%}")
    for name in ("date_ok", "place_ok", "weapon_ok"):
        judged = [getattr(s, name) for s in scores if getattr(s, name) is not None]
        print(f"{name[:-3]}: {sum(judged)}/{len(judged)} right")


if __name__ == "__main__":
    main()
