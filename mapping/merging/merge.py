"""Records about one strike become one incident that keeps every statement with its source.

Groups are grown from the strongest pairs down; a pair that would put two records that are
certainly apart (two sites kilometres apart, dates outside each other's precision) into one
group is not merged but sent to review. The merged incident keeps:
- every source, unified where two records cite the same outlet or person (same id and name,
  or the same URL); sources that share an id but not a name are kept apart under new ids;
- every casualty, damage and claim statement, identical ones once;
- the most precise place (and in its note, which record it came from), the most specific
  weapon (the others' weapon statements in the notes), the most precise date;
- `merged_from`: the ids of the records it was made from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mapping.merging.matching import (
    MERGE_AT,
    REVIEW_AT,
    Facts,
    Pair,
    candidate_pairs,
    date_window,
    facts_of,
    score_pair,
)
from mapping.model import Incident, Source

DECIDED = 1e9  # the score of a pair an analyst merged


@dataclass
class MergeResult:
    """Incidents after merging (singletons unchanged), and the pairs left for an analyst."""

    incidents: list[Incident]
    review: list[Pair]
    merged: int  # input records that went into a merged incident


def group(
    n: int,
    facts: Facts,
    pairs: Iterable[Pair],
    threshold: float = MERGE_AT,
    apart: Iterable[tuple[int, int]] = (),
) -> tuple[list[list[int]], list[Pair]]:
    """Groups of record indices (strongest pairs first) and the pairs held for review: those
    scoring under `threshold`, and those that would join records that are apart. A pair an
    analyst decided (score `DECIDED`) always merges; `apart` pairs never share a group."""
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    kept_apart = {frozenset(p) for p in apart}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = sorted(pairs, key=lambda p: -p.score)
    torn = _torn(facts, [p for p in pairs if threshold <= p.score < DECIDED])
    review: list[Pair] = []
    for pair in pairs:
        a, b = root(pair.left), root(pair.right)
        if a == b:
            continue
        split = any(frozenset((i, j)) in kept_apart for i in members[a] for j in members[b])
        if split:
            continue
        decided = pair.score >= DECIDED
        if pair.score < threshold:
            review.append(pair)
            continue
        if not decided and (pair.left in torn or pair.right in torn):
            reason = "one record matches two strikes that are apart"
            review.append(Pair(pair.left, pair.right, pair.score, (*pair.reasons, reason)))
            continue
        if not decided and _conflict(facts, members[a], members[b]):
            reason = "would join records that are apart"
            review.append(Pair(pair.left, pair.right, pair.score, (*pair.reasons, reason)))
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        parent[b] = a
        members[a] += members.pop(b)
    groups = [sorted(m) for r, m in members.items() if root(r) == r]
    return sorted(groups), review


def _torn(facts: Facts, pairs: list[Pair]) -> set[int]:
    """Records that match two records which are apart from each other (a city-level report
    and two sites struck the same night): which strike they belong to is an analyst's call."""
    matches: dict[int, list[int]] = {}
    for pair in pairs:
        matches.setdefault(pair.left, []).append(pair.right)
        matches.setdefault(pair.right, []).append(pair.left)
    torn = set()
    for record, others in matches.items():
        if any(
            score_pair(facts, i, j).score <= -10
            for n, i in enumerate(others)
            for j in others[n + 1 :]
        ):
            torn.add(record)
    return torn


def _conflict(facts: Facts, left: list[int], right: list[int]) -> bool:
    return any(score_pair(facts, i, j).score <= -10 for i in left for j in right)


def match_facts(
    facts: Facts,
    threshold: float = MERGE_AT,
    merge: Iterable[tuple[int, int]] = (),
    apart: Iterable[tuple[int, int]] = (),
) -> tuple[list[list[int]], list[Pair]]:
    """Groups of records that are one strike, and the pairs for review: candidates from the
    grid, each scored, grown into groups strongest first; an analyst's decisions (`merge`,
    `apart`: index pairs) override the scores."""
    scored = (score_pair(facts, int(i), int(j)) for i, j in candidate_pairs(facts))
    kept = [p for p in scored if p.score >= min(REVIEW_AT, threshold)]
    kept += [Pair(i, j, DECIDED, ("an analyst decided they are one strike",)) for i, j in merge]
    return group(len(facts), facts, kept, threshold, apart)


def merge_incidents(
    incidents: list[Incident],
    threshold: float = MERGE_AT,
    *,
    merge: Iterable[tuple[str, str]] = (),
    apart: Iterable[tuple[str, str]] = (),
) -> MergeResult:
    """Match the incidents and merge each group into one (see the module's docstring); pairs
    scoring from REVIEW_AT up to `threshold` are listed for review, not merged. `merge` and
    `apart` are an analyst's decisions on pairs of record ids."""
    index = {incident.id: n for n, incident in reversed(list(enumerate(incidents)))}

    def indices(pairs: Iterable[tuple[str, str]]) -> list[tuple[int, int]]:
        return [(index[a], index[b]) for a, b in pairs if a in index and b in index and a != b]

    facts = facts_of(incidents)
    groups, review = match_facts(facts, threshold, indices(merge), indices(apart))
    merged: list[Incident] = []
    count = 0
    for members in groups:
        if len(members) == 1:
            merged.append(incidents[members[0]])
            continue
        merged.append(merge_group([incidents[i] for i in members]))
        count += len(members)
    return MergeResult(merged, review, count)


def merge_group(records: list[Incident]) -> Incident:
    """One incident from records about the same strike."""
    sources: list[Source] = []
    by_key: dict[tuple[str, str], str] = {}  # (id, name) or ("url", url) -> unified id
    casualties, damage, claims, evidence, notes, tags = [], [], [], [], [], []
    renames: dict[str, dict[str, str]] = {}
    for record in records:
        renamed = {s.id: _unified(s, sources, by_key) for s in record.sources}
        renames[record.id] = renamed
        for entry in record.casualties:
            _add_once(casualties, entry.model_copy(update={"source": renamed[entry.source]}))
        for entry in record.damage:
            _add_once(damage, entry.model_copy(update={"source": renamed[entry.source]}))
        for entry in record.claims:
            disputed = tuple(renamed.get(s, s) for s in entry.disputed_by)
            update = {"source": renamed[entry.source], "disputed_by": disputed}
            _add_once(claims, entry.model_copy(update=update))
        evidence += [
            e.model_copy(update={"path": f"{record.id}: {e.path}"}) for e in record.evidence
        ]
        if record.notes:
            notes.append(f"[{record.id}] {record.notes}")
        tags += [t for t in record.tags if t not in tags]
    best_place = min(records, key=_place_rank)
    place = best_place.place
    where = f"the most precise place of the merged records: {best_place.id}'s"
    place = place.model_copy(update={"note": "; ".join(filter(None, [place.note, where]))})
    weapon_record = max(records, key=_weapon_rank)
    weapon = weapon_record.weapon
    if weapon is not None:
        said = (weapon.system, weapon.category)
        others = [
            f"{r.id}: {r.weapon.system or r.weapon.category}"
            for r in records
            if r.weapon is not None and (r.weapon.system, r.weapon.category) != said
        ]
        if others:
            notes.append("Other weapon statements: " + "; ".join(others) + ".")
        if weapon.source:
            source = renames[weapon_record.id][weapon.source]
            weapon = weapon.model_copy(update={"source": source})
    dated = min(records, key=lambda r: (date_window(r.date_precision), r.date))
    time = next((r.time for r in records if r.time is not None and r.date == dated.date), None)
    review = next((r.review for r in records if r.review is not None), None)
    merged_from = []
    for record in records:
        for old in (*record.merged_from, record.id):
            if old not in merged_from:
                merged_from.append(old)
    return Incident(
        id=best_place.id,
        date=dated.date,
        time=time,
        date_precision=dated.date_precision,
        place=place,
        weapon=weapon,
        sources=tuple(sources),
        casualties=tuple(casualties),
        damage=tuple(damage),
        claims=tuple(claims),
        notes=" ".join(notes) or None,
        tags=tuple(tags),
        review=review,
        evidence=tuple(evidence),
        merged_from=tuple(merged_from),
    )


def _unified(source: Source, sources: list[Source], by_key: dict[tuple[str, str], str]) -> str:
    """The id this source has in the merged incident: an earlier source that is the same outlet
    or person keeps its id; a different source with a taken id gets a new one."""
    keys = [(source.id, source.name.casefold())]
    if source.url:
        keys.append(("url", source.url))
    for key in keys:
        if key in by_key:
            return by_key[key]
    taken = {s.id for s in sources}
    new_id, n = source.id, 2
    while new_id in taken:
        new_id, n = f"{source.id}-{n}", n + 1
    sources.append(source.model_copy(update={"id": new_id}))
    for key in keys:
        by_key[key] = new_id
    return new_id


def _add_once(entries: list, entry) -> None:
    if entry not in entries:
        entries.append(entry)


def _place_rank(record: Incident) -> tuple:
    place = record.place
    located = place.lat is not None and place.lon is not None
    return (not located, place.radius_m if place.radius_m is not None else 1e9, place.ambiguous)


def _weapon_rank(record: Incident) -> int:
    weapon = record.weapon
    if weapon is None:
        return 0
    if weapon.system:
        return 3
    return 2 if weapon.category and weapon.category.value != "unknown" else 1
