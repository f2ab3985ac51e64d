"""Ukrainian and Russian words as reports inflect them: numbers, dictionary forms, language."""

from __future__ import annotations

import pytest

from mapping.morphology import language_of, nominatives, words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("16 людей", 16),
        ("шістнадцятеро", 16),
        ("п'ятьох загиблих", 5),
        ("двоє дітей", 2),
        ("сімох", 7),
        ("двадцять один поранений", 21),
        ("п'ять тисяч", 5000),
        ("пятерых", 5),
        ("двадцати трёх", 23),
        # thousands set apart by a space, as Ukrainian and Russian copy writes them
        ("загинуло 10 000 цивільних", 10000),
        ("дані 14\u00a0059 жертв", 14059),
    ],
)
def test_numbers_in_digits_and_words_in_any_case(text, value):
    language = language_of(text) if "'" not in text else "uk"
    numbers = [w.number for w in words(text, language) if w.number is not None]
    assert numbers[0] == value


def test_times_ages_and_names_with_digits_are_not_counts():
    found = words("о 7:28 14-річна дівчинка, ракети С-300 і Х-101, 16-ї години", "uk")
    assert [w.number for w in found if w.number is not None] == []


def test_dictionary_forms_of_inflected_words():
    lemmas = {w.text: w.lemmas for w in words("загинули поранених Харківщині", "uk")}
    assert "загинути" in lemmas["загинули"]
    assert "поранений" in lemmas["поранених"]
    assert "харківщина" in lemmas["Харківщині"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Внаслідок ракетного удару по Кривому Рогу загинули щонайменше 16 людей", "uk"),
        ("Нанесен удар высокоточным оружием по месту сбора военнослужащих", "ru"),
        ("МИНИСТЕРСТВО ОБОРОНЫ РОССИЙСКОЙ ФЕДЕРАЦИИ", "ru"),
        ("A ballistic missile hit Kryvyi Rih; at least 16 dead.", "en"),
        ("Kyiv: Кличко повідомив про 5 загиблих у столиці, серед них дитина.", "uk"),
    ],
)
def test_language_of_a_report(text, language):
    assert language_of(text) == language


def test_nominatives_of_place_names():
    assert "Кривий Ріг" in nominatives("Кривому Розі")
    assert "Біла Церква" in nominatives("Білій Церкві")
    assert nominatives("Kyiv") == ()
