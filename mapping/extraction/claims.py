"""Claims: what a party to the conflict says about a strike that is not a count — its target,
its cause — and the report's own signals that no one has corroborated it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapping.extraction.text import Sentence

_TARGET = re.compile(
    r"\b(?:strikes?|attacks?)\s+(?:with\s+[^,.;]{1,60}?\s+)?(?:on|against|targeting)\s+"
    r"(?P<target>(?:an?|the)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[^,.;]+?)(?=,|\s+killing|\s+destroying|\s+and\s+destroying|[.;]|$)"
    r"|\b(?:hit|struck|targeted|destroyed)\s+(?P<target2>(?:an?|the)\s+[^,.;]+?)(?=,|[.;]|$)",
    re.IGNORECASE,
)
_MILITARY = re.compile(
    r"\b(?:meeting|gathering|commanders?|instructors?|military|troops|command|headquarters"
    r"|facilit(?:y|ies)|infrastructure|depots?|bases?|positions?|personnel|equipment|mercenar"
    r"|control\s+system|airfields?|arsenal|deployment|concentration)",
    re.IGNORECASE,
)
_VERB = r"\b(?:suggested|said|claimed|insisted|blamed|argued)\b"
_CAUSE = re.compile(
    rf"{_VERB}\s+(?:that\s+)?(?P<cause>(?:(?!{_VERB})[^.;])*?"
    r"\b(?:air\s+defen[cs]e|anti-aircraft|interceptor)[^.;,]*)",
    re.IGNORECASE,
)
_NOT_CORROBORATED = re.compile(
    r"\b(?:no\s+evidence|provided\s+no\s+(?:evidence|proof)|did\s+not\s+provide\s+(?:any\s+)?"
    r"(?:evidence|proof)|without\s+(?:providing\s+)?(?:any\s+)?(?:evidence|proof)|offered\s+no"
    r"|not\s+(?:been\s+)?(?:independently\s+)?(?:verified|corroborated|confirmed)|could\s+not\s+"
    r"(?:be\s+)?(?:independently\s+)?verif|unverified|uncorroborated)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClaimText:
    about: str  # target / cause
    text: str
    start: int  # in the sentence
    end: int


def claims_in(sentence: Sentence) -> list[ClaimText]:
    """Target and cause claims in a sentence (the caller decides whether its speaker is a
    party to the conflict)."""
    found = []
    for match in _TARGET.finditer(sentence.text):
        group = "target" if match.group("target") else "target2"
        words = match.group(group).strip()
        if _MILITARY.search(words):
            found.append(ClaimText("target", words, match.start(group), match.end(group)))
    for match in _CAUSE.finditer(sentence.text):
        found.append(ClaimText("cause", match.group("cause").strip(), *match.span("cause")))
    return found


def not_corroborated(sentence: Sentence) -> re.Match[str] | None:
    """The words saying a statement lacks evidence or corroboration, if any."""
    return _NOT_CORROBORATED.search(sentence.text)
