"""`strikemap extract` speed: a 2,000-word article, after start-up (imports, gazetteer open,
first date parse), median of repeated runs; and the corpus score (benchmarks/score_extract.py).

The article is the test corpus's reports (real strikes, our wording) joined and repeated to
2,000 words — long enough to stand for a feature article with many figures and names.

Run: `python benchmarks/run.py bench_extract`.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

WORDS = 2_000
RUNS = 25
ADVERSARIAL = {
    "'Kharkiv, ' repeated": "Kharkiv, ",
    "'12 people were killed and ' repeated": "12 people were killed and ",
    "'among them 2 children, ' repeated": "among them 2 children, ",
    "'3 houses were damaged and ' repeated": "3 houses were damaged and ",
    "'said on Friday ' repeated": "said on Friday ",
    "'загинула дитина, ' repeated": "загинула дитина, ",
    "'за даними поліції, ' repeated": "за даними поліції, ",
}  # one sentence each: the case that was quadratic (22 s for 45 KB of names before)


def ukrainian_article(words: int = WORDS) -> str:
    """Ukrainian and Russian reports written by others (the dev split of tests/data/reports/)
    joined and repeated to `words` words."""
    import csv

    from benchmarks.score_reports import REPORTS

    rows = csv.DictReader((REPORTS / "split.csv").open(encoding="utf-8"))
    texts = [
        (REPORTS / f"{row['report']}.txt").read_text(encoding="utf-8")
        for row in rows
        if row["report"].startswith("uk/") and row["split"] == "dev"
    ]
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < words:
        parts.append(texts[len(parts) % len(texts)])
    return "\n\n".join(parts)


def _timed(extract, text: str) -> tuple[float, float]:
    """(first run, median of RUNS) in seconds."""
    began = time.perf_counter()
    extract(text)
    first = time.perf_counter() - began
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        extract(text)
        times.append(time.perf_counter() - began)
    return first, statistics.median(times)


def article(words: int = WORDS) -> str:
    import yaml

    from benchmarks.score_extract import CORPUS

    texts = [c["text"] for c in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))]
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < words:
        parts.append(texts[len(parts) % len(texts)])
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    started = time.perf_counter()
    from benchmarks.score_extract import score, totals
    from mapping.extraction import extract_draft
    from mapping.geocoding.gazetteer import Gazetteer

    gazetteer = Gazetteer()
    text = article()
    hint = dt.date(2025, 4, 4)
    extract_draft(text, date_hint=hint, gazetteer=gazetteer)
    start_up = time.perf_counter() - started
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        draft = extract_draft(text, date_hint=hint, gazetteer=gazetteer)
        times.append(time.perf_counter() - began)
    figures = len(draft.record.get("casualties", [])) if draft.record else 0
    print(f"{'measure':<62} {'result':>10}")
    print(f"{'article':<62} {len(text.split()):>6} words")
    print(f"{'start-up (imports, gazetteer, first extraction)':<62} {start_up * 1000:>7.0f} ms")
    print(f"{f'extraction, median of {RUNS}':<62} {statistics.median(times) * 1000:>7.1f} ms")
    print(f"{'extraction, slowest':<62} {max(times) * 1000:>7.1f} ms")
    print(f"{'casualty figures in the draft':<62} {figures:>10}")
    # the same length in Ukrainian: first run loads the dictionaries and the language model
    uk_text = ukrainian_article()
    first, median = _timed(lambda t: extract_draft(t, date_hint=hint, gazetteer=gazetteer), uk_text)
    print(f"{'Ukrainian/Russian article':<62} {len(uk_text.split()):>6} words")
    print(f"{'  first extraction (loads morphology dictionaries)':<62} {first * 1000:>7.0f} ms")
    print(f"{f'  extraction, median of {RUNS}':<62} {median * 1000:>7.1f} ms")
    english = statistics.median(times)
    print(f"{'  ratio to the English article':<62} {median / english:>9.1f}x")
    # texts built to be slow for pattern matching: many names, figures or parts in one sentence
    for label, unit in ADVERSARIAL.items():
        text = unit * (100_000 // len(unit))
        began = time.perf_counter()
        extract_draft(text, date_hint=hint, gazetteer=gazetteer)
        print(
            f"{f'adversarial 100 KB: {label}':<62} {(time.perf_counter() - began) * 1000:>7.0f} ms"
        )
    scores = score(gazetteer)
    precision, recall = totals(scores)
    held = [s for s in scores if s.heldout]
    print(
        f"{f'corpus ({len(scores)} reports): figure precision / recall':<62} "
        f"{precision:>5.1%} / {recall:.1%}"
    )
    precision, recall = totals(held)
    print(f"{f'  held out ({len(held)} reports)':<62} {precision:>5.1%} / {recall:.1%}")


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
