"""Record files: load and validate incidents from YAML/JSON, and write them back.

Every problem is reported with its file, line, record id and field; one bad record never stops
the others in the same batch from loading.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import functools
import gc
import json
import re
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from mapping.errors import Origin, Problem, printable
from mapping.model import TEXT_WRITABLE, Incident, _FieldError, has_surrogates, writable_text
from mapping.yaml_source import (
    Document,
    LazyNode,
    RecordDumper,
    line_of,
    parse_documents,
    place_lines,
)

RECORD_SUFFIXES = (".yaml", ".yml", ".json")
_OTHER_FORMATS = (".csv", ".geojson", ".gpkg", ".kml", ".shp")  # read by mapping.formats


@dataclass(slots=True)
class ImportSummary:
    """What an import of one data set file did: rows read, incidents made, rows skipped and
    why (reason → count)."""

    dataset: str
    file: str
    rows: int = 0
    incidents: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def __str__(self) -> str:
        text = f"{self.file}: {self.dataset}: {self.rows} row(s) read, {self.incidents} incident(s)"
        if self.skipped:
            reasons = "; ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
            text += f", {sum(self.skipped.values())} skipped ({reasons})"
        return printable(text)


@dataclass(slots=True)
class LoadResult:
    """The incidents that loaded, and every problem found on the way."""

    incidents: list[Incident] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    origins: dict[str, Origin] = field(default_factory=dict)
    summaries: list[ImportSummary] = field(default_factory=list)  # one per data set file read

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def extend(self, other: LoadResult) -> None:
        """Add another batch; an incident id seen before is refused, not overwritten."""
        for incident in other.incidents:
            origin = other.origins[incident.id]
            if incident.id in self.origins:
                self.problems.append(already_loaded(incident.id, origin, self.origins[incident.id]))
                continue
            self.incidents.append(incident)
            self.origins[incident.id] = origin
        self.problems.extend(other.problems)
        self.summaries.extend(other.summaries)


def record_files(
    paths: Iterable[str | Path], suffixes: tuple[str, ...] = RECORD_SUFFIXES
) -> Iterator[Path]:
    """The files named, with folders expanded to the files with these suffixes (sorted,
    recursive). Hidden files and folders inside a folder (".name", as a half-written export's
    temporary file is named) are left out."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in suffixes
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path


def load_records(paths: Iterable[str | Path]) -> LoadResult:
    """Load and validate every record in the given record files (YAML, JSON) and folders;
    `mapping.load_inputs` reads every other format too."""
    result = LoadResult()
    for path in record_files(paths):
        result.extend(load_file(path))
    return result


def load_file(path: str | Path) -> LoadResult:
    """Load and validate the records of one YAML or JSON file."""
    path = Path(path)
    name = str(path)
    if path.suffix.lower() not in RECORD_SUFFIXES and path.suffix.lower() in _OTHER_FORMATS:
        return _failed(
            name,
            None,
            f"not a record file ({', '.join(RECORD_SUFFIXES)}): read exports and data sets "
            "with mapping.load_inputs or `strikemap import`",
        )
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _failed(name, None, "no such file")
    except OSError as error:
        return _failed(name, None, error.strerror or str(error))
    try:
        text = _decoded(raw)
    except UnicodeDecodeError as error:
        return _failed(
            name, None, f"not UTF-8 or UTF-16 text ({error.reason} at byte {error.start})"
        )
    with collector_paused():
        if path.suffix.lower() == ".json":
            return load_json_text(text, name)
        return load_yaml_text(text, name)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while records are read: reading makes millions
    of objects that form no cycles, and each full collection walks all of them again (4,000
    records of one file: 7.3 s with the collector, 3.1 s without; 16,000: 38 s and 22 s). Any
    cycles made meanwhile are collected once it runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _decoded(raw: bytes) -> str:
    """Text of a record file: UTF-8 (a byte-order mark dropped), or UTF-16 (what Windows
    editors save as "Unicode"), told by its byte-order mark or its zero bytes."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    head = raw[:4096]
    if len(head) >= 4 and head[1::2].count(0) > 0.9 * len(head[1::2]):
        return raw.decode("utf-16-le")  # ASCII-range text saved as UTF-16 without its mark
    if len(head) >= 4 and head[0::2].count(0) > 0.9 * len(head[0::2]):
        return raw.decode("utf-16-be")
    return raw.decode("utf-8-sig")


EMPTY = "holds no records (an empty file, or only comments)"


def load_yaml_text(text: str, file: str = "-") -> LoadResult:
    """Records from YAML text: one record or a list of records per document."""
    try:
        result = _load_yaml_documents(text, file)
    except RecursionError:
        return _failed(file, None, "malformed YAML: nested too deeply to be a record")
    if not result.incidents and not result.problems:
        return _failed(file, None, EMPTY)
    return result


def _load_yaml_documents(text: str, file: str) -> LoadResult:
    result = LoadResult()
    for document in parse_documents(text):
        if document.error is not None:
            result.problems.append(
                Problem(
                    file,
                    document.error_line,
                    document.error_record,
                    document.error_field,
                    document.error,
                )
            )
            continue
        _add_records(result, document, file)
    return result


def load_json_text(text: str, file: str = "-") -> LoadResult:
    """Records from JSON text: one record object or a list of them. Read with the JSON parser;
    only a record with a problem is composed again (as YAML) to find each field's line."""
    try:
        items = _json_items(text)
    except json.JSONDecodeError as error:
        return _failed(file, error.lineno, f"malformed JSON: {error.msg} (column {error.colno})")
    except _DuplicateKeyError as error:
        return _failed(file, None, f"malformed JSON: the key '{error}' appears twice in one object")
    except RecursionError:
        return _failed(file, None, "malformed JSON: nested too deeply to be a record")
    if not items:
        return _failed(file, None, EMPTY)
    result = LoadResult()
    line, counted = 1, 0
    decoded = not has_surrogates(text)  # the JSON parser takes lone surrogates raw
    for data, start, end in items:
        line += text.count("\n", counted, start)
        counted = start
        record_text = text[start:end]
        node = LazyNode(functools.partial(_json_node, record_text, line), line)
        writable = decoded and writable_text(record_text)
        _add_record(result, data, node, file, line, writable)
    return result


def _json_items(text: str) -> list[tuple[Any, int, int]]:
    """The records of a JSON text with their character spans: the elements of a top-level
    array, or the one top-level value."""
    decoder = json.JSONDecoder(object_pairs_hook=_unique_keys)
    start = _skip_space(text, 0)
    if not text.startswith("[", start):
        data, end = decoder.raw_decode(text, start)
        if _skip_space(text, end) != len(text):
            raise json.JSONDecodeError("Extra data", text, _skip_space(text, end))
        return [(data, start, end)]
    items: list[tuple[Any, int, int]] = []
    index = _skip_space(text, start + 1)
    if text.startswith("]", index):
        return items
    while True:
        data, end = decoder.raw_decode(text, index)
        items.append((data, index, end))
        index = _skip_space(text, end)
        if text.startswith(",", index):
            index = _skip_space(text, index + 1)
        elif text.startswith("]", index):
            break
        else:
            raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
    if _skip_space(text, index + 1) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip_space(text, index + 1))
    return items


class _DuplicateKeyError(ValueError):
    """A JSON object names a key twice (the parser would keep the last silently)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKeyError(key)
        data[key] = value
    return data


_SPACE = re.compile(r"[ \t\n\r]*")


def _skip_space(text: str, index: int) -> int:
    return _SPACE.match(text, index).end()  # type: ignore[union-attr]


# A record's fields are placed on their own lines when it is no longer than this; a bigger one
# (a 100 MB note) would take minutes to compose, so its problems name its first line.
LINES_FOR_RECORDS_UP_TO = 1_000_000


def _json_node(text: str, first_line: int) -> yaml.Node | None:
    """The YAML node of a record's JSON text, its lines the file's."""
    if len(text) > LINES_FOR_RECORDS_UP_TO:
        return None  # problems are placed at the record's first line
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    place_lines(node, first_line - 1)
    return node


def already_loaded(record_id: str, origin: Origin, first: Origin) -> Problem:
    """The problem of a record whose id an earlier input already gave."""
    return Problem(
        origin.file, origin.line, record_id, "id", f"incident id already loaded from {first}"
    )


def load_data(data: Any, file: str = "-") -> LoadResult:
    """Records from already-parsed data (a record dict or a list of them), validated."""
    result = LoadResult()
    _add_records(result, Document(data, None, None), file)
    return result


def load_rows(rows: Iterable[tuple[int | None, dict[str, Any]]], file: str = "-") -> LoadResult:
    """Records made from the rows of a data set, each with the line it came from, validated."""
    result = LoadResult()
    for line, data in rows:
        add_row(result, line, data, file)
    return result


def add_row(result: LoadResult, line: int | None, data: Any, file: str = "-") -> bool:
    """Validate one row's record into `result` (after the rows already there); whether it
    became an incident."""
    before = len(result.incidents)
    _add_record(result, data, None, file, line)
    return len(result.incidents) > before


def _failed(file: str, line: int | None, message: str) -> LoadResult:
    return LoadResult(problems=[Problem(file, line, None, None, message)])


def _add_records(result: LoadResult, document: Document, file: str) -> None:
    """The records of one document (one record, or a list of them)."""
    data, node, line = document.data, document.node, document.first_line
    if data is None:
        return
    if isinstance(data, list):
        items = node.value if isinstance(node, yaml.SequenceNode) else [None] * len(data)
        for item, item_node in zip(data, items, strict=True):
            _add_record(result, item, item_node, file, line, document.writable)
    else:
        _add_record(result, data, node, file, line, document.writable)


def _add_record(
    result: LoadResult,
    data: Any,
    node: yaml.Node | LazyNode | None,
    file: str,
    first_line: int | None,
    writable: bool = False,
) -> None:
    """Validate one record into `result`; `writable` when it was read from text that
    `writable_text` cleared."""
    if isinstance(node, LazyNode):
        _add_record_lazily(result, data, node, file, writable)
        return
    line = line_of(node, ()) or first_line
    if not isinstance(data, dict):
        result.problems.append(
            Problem(
                file, line, None, None, f"a record must be a mapping, not {type(data).__name__}"
            )
        )
        return
    record_id = data.get("id") if isinstance(data.get("id"), str) else None
    try:
        incident = Incident.model_validate(data, context=_WRITABLE if writable else None)
    except ValidationError as error:
        for loc, message in _explain(error):
            result.problems.append(
                Problem(file, line_of(node, loc) or line, record_id, _dotted(loc), message)
            )
        return
    if incident.id in result.origins:
        first = result.origins[incident.id]
        result.problems.append(
            Problem(file, line, incident.id, "id", f"incident id already used on line {first.line}")
        )
        return
    result.incidents.append(incident)
    result.origins[incident.id] = Origin(file, line)
    for loc, message in _advice(incident):
        result.problems.append(
            Problem(file, line_of(node, loc) or line, incident.id, _dotted(loc), message, "warning")
        )


_WRITABLE = {TEXT_WRITABLE: True}


def _add_record_lazily(
    result: LoadResult, data: Any, lazy: LazyNode, file: str, writable: bool
) -> None:
    """As `_add_record`, composing the record's node only if it has a problem to place."""
    problems = len(result.problems)
    _add_record(result, data, None, file, lazy.first_line, writable)
    if len(result.problems) == problems:
        return
    del result.problems[problems:]
    record_id = data.get("id") if isinstance(data, dict) else None
    if isinstance(record_id, str) and result.origins.get(record_id) == Origin(
        file, lazy.first_line
    ):
        del result.origins[record_id]
        result.incidents.pop()
    _add_record(result, data, lazy.node, file, lazy.first_line, writable)


def _explain(error: ValidationError) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(location, message) for each validation error, in words an analyst can act on."""
    details = error.errors(include_url=False)
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "too_short" and any(
            len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == loc
            for other in details
        ):
            continue  # "no items left" only because an item inside was invalid
        cause = (detail.get("ctx") or {}).get("error")
        if isinstance(cause, _FieldError):
            yield loc + cause.path, str(cause)
        elif detail["type"] == "extra_forbidden":
            yield loc, _unknown_field_message(loc)
        elif detail["type"] == "missing":
            yield loc, "required field is missing"
        elif detail["type"].startswith(("date_", "datetime_", "time_")):
            reason = detail["msg"].split(", ", 1)[-1]
            yield (
                loc,
                f"'{detail['input']}' is not a valid {detail['type'].split('_')[0]}: {reason}",
            )
        else:
            message = detail["msg"]
            for prefix in ("Value error, ", "Assertion failed, "):
                message = message.removeprefix(prefix)
            yield loc, message


def _unknown_field_message(loc: tuple[str | int, ...]) -> str:
    allowed = _fields_at(loc[:-1])
    message = f"unknown field '{loc[-1]}'"
    if allowed:
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        message += f"; did you mean '{close[0]}'?" if close else f" (allowed: {', '.join(allowed)})"
    return message


def _fields_at(loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the model found at `loc` inside an Incident."""
    model: type[BaseModel] | None = Incident
    for step in loc:
        if model is None or isinstance(step, int):
            continue
        info = model.model_fields.get(step)
        model = _model_in(info.annotation) if info else None
    return list(model.model_fields) if model else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (tuple, list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if found := _model_in(arg):
                return found
    return None


EARLIEST_PLAUSIBLE = dt.date(1900, 1, 1)


def _advice(incident: Incident) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Warnings: things that load but deserve an analyst's look."""
    if incident.date > dt.date.today() + dt.timedelta(days=1):
        yield ("date",), f"{incident.date} is in the future"
    elif incident.date < EARLIEST_PLAUSIBLE:
        yield ("date",), f"{incident.date} is before {EARLIEST_PLAUSIBLE.year}: a typo?"
    if incident.weapon and not incident.weapon.known and incident.weapon.category == "unknown":
        yield (
            ("weapon", "system"),
            f"unknown weapon system '{incident.weapon.system}'; kept as written, category unknown",
        )
    for index, source in enumerate(incident.sources):
        for name in ("url", "archive_url"):
            url = getattr(source, name)
            if url and not url.lower().startswith(("http://", "https://")):
                yield ("sources", index, name), f"'{url}' is not an http(s) address; shown as text"


def _dotted(loc: tuple[str | int, ...]) -> str | None:
    if not loc:
        return None
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def incident_to_record(incident: Incident) -> dict[str, Any]:
    """The record-file form of an incident (what an analyst would write), JSON-compatible."""
    return incident.model_dump(mode="json", exclude_defaults=True)


def dump_yaml(incidents: Iterable[Incident]) -> str:
    """Incidents as a multi-document YAML record file."""
    return yaml.dump_all(
        (incident_to_record(i) for i in incidents),
        Dumper=RecordDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        explicit_start=True,
    )
