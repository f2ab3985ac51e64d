"""The weapon alias table: every spelling of a system maps to one canonical system and category.

This is the only place weapon names live; records, extraction, filters and the map all ask here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class WeaponCategory(StrEnum):
    BALLISTIC_MISSILE = "ballistic_missile"
    CRUISE_MISSILE = "cruise_missile"
    AIR_DEFENCE_MISSILE = (
        "air_defence_missile"  # surface-to-air missile used against ground targets
    )
    GLIDE_BOMB = "glide_bomb"
    AIRCRAFT_BOMB = "aircraft_bomb"
    LOITERING_MUNITION = "loitering_munition"
    DRONE = "drone"
    ROCKET_ARTILLERY = "rocket_artillery"
    ARTILLERY = "artillery"
    UNKNOWN = "unknown"


# One colour per category, the same on the map, in the app's charts and in KML styles.
CATEGORY_COLOURS = {
    "ballistic_missile": "#d62728",
    "cruise_missile": "#ff7f0e",
    "air_defence_missile": "#8c564b",
    "glide_bomb": "#9467bd",
    "aircraft_bomb": "#e377c2",
    "loitering_munition": "#1f77b4",
    "drone": "#17becf",
    "rocket_artillery": "#bcbd22",
    "artillery": "#7f7f7f",
    "unknown": "#333333",
}

B, C, A, G, F, L, D, R, T = (
    WeaponCategory.BALLISTIC_MISSILE,
    WeaponCategory.CRUISE_MISSILE,
    WeaponCategory.AIR_DEFENCE_MISSILE,
    WeaponCategory.GLIDE_BOMB,
    WeaponCategory.AIRCRAFT_BOMB,
    WeaponCategory.LOITERING_MUNITION,
    WeaponCategory.DRONE,
    WeaponCategory.ROCKET_ARTILLERY,
    WeaponCategory.ARTILLERY,
)

# (canonical system or None for a generic description, category, aliases as reports spell them)
_TABLE: tuple[tuple[str | None, WeaponCategory, tuple[str, ...]], ...] = (
    (
        "Iskander-M",
        B,
        (
            "Iskander",
            "Iskander-M",
            "9M723",
            "9K720",
            "Искандер",
            "Іскандер",
            "Искандер-М",
            "Іскандер-М",
        ),
    ),
    # the cruise missile of the same launcher: "Iskander cruise missiles", "Kh-69/R-500"
    (
        "Iskander-K",
        C,
        (
            "Iskander-K",
            "Iskander cruise missile",
            "Iskander cruise missiles",
            "9M728",
            "R-500",
            "Искандер-К",
            "Іскандер-К",
        ),
    ),
    ("KN-23", B, ("KN-23", "КН-23", "Hwasong-11", "Hwasong-11Ga")),
    ("Kinzhal", B, ("Kinzhal", "Kh-47M2", "Х-47М2", "Кинжал", "Кинджал")),
    ("Tochka-U", B, ("Tochka", "Tochka-U", "9M79", "Точка-У")),
    ("ATACMS", B, ("ATACMS", "MGM-140")),
    ("Oreshnik", B, ("Oreshnik", "Орешник")),
    ("Kh-101", C, ("Kh-101", "Х-101", "X-101", "Ch-101")),  # (German and Polish copy: Ch-101)
    ("Kh-555", C, ("Kh-555", "Х-555")),
    ("Kh-55", C, ("Kh-55", "Х-55")),
    ("Kh-22", C, ("Kh-22", "Х-22", "X-22")),
    ("Kh-69", C, ("Kh-69", "Х-69")),
    ("Kh-32", C, ("Kh-32", "Х-32")),
    ("Kh-59", C, ("Kh-59", "Kh-59MK", "Х-59")),
    ("Kh-69", C, ("Kh-69", "Х-69")),
    ("Kalibr", C, ("Kalibr", "3M-14", "3M14", "Калибр", "Калібр")),
    ("P-800 Oniks", C, ("Oniks", "P-800", "Onyx", "Оникс", "Онікс")),
    ("3M22 Zircon", C, ("Zircon", "Tsirkon", "3M22", "Циркон")),
    ("Storm Shadow", C, ("Storm Shadow", "SCALP", "SCALP-EG")),
    ("Neptune", C, ("Neptune", "R-360", "Нептун")),
    ("S-300", A, ("S-300", "S300", "5V55", "48N6", "С-300")),
    ("S-400", A, ("S-400", "С-400")),
    (
        "KAB glide bomb",
        G,
        (
            "KAB",
            "KAB-250",
            "KAB-500",
            "KAB-1500",
            "КАБ",
            "UMPK",
            "УМПК",
            "FAB-500 UMPK",
            "FAB-1500 UMPK",
            "FAB-3000 UMPK",
        ),
    ),
    ("JDAM-ER", G, ("JDAM-ER", "GBU-62")),
    # the universal gliding bomb, on its own body: "УМПБ Д-30"
    ("UMPB D-30", G, ("UMPB", "UMPB D-30", "UMPB D-30SN", "УМПБ", "УМПБ Д-30", "УМПБ Д-30СН")),
    ("FAB-500", F, ("FAB-500", "ФАБ-500")),
    ("FAB-250", F, ("FAB-250", "ФАБ-250")),
    ("Shahed-136", L, ("Shahed", "Shahed-136", "Geran", "Geran-2", "Шахед", "Герань", "Герань-2")),
    ("Shahed-131", L, ("Shahed-131", "Geran-1", "Герань-1")),
    ("Geran-3", L, ("Geran-3", "Shahed-238", "Герань-3")),
    ("Lancet", L, ("Lancet", "ZALA Lancet", "Ланцет")),
    ("Molniya", D, ("Molniya", "Молния")),
    ("FPV drone", D, ("FPV", "FPV drone", "FPV-drone")),
    ("Orlan-10", D, ("Orlan-10", "Орлан-10")),
    ("Tornado-S", R, ("Tornado-S", "9K515", "Торнадо-С")),
    ("BM-30 Smerch", R, ("Smerch", "BM-30", "Смерч")),
    ("BM-27 Uragan", R, ("Uragan", "BM-27", "Ураган")),
    ("BM-21 Grad", R, ("Grad", "BM-21", "Град")),
    ("HIMARS", R, ("HIMARS", "M142", "GMLRS")),
    # Generic descriptions: the category is known, the exact system is not.
    (
        None,
        B,
        ("ballistic missile", "ballistic missiles", "балістична ракета", "баллистическая ракета"),
    ),
    (None, C, ("cruise missile", "cruise missiles", "крилата ракета", "крылатая ракета")),
    (None, A, ("anti-aircraft missile", "air defence missile", "air defense missile", "SAM")),
    (None, G, ("glide bomb", "guided aerial bomb", "guided bomb", "керована авіабомба")),
    (None, F, ("aerial bomb", "aircraft bomb", "bomb", "авіабомба")),
    (
        None,
        L,
        (
            "loitering munition",
            "kamikaze drone",
            "attack drone",
            "strike drone",
            "Shahed-type drone",
            "дрон-камікадзе",
        ),
    ),
    (None, D, ("drone", "UAV", "unmanned aerial vehicle", "дрон", "БПЛА")),
    (None, R, ("MLRS", "multiple rocket launcher", "rocket artillery", "rockets")),
    (None, T, ("artillery", "shelling", "howitzer", "mortar", "обстріл")),
)

_APOSTROPHES = str.maketrans("", "", "'’ʼ`")


def alias_key(text: str) -> str:
    """Normalised form used to compare weapon names: case, spacing and dashes do not matter."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    return re.sub(r"[\W_]+", "", folded)


@dataclass(frozen=True, slots=True)
class WeaponMatch:
    """What the alias table knows about a system name."""

    system: str | None
    category: WeaponCategory


def _build_index() -> dict[str, WeaponMatch]:
    index: dict[str, WeaponMatch] = {}
    for system, category, aliases in _TABLE:
        for alias in (*aliases, *((system,) if system else ())):
            key = alias_key(alias)
            if key in index and index[key] != WeaponMatch(system, category):
                raise RuntimeError(f"weapon alias {alias!r} is listed twice")
            index[key] = WeaponMatch(system, category)
    return index


_INDEX = _build_index()


def lookup_weapon(name: str) -> WeaponMatch | None:
    """The canonical system and category for a name as reported, or None if it is not known.
    A phrase is read for the system it names: "two Kh-22 missiles", "Iskander-M ballistic
    missile with a cluster warhead", "Shahed-136/131"."""
    return _INDEX.get(alias_key(name)) or _in_phrase(name)


@lru_cache(maxsize=4096)
def _in_phrase(phrase: str) -> WeaponMatch | None:
    found = find_weapons(phrase)
    named = [f[3] for f in found if f[3].system is not None]
    return (named or [f[3] for f in found] or [None])[0]


def known_aliases() -> dict[str, WeaponMatch]:
    """Every alias (as written in the table) with what it means; for extraction and docs."""
    return {
        alias: WeaponMatch(system, category)
        for system, category, aliases in _TABLE
        for alias in aliases
    }


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    # Longest alias first, so the longest one written wins. The aliases are grouped by their
    # first letter behind a one-letter lookahead: `re` tries an alternation's branches one by
    # one at every word start, and with ~160 branches that took ~90 µs for a short note; this
    # way it tries a few dozen one-letter tests and then only that letter's branches, in the
    # same order, so the same alias wins.
    groups: dict[str, list[str]] = {}
    for alias in sorted(known_aliases(), key=len, reverse=True):
        branch = re.escape(alias).replace(r"\-", r"[-\s]?").replace(r"\ ", r"[-\s]")
        branch += _CASE_ENDING if _CYRILLIC_LETTER.search(alias[-1]) else ""
        groups.setdefault(alias[0].casefold(), []).append(branch)
    body = "|".join(
        f"(?={re.escape(first)})(?:{'|'.join(branches)})" for first, branches in groups.items()
    )
    return re.compile(rf"(?<![\w-])(?:{body})s?(?![\w-])", re.IGNORECASE)


_CYRILLIC_LETTER = re.compile(r"[а-яіїєґёА-ЯІЇЄҐЁ]")
_GUIDED_AFTER = re.compile(
    r"(?:\s+and\s+(?:FAB|ФАБ)[-\s]?\d+)?\s+(?:guided|glide|gliding)\s+(?:aerial\s+|air\s+)?bombs?\b"
    r"|\s+(?:з|с)\s+(?:УМПК|UMPK)",
    re.IGNORECASE,
)
# Noun case endings only: "Шахед" + "ами", "Іскандер" + "и"; not a verb's ("обстріл" + "яли")
_CASE_ENDING = r"(?:ами|ями|ах|ях|ам|ям|ом|ем|ою|ею|ів|ов|ей|ой|ий|а|у|і|и|е|ы|ю|я)?"
_CYRILLIC_ENDING = re.compile(
    r"(?:ами|ями|ах|ях|ам|ям|ом|ем|ою|ею|ів|ов|ей|ой|ий|а|у|і|и|е|ы|ю|я)$"
)


def find_weapons(text: str) -> list[tuple[int, int, str, WeaponMatch]]:
    """Weapon names mentioned in free text: (start, end, words as written, what they mean)."""
    found = []
    for hit in _alias_pattern().finditer(text or ""):
        words = hit.group(0)
        match = _INDEX.get(alias_key(words)) or _INDEX.get(alias_key(words[:-1]))  # "bombs"
        # Ukrainian and Russian case endings: "шахедами", "Іскандери", "Кинджалами"
        ending = _CYRILLIC_ENDING.search(words)
        for cut in range(len(ending.group(0)) if ending and match is None else 0, 0, -1):
            match = _INDEX.get(alias_key(words[:-cut]))
            if match is not None:
                break
        if match is not None and match.category is F and _GUIDED_AFTER.match(text, hit.end()):
            # "FAB-250 and FAB-500 guided aerial bombs": the bombs fitted with glide kits
            match = WeaponMatch(match.system, G)
        if match is not None:
            found.append((hit.start(), hit.end(), hit.group(0), match))
    # Ukrainian and Russian descriptions whose adjective is inflected too ("двома
    # балістичними ракетами", "з артилерії"): the alias table's endings cover nouns only.
    # Data sets' English notes, read row by row, skip the scan.
    for pattern, category in _DESCRIPTIONS_UK_RU if _CYRILLIC_LETTER.search(text or "") else ():
        for hit in pattern.finditer(text or ""):
            inside = [f for f in found if f[0] < hit.end() and hit.start() < f[1]]
            # a description holding a generic noun says more ("ударними дронами"); a named
            # system inside one ("ракетами С-300") stays
            if any(f[3].system is not None or not hit.start() <= f[0] < f[1] <= hit.end()
                   for f in inside):  # fmt: skip
                continue
            found = [f for f in found if f not in inside]
            found.append((hit.start(), hit.end(), hit.group(0), WeaponMatch(None, category)))
    return sorted(found, key=lambda f: f[0])


_DESCRIPTIONS_UK_RU = [
    (re.compile(rf"(?<![\w-])(?:{words})", re.IGNORECASE), category)
    for words, category in (
        # "ударили балістикою", "ударили баллистикой": ballistic missiles, as officials say it
        # ("баллистической кассетной ракетой": the warhead between)
        (
            r"балістичн\w*\s+(?:касетн\w*\s+)?ракет\w*|баллистическ\w*\s+(?:кассетн\w*\s+)?ракет\w*"
            r"|балістик\w*|баллистик\w*",
            B,
        ),
        (r"крилат\w*\s+ракет\w*|крылат\w*\s+ракет\w*", C),
        (r"керован\w*\s+(?:авіа)?бомб\w*|управляем\w*\s+(?:авиа)?бомб\w*", G),
        (r"ударн\w*\s+(?:(?:безпілотник|беспилотник|дрон)\w*|БпЛА|БПЛА)", L),
        # "дронами-камікадзе", "беспилотниками-камикадзе"
        (r"(?:дрон|безпілотник|беспилотник)\w*-кам[іи]кадзе", L),
        (r"реактивн\w*\s+систем\w*\s+залпового\s+(?:вогню|огня)|РСЗВ|РСЗО", R),
        (r"FPV-?\s?(?:дрон|безпілотник|беспилотник)\w*", D),
        (r"авіабомб\w*|авиабомб\w*", F),
        # ("дронового удару": the drone's adjective)
        (r"безпілотник\w*|беспилотник\w*|БпЛА|БПЛА|дронов\w*", D),
        (r"артилері\w*|артиллери\w*|міномет\w*|миномет\w*", T),
    )
]


def weapon_in_text(text: str) -> tuple[str, WeaponMatch] | None:
    """The most specific weapon a text names: a named system before a generic description."""
    found = find_weapons(text)
    if not found:
        return None
    named = [f for f in found if f[3].system is not None]
    _start, _end, words, match = (named or found)[0]
    return words, match


# Words that, nearest before a weapon's name in its clause, say the weapon was the means of the
# attack ("struck Sumy with two Iskander-M") or its object ("shot down 20 Shahed drones",
# "destroying a radar used for an S-300"). A regular expression is enough here: data sets' notes
# are short, formulaic English, and the clause ends at punctuation.
_MEANS = (
    r"with|using|by|launched|fired|dropped|deployed|via|from|застосуванням|застосувавши"
    r"|применением|запустили|випустили|запустила|выпустили"
)
_OBJECT = (
    r"destroy\w*|shot|shoot\w*|downed|down|intercept\w*|neutrali[sz]\w*|repel\w*|hit|hitting"
    r"|struck|strik\w*|target\w*|attack\w*|against|at|on|radar|used\s+for|for|captur\w*|seiz\w*"
)
_CUE = re.compile(rf"\b(?:(?P<means>{_MEANS})|(?P<object>{_OBJECT}))\b", re.IGNORECASE)
_PASSIVE_OBJECT = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:was|were|had been|have been|being)\s+"
    r"(?:destroyed|shot down|downed|intercepted|neutrali[sz]ed|captured|hit|struck|damaged)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;:!?()\[\]]|,\s+(?:and|while|but|as|after|before|when)\b")
# "on"/"at" before a time is when, not what was struck: "On April 4, a Russian Iskander-M ..."
_WHEN_AFTER = re.compile(
    r"\s+(?:the\s+)?(?:\d|(?:night|morning|evening|afternoon|dawn)\b"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
)


def used_as_means(text: str, start: int, end: int) -> bool:
    """Whether the weapon named at text[start:end] was used, not shot down or targeted."""
    before = _CLAUSE_END.split(text[max(0, start - 120) : start])[-1]
    after = _CLAUSE_END.split(text[end : end + 80])[0]
    if _PASSIVE_OBJECT.match(after):
        return False
    cues = [
        cue
        for cue in _CUE.finditer(before)
        if not (cue.group(0).lower() in ("on", "at") and _WHEN_AFTER.match(before, cue.end()))
    ]
    return not cues or cues[-1].group("means") is not None


def weapon_used_in_text(text: str) -> tuple[str, WeaponMatch] | None:
    """The most specific weapon a text says was used, skipping the ones it says were destroyed,
    shot down or targeted ("destroying a radar used for an S-300" names no weapon used)."""
    used = [f for f in find_weapons(text) if used_as_means(text, f[0], f[1])]
    if not used:
        return None
    named = [f for f in used if f[3].system is not None]
    _start, _end, words, match = (named or used)[0]
    return words, match
