"""What goes wrong and where: the problems reported for records, and the errors strikemap
raises (the CLI turns each error into a one-line message and an exit code)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


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
        return text if self.severity == "error" else f"{text} (warning)"


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
