from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapping.geocoding.names import name_key, strip_region_words, strip_settlement_words


@pytest.mark.parametrize(
    "spellings",
    [
        ["Kryvyi Rih", "Kryvyy Rih", "Kryvyj Rih", "Kryvyi Rig", "Кривий Ріг", "KRYVYI RIH"],
        ["Zaporizhzhia", "Zaporizhzhya", "Zaporizhzhja", "Запоріжжя"],
        ["Kharkiv", "Harkiv", "Харків"],
        ["Luhansk", "Lugansk", "Луганськ", "Луганск"],
        ["Uzhhorod", "Uzhgorod", "Ужгород"],
        ["Ivano-Frankivsk", "Ivano Frankivsk", "Івано-Франківськ"],
        ["Kup'yans'k", "Kupyansk", "Kupiansk", "Куп'янськ", "Купʼянськ"],
        ["Nikolaev", "Nikolayev"],
        ["Bila Tserkva", "Bila Cerkva", "Біла Церква"],
    ],
)
def test_spellings_of_one_name_share_a_key(spellings):
    assert len({name_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("one", "other"), [("Sumy", "Lviv"), ("Kyiv", "Kherson"), ("Dnipro", "Odesa")]
)
def test_different_places_keep_different_keys(one, other):
    assert name_key(one) != name_key(other)


@pytest.mark.parametrize("garbage", ["", "   ", "!!!", "\x00\x07", "🚀🚀"])
def test_names_without_letters_have_no_key(garbage):
    assert name_key(garbage) == ""


@given(st.text(max_size=300))
def test_any_text_gives_a_key_without_error(text):
    assert isinstance(name_key(text), str)


@pytest.mark.parametrize(
    ("written", "bare", "region"),
    [
        ("Dnipropetrovsk Oblast", "Dnipropetrovsk", True),
        ("Дніпропетровська область", "Дніпропетровська", True),
        ("Sumy region", "Sumy", True),
        ("Sumy", "Sumy", False),
    ],
)
def test_region_words(written, bare, region):
    assert strip_region_words(written) == (bare, region)


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("the city of Kryvyi Rih", "Kryvyi Rih"),
        ("м. Суми", "Суми"),
        ("village Novoselivka", "Novoselivka"),
    ],
)
def test_settlement_words(written, bare):
    assert strip_settlement_words(written) == bare
