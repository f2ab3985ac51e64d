"""Place names as data sets and reports write them: their readings ('Kherson, Kherson Oblast',
'Kupyansk (Kharkiv region)'), settlement and region words, prepositions. The folded lookup key
of a name is `mapping.name_keys.name_key`."""

from __future__ import annotations

import re
from typing import NamedTuple

from mapping.name_keys import NORMALISATION_VERSION, name_key  # noqa: F401  (the geocoder's names)

# Words that say what kind of place a name is, in English, Ukrainian and Russian.
_REGION_WORDS = re.compile(
    r"\b(?:oblast|obl\.?|region|province|област\w*|обл\.?|регіон\w*|регион\w*)"
    r"(?=\s|$|[,.;])",
    re.IGNORECASE,
)
_SETTLEMENT_WORDS = re.compile(
    r"^(?:the\s+)?(?:city|town|village|settlement|urban-type settlement|м\.|с\.|смт|селище|"
    r"місто|село|город|посёлок|поселок)\s+|\s+(?:city|town|village)$",
    re.IGNORECASE,
)


def strip_region_words(name: str) -> tuple[str, bool]:
    """('Dnipropetrovsk', True) for 'Dnipropetrovsk Oblast': the bare name, and whether it said so."""
    bare, count = _REGION_WORDS.subn(" ", name)
    return " ".join(bare.split()), count > 0


def strip_settlement_words(name: str) -> str:
    """'Kryvyi Rih' for 'the city of Kryvyi Rih' or 'м. Кривий Ріг'."""
    name = re.sub(r"^(?:the\s+)?(?:city|town|village)\s+of\s+", "", name.strip(), flags=re.I)
    return _SETTLEMENT_WORDS.sub("", name).strip()


# Words before a name that say where, not what: "у Дніпрі", "near Pokrovsk", "під Бахмутом".
_LEADING_PREPOSITIONS = re.compile(
    r"^(?:in|near|outside|at|у|в|на|по|під|біля|поблизу|з|із|зі|до|около|под|возле|из|с|со)\s+",
    re.IGNORECASE,
)
# "south of Kharkiv", "Kyiv vicinity", "outskirts of Mariupol": a place the named one is near.
_NEAR = re.compile(
    r"^(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"(?:\s+part)?\s+of|near|outskirts\s+of|vicinity\s+of|close\s+to|outside)\s+(?P<a>.+)$"
    r"|^(?P<b>.+?)\s+(?:vicinity|outskirts|suburbs?|area|district|region|oblast)$",
    re.IGNORECASE,
)
# "Oleksiyivka area of Kharkiv", "Kievsky district of Donetsk": a part of a town.
_PART_OF = re.compile(
    r"^(?P<part>.+?)\s+(?:area|district|neighbou?rhood|microdistrict|suburb|raion)\s+of\s+"
    r"(?P<whole>.+)$",
    re.IGNORECASE,
)


class NameForm(NamedTuple):
    """One reading of a written place: the name to look up and what the rest of it says."""

    name: str
    region: str | None = None  # an area it lies in ("Sumy Oblast", "Kharkiv region")
    near: str | None = None  # a place it is near, or the town it is a part of
    part_of: bool = False  # the name may be a district or street of `near`, not a settlement
    loose: bool = False  # `near` was written after a comma: it may name a region, not a town
    fallback: bool = False  # the bare name, tried only if no hint written with it was understood


def strip_prepositions(name: str) -> str:
    """'Дніпрі' for 'у Дніпрі', 'Pokrovsk' for 'near Pokrovsk'."""
    return _LEADING_PREPOSITIONS.sub("", name.strip())


def name_forms(text: str) -> list[NameForm]:
    """The readings of a place as data sets and reports write it, most specific first:
    'Kherson, Kherson Oblast', 'Kupyansk (Kharkiv region)', 'Donetsk - Petrovskyi' (ACLED's
    town - district), 'Pozniaky, Kyiv' (a district, a town), 'Chuhuiv, south of Kharkiv',
    'Oleksiyivka area of Kharkiv'. A name with none of these shapes has no readings."""
    text = " ".join(text.split())
    forms: list[NameForm] = []
    if found := re.fullmatch(r"(.+?)\s*\((.+)\)", text):  # "Kupyansk (Kharkiv region)"
        base = found.group(1).strip()
        forms += [*_with_hint(base, found.group(2)), NameForm(base, fallback=True)]
        forms += name_forms(base)
    elif found := re.fullmatch(r"(.+?)\s+[-–—]\s+(.+)", text):  # ACLED's "Donetsk - Petrovskyi"
        forms += [NameForm(found.group(2), near=found.group(1), part_of=True)]
        forms += [NameForm(found.group(1))]
    elif "," in text:
        first, rest = (part.strip() for part in text.split(",", 1))
        if strip_region_words(first)[1] and "," not in rest:  # "Donetsk oblast, Staromlinovka"
            first, rest = rest, first
        forms += [*_with_hint(first, rest), NameForm(first, fallback=True)]
        if _looks_like_town(rest):  # "Pozniaky, Kyiv": at least the town
            forms += [NameForm(rest)]
    if found := _PART_OF.fullmatch(text):
        forms += [NameForm(found.group("part"), near=found.group("whole"), part_of=True)]
    return [f for f in forms if f.name]


def _with_hint(name: str, hint: str) -> list[NameForm]:
    hint = hint.strip()
    bare, says_region = strip_region_words(hint)
    if says_region:
        return [NameForm(name.strip(), region=bare)]
    if found := _NEAR.fullmatch(hint):
        anchor = (found.group("a") or found.group("b")).strip()
        return [NameForm(name.strip(), near=anchor), NameForm(name.strip(), region=anchor)]
    # "Pozniaky, Kyiv": a part of the town, or a place in the region of that name
    return [
        NameForm(name.strip(), region=hint),
        NameForm(name.strip(), near=hint, part_of=True, loose=True),
    ]


def _looks_like_town(text: str) -> bool:
    """Whether the rest of 'X, Y' may itself be the settlement ('Trufanova street, Kharkiv')."""
    return not strip_region_words(text)[1] and not _NEAR.fullmatch(text)
