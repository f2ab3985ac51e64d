"""Count ranges: how reports state numbers ("14", "at least 16", "over 50", "up to 85")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeInt,
    model_serializer,
    model_validator,
)

# The largest count strikemap takes: every store engine holds it (PostgreSQL INTEGER), and no
# strike comes near it; a larger figure is a typo or hostile input.
MAX_COUNT = 1_000_000_000

# Words before a number that make it a range, and which range: the one rule that record files
# and report text share. "over 50" and "more than 50" exclude 50 itself, so they mean at least
# 51; "fewer than 10" means at most 9. Vague words ("about", "dozens") are not accepted in
# records: the analyst decides what they mean and writes a range.
QUALIFIERS: dict[str, str] = {
    **dict.fromkeys(("at least", "no fewer than", "no less than", "a minimum of"), "min"),
    **dict.fromkeys(("more than", "over", "above", "in excess of", "upwards of"), "min+1"),
    **dict.fromkeys(("up to", "as many as", "at most", "no more than", "a maximum of"), "max"),
    **dict.fromkeys(("fewer than", "less than", "under", "below"), "max-1"),
}
_SYMBOLS = {
    "min": ("min.", "min", ">=", "≥"),
    "min+1": (">",),
    "max": ("max.", "max", "<=", "≤"),
    "max-1": ("<",),
}


def words_pattern(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces between words."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def _phrase(kind: str) -> re.Pattern[str]:
    words = [q for q, k in QUALIFIERS.items() if k == kind]
    return re.compile(words_pattern([*words, *_SYMBOLS[kind]]) + r"\s*(\d+)$", re.IGNORECASE)


# Tried in this order: ">= 5" is a minimum before "> 5" can be read as "more than".
_PHRASES = tuple((_phrase(kind), kind) for kind in ("min", "min+1", "max", "max-1"))


def qualified_range(kind: str, n: int) -> tuple[int | None, int | None]:
    """(min, max) that a qualifier of this kind makes of the number n."""
    if kind == "min":
        return n, None
    if kind == "min+1":
        return n + 1, None
    if kind == "max":
        return None, n
    return None, max(n - 1, 0)


_SPAN = re.compile(r"^(\d+)\s*(?:-|–|—|to)\s*(\d+)$")
_EXACT = re.compile(r"^\d+$")


def parse_count(text: str) -> tuple[int | None, int | None]:
    """Turn a count phrase into (min, max); raises ValueError for anything else."""
    phrase = " ".join(text.split())
    if _EXACT.match(phrase):
        return int(phrase), int(phrase)
    if span := _SPAN.match(phrase):
        return int(span[1]), int(span[2])
    if phrase.endswith("+") and _EXACT.match(phrase[:-1].strip()):
        return int(phrase[:-1]), None
    for pattern, kind in _PHRASES:
        if found := pattern.match(phrase):
            n = int(found[1])
            if kind == "max-1" and n == 0:
                raise ValueError(f"'{text}' is not a possible count")
            return qualified_range(kind, n)
    raise ValueError(
        f"cannot read '{text}' as a count; write a number, {{min: N}}, {{max: N}}, "
        "'at least N', 'over N', 'up to N' or 'N-M'"
    )


class CountRange(BaseModel):
    """A count known as a range: min only = at least, max only = up to, both equal = exact."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min: Annotated[NonNegativeInt, Field(le=MAX_COUNT)] | None = None
    max: Annotated[NonNegativeInt, Field(le=MAX_COUNT)] | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_number_or_phrase(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("a count must be a number, not true/false")
        if isinstance(value, int):
            if value < 0:
                raise ValueError(f"a count cannot be negative ({value})")
            if value > MAX_COUNT:
                raise ValueError(f"a count can be at most {MAX_COUNT:,} ({value} is a typo?)")
            return {"min": value, "max": value}
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(f"a count must be a whole number, not {value}")
            return cls._from_number_or_phrase(int(value))
        if isinstance(value, str):
            low, high = parse_count(value)
            return {"min": low, "max": high}
        return value

    @model_validator(mode="after")
    def _check_bounds(self) -> CountRange:
        if self.min is None and self.max is None:
            raise ValueError("a count needs min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self

    @property
    def exact(self) -> bool:
        return self.min is not None and self.min == self.max

    @model_serializer(mode="plain")
    def _compact(self) -> int | dict[str, int]:
        # An exact count is written back as a bare number, as analysts write it.
        if self.exact:
            return self.min  # type: ignore[return-value]
        return {k: v for k, v in (("min", self.min), ("max", self.max)) if v is not None}

    def describe(self) -> str:
        """Plain-English form: '14', 'at least 16', 'up to 85', '18–20'."""
        return describe_range(self.min, self.max)


def describe_range(low: int | None, high: int | None) -> str:
    """'14', 'at least 16', 'up to 85', '18–20'; '' when neither bound is known."""
    if low is not None and low == high:
        return str(low)
    if low is not None and high is not None:
        return f"{low}–{high}"
    if low is not None:
        return f"at least {low}"
    return f"up to {high}" if high is not None else ""
