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


# -- Ukrainian and Russian ------------------------------------------------------------------

_TARGET_UK_RU = re.compile(
    r"(?<![\w-])(?:удар\w*\s+(?:[\w-]+\s+){0,4}?по|вразил\w*|уразил\w*|поразил\w*|поражен\w*"
    r"|знищено|уничтожен\w*)\s+(?P<target>[^,.;:]+)",
    re.IGNORECASE,
)
_MILITARY_UK_RU = re.compile(
    r"(?<![\w-])(?:пункт\w*|дислокац\w*|військов\w*|военн\w*|ВСУ|ЗСУ|склад\w*|позиц\w*|скоплен\w*"
    r"|розміщ\w*|размещ\w*|аэродром\w*|аеродром\w*|інфраструктур\w*|инфраструктур\w*"
    r"|предприят\w*|підприєм\w*|ВПК|командн\w*|штаб\w*|техник\w*|техні\w*|найманц\w*|наемник\w*"
    r"|інструктор\w*|инструктор\w*|боевик\w*|формирован\w*|газоенергетичн\w*|энергетическ\w*"
    r"|енергетичн\w*|объект\w*|об'єкт\w*|общежити\w*|гуртожит\w*)",
    re.IGNORECASE,
)
_QUARTERED = re.compile(r"(?<![\w-])(?:размещ|розміщ|дислокац|перебува|находил)\w*", re.IGNORECASE)
_RESPONSIBILITY_UK_RU = re.compile(
    r"(?<![\w-])(?:операц\w*\s+)?(?:возмезди\w*|відплат\w*|відплата|в\s+ответ\s+на|у\s+відповідь\s+на)",
    re.IGNORECASE,
)
_NOT_CORROBORATED_UK_RU = re.compile(
    r"(?<![\w-])(?:жодних\s+(?:доказів|підтверджень)|не\s+навел\w*|не\s+надал\w*\s+доказ"
    r"|без\s+(?:жодних\s+)?доказ\w*|не\s+наведено|никаких\s+(?:доказательств|подтверждений)"
    r"|не\s+привел\w*|не\s+предоставил\w*|не\s+підтверджен\w*\s+незалежно|неможливо\s+перевірити"
    r"|не\s+вдалося\s+перевірити|нібито)",
    re.IGNORECASE,
)


def claims_in_uk_ru(sentence: Sentence) -> list[ClaimText]:
    """Target and responsibility claims in a Ukrainian or Russian sentence (the caller decides
    whether its speaker is a party to the conflict)."""
    text = sentence.text
    found = []
    for match in _TARGET_UK_RU.finditer(text):
        words = match.group("target").strip()
        if _MILITARY_UK_RU.search(words):
            found.append(ClaimText("target", words, *match.span("target")))
    if not found and _QUARTERED.search(text) and _MILITARY_UK_RU.search(text):
        # "В общежитии № 28 размещались более 700 украинских военнослужащих"
        found.append(ClaimText("target", text.strip(), 0, len(text)))
    if _RESPONSIBILITY_UK_RU.search(text):  # "операция возмездия", "у відповідь на"
        found.append(ClaimText("responsibility", text.strip(), 0, len(text)))
    return found


def not_corroborated_uk_ru(sentence: Sentence) -> re.Match[str] | None:
    """Ukrainian or Russian words saying a statement lacks evidence ('Жодних підтверджень цим
    цифрам російська сторона не навела')."""
    return _NOT_CORROBORATED_UK_RU.search(sentence.text)
