"""What a file format declares: its name, its suffixes, and how strikemap reads and writes it."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mapping.records import LoadResult


@dataclass(frozen=True)
class Format:
    """One file format. `read` gives incidents and problems; `write(layers, path, **options)`
    writes atomically and returns the number of incidents written; `recognises` tells this
    format's files apart from another format's that share a suffix (by content)."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path], LoadResult] | None = None
    write: Callable[..., int] | None = None
    recognises: Callable[[Path], bool] | None = None
    options: tuple[str, ...] = ()  # the writer's keyword options (profile, hxl)


def csv_header(path: Path) -> list[str]:
    """The first row of a CSV file, or [] when it cannot be read as UTF-8 CSV."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return []
