"""`strikemap merge`: pairwise precision and recall on records of real strikes written from
reports by others, and the time to match 100k and 1M records against comparing every pair
within a day.

The test set: one single-source record per report in tests/data/reports/ (64 reports of 30
strikes, English, Ukrainian and Russian), as an analyst would file it from that report alone:
its date, its place resolved by the gazetteer (the city's centre and radius), its weapon, its
figures with their speakers. Two records are one strike when split.csv says so. Hard negatives
come with it: the same city on other days (Kyiv on five days, Kharkiv on four, Odesa on three)
and neighbouring towns on the same day (Dnipro and Synelnykove, 2024-04-19). A second set is
the drafts `strikemap extract` makes from the same reports (their mistakes included).

Run: `python benchmarks/run.py bench_merge` (`bench_merge quick` skips the 1M run).
"""

from __future__ import annotations

import csv
import re
import resource
import time
from itertools import combinations

import numpy as np
import yaml

from benchmarks.score_reports import REPORTS

SPEAKER_PARTIES = {"ukraine_government", "local_authority", "russia_government"}


def _slug(text: str) -> str:
    from unidecode import unidecode

    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")[:60] or "source"


def analyst_records(gazetteer) -> tuple[list, list[str]]:
    """(records, strike label of each) from the corpus's expected drafts."""
    from mapping.model import Incident, Place

    rows = list(csv.DictReader((REPORTS / "split.csv").open(encoding="utf-8")))
    records, labels = [], []
    for row in rows:
        expect = yaml.safe_load((REPORTS / f"{row['report']}.expected.yaml").read_text("utf-8"))
        place = expect["place"]
        found = gazetteer.geocode(Place(name=place["name"], country="UA"))
        where = {"name": place["name"], "country": "UA"}
        if found is not None:
            where |= {
                "lat": found.lat,
                "lon": found.lon,
                "precision": found.precision.value,
                "radius_m": found.radius_m,
                "gazetteer_id": found.id,
            }
        sources, casualties = {}, []
        for figure in expect.get("casualties") or []:
            source = _slug(figure["speaker"].split("(")[0])
            sources[source] = {"id": source, "name": figure["speaker"], "party": figure["party"]}
            count = {k: figure[k] for k in ("min", "max") if figure.get(k) is not None}
            casualties.append(
                {
                    "source": source,
                    "group": figure["group"],
                    figure["category"]: count,
                    "status": figure.get("status", "reported"),
                }
            )
        if not sources:
            sources["report"] = {"id": "report", "name": row["report"], "party": "other"}
        weapon = {k: v for k, v in (expect.get("weapon") or {}).items() if v}
        record = {
            "id": _slug(row["report"]),
            "date": str(expect.get("date") or expect.get("date_hint")),
            "place": where,
            "sources": list(sources.values()),
            "casualties": casualties,
        }
        if weapon:
            record["weapon"] = weapon
        records.append(Incident.model_validate(record))
        labels.append(row["strike"])
    return records, labels


def mixed_records(gazetteer) -> tuple[list, list[str]]:
    """The analyst records at mixed precision (every other one a site 100 m across, up to
    ~1 km from the city's centre, as geolocated footage gives it), with an ACLED-style row
    per strike (the town at 5 km, no weapon, its highest death toll, source ACLED)."""
    from mapping.model import Incident

    records, labels = analyst_records(gazetteer)
    rng = np.random.default_rng(11)
    out = []
    for n, record in enumerate(records):
        place = record.place
        if n % 2 and place.lat is not None:
            place = place.model_copy(
                update={
                    "lat": place.lat + float(rng.uniform(-0.006, 0.006)),
                    "lon": place.lon + float(rng.uniform(-0.006, 0.006)),
                    "precision": "site",
                    "radius_m": 100.0,
                    "gazetteer_id": None,
                }
            )
        out.append(record.model_copy(update={"place": place}))
    first = {}
    for record, label in zip(records, labels, strict=True):
        first.setdefault(label, record)
    for label, record in first.items():
        killed = [c.killed.max or c.killed.min for c in record.casualties if c.killed]
        row = {
            "id": "acled-" + _slug(label),
            "date": record.date.isoformat(),
            "place": record.place.model_copy(update={"radius_m": 5_000.0}).model_dump(
                exclude_none=True
            ),
            "sources": [{"id": "acled", "name": "ACLED", "party": "other"}],
            "casualties": [{"source": "acled", "killed": max(k for k in killed if k)}]
            if any(killed)
            else [],
            "tags": ["acled"],
        }
        out.append(Incident.model_validate(row))
        labels = [*labels, label]
    return out, labels


def draft_records(gazetteer) -> tuple[list, list[str]]:
    """(drafts by `strikemap extract`, strike label of each) from the same reports."""
    from mapping.extraction import extract_draft
    from mapping.geocoding import geocode_incidents
    from mapping.model import Incident

    rows = list(csv.DictReader((REPORTS / "split.csv").open(encoding="utf-8")))
    records, labels = [], []
    for row in rows:
        expect = yaml.safe_load((REPORTS / f"{row['report']}.expected.yaml").read_text("utf-8"))
        text = (REPORTS / f"{row['report']}.txt").read_text("utf-8")
        # the analyst gives the day the report came out; the strike's day stands in for it
        hint = expect.get("date_hint") or expect.get("date")
        draft = extract_draft(text, date_hint=hint, gazetteer=gazetteer)
        if draft.record is None:
            continue
        record = dict(draft.record, id=_slug(row["report"]))
        records.append(Incident.model_validate(record))
        labels.append(row["strike"])
    resolved = geocode_incidents(records, gazetteer, {}).incidents
    return resolved, labels


def pairwise(records: list, labels: list[str]) -> tuple[float, float, int, int, int]:
    """(precision, recall, true pairs found, pairs proposed, true pairs) of the merge groups."""
    from mapping.merging import merge_incidents

    result = merge_incidents(records)
    index = {r.id: i for i, r in enumerate(records)}
    proposed = set()
    for incident in result.incidents:
        members = [index[m] for m in incident.merged_from] if incident.merged_from else []
        proposed |= {tuple(sorted(p)) for p in combinations(members, 2)}
    truth = {(i, j) for i, j in combinations(range(len(records)), 2) if labels[i] == labels[j]}
    found = len(proposed & truth)
    precision = found / len(proposed) if proposed else 1.0
    recall = found / len(truth) if truth else 1.0
    return precision, recall, found, len(proposed), len(truth)


def synthetic(n: int, seed: int = 7):
    """Matching facts of n records over four years of Ukraine: strikes at random towns and
    days, each reported 1–3 times (site or city precision, coordinates a little apart)."""
    from mapping.merging.matching import Facts

    rng = np.random.default_rng(seed)
    strikes = max(1, n // 2)
    s_lat = rng.uniform(44.5, 52.3, strikes)
    s_lon = rng.uniform(22.2, 40.2, strikes)
    s_day = rng.integers(19_000, 19_000 + 4 * 365, strikes)
    which = np.sort(rng.integers(0, strikes, n))
    city = rng.random(n) < 0.6
    radius = np.where(city, 5_000.0, 100.0)
    jitter = np.where(city, 0.02, 0.002)
    lat = s_lat[which] + rng.normal(0, 1, n) * jitter
    lon = s_lon[which] + rng.normal(0, 1, n) * jitter
    day = s_day[which] + (rng.random(n) < 0.05)
    facts = Facts(
        day=day.astype(np.int64),
        window=np.ones(n, dtype=np.int64),
        lat=lat,
        lon=lon,
        radius_m=radius,
        system=[None] * n,
        category=[None] * n,
        urls=[frozenset()] * n,
        figures=[frozenset()] * n,
    )
    return facts


def all_pairs_within_a_day(facts) -> int:
    """The obvious baseline: every pair of records on the same day, distance by numpy."""
    order = np.argsort(facts.day, kind="stable")
    days = facts.day[order]
    bounds = np.flatnonzero(np.diff(days)) + 1
    near = 0
    for group in np.split(order, bounds):
        if len(group) < 2:
            continue
        lat, lon = np.radians(facts.lat[group]), np.radians(facts.lon[group])
        dlat = lat[:, None] - lat[None, :]
        dlon = lon[:, None] - lon[None, :]
        a = (
            np.sin(dlat / 2) ** 2
            + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin(dlon / 2) ** 2
        )
        metres = 2 * 6_371_000 * np.arcsin(np.sqrt(a))
        reach = facts.radius_m[group][:, None] + facts.radius_m[group][None, :] + 2_000
        near += int(np.triu(metres <= reach, 1).sum())
    return near


def main(argv: list[str] | None = None) -> None:
    from mapping.geocoding.gazetteer import Gazetteer
    from mapping.merging.matching import candidate_pairs
    from mapping.merging.merge import match_facts

    gazetteer = Gazetteer()
    print("| records | pairs proposed | true pairs | precision | recall |")
    print("|---|---:|---:|---:|---:|")
    for label, build in (
        ("analyst records, one per report (64)", analyst_records),
        ("the same at mixed precision, plus an ACLED-style row per strike", mixed_records),
        ("drafts by `strikemap extract` from the same reports", draft_records),
    ):
        records, labels = build(gazetteer)
        precision, recall, found, proposed, truth = pairwise(records, labels)
        print(f"| {label} | {proposed} | {truth} | {precision:.3f} | {recall:.3f} ({found}) |")
    print()
    sizes = [100_000] if argv and argv[0] == "quick" else [100_000, 1_000_000]
    print(
        "| records | candidate pairs | grid: candidates | grid: scored and grouped "
        "| every pair within a day (baseline) | ratio | peak memory |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        facts = synthetic(n)
        began = time.perf_counter()
        pairs = candidate_pairs(facts)
        grid = time.perf_counter() - began
        began = time.perf_counter()
        groups, review = match_facts(facts)
        matched = time.perf_counter() - began
        began = time.perf_counter()
        all_pairs_within_a_day(facts)
        baseline = time.perf_counter() - began
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
        print(
            f"| {n:,} | {len(pairs):,} | {grid:.1f} s | {matched:.1f} s ({len(groups):,} groups, "
            f"{len(review):,} to review) | {baseline:.1f} s | {baseline / grid:.1f}x | {peak:.1f} GiB |"
        )


if __name__ == "__main__":
    main()
