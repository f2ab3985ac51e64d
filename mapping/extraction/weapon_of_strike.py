"""Which weapon a report says struck the place: of the weapons it names, those that were the
means of this strike, not the night's nationwide tally ("Russia launched 598 drones and 31
missiles against the country", a party's "group strike ... in Ukraine"), not what was shot
down ("intercepted 102 drones"), and not one of several kinds at once ("a missile and drone
attack", "a combined strike": the kind is then unknown). "Shelling", the word officials use
for any attack, counts only when nothing else is named."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapping.weapons import WeaponCategory, WeaponMatch, find_weapons, used_as_means

# A sentence that counts the whole night's launches: the air force's tally, or one aimed at the
# country as a whole.
_TALLY_SCOPE = re.compile(
    r"\bair\s+force\b|\b(?:against|at|across|over|on)\s+(?:the\s+(?:whole\s+|entire\s+)?country"
    r"|Ukraine)\b|\bof\s+various\s+types\b|Повітрян\w+\s+сил|\bпо\s+всій\s+Україні"
    r"|\bпо\s+(?:территории\s+)?Украин\w+",
    re.IGNORECASE,
)
_LAUNCHED_COUNT = re.compile(
    r"\b(?:launched|fired|used|sent)\s+(?:a\s+total\s+of\s+|more\s+than\s+|over\s+|some\s+|about\s+)?"
    r"\d[\d,]*|(?:запустили|випустили|атакував|застосував)\w*\s+(?:понад\s+|близько\s+)?\d",
    re.IGNORECASE,
)
# A party's account of a whole night's strike on the country: "carried out a group strike with
# Kinzhal missiles, drones ... against military-industrial facilities and air bases in Ukraine"
_GROUP_STRIKE = re.compile(
    r"\b(?:group|massive|massed|combined)\W+(?:\w+\W+){0,3}?strikes?\b[^.;]*\bin\s+Ukraine\b"
    r"|\b(?:груп\w+|масован\w+|массирован\w+)\s+(?:\w+\s+){0,2}?удар\w*[^.;]*\bУкра[їи]н",
    re.IGNORECASE,
)
# Several kinds named as one attack: "a missile and drone attack", "a combined strike"
_MIXED = re.compile(
    r"\bcombined\s+(?:\w+\s+){0,3}?(?:strike|attack|assault)s?\b"
    r"|\bmissiles?(?:,\s+\w+)?\s+and\s+drones?\b|\bdrones?(?:,\s+\w+)?\s+and\s+missiles?\b"
    r"|\bкомбінован\w+\s+(?:\w+\s+)?(?:удар|атак)\w*|\bкомбинированн\w+\s+(?:\w+\s+)?(?:удар|атак)\w*"
    r"|\bракет\w*\s+(?:і|й|та|и)\s+(?:дрон|безпілотн|беспилотн|шахед)\w*"
    r"|\b(?:дрон|безпілотн|беспилотн|шахед)\w*\s+(?:і|й|та|и)\s+ракет\w*",
    re.IGNORECASE,
)
# Between two weapons of one list: commas, "and", a few words ("Kinzhal missiles, drones and
# precision air-launched missiles"; "heavy artillery, Grad multiple-launch rocket systems").
_IN_ONE_LIST = re.compile(r"^(?=[^.;:!?]*(?:,|\band\b|\bor\b|\bі\b|\bта\b|\bи\b))[^.;:!?]{0,60}$")
_LOOSE = ("shelling", "обстріл", "обстрел")  # in any case form: "обстрілу", "обстрела"
# A missile of no named kind: the strike was no shelling, its weapon is unknown
_SOME_MISSILE = re.compile(r"\bmissile\s+(?:strike|attack)|\bракетн\w+\s+(?:удар|атак)", re.I)


@dataclass(frozen=True)
class NamedWeapon:
    """The weapon a report gives for its strike, and the words that name it."""

    start: int
    end: int
    words: str
    match: WeaponMatch


def weapon_of_strike(text: str) -> NamedWeapon | None:
    """The weapon of the strike, by the strength of what names it: a named system (of several,
    a missile before bombs, rockets, drones and guns: a combined attack is recorded by its
    missile, not its drones; of several missiles, the first named); else several
    kinds at once ("a missile and drone attack": kind unknown); else a description ("a cruise
    missile"); else "shelling". The night's tally, then what was shot down, stand in only when
    nothing else is named."""
    mentions = [NamedWeapon(*found) for found in find_weapons(text)]
    used = [m for m in mentions if used_as_means(text, m.start, m.end)]
    strike = [m for m in used if not _in_tally(text, m.start)]
    tally = [m for m in used if m not in strike]
    mixed = [m for m in _MIXED.finditer(text) if not _in_tally(text, m.start())]
    for named in (strike, tally, [m for m in mentions if m not in used]):
        chosen = _strongest(text, named, mixed if named is strike else [])
        if chosen is not None:
            return chosen
    return None


def _strongest(
    text: str, mentions: list[NamedWeapon], mixed: list[re.Match[str]]
) -> NamedWeapon | None:
    systems = [m for m in mentions if m.match.system is not None]
    if systems:  # missiles before bombs, rockets, drones; of several missiles, the first named
        return min(systems, key=lambda m: (_tier(m.match.category), m.start))
    runs = _mixed_runs(text, mentions)
    several = sorted(
        [(x.start(), x.end(), x.group(0)) for x in mixed]
        + [(run[0].start, run[-1].end, text[run[0].start : run[-1].end]) for run in runs]
    )
    if several:
        start, end, words = several[0]
        return NamedWeapon(start, end, words, WeaponMatch(None, WeaponCategory.UNKNOWN))
    firm = [m for m in mentions if not m.words.casefold().startswith(_LOOSE)]
    if firm:
        return min(firm, key=lambda m: _weight(m.match.category))
    some = _SOME_MISSILE.search(text) if mentions else None
    if some is not None:  # "a missile strike ... after the shelling": a missile of unknown kind
        return NamedWeapon(*some.span(), some.group(0), WeaponMatch(None, WeaponCategory.UNKNOWN))
    return mentions[0] if mentions else None


def _in_tally(text: str, at: int) -> bool:
    start = max(text.rfind(stop, 0, at) for stop in (". ", "\n", "! ", "? ")) + 1
    ends = [i for i in (text.find(stop, at) for stop in (". ", "\n")) if i >= 0]
    sentence = text[start : min(ends) if ends else len(text)]
    counted = _TALLY_SCOPE.search(sentence) and _LAUNCHED_COUNT.search(sentence)
    return bool(counted or _GROUP_STRIKE.search(sentence))


def _mixed_runs(text: str, mentions: list[NamedWeapon]) -> list[list[NamedWeapon]]:
    """Lists of weapons that name more than one kind ("artillery, Grad rockets, drones")."""
    runs: list[list[NamedWeapon]] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        if runs and _IN_ONE_LIST.match(text[runs[-1][-1].end : mention.start]):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return [run for run in runs if len({m.match.category for m in run}) > 1]


# The kinds of weapon, heaviest first, in tiers: of several named systems the first named of the
# heaviest tier; of several descriptions the heaviest kind.
_TIERS = [
    ["ballistic_missile", "cruise_missile", "air_defence_missile"],
    # (a FAB named with a glide kit, "FAB-500 with a UMPK module", is a glide bomb)
    ["glide_bomb"],
    ["aircraft_bomb"],
    ["rocket_artillery"],
    ["loitering_munition", "drone"],
    ["artillery"],
]
_HEAVIEST = [kind for tier in _TIERS for kind in tier]


def _tier(category: WeaponCategory) -> int:
    return next((i for i, tier in enumerate(_TIERS) if category.value in tier), len(_TIERS))


def _weight(category: WeaponCategory) -> int:
    value = category.value
    return _HEAVIEST.index(value) if value in _HEAVIEST else len(_HEAVIEST)
