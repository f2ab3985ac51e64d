"""What the importers of public data sets share: reading their tables as found (encodings,
letter case, hashtag rows), dates in whatever form a column uses, and the import summary."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from mapping.errors import Problem
from mapping.records import ImportSummary, LoadResult, load_rows

ENCODINGS = ("utf-8-sig", "cp1252")  # UCDP publishes its CSV in Windows-1252

DAY_FIRST = ("%d/%m/%Y", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d.%m.%Y")
MONTH_FIRST = ("%m/%d/%Y", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M")
UNAMBIGUOUS = (
    "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%SZ", "%d %B %Y", "%d %b %Y", "%d-%B-%Y",
    "%d-%b-%Y", "%B %d, %Y", "%b %d, %Y", "%Y/%m/%d",
)  # fmt: skip


@dataclass
class Table:
    """A data set's rows as text, keyed by lower-case column name, with each row's line."""

    columns: list[str]
    rows: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def read_text(path: Path) -> str:
    """A data set file's text in the first of `ENCODINGS` that decodes it."""
    data = path.read_bytes()
    for encoding in ENCODINGS[:-1]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode(ENCODINGS[-1], errors="replace")


def read_table(path: Path) -> Table:
    """The rows of a CSV data set. Column names are matched in lower case (older ACLED files
    write them in capitals); a row of HXL hashtags under the header (HDX copies) is skipped."""
    reader = csv.reader(io.StringIO(read_text(path), newline=""))
    header = next(reader, [])
    table = Table([name.strip().casefold() for name in header])
    start = reader.line_num + 1
    for values in reader:
        if any(v.strip() for v in values) and not _hashtag_row(values, first=not table.rows):
            table.rows.append(dict(zip(table.columns, values, strict=False)))
            table.lines.append(start)
        start = reader.line_num + 1
    return table


def _hashtag_row(values: list[str], *, first: bool) -> bool:
    return first and all(v.strip().startswith("#") for v in values if v.strip())


@dataclass(frozen=True)
class Dates:
    """A column's dates, read with the one format that fits all of them."""

    values: list[dt.date | None]
    format: str | None
    ambiguous: bool  # both day-first and month-first fit every value: the order is a guess


def column_dates(texts: list[str], prefer: tuple[str, ...] = DAY_FIRST) -> Dates:
    """The dates of one column. One format is chosen for the whole column, so "03/04/2024"
    means the same in every row, and a column in which "14/08/2020" appears is day-first.
    Values no single format fits are read one by one; None where nothing fits.

    Written here rather than with dateparser: a per-value parser guesses the order of day and
    month for each value on its own, and mixes them within one column."""
    distinct = {t.strip() for t in texts if t.strip()}
    other = MONTH_FIRST if prefer == DAY_FIRST else DAY_FIRST
    chosen = next(
        (f for f in (*UNAMBIGUOUS, *prefer, *other) if all(_fits(v, f) for v in distinct)), None
    )
    formats = (chosen,) if chosen else (*UNAMBIGUOUS, *prefer, *other)
    parsed = {v: _parse(v, formats) for v in distinct}
    ambiguous = chosen in prefer and any(all(_fits(v, f) for v in distinct) for f in other)
    return Dates([parsed.get(t.strip()) for t in texts], chosen, ambiguous)


def _fits(text: str, fmt: str) -> bool:
    try:
        dt.datetime.strptime(text, fmt)
    except ValueError:
        return False
    return True


def _parse(text: str, formats: Iterable[str]) -> dt.date | None:
    for fmt in formats:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def ambiguous_dates_warning(file: str, column: str, dates: Dates) -> Problem:
    """The warning that a whole column's day/month order was taken from the data set's habit."""
    order = "day first" if dates.format in DAY_FIRST else "month first"
    return Problem(
        file,
        None,
        None,
        "date",
        f"column '{column}' read {order} ({dates.format}): every date in it fits either order",
        "warning",
    )


def place_name(name: str, lat: str, lon: str) -> str:
    """The place as the data set names it, or its coordinates when it names none."""
    return name.strip() or f"{lat.strip()}, {lon.strip()}"


def host_of(url: str) -> str:
    """The site of a link, for naming it as a source ('t.me'); the link itself when it has no
    readable host. Links in data sets are often defanged ('youtube[.]com') or malformed."""
    try:
        host = urlparse(url).netloc
    except ValueError:
        host = ""
    return host.removeprefix("www.") or url


def number(text: str) -> int | str | None:
    """A count cell: an int, None when empty, or the text (the model reports it)."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else text


def read_csv_data_set(
    path: Path,
    dataset: str,
    date_column: str,
    make: Callable[[dict[str, str], int, str], dict[str, Any]],
    *,
    prefer: tuple[str, ...] = DAY_FIRST,
    skip: Callable[[dict[str, str]], str | None] | None = None,
) -> LoadResult:
    """Incidents from a CSV data set: `make(row, line, date)` builds each row's record (the date
    in ISO form when the column's format reads it, else as written, for the model to report);
    `skip(row)` gives the reason a row is not imported, or None."""
    table = read_table(path)
    summary = ImportSummary(dataset, str(path), rows=len(table.rows))
    dates = column_dates([row.get(date_column, "") for row in table.rows], prefer)
    problems = [ambiguous_dates_warning(str(path), date_column, dates)] if dates.ambiguous else []
    records: list[tuple[int | None, dict[str, Any]]] = []
    for row, line, date in zip(table.rows, table.lines, dates.values, strict=True):
        if skip and (reason := skip(row)):
            summary.skip(reason)
            continue
        records.append(
            (line, make(row, line, date.isoformat() if date else row.get(date_column, "")))
        )
    return finish(summary, records, problems)


def finish(
    summary: ImportSummary,
    rows: list[tuple[int | None, dict[str, Any]]],
    problems: list[Problem] | None = None,
) -> LoadResult:
    """Validate the records made from a data set's rows and attach the summary."""
    result = load_rows(rows, summary.file)
    result.problems[:0] = problems or []
    summary.incidents = len(result.incidents)
    refused = len({(p.line, p.record_id) for p in result.errors if p.record_id or p.line})
    if refused:
        summary.skipped["invalid (see problems)"] = refused
    result.summaries.append(summary)
    return result
