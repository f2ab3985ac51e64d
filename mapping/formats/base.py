"""What a file format declares: its name, its suffixes, and how strikemap reads and writes it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mapping.records import LoadResult
from mapping.table_checks import CheckedTables


@dataclass(frozen=True)
class Format:
    """One file format. `read(path, **read_options)` gives incidents and problems;
    `write(layers, path, **options)` writes atomically and returns the number of incidents
    written; `recognises` tells this format's files apart from another format's that share a
    suffix (by content); `read_tables(path)`, for a format whose content is incident tables,
    gives them checked column-wise, without a record object per incident."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[..., LoadResult] | None = None
    write: Callable[..., int] | None = None
    recognises: Callable[[Path], bool] | None = None
    options: tuple[str, ...] = ()  # the writer's keyword options (profile, hxl)
    read_options: tuple[str, ...] = ()  # the reader's keyword options (all_events)
    read_tables: Callable[[Path], CheckedTables] | None = None


def csv_columns(path: Path) -> list[str]:
    """The lower-case column names of a CSV file ([] if it is not readable text). Only the start
    of the file is read, and bytes that are not UTF-8 (a Windows-1252 file) do not matter."""
    try:
        with path.open("rb") as handle:
            head = handle.read(65_536)
    except OSError:
        return []
    text = head.decode("utf-8-sig", errors="replace")
    try:
        return [c.strip().casefold() for c in next(csv.reader(io.StringIO(text)), [])]
    except csv.Error:
        return []
