"""Run every benchmark and print its table: `make bench` (or `python benchmarks/run.py NAME`)."""

from __future__ import annotations

import importlib
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

BENCHMARKS = [
    "bench_geocoder",
    "bench_exports",
    "bench_imports",
    "bench_places",
    "bench_map",
    "bench_extract",
    "bench_merge",
    "bench_load",
    "score_reports",
    "bench_store",
]


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    import os

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}"


def main(argv: list[str]) -> None:
    """`run.py` runs everything; `run.py NAME [ARGS...]` runs one benchmark with its arguments."""
    print(f"machine: {machine()}\n")
    names, extra = (argv[:1], argv[1:]) if argv else (BENCHMARKS, [])
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        module.main(extra) if extra else module.main()
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
