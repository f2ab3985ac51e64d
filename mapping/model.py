"""The incident model: one strike event and every figure about it, each attributed to a source.

Field names here are the record-file contract (see README "Record format"); unknown fields are
errors so that a typo is never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    NonNegativeInt,
    PositiveInt,
    ValidationInfo,
    field_serializer,
    field_validator,
    model_validator,
)

from mapping.counts import MAX_COUNT, CountRange
from mapping.weapons import WeaponCategory, lookup_weapon


class Status(StrEnum):
    """How far a figure or statement has been verified."""

    CONFIRMED = "confirmed"  # independently corroborated
    REPORTED = "reported"  # credible source, not yet corroborated
    CLAIMED = "claimed"  # asserted by a party to the conflict without evidence
    DISPUTED = "disputed"  # contradicted by other evidence
    RETRACTED = "retracted"  # withdrawn by whoever said it


HEADLINE_STATUSES = frozenset({Status.CONFIRMED, Status.REPORTED})


class Party(StrEnum):
    """Which side or role a source speaks for."""

    UKRAINE_GOVERNMENT = "ukraine_government"
    RUSSIA_GOVERNMENT = "russia_government"
    LOCAL_AUTHORITY = "local_authority"
    INDEPENDENT_MEDIA = "independent_media"
    STATE_MEDIA = "state_media"
    INTERNATIONAL_ORG = "international_org"
    NGO = "ngo"
    SOCIAL_MEDIA = "social_media"
    OTHER = "other"


class Precision(StrEnum):
    """How precisely a location is known, finest first."""

    SITE = "site"  # the impact point or building
    AREA = "area"  # a part of a town, a street, near a named place
    SETTLEMENT = "settlement"  # the centroid of a town or village
    REGION = "region"  # a district or oblast


# Uncertainty radius of a location known only to a precision level, in metres.
DEFAULT_RADIUS_M = {
    Precision.SITE: 100.0,
    Precision.AREA: 1_000.0,
    Precision.SETTLEMENT: 5_000.0,
    Precision.REGION: 50_000.0,
}


class DatePrecision(StrEnum):
    """How precisely the date is known: the day, or only the week, month or year it falls in."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Group(StrEnum):
    """Who a casualty figure counts."""

    CIVILIANS = "civilians"
    CHILDREN = "children"
    MILITARY = "military"
    UNSPECIFIED = "unspecified"


class CasualtyCategory(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"


class DamageObject(StrEnum):
    """What was damaged."""

    APARTMENT_BLOCK = "apartment_block"
    APARTMENT = "apartment"  # a single dwelling inside a block
    RESIDENTIAL_BUILDING = "residential_building"  # a report that does not say which kind
    HOUSE = "house"
    VEHICLE = "vehicle"
    MILITARY_VEHICLE = "military_vehicle"
    PUBLIC_TRANSPORT = "public_transport"
    SCHOOL = "school"
    EDUCATIONAL = "educational"
    HOSPITAL = "hospital"
    SHOP = "shop"
    RESTAURANT = "restaurant"
    OFFICE = "office"
    INDUSTRIAL = "industrial"
    ENERGY = "energy"
    RAILWAY = "railway"
    ROAD = "road"
    RELIGIOUS = "religious"
    CULTURAL = "cultural"
    PLAYGROUND = "playground"
    MILITARY_SITE = "military_site"
    OTHER = "other"


class Severity(StrEnum):
    """Damage classes (UNOSAT's four, plus 'damaged' when a report gives no grade)."""

    DESTROYED = "destroyed"
    SEVERE = "severe"
    MODERATE = "moderate"
    POSSIBLE = "possible"
    DAMAGED = "damaged"


class ClaimTopic(StrEnum):
    """What a non-count statement is about."""

    TARGET = "target"
    RESULT = "result"
    WEAPON = "weapon"
    RESPONSIBILITY = "responsibility"
    CAUSE = "cause"
    OTHER = "other"


def _matching(pattern: str, allowed: str) -> Callable[[str], str]:
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.match(value):
            raise ValueError(f"'{value}' is not a valid id: use {allowed}")
        return value

    return check


_slug = _matching(r"^[a-z0-9][a-z0-9._-]*$", "lowercase letters, digits, '-', '_' or '.'")
_record_id = _matching(r"^[A-Za-z0-9][A-Za-z0-9._-]*$", "letters, digits, '-', '_' or '.'")


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


Slug = Annotated[str, AfterValidator(_slug)]
# An incident's id keeps its case: a data set's own id (ACLED's "UKR12345") joins back to it.
RecordId = Annotated[str, AfterValidator(_record_id)]
Text = Annotated[str, AfterValidator(_text)]


def _not_a_number(value: Any) -> Any:
    # pydantic would read 86400 as a Unix timestamp: a date is written as a date
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"write a date as YYYY-MM-DD, not the number {value}")
    return value


def _when(value: Any) -> Any:
    # "2025-04-04" is a day; anything with a time part, even 00:00, stays a date-time.
    _not_a_number(value)
    if isinstance(value, str):
        text = value.strip()
        return dt.datetime.fromisoformat(text) if len(text) > 10 else dt.date.fromisoformat(text)
    return value


# A statement's time: a day when that is all a report gives, else a date-time.
When = Annotated[dt.date | dt.datetime, BeforeValidator(_when)]


# Half the Earth's circumference: no uncertainty radius is larger.
MAX_RADIUS_M = 20_037_508.0
# Characters XML 1.0 cannot hold (C0 controls but tab and line ends, U+FFFE/FFFF) and lone
# surrogates, which no UTF-8 file can: text with them would break every export.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# Validation context: the record was read from text `writable_text` cleared, so the walk over
# every string for `unwritable_text` is skipped.
TEXT_WRITABLE = "text_writable"
MAX_TEXT_CHARS = 32_767  # a spreadsheet cell's limit (Excel, LibreOffice): CSV exports end there


def without_unwritable(text: str) -> str:
    """Text with each character no export can hold (control characters, lone surrogates) made a
    space: one for one, so spans in it are spans in the original."""
    return _UNWRITABLE.sub(" ", text)


def writable_text(text: str) -> bool:
    """Whether no string that a YAML or JSON parser read from this text can be one an export
    refuses: no string is longer than the text, and the characters refused can stand in it only
    as backslash escapes (both parsers refuse raw control characters, YAML U+FFFE/FFFF too), or
    raw U+FFFE/FFFF in JSON. Text decoded from bytes holds no lone surrogate; `has_surrogates`
    tells where text may not have been."""
    return (
        len(text) <= MAX_TEXT_CHARS
        and "\\" not in text
        and "\ufffe" not in text
        and "\uffff" not in text
    )


def has_surrogates(text: str) -> bool:
    """Whether text holds a lone surrogate (which no decoded file can, and no export writes)."""
    return not text.isascii() and bool(_SURROGATE.search(text))


_SURROGATE = re.compile("[\ud800-\udfff]")


def unwritable_text(data: Any, path: tuple[str | int, ...] = ()) -> tuple[tuple, str] | None:
    """The first string in nested data that no export can hold: (its path, why), or None."""
    if isinstance(data, str):
        if len(data) > MAX_TEXT_CHARS:
            return (
                path,
                f"text of {len(data):,} characters: longer than a spreadsheet cell holds "
                f"({MAX_TEXT_CHARS:,})",
            )
        if found := _UNWRITABLE.search(data):
            return (
                path,
                f"text holds the character U+{ord(found.group()):04X}, which no export can hold",
            )
        return None
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list | tuple):
        items = enumerate(data)
    elif isinstance(data, BaseModel):  # a part made by code (an extraction's Place, a Source)
        items = data.__dict__.items()
    else:
        return None
    for key, value in items:
        if isinstance(key, str) and (bad := unwritable_text(key, path)):
            return bad
        if bad := unwritable_text(value, (*path, key)):
            return bad
    return None


class _Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_enum_values=False, allow_inf_nan=False
    )


class Source(_Record):
    """Who said something: a publisher, an official, an account."""

    id: Slug
    name: Text
    party: Party
    url: str | None = None
    published: When | None = None
    archive_url: str | None = None
    note: str | None = None


class Place(_Record):
    """A place as reported, and once geocoded, where it is and how precisely."""

    name: Text
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code")
    admin1: str | None = None
    near: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    precision: Precision | None = None
    radius_m: float | None = Field(default=None, ge=0, le=MAX_RADIUS_M)
    gazetteer_id: str | None = None
    ambiguous: bool = False
    note: str | None = None

    @field_validator("country")
    @classmethod
    def _country_code(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not re.fullmatch(r"[A-Za-z]{2}", value):
            raise ValueError(f"'{value}' is not a two-letter country code (e.g. UA)")
        return value.upper()

    @model_validator(mode="after")
    def _coordinates_come_whole(self) -> Place:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        if self.lat is not None and self.precision is None:
            raise ValueError("coordinates need a precision: site, area, settlement or region")
        return self

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


class Weapon(_Record):
    """The weapon as named by a source; category comes from the alias table unless given."""

    system: str | None = None
    category: WeaponCategory | None = None
    warhead: str | None = None
    count: Annotated[PositiveInt, Field(le=MAX_COUNT)] | None = None
    source: Slug | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _resolve_category(self) -> Weapon:
        if self.system is None and self.category is None:
            raise ValueError("give a system, a category or both")
        if self.category is None:
            match = lookup_weapon(self.system) if self.system else None
            category = match.category if match else WeaponCategory.UNKNOWN
            object.__setattr__(self, "category", category)
        return self

    @property
    def canonical_system(self) -> str | None:
        """The system's canonical name ("9M723" → "Iskander-M"), or the text as given."""
        if self.system is None:
            return None
        match = lookup_weapon(self.system)
        return (match.system or self.system) if match else self.system

    @property
    def known(self) -> bool:
        """Whether the alias table knows the system (an unknown one is kept, with a warning)."""
        return self.system is None or lookup_weapon(self.system) is not None


class CasualtyReport(_Record):
    """One source's statement about one group: killed, injured and/or missing, as ranges."""

    source: Slug
    group: Group = Group.UNSPECIFIED
    killed: CountRange | None = None
    injured: CountRange | None = None
    missing: CountRange | None = None
    as_of: When | None = None
    status: Status = Status.REPORTED
    note: str | None = None

    @model_validator(mode="after")
    def _has_a_figure(self) -> CasualtyReport:
        if self.killed is None and self.injured is None and self.missing is None:
            raise ValueError("give at least one of killed, injured, missing")
        return self

    def figures(self) -> list[tuple[CasualtyCategory, CountRange]]:
        """The stated figures, one per category."""
        return [
            (category, count)
            for category in CasualtyCategory
            if (count := getattr(self, category.value)) is not None
        ]


class DamageReport(_Record):
    """One source's statement about damaged objects of one kind."""

    source: Slug
    object: DamageObject
    count: CountRange | None = None
    severity: Severity = Severity.DAMAGED
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    as_of: When | None = None
    status: Status = Status.REPORTED
    note: str | None = None

    @model_validator(mode="after")
    def _coordinates_come_whole(self) -> DamageReport:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        return self


class Claim(_Record):
    """A statement that is not a count, such as what the target was."""

    source: Slug
    about: ClaimTopic
    text: Text
    status: Status = Status.REPORTED
    as_of: When | None = None
    disputed_by: tuple[Slug, ...] = ()
    note: str | None = None


class Review(StrEnum):
    """Where a record stands in review."""

    DRAFT = "draft"  # proposed by `strikemap extract` from report text; an analyst must check it


class Evidence(_Record):
    """Where in a report's text an extracted value came from: the words and their span."""

    path: Text  # the value it supports, e.g. "casualties[0].killed" or "place"
    quote: Text  # the words, as written
    start: NonNegativeInt  # character offsets in the report text
    end: NonNegativeInt
    sentence: str | None = None


class Incident(_Record):
    """One strike event: when, where, with what, and everything sources said about it."""

    id: RecordId
    date: Annotated[dt.date, BeforeValidator(_not_a_number)]
    time: dt.time | None = None
    date_precision: DatePrecision = DatePrecision.DAY
    place: Place
    weapon: Weapon | None = None
    sources: tuple[Source, ...] = Field(min_length=1)
    casualties: tuple[CasualtyReport, ...] = ()
    damage: tuple[DamageReport, ...] = ()
    claims: tuple[Claim, ...] = ()
    notes: str | None = None
    tags: tuple[Text, ...] = ()
    review: Review | None = None
    evidence: tuple[Evidence, ...] = ()
    revision: PositiveInt | None = None  # in a team store: the revision this copy was read at
    merged_from: tuple[RecordId, ...] = ()  # the records merged into this one (`strikemap merge`)

    @model_validator(mode="before")
    @classmethod
    def _text_every_export_can_hold(cls, data: Any, info: ValidationInfo) -> Any:
        if info.context and info.context.get(TEXT_WRITABLE):
            return data  # read from text that `writable_text` cleared
        if bad := unwritable_text(data):
            raise _FieldError(*bad)
        return data

    @field_validator("time", mode="before")
    @classmethod
    def _local_time(cls, value: Any) -> Any:
        if isinstance(value, str) and not re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value.strip()):
            raise ValueError(f"'{value}' is not a local time like \"18:49\"")
        return value

    @field_serializer("time")
    def _short_time(self, value: dt.time | None) -> str | None:
        if value is None:
            return None
        return value.strftime(
            "%H:%M" if value.second == 0 and not value.microsecond else "%H:%M:%S"
        )

    @model_validator(mode="after")
    def _sources_are_declared(self) -> Incident:
        ids = [source.id for source in self.sources]
        seen: set[str] = set()
        for index, source_id in enumerate(ids):
            if source_id in seen:
                raise _FieldError(
                    ("sources", index, "id"), f"source id '{source_id}' is declared twice"
                )
            seen.add(source_id)
        for path, source_id in self._source_references():
            if source_id not in seen:
                raise _FieldError(
                    path,
                    f"source '{source_id}' is not declared in sources (declared: {', '.join(ids)})",
                )
        return self

    def _source_references(self) -> list[tuple[tuple[str | int, ...], str]]:
        refs: list[tuple[tuple[str | int, ...], str]] = []
        if self.weapon and self.weapon.source:
            refs.append((("weapon", "source"), self.weapon.source))
        for name in ("casualties", "damage", "claims"):
            for index, entry in enumerate(getattr(self, name)):
                refs.append(((name, index, "source"), entry.source))
        for index, claim in enumerate(self.claims):
            for j, source_id in enumerate(claim.disputed_by):
                refs.append((("claims", index, "disputed_by", j), source_id))
        return refs

    def source(self, source_id: str) -> Source:
        """The declared source with this id."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)


class _FieldError(ValueError):
    """A cross-field check that knows which field is wrong; records.py reports that path."""

    def __init__(self, path: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.path = path
