"""Place-name benchmark: how near published coordinates real names resolve, and batch speed.

Run: `python benchmarks/run.py bench_places`. The names are those public data sets published
with coordinates (tests/data/place_names_published.csv: Bellingcat's as written, UCDP GED's and
ACLED's with their oblast; split once into a development half and a frozen test half); they
are resolved with Ukraine as the theatre. The batch measure runs
`strikemap geocode --batch` over 10,000 rows (the published names and GeoNames' own Ukrainian
names, each with its oblast, some misspelt), against a plain exact-key lookup of the same names.
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mapping.geocoding.codifier import ID_BASE
from mapping.geocoding.gazetteer import Gazetteer, haversine_m
from mapping.geocoding.regions import admin1_name
from mapping.model import Place
from mapping.theatre import Theatre

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "tests" / "data" / "place_names_published.csv"
CLASSES = ("within 15 km", "15–50 km", "> 50 km, marked ambiguous or region-wide",
           "> 50 km, not marked", "unresolved")  # fmt: skip


def accuracy(gazetteer: Gazetteer, split: str, hinted: bool) -> dict[str, int]:
    """Counts of each class of answer for one split of the published names: those given
    alone (Bellingcat's, and two without an oblast), or those with their oblast (`hinted`:
    UCDP's and ACLED's)."""
    counts = dict.fromkeys(CLASSES, 0)
    for row in csv.DictReader(PUBLISHED.open(encoding="utf-8")):
        if row["split"] != split or bool(row["admin1"]) != hinted:
            continue
        place = Place(name=row["name"], admin1=row["admin1"] or None, country="UA" * hinted or None)
        found = gazetteer.geocode(place)
        if found is None:
            counts["unresolved"] += 1
            continue
        distance = haversine_m(found.lat, found.lon, float(row["lat"]), float(row["lon"]))
        if distance <= 15_000:
            counts["within 15 km"] += 1
        elif distance <= 50_000:
            counts["15–50 km"] += 1
        elif found.ambiguous or found.precision == "region":
            counts["> 50 km, marked ambiguous or region-wide"] += 1
        else:
            counts["> 50 km, not marked"] += 1
    return counts


def batch_file(path: Path, gazetteer: Gazetteer, rows: int) -> list[str]:
    """A batch CSV of `rows` names with their oblasts; returns the names."""
    rng = random.Random(11)
    places = gazetteer._db.execute(  # GeoNames' own places, not the codifier's it lacks
        "SELECT name, admin1 FROM places WHERE country = 'UA' AND id < ? ORDER BY id", (ID_BASE,)
    ).fetchall()
    published = [r["name"] for r in csv.DictReader(PUBLISHED.open(encoding="utf-8"))]
    names = []
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "admin1", "country"])
        for number in range(rows):
            if number % 10 == 0:
                name, admin1 = rng.choice(published), ""
            else:
                name, code = rng.choice(places)
                admin1 = admin1_name("UA", code) or ""
                if number % 7 == 0 and len(name) > 5:  # a one-letter swap, as typos are
                    i = rng.randrange(1, len(name) - 2)
                    name = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
            writer.writerow([f"row-{number}", name, admin1, "UA"])
            names.append(name)
    return names


def main(argv: list[str] | None = None) -> None:
    gazetteer = Gazetteer(theatre=Theatre(("UA",)))
    print("| published names | " + " | ".join(CLASSES) + " |")
    print("|---|" + "---:|" * len(CLASSES))
    for hinted, label in ((False, "name alone"), (True, "name and oblast")):
        for split in ("dev", "test"):
            counts = accuracy(gazetteer, split, hinted)
            total = sum(counts.values())
            cells = " | ".join(f"{n} ({100 * n / total:.1f} %)" for n in counts.values())
            print(f"| {label}: {split} ({total}) | {cells} |")
    print()
    rows = int((argv or ["10000"])[0])
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "names.csv", Path(folder) / "resolved.csv"
        names = batch_file(source, gazetteer, rows)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mapping", "geocode", "--batch", str(source), "-o", str(out)],
            check=True,
            capture_output=True,
            env={"STRIKEMAP_COUNTRIES": "UA", **_environment()},
        )
        batch = time.perf_counter() - started
        with out.open(encoding="utf-8") as handle:
            statuses = [row["status"] for row in csv.DictReader(handle)]
    started = time.perf_counter()
    for name in names:
        gazetteer.exact(name)
    exact = time.perf_counter() - started
    summary = ", ".join(f"{statuses.count(s)} {s}" for s in ("resolved", "ambiguous", "unresolved"))
    print("| batch of names | rows | seconds | names/s |")
    print("|---|---:|---:|---:|")
    print(f"| `strikemap geocode --batch` (whole process; {summary}) | {rows:,} | {batch:.2f} "
          f"| {rows / batch:,.0f} |")  # fmt: skip
    print(f"| baseline: exact-key lookup of the same names | {rows:,} | {exact:.2f} "
          f"| {rows / exact:,.0f} |")  # fmt: skip


def _environment() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "STRIKEMAP_COUNTRIES"}


if __name__ == "__main__":
    main()
