"""The theatre a team works on: the countries (and optionally a bounding box) whose places are
preferred over same-named places elsewhere. Set once, in `strikemap.toml` in the working
folder or the user's config folder, or with STRIKEMAP_COUNTRIES=UA,RU; `--country` still
overrides it for one call.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mapping.errors import StrikemapError

CONFIG_NAME = "strikemap.toml"
ENVIRONMENT = "STRIKEMAP_COUNTRIES"


@dataclass(frozen=True)
class Theatre:
    """Countries (ISO alpha-2) and an optional W,S,E,N box; empty means the whole world."""

    countries: tuple[str, ...] = ()
    bbox: tuple[float, float, float, float] | None = None
    source: str | None = None  # where it was set, for messages

    def __bool__(self) -> bool:
        return bool(self.countries or self.bbox)

    def contains(self, country: str | None, lat: float, lon: float) -> bool:
        """Whether a place lies in the theatre (in one of its countries, inside its box)."""
        if self.countries and country not in self.countries:
            return False
        if self.bbox is not None:
            west, south, east, north = self.bbox
            return west <= lon <= east and south <= lat <= north
        return True


def _countries(values: object, where: str) -> tuple[str, ...]:
    items = values.split(",") if isinstance(values, str) else values
    if not isinstance(items, list | tuple):
        raise StrikemapError(f"{where}: countries must be a list of two-letter codes")
    codes = tuple(str(item).strip().upper() for item in items if str(item).strip())
    for code in codes:
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise StrikemapError(f"{where}: '{code}' is not a two-letter country code (e.g. UA)")
    return codes


def _bbox(value: object, where: str) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise StrikemapError(f"{where}: bbox must be four numbers [W, S, E, N]") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise StrikemapError(f"{where}: bbox [W, S, E, N] is not a box on the globe")
    return west, south, east, north


def config_files(cwd: Path | None = None, env: Mapping[str, str] = os.environ) -> list[Path]:
    """Where a `strikemap.toml` is looked for, first found wins: the working folder, then the
    user's config folder."""
    base = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return [(cwd or Path.cwd()) / CONFIG_NAME, base / "strikemap" / CONFIG_NAME]


def load_theatre(cwd: Path | None = None, env: Mapping[str, str] = os.environ) -> Theatre:
    """The theatre set for this run: STRIKEMAP_COUNTRIES, else the first `strikemap.toml`
    found (its [theatre] table), else none."""
    if value := env.get(ENVIRONMENT, "").strip():
        return Theatre(_countries(value, ENVIRONMENT), source=ENVIRONMENT)
    for path in config_files(cwd, env):
        if not path.is_file():
            continue
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")).get("theatre", {})
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise StrikemapError(f"{path}: cannot read the theatre: {error}") from None
        if not isinstance(table, dict):
            raise StrikemapError(f"{path}: [theatre] must be a table")
        where = f"{path}: theatre"
        return Theatre(
            _countries(table.get("countries", []), f"{where}.countries"),
            _bbox(table.get("bbox"), f"{where}.bbox"),
            source=str(path),
        )
    return Theatre()
