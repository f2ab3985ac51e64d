"""What the importers of public data sets share: reading their tables as found (encodings,
letter case, hashtag rows), dates in whatever form a column uses, and the import summary."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pydantic import BaseModel

from mapping.errors import Problem
from mapping.model import CasualtyCategory, CasualtyReport, Claim, DamageReport, Incident, Place
from mapping.record_tables import record_tables
from mapping.records import ImportSummary, LoadResult, load_rows
from mapping.table_checks import CheckedTables

CATEGORIES = frozenset(c.value for c in CasualtyCategory)
ENCODINGS = ("utf-8-sig", "cp1252")  # UCDP publishes its CSV in Windows-1252

DAY_FIRST = ("%d/%m/%Y", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d.%m.%Y")
MONTH_FIRST = (
    "%m/%d/%Y", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
)  # fmt: skip
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
    """A column's dates, and how they were read."""

    values: list[dt.date | None]
    format: str | None  # the one format that reads every value, if there is one
    order: str | None  # "day first" or "month first", where the order of the two mattered
    guessed: bool  # some values fit either order: theirs is the column's habit, or the set's


def column_dates(texts: list[str], prefer: tuple[str, ...] = DAY_FIRST) -> Dates:
    """The dates of one column. One format is chosen for the whole column where one reads every
    value, so "03/04/2024" means the same in every row, and a column in which "14/08/2020"
    appears is day-first. In a column of mixed forms (a file saved again by a spreadsheet), a
    value that fits either order is read in the order of the values that fit only one; where
    none tells, in the data set's own (`prefer`). None where nothing fits.

    Written here rather than with dateparser: a per-value parser guesses the order of day and
    month for each value on its own, and mixes them within one column."""
    distinct = {t.strip() for t in texts if t.strip()}
    other = MONTH_FIRST if prefer == DAY_FIRST else DAY_FIRST
    chosen = next(
        (f for f in (*UNAMBIGUOUS, *prefer, *other) if all(_fits(v, f) for v in distinct)), None
    )
    if chosen is not None:
        parsed = {v: _parse(v, (chosen,)) for v in distinct}
        either = chosen not in UNAMBIGUOUS and any(
            all(_fits(v, f) for v in distinct) for f in (other if chosen in prefer else prefer)
        )
        order = None if chosen in UNAMBIGUOUS else _order_of(chosen)
        return Dates([parsed.get(t.strip()) for t in texts], chosen, order, either)
    orders = {v: (_parse(v, DAY_FIRST), _parse(v, MONTH_FIRST)) for v in distinct}
    day = sum(1 for d, m in orders.values() if d and not m)
    month = sum(1 for d, m in orders.values() if m and not d)
    habit = prefer if day == month else (DAY_FIRST if day > month else MONTH_FIRST)
    rest = MONTH_FIRST if habit == DAY_FIRST else DAY_FIRST
    parsed = {v: _parse(v, (*UNAMBIGUOUS, *habit, *rest)) for v in distinct}
    either = any(d and m for d, m in orders.values())
    return Dates([parsed.get(t.strip()) for t in texts], None, _order_of(habit[0]), either)


def _order_of(fmt: str) -> str:
    return "day first" if fmt in DAY_FIRST else "month first"


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


def guessed_order_warning(file: str, column: str, dates: Dates) -> Problem:
    """The warning that dates fitting either order were read in the column's (or the data
    set's) order."""
    how = f"({dates.format})" if dates.format else "like the dates in it that fit only one order"
    return Problem(
        file,
        None,
        None,
        "date",
        f"column '{column}': dates that fit either order of day and month read {dates.order} {how}",
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


@dataclass
class DataSetRows:
    """A data set file read into records, not yet validated: each with its line (None where
    the format has none), the problems met reading the file, and the import's summary."""

    summary: ImportSummary
    rows: list[tuple[int | None, dict[str, Any]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def records(self) -> LoadResult:
        """The incidents as record objects, each validated, with the summary."""
        result = load_rows(self._stored(), self.summary.file)
        result.problems[:0] = self.problems
        self._count(len(result.incidents), result.errors)
        result.summaries.append(self.summary)
        return result

    def tables(self) -> CheckedTables:
        """The incidents as checked tables: no record object for a record in the form the
        tables hold (see `record_tables`); the same incidents and problems as `records`."""
        rows = self._stored()
        lines = [line for line, _ in rows]
        checked = record_tables([record for _, record in rows], self.summary.file, lines)
        checked.problems[:0] = self.problems
        self._count(len(checked.tables), checked.errors)
        return checked

    def _stored(self) -> list[tuple[int | None, dict[str, Any]]]:
        return [(line, stored_form(record)) for line, record in self.rows]

    def _count(self, incidents: int, errors: list[Problem]) -> None:
        self.summary.incidents = incidents
        refused = len({(p.line, p.record_id) for p in errors if p.record_id or p.line})
        if refused:
            self.summary.skipped["invalid (see problems)"] = refused


_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def stored_form(record: dict[str, Any]) -> dict[str, Any]:
    """A record as an importer made it, in the form the tables hold where the model reads both
    forms alike: values of the vocabularies as their text, the defaults of those written out,
    coordinates as numbers, a count `12` as `{min: 12, max: 12}`, no empty lists. Anything else
    stays for the model to judge."""
    _with_defaults(record, Incident)
    place = record.get("place")
    if isinstance(place, dict):
        _with_defaults(place, Place)
        for key in ("lat", "lon"):
            value = place.get(key)
            if isinstance(value, str) and _DECIMAL.fullmatch(value):
                place[key] = float(value)
    for key, model in _STATEMENTS.items():
        statements = record.get(key)
        if statements == []:
            del record[key]
        for statement in statements or ():
            if isinstance(statement, dict):
                _with_defaults(statement, model)
                if key == "casualties":
                    for category, value in statement.items():
                        if type(value) is int and category in CATEGORIES:
                            statement[category] = {"min": value, "max": value}
    if record.get("tags") == []:
        del record["tags"]
    return record


_STATEMENTS = {"casualties": CasualtyReport, "damage": DamageReport, "claims": Claim}


def _with_defaults(data: dict[str, Any], model: type[BaseModel]) -> None:
    """An object's vocabulary values as text, and the vocabulary fields it leaves out set to
    the model's defaults."""
    for key, value in data.items():
        if isinstance(value, Enum):
            data[key] = value.value
    for key, default in _vocabulary_defaults(model).items():
        data.setdefault(key, default)


@cache
def _vocabulary_defaults(model: type[BaseModel]) -> dict[str, str]:
    return {
        name: f.default.value
        for name, f in model.model_fields.items()
        if isinstance(f.default, Enum)
    }


def read_csv_data_set(
    path: Path,
    dataset: str,
    date_columns: tuple[str, ...],
    make: Callable[[dict[str, str], int], dict[str, Any]],
    *,
    prefer: tuple[str, ...] = DAY_FIRST,
    skip: Callable[[dict[str, str]], str | None] | None = None,
) -> DataSetRows:
    """The records of a CSV data set: `make(row, line)` builds each row's record, with the
    `date_columns` already in ISO form where their column's format reads them (else as
    written, for the model to report); `skip(row)` gives the reason a row is not imported, or
    None."""
    table = read_table(path)
    read = DataSetRows(ImportSummary(dataset, str(path), rows=len(table.rows)))
    for column in date_columns:
        dates = column_dates([row.get(column, "") for row in table.rows], prefer)
        if dates.guessed:
            read.problems.append(guessed_order_warning(str(path), column, dates))
        for row, date in zip(table.rows, dates.values, strict=True):
            if date is not None:
                row[column] = date.isoformat()
    for row, line in zip(table.rows, table.lines, strict=True):
        if skip and (reason := skip(row)):
            read.summary.skip(reason)
            continue
        read.rows.append((line, make(row, line)))
    return read
