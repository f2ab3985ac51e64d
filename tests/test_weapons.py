from __future__ import annotations

import pytest

from mapping.model import Weapon
from mapping.weapons import WeaponCategory, lookup_weapon


@pytest.mark.parametrize(
    ("reported", "system", "category"),
    [
        ("Iskander", "Iskander-M", "ballistic_missile"),
        ("Iskander-M", "Iskander-M", "ballistic_missile"),
        ("iskander m", "Iskander-M", "ballistic_missile"),
        ("9M723", "Iskander-M", "ballistic_missile"),
        ("Іскандер", "Iskander-M", "ballistic_missile"),
        ("Shahed-136", "Shahed-136", "loitering_munition"),
        ("Geran-2", "Shahed-136", "loitering_munition"),
        ("Shahed 136", "Shahed-136", "loitering_munition"),
        ("KAB", "KAB glide bomb", "glide_bomb"),
        ("KAB-500", "KAB glide bomb", "glide_bomb"),
        ("KAB-1500", "KAB glide bomb", "glide_bomb"),
        ("Kh-101", "Kh-101", "cruise_missile"),
        ("Х-101", "Kh-101", "cruise_missile"),
        ("Kalibr", "Kalibr", "cruise_missile"),
        ("Kh-22", "Kh-22", "cruise_missile"),
        ("S-300", "S-300", "air_defence_missile"),
        ("Kinzhal", "Kinzhal", "ballistic_missile"),
        ("Tornado-S", "Tornado-S", "rocket_artillery"),
        ("ballistic missile", None, "ballistic_missile"),
        ("glide bomb", None, "glide_bomb"),
    ],
)
def test_aliases_resolve_to_one_system_and_category(reported, system, category):
    match = lookup_weapon(reported)
    assert match is not None
    assert (match.system, match.category) == (system, WeaponCategory(category))


def test_weapon_category_comes_from_the_alias_table():
    weapon = Weapon(system="9M723")
    assert weapon.category == WeaponCategory.BALLISTIC_MISSILE
    assert weapon.canonical_system == "Iskander-M"
    assert weapon.system == "9M723"  # the text as reported is kept


def test_unknown_system_keeps_its_text_with_category_unknown():
    weapon = Weapon(system="Wunderwaffe-7")
    assert weapon.category == WeaponCategory.UNKNOWN
    assert weapon.system == weapon.canonical_system == "Wunderwaffe-7"
    assert not weapon.known


def test_analyst_category_wins_over_the_table():
    assert Weapon(system="Shahed", category="drone").category == WeaponCategory.DRONE


@pytest.mark.parametrize(
    ("phrase", "system"),
    [
        ("Iskander-M ballistic missile", "Iskander-M"),
        ("two Kh-22 missiles", "Kh-22"),
        ("Kalibr cruise missiles launched from the Black Sea", "Kalibr"),
        ("Iskander-M ballistic missile with a cluster warhead", "Iskander-M"),
        ("Shahed-136/131", "Shahed-136"),
    ],
)
def test_the_system_inside_a_phrase_is_found_and_the_words_kept(phrase, system):
    from mapping.model import Weapon

    weapon = Weapon(system=phrase)
    assert (weapon.system, weapon.canonical_system, weapon.known) == (phrase, system, True)
    assert weapon.category != "unknown"


def test_the_grouped_alias_pattern_finds_what_one_alternation_of_every_alias_finds(seeds):
    import re

    import mapping.weapons as weapons

    aliases = sorted(weapons.known_aliases(), key=len, reverse=True)
    body = "|".join(
        re.escape(a).replace(r"\-", r"[-\s]?").replace(r"\ ", r"[-\s]")
        + (weapons._CASE_ENDING if weapons._CYRILLIC_LETTER.search(a[-1]) else "")
        for a in aliases
    )
    plain = re.compile(rf"(?<![\w-])(?:{body})s?(?![\w-])", re.IGNORECASE)
    texts = [i.notes or "" for i in seeds.incidents]
    for a in aliases:
        texts += [a, a.upper(), a.lower(), a + "s", a.replace("-", " "), a.replace("-", "")]
        texts += [a + "ами", "x" + a, a + "-x", f"({a})", f"two {a} and {aliases[0]}"]
    for text in texts:
        assert [m.span() for m in weapons._alias_pattern().finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text
