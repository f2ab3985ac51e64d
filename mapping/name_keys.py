"""Place-name keys: one folded form for every spelling of a name, in Latin or Cyrillic script.

`Kryvyi Rih`, `Kryvyy Rih`, `Kryvij Rig` and `Кривий Ріг` all fold to `krivirih`, so exact
lookups find them without fuzzy matching. The folding is deliberately lossy (g/h, y/i/j,
doubled letters); the gazetteer disambiguates the few names that collide. The geocoder, the
filter's free-text search and merging fold names the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
