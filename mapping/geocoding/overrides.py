"""Analyst overrides: a local gazetteer of sites located by hand, checked before everything else.

A CSV or YAML file of entries with `name`, `lat`, `lon` and optionally `aliases` (separated by
`|` in CSV), `precision` (default site), `radius_m`, `country`, `admin1` and `note`.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mapping.errors import RecordError
from mapping.geocoding.base import DEFAULT_RADIUS_M, Location
from mapping.geocoding.names import name_key
from mapping.model import Place, Precision


class OverrideEntry(BaseModel):
    """One hand-located place."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    precision: Precision = Precision.SITE
    radius_m: float | None = Field(default=None, ge=0)
    country: str | None = None
    admin1: str | None = None
    note: str | None = None

    @field_validator("aliases", mode="before")
    @classmethod
    def _split_aliases(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(a.strip() for a in value.split("|") if a.strip())
        return value

    @field_validator("country", "admin1", "note", "radius_m", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if value == "" else value


def read_overrides(path: str | Path) -> list[OverrideEntry]:
    """Entries of an overrides file; any bad entry is an error naming its line and field."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8", newline="") as handle:
                rows = [(index + 2, row) for index, row in enumerate(csv.DictReader(handle))]
        else:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            rows = [(None, row) for row in (data if isinstance(data, list) else [data])]
    except (OSError, yaml.YAMLError, csv.Error, UnicodeDecodeError) as error:
        raise RecordError(f"cannot read overrides: {error}", file=str(path)) from error
    entries = []
    for line, row in rows:
        try:
            entries.append(OverrideEntry.model_validate(row))
        except ValidationError as error:
            first = error.errors()[0]
            raise RecordError(
                first["msg"],
                file=str(path),
                line=line,
                record_id=str(row.get("name")) if isinstance(row, dict) else None,
                field=".".join(str(p) for p in first["loc"]) or None,
            ) from error
    return entries


class OverrideGazetteer:
    """Geocoder over an analyst's overrides file."""

    provider = "override"

    def __init__(self, entries: list[OverrideEntry]) -> None:
        self._by_key: dict[str, list[OverrideEntry]] = {}
        for entry in entries:
            for alias in (entry.name, *entry.aliases):
                self._by_key.setdefault(name_key(alias), []).append(entry)

    @classmethod
    def from_file(cls, path: str | Path) -> OverrideGazetteer:
        return cls(read_overrides(path))

    def geocode(self, place: Place) -> Location | None:
        matches = [
            entry
            for entry in self._by_key.get(name_key(place.name), [])
            if not (place.country and entry.country and entry.country.upper() != place.country)
        ]
        if not matches:
            return None
        entry = matches[0]
        return Location(
            query=place.name,
            name=entry.name,
            lat=entry.lat,
            lon=entry.lon,
            precision=entry.precision,
            radius_m=entry.radius_m
            if entry.radius_m is not None
            else DEFAULT_RADIUS_M[entry.precision],
            provider=self.provider,
            id=f"override:{name_key(entry.name)}",
            country=entry.country,
            admin1=entry.admin1,
            ambiguous=len({(m.lat, m.lon) for m in matches}) > 1,
        )
