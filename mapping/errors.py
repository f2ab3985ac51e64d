"""The errors strikemap raises; the CLI turns each into a one-line message and an exit code."""

from __future__ import annotations


class StrikemapError(Exception):
    """Base of every error strikemap raises on purpose."""


class RecordError(StrikemapError):
    """A record (or a whole record file) that cannot be loaded, located down to the field."""

    def __init__(
        self,
        message: str,
        *,
        file: str = "-",
        line: int | None = None,
        record_id: str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.record_id = record_id
        self.field = field

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.record_id or '-'}: {self.field or '-'}: {self.message}"


class GeocodeError(StrikemapError):
    """A geocoder could not answer (not the same as 'no match')."""


class ExportError(StrikemapError):
    """An export could not be written; the previous file, if any, is left as it was."""
