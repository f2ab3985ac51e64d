"""What goes wrong and where: the problems reported for records, and the errors strikemap
raises (the CLI turns each error into a one-line message and an exit code)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# Control characters (C0, DEL, C1) and the invisible ones that reorder or hide text: printed
# raw, a record's text could clear a terminal or retitle it, or disguise what it says.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def printable(text: object) -> str:
    """Text safe to print on a terminal: control characters shown as escapes (\\x1b)."""
    return _UNPRINTABLE.sub(_escaped, str(text))


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: its file (or store URL) and line."""

    file: str
    line: int | None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a look) in a record, located down to the field."""

    file: str
    line: int | None
    record_id: str | None
    field: str | None
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.record_id or '-'}: {self.field or '-'}: {self.message}"
        return printable(text if self.severity == "error" else f"{text} (warning)")


class StrikemapError(Exception):
    """Base of every error strikemap raises on purpose."""


class RecordError(StrikemapError):
    """A record (or a whole record file) that cannot be loaded; `problem` says where."""

    def __init__(
        self,
        message: str,
        *,
        file: str = "-",
        line: int | None = None,
        record_id: str | None = None,
        field: str | None = None,
    ) -> None:
        self.problem = Problem(file, line, record_id, field, message)
        super().__init__(str(self.problem))


class GeocodeError(StrikemapError):
    """A geocoding service could not answer (not the same as 'no match')."""


class ExportError(StrikemapError):
    """An export could not be written; the previous file, if any, is left as it was."""
