"""Place-name keys: one folded form for every spelling of a name, in Latin or Cyrillic script.

`Kryvyi Rih`, `Kryvyy Rih`, `Kryvij Rig` and `Кривий Ріг` all fold to `krivirih`, so exact
lookups find them without fuzzy matching. The folding is deliberately lossy (g/h, y/i/j,
doubled letters); the gazetteer disambiguates the few names that collide.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Bump when the folding changes: cached indexes built with an older version are rebuilt.
NORMALISATION_VERSION = 3

# Ukrainian and Russian letters to Latin. Letters that both languages write differently
# (г, и) map to forms that the Latin folds below bring together anyway.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ё": "io",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "", "ы": "y", "э": "e",
    "ю": "iu", "я": "ia", "ў": "u",
}  # fmt: skip
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)

# Latin spelling variants of the same sounds, applied in order to the ASCII form.
_FOLDS = (
    ("kh", "h"),
    ("g", "h"),
    ("zh", "z"),
    ("sz", "s"),
    ("sh", "s"),
    ("tch", "c"),
    ("ch", "c"),
    ("cz", "c"),
    ("ts", "c"),
    ("tz", "c"),
    ("w", "v"),
    ("ph", "f"),
    ("j", "i"),
    ("y", "i"),
)
_APOSTROPHES = str.maketrans("", "", "'’ʼʹ`´‘")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Russian е after a vowel is written "ye" or "e" ("Nikolayev", "Nikolaev").
_VOWEL_YE = re.compile(r"([aeiou])ie")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The folded lookup key of a place name ('' for a name with no letters or digits)."""
    name = name.translate(_APOSTROPHES)
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKC", name).casefold().translate(_CYRILLIC_TABLE)
        if not text.isascii():  # diacritics and other scripts
            text = unicodedata.normalize("NFKD", text)
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
            # Letters that do not decompose to ASCII (ł, ø, ß) get their usual Latin form.
            text = text.replace("ł", "l").replace("ø", "o").replace("ß", "ss").replace("đ", "d")
    if text.isascii():
        text = _NOT_ALNUM.sub("", text)
        for old, new in _FOLDS:
            text = text.replace(old, new)
        text = _VOWEL_YE.sub(r"\1e", text)
    else:
        text = "".join(ch for ch in text if ch.isalnum())
    return _DOUBLED.sub(r"\1", text)


# Words that say what kind of place a name is, in English, Ukrainian and Russian.
_REGION_WORDS = re.compile(
    r"\b(?:oblast|obl\.?|region|province|область|обл\.?|регион|регіон)(?=\s|$|[,.;])",
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
