"""Counts as reports write them: digits or words, with the qualifier that makes them a range.

Number words are converted by text2num (`alpha2digit`); which words before a number make it a
minimum, a maximum or an estimate is our rule, the one record files use (see `mapping.counts`):
"at least 16" → min 16, "more than 50" → min 51, "up to 85" → max 85, "14" → exactly 14.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import alpha2digit

from mapping.counts import QUALIFIERS, qualified_range, words_pattern

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
]
_WORD = r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
# Not inside a word, a time (18:49), a decimal, a name (Kh-22) or a compound (15-year-old).
NUMBER = (
    r"(?<![\w.:/-])(?:\d{1,3}(?:,\d{3})+|\d+"
    # ("one hundred and five", but "between five and eight" is two numbers)
    rf"|{_WORD}(?:(?:(?<=hundred)\s+and|(?<=thousand)\s+and)?[\s-]+{_WORD})*(?:\s+dozen)?"
    r"|a\s+dozen|dozens|scores|hundreds|tens(?=\s+of\b))(?![\w-]|[:.,/]\d)"
)
_NEARLY = {"nearly", "almost", "close to"}
_ABOUT = {"about", "around", "approximately", "roughly", "some"}
# The range words of record files (mapping.counts), and the estimates reports also use.
QUALIFIER = words_pattern([*QUALIFIERS, *_NEARLY, *_ABOUT])
# A count: an optional qualifier, then the number. Named groups: qual, num.
COUNT = rf"(?:(?P<qual>{QUALIFIER})\s+)?(?P<num>{NUMBER})"

_VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "tens": 20,
}  # at least two dozen, two score...


@dataclass(frozen=True)
class Count:
    """A count range read from text, with a note when the text was vague."""

    min: int | None
    max: int | None
    note: str | None = None


@lru_cache(maxsize=4096)
def number_value(words: str) -> int | None:
    """The value of a number as written ('16', '1,200', 'Twenty-one', 'two dozen')."""
    text = " ".join(words.lower().replace("-", " ").split())
    if text in _VAGUE:
        return _VAGUE[text]
    if text == "a dozen":
        return 12
    dozen = text.endswith(" dozen")
    if dozen:
        text = text[: -len(" dozen")]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        value = int(text.replace(",", ""))
    else:
        digits = alpha2digit(text, "en", threshold=0).replace(" ", "")
        if not digits.isdigit():
            return None
        value = int(digits)
    return value * 12 if dozen else value


def count_range(qualifier: str | None, words: str) -> Count | None:
    """The range a qualifier and a number state, or None if the number cannot be read."""
    n = number_value(words)
    if n is None:
        return None
    q = " ".join((qualifier or "").lower().split())
    plain = words.lower().strip()
    if plain in _VAGUE:
        return Count(n, None, f'"{words}" read as at least {n}')
    if q in QUALIFIERS:
        return Count(*qualified_range(QUALIFIERS[q], n))
    if q in _NEARLY:
        return Count(None, max(n - 1, 0), f'"{qualifier} {words}": fewer than {n}')
    if q in _ABOUT:
        return Count(n, n, f'"{qualifier} {words}": an approximate figure')
    return Count(n, n)
