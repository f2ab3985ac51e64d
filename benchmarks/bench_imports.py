"""Reading benchmark: ACLED-format rows, JSON and YAML record files, and a strikemap
GeoPackage opened into layers, each against the plain readers.

Run: `python benchmarks/run.py bench_imports [ACLED_ROWS JSON_RECORDS YAML_RECORDS
GPKG_INCIDENTS]` (default 100000 10000 20000 100000). The ACLED file repeats the rows of
`tests/data/datasets/acled_export.csv` (strikes and the other event types in the same mix) with
new ids, dates and coordinates; the record files repeat the bundled seeds with new ids (~3.5 KB
of YAML each); the GeoPackage holds synthetic incidents. Baselines, in the same run: pandas
reading the CSV as text (no incidents made); `json.loads`, or PyYAML's C loader, plus pydantic
validation of every record (the floor of any validated load); the GeoPackage's tables read
and built into layers with no check at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path

import pandas as pd
import yaml

from benchmarks.memory import PeakMemory
from benchmarks.synthetic import synthetic_tables
from layers import build_layers
from mapping.formats import export, read_file, read_file_tables
from mapping.formats.geopackage import read_geopackage
from mapping.geocoding import GeocoderChain
from mapping.model import Incident
from mapping.pipeline import prepare
from mapping.records import dump_yaml, load_records

ROOT = Path(__file__).resolve().parent.parent
EXCERPT = ROOT / "tests" / "data" / "datasets" / "acled_export.csv"


def acled_file(path: Path, rows: int) -> None:
    """An ACLED export-tool CSV of `rows` rows, made from the excerpt's rows."""
    with EXCERPT.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, template = reader.fieldnames or [], list(reader)
    rng = random.Random(3)
    start = dt.date(2022, 2, 24)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        for number in range(rows):
            row = dict(template[number % len(template)])
            day = start + dt.timedelta(days=rng.randrange(1_200))
            row["event_id_cnty"] = f"UKR{number + 1:07d}"
            row["event_date"] = day.strftime("%d %B %Y")
            row["latitude"] = f"{44.5 + rng.random() * 7:.4f}"
            row["longitude"] = f"{22.5 + rng.random() * 17:.4f}"
            writer.writerow(row)


def json_file(path: Path, records: int) -> None:
    """A JSON record file of `records` records, made from the seeds."""
    seeds = load_records([ROOT / "seeds"]).incidents
    data = [
        seeds[n % len(seeds)].model_dump(mode="json", exclude_none=True) | {"id": f"record-{n}"}
        for n in range(records)
    ]
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")


def yaml_file(path: Path, records: int) -> None:
    """A YAML record file of `records` records (one document each), made from the seeds."""
    seeds = load_records([ROOT / "seeds"]).incidents
    copies = (
        seeds[n % len(seeds)].model_copy(update={"id": f"record-{n}"}) for n in range(records)
    )
    path.write_text(dump_yaml(copies), encoding="utf-8")


def _timed(step):
    """(result, seconds, peak MB) of one step."""
    with PeakMemory() as peak:
        started = time.perf_counter()
        result = step()
        seconds = time.perf_counter() - started
    return result, seconds, peak.mb


def run(
    acled_rows: int, json_records: int, yaml_records: int, gpkg_incidents: int
) -> list[tuple[str, int, float, float]]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        acled = Path(folder) / "acled.csv"
        acled_file(acled, acled_rows)
        loaded, seconds, memory = _timed(lambda: read_file(acled))
        (summary,) = loaded.summaries
        label = (
            f"ACLED CSV → incidents (strikemap import; {summary.incidents:,} strikes, "
            f"{sum(summary.skipped.values()):,} other events skipped)"
        )
        rows.append((label, acled_rows, seconds, memory))
        del loaded
        _, seconds, memory = _timed(lambda: pd.read_csv(acled, dtype=str, keep_default_na=False))
        rows.append(("baseline: pandas read_csv as text", acled_rows, seconds, memory))
        checked, seconds, memory = _timed(lambda: read_file_tables(acled))
        assert len(checked.tables) == summary.incidents
        as_tables = ("ACLED CSV → checked tables (app, build, export)", acled_rows, seconds, memory)
        del checked

        records = Path(folder) / "records.json"
        json_file(records, json_records)
        loaded, seconds, memory = _timed(lambda: load_records([records]))
        assert len(loaded.incidents) == json_records
        assert not loaded.errors
        rows.append(("JSON records → incidents (load_records)", json_records, seconds, memory))
        del loaded

        def floor() -> list[Incident]:
            data = json.loads(records.read_text(encoding="utf-8"))
            return [Incident.model_validate(item) for item in data]

        _, seconds, memory = _timed(floor)
        rows.append(("baseline: json.loads + pydantic validation", json_records, seconds, memory))

        records = Path(folder) / "records.yaml"
        yaml_file(records, yaml_records)
        loaded, seconds, memory = _timed(lambda: load_records([records]))
        assert len(loaded.incidents) == yaml_records
        assert not loaded.errors
        rows.append(
            ("YAML records, one file → incidents (load_records)", yaml_records, seconds, memory)
        )
        del loaded

        def yaml_floor() -> list[Incident]:
            text = records.read_text(encoding="utf-8")
            return [Incident.model_validate(d) for d in yaml.load_all(text, yaml.CSafeLoader)]

        _, seconds, memory = _timed(yaml_floor)
        rows.append(
            ("baseline: PyYAML's C loader + pydantic validation", yaml_records, seconds, memory)
        )

        package = Path(folder) / "synthetic.gpkg"
        export(build_layers(synthetic_tables(gpkg_incidents, seed=1)), package)
        opened, seconds, memory = _timed(lambda: prepare([package], GeocoderChain([])))
        assert len(opened.layers.incidents) == gpkg_incidents
        assert not opened.problems
        rows.append(
            (
                "GeoPackage → checked layers (prepare, as the app opens it)",
                gpkg_incidents,
                seconds,
                memory,
            )
        )
        del opened
        _, seconds, memory = _timed(lambda: build_layers(read_geopackage(package)))
        rows.append(
            (
                "baseline: its tables read and built into layers, unchecked",
                gpkg_incidents,
                seconds,
                memory,
            )
        )
        rows.append(as_tables)
    return rows


def main(argv: list[str] | None = None) -> None:
    defaults = ["100000", "10000", "20000", "100000"]
    sizes = [int(a) for a in [*(argv or []), *defaults[len(argv or []) :]]]
    rows = run(*sizes)
    print("| step | rows | seconds | rows/s | peak MB |")
    print("|---|---:|---:|---:|---:|")
    for label, count, seconds, memory in rows:
        print(f"| {label} | {count:,} | {seconds:.2f} | {count / seconds:,.0f} | {memory:,.0f} |")
    print()
    print(f"- ACLED import vs reading the CSV: {rows[0][2] / rows[1][2]:.1f}x the time")
    print(f"- JSON records vs json.loads + validation: {rows[2][2] / rows[3][2]:.2f}x the time")
    print(f"- YAML records vs the C loader + validation: {rows[4][2] / rows[5][2]:.2f}x the time")
    print(f"- GeoPackage opened vs its tables into layers: {rows[6][2] / rows[7][2]:.2f}x the time")
    print(f"- ACLED as checked tables vs as incidents: {rows[8][2] / rows[0][2]:.2f}x the time")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
