"""Drafts from Ukrainian and Russian reports: figures in any case form, who said them, the
struck place in its case form, dates and weapons as these reports write them."""

from __future__ import annotations

import datetime as dt

import pytest

from mapping.extraction import extract_draft
from mapping.extraction.figures_uk_ru import casualty_figures_uk_ru, damage_figures_uk_ru
from mapping.extraction.text import Sentence, read_text, sentences
from tests.extraction import figures_by_source

TODAY = dt.date(2026, 11, 30)


def figures(text: str, language: str = "uk") -> list[tuple]:
    sentence = Sentence(0, len(text), text, 0)
    return [
        (f.category, f.group, f.count.min, f.count.max, f.part)
        for f in casualty_figures_uk_ru(sentence, language)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Внаслідок ракетного удару по Кривому Рогу загинули щонайменше 16 людей, серед них 6 дітей.",
            [("killed", "unspecified", 16, None, False), ("killed", "children", 6, 6, True)],
        ),
        (
            "Відомо про п'ятьох загиблих і 15 поранених.",
            [("killed", "unspecified", 5, 5, False), ("injured", "unspecified", 15, 15, False)],
        ),
        ("Постраждалих - 25.", [("injured", "unspecified", 25, 25, False)]),
        ("Кількість загиблих зросла до 11.", [("killed", "unspecified", 11, 11, False)]),
        (
            "Загинули 15 людей, ще 24 дістали поранень.",
            [("killed", "unspecified", 15, 15, False), ("injured", "unspecified", 24, 24, False)],
        ),
        (
            "Поранених, за даними поліції, 16; серед них восьмирічна дитина.",
            [("injured", "unspecified", 16, 16, False), (None, "children", 1, 1, True)],
        ),
        ("Під завалами перебувають семеро людей.", [("missing", "unspecified", 7, 7, False)]),
        ("Малюк помер у машині швидкої.", [("killed", "children", 1, 1, False)]),
        ("Значні руйнування, але загиблих немає.", [("killed", "unspecified", 0, 0, False)]),
        ("Серед загиблих - дворічна дитина.", [("killed", "children", 1, 1, False)]),
        # not casualties: ages, times, rescued people, a part of no figure, a weapon's name
        ("О 7:28 рятувальники урятували 12 людей, двоє дітей - 7 і 14 років.", []),
        ("Психологи надали допомогу 206 людям, з них 11 дітям.", []),
        ("Ракети С-300 влучили у п'ятиповерхівку.", []),
        # "до" before a growth verb is "to", not "up to"; the people described after a comma
        ("До п'яти зросла кількість постраждалих.", [("injured", "unspecified", 5, 5, False)]),
        ("До дев'яти збільшилася кількість людей, постраждалих внаслідок атаки.",
         [("injured", "unspecified", 9, 9, False)]),
        ("Врятовано 38 людей, загинуло 17.", [("killed", "unspecified", 17, 17, False)]),
        # some of them in a state: no figure of their own
        ("Стан одного пораненого медики оцінюють як важкий.", []),
        ("Є поранена дитина.", [("injured", "children", 1, 1, False)]),
        # a counted list after one verb, whose people they are named; a clause of its own is no
        # item; adults by their ages
        ("Поранені 30 працівників поліції, 1 рятувальник ДСНС та 9 цивільних.",
         [("injured", "civilians", 30, 30, False), ("injured", "civilians", 1, 1, False),
          ("injured", "civilians", 9, 9, False)]),
        ("Травмовано 53 людини, 12 — врятовано.", [("injured", "unspecified", 53, 53, False)]),
        ("Шестеро правоохоронців отримали травми.", [("injured", "unspecified", 6, 6, False)]),
        ("Поранення отримали 21-річний і 55-річний чоловіки.",
         [("injured", "civilians", 2, 2, False)]),
        # the verb before a part names its category; one more child among them
        ("Постраждала родина, серед них - двоє дітей.", [("injured", "children", 2, 2, True)]),
        ("Серед них – ще одна дитина.", [(None, "children", 1, 1, True)]),
        # could not be saved: dead
        ("На жаль, врятувати жінку не вдалося.", [("killed", "civilians", 1, 1, False)]),
        # people listed after the verb; the death of one child (a genitive like a plural)
        ("Унаслідок обстрілу загинули дитина і ще двоє мирних жителів.",
         [("killed", "children", 1, 1, False), ("killed", "civilians", 2, 2, False)]),
        ("Засуджуємо загибель дитини.", [("killed", "children", 1, 1, False)]),
        # people by who they were are civilians; among a figure's parts they split none off (the
        # draft keeps them only where the text gives no total)
        ("Внаслідок удару загинула жінка.", [("killed", "civilians", 1, 1, False)]),
        ("Серед постраждалих - чотири жінки віком від 43 до 51 року.",
         [("injured", "civilians", 4, 4, True)]),
        ("Доля ще трьох людей невідома.", [("missing", "unspecified", 3, 3, False)]),
        # growth: "до" is "to" after it, even for a second figure; the "from" is no figure
        (
            "Кількість загиблих зросла до 14, поранених — до 89.",
            [("killed", "unspecified", 14, 14, False), ("injured", "unspecified", 89, 89, False)],
        ),
        ("Кількість постраждалих зросла з 20 до 32.", [("injured", "unspecified", 32, 32, False)]),
        ("Десятки людей поранені.", [("injured", "unspecified", 20, None, False)]),
        # counts in tens
        ("Поранення отримали понад два десятки людей.",
         [("injured", "unspecified", 21, None, False)]),
        ("Загинули півтора десятка людей.", [("killed", "unspecified", 15, 15, False)]),
        # ranges and bounds
        ("Загинули більш як 20 людей.", [("killed", "unspecified", 21, None, False)]),
        ("Загинули від 10 до 15 людей.", [("killed", "unspecified", 10, 15, False)]),
        ("Поранені 10-15 людей.", [("injured", "unspecified", 10, 15, False)]),
        ("Поранено понад сотню людей.", [("injured", "unspecified", 101, None, False)]),
        ("Поранено майже сотню людей.", [("injured", "unspecified", None, 99, False)]),
        ("Кількість поранених перевищила 60.", [("injured", "unspecified", 61, None, False)]),
        # those who sought medical help are the hurt; those who went to the police are not
        ("40 людей звернулися по медичну допомогу.", [("injured", "unspecified", 40, 40, False)]),
        ("40 людей звернулися до поліції.", []),
        # people by what they were doing are civilians, as in English
        ("Загинули двоє рятувальників.", [("killed", "civilians", 2, 2, False)]),
        # a label and its value
        ("Загинули: 5 людей, поранені: 12.",
         [("killed", "unspecified", 5, 5, False), ("injured", "unspecified", 12, 12, False)]),
        # one person by age and who they were, the verb first or the hurt far after
        ("Внаслідок удару загинув 48-річний чоловік.", [("killed", "civilians", 1, 1, False)]),
        ("Жінка 63 років дістала осколкові поранення.", [("injured", "civilians", 1, 1, False)]),
        ("Поранення отримав 16-річний хлопець.", [("injured", "children", 1, 1, False)]),
        # "чоловік" after a number counts people; one "чоловік" is a man
        ("Загинули шість чоловік.", [("killed", "unspecified", 6, 6, False)]),
        ("Постраждав один чоловік.", [("injured", "civilians", 1, 1, False)]),
        # one person by the casualty word alone
        ("Є загиблий.", [("killed", "unspecified", 1, 1, False)]),
        ("Маємо пораненого через російську атаку.", [("injured", "unspecified", 1, 1, False)]),
        # people searched for are missing; children named by their ages
        ("Тривають пошуки ще 4 людей.", [("missing", "unspecified", 4, 4, False)]),
        ("Постраждали 9 людей, серед них діти 3, 7 та 15 років.",
         [("injured", "unspecified", 9, 9, False), (None, "children", 3, 3, True)]),
        # a dash between a number and its verb; a conjunction ends a figure's words; the toll
        # far from its growth verb, past a place
        ("Загинули 4 особи та 33 – постраждало.",
         [("killed", "unspecified", 4, 4, False), ("injured", "unspecified", 33, 33, False)]),
        ("Загинули 5 і поранені 7.",
         [("killed", "unspecified", 5, 5, False), ("injured", "unspecified", 7, 7, False)]),
        ("Кількість загиблих в Одесі внаслідок ракетного удару збільшилася до 14 осіб.",
         [("killed", "unspecified", 14, 14, False)]),
        # a ten after a hedge; a list's shared verb; no seriously injured is no count
        ("Атаки призвели до загибелі більше десятка цивільних осіб.",
         [("killed", "civilians", 11, None, False)]),
        ("Двоє дітей і один дорослий постраждали.",
         [("injured", "children", 2, 2, False), ("injured", "unspecified", 1, 1, False)]),
        ("За його словами, важких поранених немає.", []),
        # people by their work among the dead split no group off
        ("Загинули 14 людей, серед яких місцеві жителі, медик і рятувальник.",
         [("killed", "unspecified", 14, 14, False)]),
    ],
)  # fmt: skip
def test_ukrainian_casualty_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В результате уничтожено более 600 военнослужащих ВСУ.",
            [("killed", "military", 601, None, False)],
        ),
        ("Уничтожено до 85 военнослужащих.", [("killed", "military", None, 85, False)]),
        ("Погибли около 30 человек.", [("killed", "unspecified", 30, 30, False)]),
        ("Уничтожено до 20 единиц военной техники.", []),
        # "выросло до": grew to, not "up to"
        ("Число пострадавших выросло до 30.", [("injured", "unspecified", 30, 30, False)]),
        ("Судьба трех человек неизвестна.", [("missing", "unspecified", 3, 3, False)]),
        ("Погибли по меньшей мере 12 человек.", [("killed", "unspecified", 12, None, False)]),
        # the ministry's "destruction" of troops is its claim of dead
        ("Минобороны РФ сообщило об уничтожении до 60 военнослужащих ВСУ.",
         [("killed", "military", None, 60, False)]),
        ("За медицинской помощью обратились 40 человек.",
         [("injured", "unspecified", 40, 40, False)]),
        # "human rights" names no person
        ("Мониторинговая миссия ООН по правам человека зафиксировала гибель 12 мирных жителей.",
         [("killed", "civilians", 12, 12, False)]),
        # a case ending written on a number ("свыше 50-ти")
        ("Ликвидировано свыше 40-ка боевиков.", [("killed", "military", 41, None, False)]),
        ("Уничтожено свыше 70-ти военнослужащих.", [("killed", "military", 71, None, False)]),
        ("Погибла 19-летняя девушка.", [("killed", "civilians", 1, 1, False)]),
        ("Уничтожено свыше 50 генералов и офицеров ВСУ.", [("killed", "military", 51, None, False)]),
        # a part named after a dash; one person by the casualty word alone
        ("Ранены 18 человек, пятеро пострадавших — дети.",
         [("injured", "unspecified", 18, 18, False), ("injured", "children", 5, 5, True)]),
        ("Погибли 25 человек, пять из которых — дети.",
         [("killed", "unspecified", 25, 25, False), (None, "children", 5, 5, True)]),
        ("Губернатор заявил о погибшем.", [("killed", "unspecified", 1, 1, False)]),
        ("Минобороны сообщило об уничтожении пункта дислокации.", []),
        # one "человек" is one person; guards and drivers are civilians
        ("Пострадал человек.", [("injured", "unspecified", 1, 1, False)]),
        ("Пострадал охранник АЗС.", [("injured", "civilians", 1, 1, False)]),
        ("К сожалению, двух мужчин спасти не удалось.", [("killed", "civilians", 2, 2, False)]),
        ("Спасатели достали из-под завалов тело погибшего мужчины.",
         [("killed", "civilians", 1, 1, False)]),
        ("Из пяти раненых три человека находятся в тяжелом состоянии.",
         [("injured", "unspecified", 5, 5, False)]),
        ("Количество пострадавших до 23 возросло.", [("injured", "unspecified", 23, 23, False)]),
        # a person named after the casualty word is that person; a count's noun past its
        # participle is no second person; a group nobody of which was hurt
        ("Есть минимум один пострадавший человек.", [("injured", "unspecified", 1, None, False)]),
        ("По словам губернатора, мирные жители не пострадали.",
         [("injured", "civilians", 0, 0, False)]),
        # the ministry's words for soldiers
        ("Уничтожили до 100 бойцов 14-й бригады.", [("killed", "military", None, 100, False)]),
        # an aside between the count and its verb; a date between the toll and its growth
        ("Еще 46 человек, в том числе семь сотрудников ГСЧС, получили ранения.",
         [("injured", "unspecified", 46, 46, False)]),
        ("Число жертв удара по Одессе 15 марта возросло до 14 человек.",
         [("killed", "unspecified", 14, 14, False)]),
        # the count's noun past its adjective is no second person
        ("Погиб 41 украинский военный.", [("killed", "military", 41, 41, False)]),
    ],
)  # fmt: skip
def test_russian_casualty_figures(text, expected):
    assert figures(text, "ru") == expected


def test_damage_in_any_case_form():
    text = "Пошкоджено 34 багатоповерхівки та 20 приватних будинків, школу і 12 автомобілів."
    found = damage_figures_uk_ru(Sentence(0, len(text), text, 0), "uk")
    assert [(d.object, d.count.min if d.count else None) for d in found] == [
        ("apartment_block", 34),
        ("house", 20),
        ("school", 1),
        ("vehicle", 12),
    ]


def test_ukrainian_post_drafts_a_record_with_speakers_and_place(gazetteer):
    text = (
        "14 квітня 2023 року російські війська вдарили ракетами С-300 по Слов'янську.\n\n"
        "Очільник Донецької ОВА Павло Кириленко: відомо про п'ятьох загиблих і 15 поранених.\n\n"
        '"8 загиблих і 21 поранений - такі оперативні дані", - написав Кириленко.'
    )
    draft = extract_draft(text, gazetteer=gazetteer, today=TODAY)
    record = draft.record
    assert record["date"] == dt.date(2023, 4, 14)
    assert record["place"]["name"] == "Слов'янськ"
    assert record["place"]["gazetteer_id"]
    assert record["weapon"]["system"] == "S-300"
    sources = {s["id"]: s for s in record["sources"]}
    killed = [c for c in record["casualties"] if "killed" in c]
    assert [c["killed"] for c in killed] == [5, 8]
    assert {sources[c["source"]]["party"] for c in killed} == {"local_authority"}
    assert all(c["status"] == "reported" for c in record["casualties"])
    # evidence points at the original words
    quotes = [e["quote"] for e in record["evidence"] if e["path"].startswith("casualties")]
    assert "п'ятьох загиблих" in quotes


def test_russian_ministry_statement_is_claimed(gazetteer):
    text = (
        "МИНИСТЕРСТВО ОБОРОНЫ РОССИЙСКОЙ ФЕДЕРАЦИИ\n\n"
        "Нанесен ракетный удар по пунктам временной дислокации подразделений ВСУ в городе "
        "Краматорске. В результате уничтожено более 600 военнослужащих ВСУ."
    )
    record = extract_draft(
        text, gazetteer=gazetteer, today=TODAY, date_hint=dt.date(2023, 1, 8)
    ).record
    assert record["sources"][0]["party"] == "russia_government"
    assert record["casualties"][0]["status"] == "claimed"
    assert record["casualties"][0]["killed"] == {"min": 601}
    assert any(c["about"] == "target" and "дислокации" in c["text"] for c in record["claims"])
    assert all(c["status"] == "claimed" for c in record["claims"])
    assert record["place"]["name"] == "Краматорск"


def test_a_weekday_fixes_the_year_of_a_date_written_without_one(gazetteer):
    text = "ПОЛТАВА - Ракета влучила в будинок уранці в суботу, 1 лютого. Загинули 14 людей."
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["date"] == dt.date(2025, 2, 1)  # 1 February was a Saturday in 2025


def test_a_2000_word_ukrainian_article_extracts_quickly(gazetteer):
    paragraph = (
        "Внаслідок ракетного удару по Кривому Рогу загинули щонайменше 16 людей, серед них "
        "6 дітей. Голова ОВА Сергій Лисак повідомив, що поранено ще 40 людей. Пошкоджено "
        "п'ять багатоповерхівок, школу і 12 автомобілів.\n\n"
    )
    text = paragraph * 66  # ~2,000 words
    assert len(text.split()) >= 2000
    extract_draft(text, gazetteer=gazetteer, today=TODAY)  # warm the dictionaries
    import time

    start = time.perf_counter()
    extract_draft(text + "Кінець.", gazetteer=gazetteer, today=TODAY)
    assert time.perf_counter() - start < 1.5  # 300 ms target, measured in benchmarks/


def test_a_signed_post_speaks_for_its_author(gazetteer):
    text = (
        "Олег Синєгубов | Харківська ОВА\n\n"
        "Окупанти вдарили по Харкову. Загинули двоє людей, ще 12 поранені."
    )
    record = extract_draft(
        text, gazetteer=gazetteer, today=TODAY, date_hint=dt.date(2024, 1, 23)
    ).record
    sources = {s["id"]: s for s in record["sources"]}
    assert {sources[c["source"]]["party"] for c in record["casualties"]} == {"local_authority"}
    assert [c.get("killed", c.get("injured")) for c in record["casualties"]] == [2, 12]


@pytest.mark.parametrize(
    ("text", "party", "name"),
    [
        # "Про це повідомили ...": the speaker of the sentences before it
        ("Росія вдарила ракетою по Сумах. Загинули п'ятеро людей. Про це повідомили в Сумській "
         "ОВА.", "local_authority", "Обласна військова адміністрація"),
        ("Россия нанесла удар по Сумам. Погибли пять человек. Об этом сообщил мэр города.",
         "local_authority", "Місцева влада"),
        # a headline's speaker after a dash; an official known by surname alone
        ("Росія вдарила ракетою по Сумах. Загинули п'ятеро людей, – Артюх.",
         "local_authority", "Володимир Артюх"),
        # an agency named in Latin letters
        ("Росія вдарила ракетою по Сумах. Загинули п'ятеро людей, повідомляє Reuters.",
         "independent_media", "Reuters"),
        # monitors record and count; a letterhead in title case
        ("Росія вдарила по Сумах. Місія зафіксувала загибель 23 цивільних.",
         "international_org", "ООН"),
        ("Росія вдарила по Сумах. За підрахунками ООН, загинули 23 цивільних.",
         "international_org", "ООН"),
        ("Моніторингова місія ООН з прав людини в Україні (ММПЛУ) | Брифінг\n\nРосія вдарила "
         "по Сумах. Загинули 23 цивільних.", "international_org", "ООН"),
        # Ukrainian officials and bodies as Russian-language copy writes them
        ("Россия нанесла удар по Харькову. Погибли пять человек, сообщил мэр Харькова Игорь "
         "Терехов.", "local_authority", "Ігор Терехов"),
        ("Россия нанесла удар по Днепру. Погибли пять человек, сообщил Сергей Лысак.",
         "local_authority", "Сергій Лисак"),
        ("Россия нанесла удар по Киеву. Погибли пять человек, сообщила Нацполиция.",
         "ukraine_government", "Національна поліція"),
        ("Россия нанесла удар по Киеву. Погибли пять человек, передает Интерфакс-Украина.",
         "independent_media", "ЗМІ"),
        ("Росія вдарила по Сумах. ООН нарахувала 23 загиблих цивільних.",
         "international_org", "ООН"),
        ("Россия ударила по Сумам. Согласно докладу ООН, погибли 23 мирных жителя.",
         "international_org", "ООН"),
        ("Росія вдарила по Сумах. За даними УВКПЛ, загинули 23 цивільних.",
         "international_org", "ООН"),
        ("Росія вдарила по Сумах. Загинули 23 людини, повідомили в Лікарях без кордонів.",
         "ngo", "Médecins Sans Frontières"),
        # "говорится в сообщении ГСЧС"
        ("Россия нанесла удар по Сумам. Погибли пять человек, говорится в сообщении ГСЧС.",
         "ukraine_government", "ДСНС"),
        ("Россия нанесла удар по Сумам. Погибли пять человек, сообщили в администрации.",
         "local_authority", "Місцева влада"),
        ("Росія вдарила по Сумах. Всесвітня організація охорони здоров'я повідомила про 23 "
         "загиблих.", "international_org", "ООН"),
        ("Росія вдарила по Сумах. Речниця УВКПЛ Ліз Тросселл заявила, що загинули 23 "
         "цивільних.", "international_org", "Ліз Тросселл, Речниця УВКПЛ"),
        ("Росія вдарила по Сумах. Офіс генпрокурора: загинули 23 людини.",
         "ukraine_government", "Прокуратура"),
        # officials by surname in any case form, whatever the ending the table writes
        ("Росія вдарила по Запоріжжю. Загинули п'ятеро людей, додав Федоров.",
         "local_authority", "Іван Федоров"),
        ("Россия нанесла удар по Харькову. По словам Терехова, погибли пять человек.",
         "local_authority", "Ігор Терехов"),
        # a quote closed by its speaker's pronoun
        ("Росія вдарила по Запоріжжю.\n\nНачальник ОВА Іван Федоров повідомив, що рятувальники "
         "працюють на місці.\n\n\"Загинули п'ятеро людей\", – написав він.",
         "local_authority", "Іван Федоров"),
        # a source in brackets closing the sentence
        ("Росія вдарила по Запоріжжю. Загиблі: 5 (дані ОВА).", "local_authority",
         "Обласна військова адміністрація"),
        # an outlet citing a source gives the source's figure
        ("Росія вдарила по Запоріжжю. Загиблих п'ятеро, передає Суспільне з посиланням на ОВА.",
         "local_authority", "Обласна військова адміністрація"),
        ("Россия нанесла удар по Запорожью. Погибли пять человек, передает Суспильне со ссылкой "
         "на полицию.", "ukraine_government", "Національна поліція"),
        # a governor of a Russian region speaks for Russia
        ("Россия нанесла удар по Харькову. Губернатор Белгородской области Вячеслав Гладков "
         "сообщил о двух погибших.", "russia_government", "Вячеслав Гладков"),
        # an outlet carrying an official's words: the official's they are
        ("Росія вдарила ракетою по Сумах. Загинули п'ятеро людей. Про це повідомив у Telegram "
         "начальник Сумської ОВА Олег Григоров, передає Укрінформ.", "local_authority",
         "Олег Григоров"),
        # who a quotation names inside it does not speak it
        ("Росія вдарила ракетою по Одесі. «Загинули п'ятеро людей, зокрема двоє співробітників "
         "ДСНС», – написав Олег Кіпер у телеграм-каналі.", "local_authority", "Олег Кіпер"),
        # "йдеться в повідомленні": the body last named
        ("Про це повідомляє пресслужба Національної поліції.\n\n«Загинули п'ятеро людей», – "
         "йдеться в повідомленні.", "ukraine_government", "Національна поліція"),
        ("Россия нанесла удар по Одессе. Генпрокуратура называет цифру в пять погибших.",
         "ukraine_government", "Прокуратура"),
        # the UN's mission named in lower case after its full name
        ("Росія вдарила по Києву. Моніторингова місія ООН повідомила про удар.\n\nЗа даними "
         "місії, загинули п'ятеро людей.", "international_org", "ООН"),
        # the UN's humanitarian coordinator
        ("Росія вдарила по Чернігову. Про це повідомив гуманітарний координатор в Україні "
         "Матіас Шмале: загинули двоє людей.", "international_org", "Матіас Шмале"),
        # bodies by their letters: Kyiv's city administration, a region's, the police's
        # regional office; the authorities unnamed; a title before the name
        ("Внаслідок атаки загинули двоє людей, повідомили в КМВА.", "local_authority",
         "Місцева влада"),
        ("По данным КГВА, погибли два человека.", "local_authority", "Місцева влада"),
        ("Внаслідок атаки загинули двоє людей, повідомляє ХОВА.", "local_authority",
         "Обласна військова адміністрація"),
        ("Внаслідок атаки загинули двоє людей, повідомили в ГУНП в Одеській області.",
         "ukraine_government", "Національна поліція"),
        ("Обстріл Херсона. Згодом влада повідомила, що поранені двоє людей.", "local_authority",
         "Місцева влада"),
        ("Олег Синєгубов, голова Харківської ОДА: На жаль, одна людина загинула.",
         "local_authority", "Олег Синєгубов"),
        # a name that begins like "влада" is no local authority
        ("Президент Украины Владимир Зеленский подтвердил удар по Полтаве. По его словам, погиб "
         "41 украинский военный.", "ukraine_government", "Офіс президента"),
        # the prosecutor's office as Russian-language copy names it, after its quote
        ("\"Пока известно о восьми погибших\", – заявили в ОГП.", "ukraine_government",
         "Прокуратура"),
        # the forces that struck are no speaker without their own speech verb
        ("За даними слідства, російські військові обстріляли Херсон. Загинули дві жінки. Про це "
         "повідомляє Херсонська обласна прокуратура.", "ukraine_government", "Прокуратура"),
        # Moscow as a speaker; in Moscow it is a place
        ("Росія вдарила по Сумах. Москва стверджує, що загинули 20 військових.",
         "russia_government", "Влада РФ"),
    ],
)  # fmt: skip
def test_speakers_as_ukrainian_and_russian_news_write_them(text, party, name, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    sources = {s["id"]: s for s in record["sources"]}
    (figure,) = record["casualties"]
    assert (sources[figure["source"]]["party"], sources[figure["source"]]["name"]) == (party, name)


@pytest.mark.parametrize(
    ("text", "about"),
    [
        (
            "Минобороны России сообщило: нанесен удар по местам сбора командного состава. Все "
            "назначенные объекты поражены.",
            "result",
        ),
        ("У Міноборони РФ заявили, що атакували об'єкти ВПК у Дніпрі.", "target"),
        ("Росія вдарила по Харкову. У Міноборони РФ заявили, що мета удару досягнута.", "result"),
        (
            "Россия нанесла удар по Харькову. В Минобороны России заявили, что цель удара "
            "достигнута.",
            "result",
        ),
        # the Russian forces as a speaker, in both languages
        ("Росія вдарила по Харкову. Росіяни стверджують, що знищили склад боєприпасів.", "target"),
        (
            "Россия нанесла удар по Харькову. Российские военные заявили, что нанесли удар по "
            "складу боеприпасов.",
            "target",
        ),
        # the target before its verb; a passive "атакованы"; an elided quotation
        (
            "Россия нанесла удар по Харькову. «По объектам военного управления нанесен удар», — "
            "заявили в Минобороны России.",
            "target",
        ),
        (
            "Россия нанесла удар по Днепру. Как уточнили в военном ведомстве, атакованы предприятия "
            "ВПК.",
            "target",
        ),
        (
            "«Нанесен групповой удар <...> по предприятиям ВПК Украины», — говорится в заявлении "
            "российского министерства обороны.",
            "target",
        ),
        (
            "Россия нанесла удар по Днепру. В сообщении Минобороны России подчеркивается, что цель "
            "атаки была достигнута.",
            "result",
        ),
        # the ministry written in lower case, its words quoted after
        (
            'В минобороны РФ подтвердили удар по Одессе. "Нанесен ракетный удар по ангару в '
            'портовом районе. Цель удара достигнута", - говорится в сообщении.',
            "result",
        ),
        (
            "Минобороны России сообщило, что ВС РФ нанесли удар по складу в Одессе, где хранились "
            "безэкипажные катера.",
            "target",
        ),
        # a long description of the weapon between the strike and its target
        (
            "«Нанесли групповой удар высокоточным оружием морского и воздушного базирования по "
            "объектам военной промышленности», — сообщило Минобороны России.",
            "target",
        ),
        # a denial
        (
            "Минобороны РФ опровергло заявления Киева. ВС России не планировали и не наносили "
            "ударов по Харькову.",
            "responsibility",
        ),
        (
            "Ракета попала в дом в Киеве. В Минобороны РФ заявили, что сообщения об ударе по дому "
            "не соответствуют действительности.",
            "responsibility",
        ),
        (
            "Ракеты попали в Киев. Минобороны РФ утверждает, что гражданская инфраструктура "
            "города не пострадала.",
            "responsibility",
        ),
        (
            "Армия России ответила на атаки ВСУ массированным ударом по Харькову, заявили в "
            "Минобороны России.",
            "responsibility",
        ),
        # air defence blamed
        (
            "Ракета попала в дом в Киеве. По версии Минобороны РФ, в дом попала ракета "
            "украинского ЗРК С-300.",
            "cause",
        ),
        # the ministry's results, however put
        (
            "Россия нанесла удар по Киеву. «Все спланированные к удару цели поражены», — заявили "
            "в Минобороны России.",
            "result",
        ),
        (
            "Россия нанесла удар по Харькову. В Минобороны России отметили, что цели ударов были "
            "достигнуты, а все назначенные объекты — поражены.",
            "result",
        ),
        (
            "Россия нанесла удар по Киеву. «Объект поражен», — говорится в брифинге Минобороны "
            "России.",
            "result",
        ),
        (
            "Россия нанесла удар по Виннице. «В результате удара участники совещания уничтожены», "
            "- говорится в заявлении Минобороны России.",
            "result",
        ),
        # a strike's object that is military by what it holds or is
        (
            "Как утверждают в МО РФ, ВКС России выпустили четыре ракеты по цехам завода в Киеве.",
            "target",
        ),
        (
            "Минобороны России заявило, что нанесен удар по зданию дома офицеров в Виннице.",
            "target",
        ),
        # Ukrainian copy: Moscow and "у Росії" as speakers, "била по", "ціллю атаки були"
        (
            "Росія вдарила по Києву. Москва стверджує, що била нібито по військових цілях.",
            "target",
        ),
        (
            "Росія вдарила по Харкову. У Москві заявили, що ціллю атаки були «об'єкти енергетичної "
            "інфраструктури».",
            "target",
        ),
        (
            'Росія вдарила по Києву. При цьому у Росії цинічно стверджують, що "цілі удару '
            'досягнуто".',
            "result",
        ),
        # a denial of striking the city at all
        (
            "Ракеты упали в Киеве. Представитель Минобороны подчеркнул, что российские войска не "
            "нанесли ни одного удара по целям в черте Киева.",
            "responsibility",
        ),
        # drones' works are military; "їхньою ціллю були" with no "удару"
        (
            "Минобороны России: в ночь на 17 июня ВС РФ нанесли удары по местам производства "
            "беспилотников в Киеве.",
            "target",
        ),
        (
            "Ракети влучили в Одесу. У Міноборони РФ стверджують, що їхньою ціллю були склади з "
            "боєприпасами.",
            "target",
        ),
        # "По данным Минобороны, ... по объектам": whose words come first, the target after
        (
            "Ракеты упали в Киеве. По данным Минобороны, нанесен массированный удар высокоточным "
            "оружием и беспилотниками по объектам военной промышленности и энергетики.",
            "target",
        ),
    ],
)
def test_russian_claims_in_russian_and_ukrainian_copy(text, about, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    found = [c for c in record["claims"] if c["about"] == about]
    assert found
    assert {parties[c["source"]] for c in found} == {"russia_government"}
    assert {c["status"] for c in found} == {"claimed"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Росія вдарила по Сумах двома балістичними ракетами. Загинули 35 людей.",
         "ballistic_missile"),
        ("Окупанти скинули на Запоріжжя керовані авіабомби. Поранені 5 людей.", "glide_bomb"),
        ("Сьогодні вранці ворог обстріляв Херсон з артилерії. Загинула жінка.", "artillery"),
        ("Вночі росіяни атакували Київ дронами та ракетами. Загинули 2 людини.", "unknown"),
        ("Росіяни атакували Харків ударними дронами. Загинули 2 людини.", "loitering_munition"),
        ("Окупанти обстріляли Нікополь з реактивних систем залпового вогню. Загинули 2 людини.",
         "rocket_artillery"),
        ("FPV-дрон атакував автомобіль у Херсоні. Загинули 2 людини.", "drone"),
        # the abbreviations
        ("Росіяни атакували Одесу ударними БпЛА. Загинули 2 людини.", "loitering_munition"),
        ("Ворожий БпЛА влучив у будинок у Сумах. Загинули 2 людини.", "drone"),
        ("Після обіду ворог ударив балістикою по Одесі.", "ballistic_missile"),
        # "обстріл" in any case form is only a stand-in: a missile strike named is unknown kind
        ("Внаслідок обстрілу загинув чоловік. Росіяни завдали ракетного удару по лісосмузі.",
         "unknown"),
    ],
)  # fmt: skip
def test_weapons_as_ukrainian_and_russian_copy_describe_them(text, category, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["weapon"]["category"] == category


def test_a_date_s_weekday_after_it_fixes_its_year(gazetteer):
    text = "13 квітня, у Вербну неділю, росіяни вдарили по Сумах. Загинули 35 людей."
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert str(record["date"]) == "2025-04-13"


@pytest.mark.parametrize(
    "text",
    [
        "15.01.2023\n\nНапередодні російська ракета влучила у багатоповерхівку в Дніпрі. "
        "Загинули 12 людей.",
        "15.01.2023\n\nМинулої доби російська ракета влучила у багатоповерхівку в Дніпрі. "
        "Загинули 12 людей.",
        "15 января 2023\n\nНакануне российская ракета попала в многоэтажку в Днепре. "
        "Погибли 12 человек.",
    ],
)
def test_the_day_before_the_report_s_own(text, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert str(record["date"]) == "2023-01-14"


@pytest.mark.parametrize(
    "text",
    [
        # a quotation of three sentences, its speaker named at its close
        "Росія вдарила по Запоріжжю.\n\n\"Загинули п'ятеро людей. Ще 12 поранені. Рятувальники "
        'працюють", – Федоров.',
        # a later sentence says whose the data are
        "Росія вдарила по Запоріжжю.\n\nЗагинули п'ятеро людей, ще 12 поранені. Такі дані "
        "оприлюднив Федоров.",
        "Росія вдарила по Запоріжжю.\n\nЗагинули п'ятеро людей, ще 12 поранені. Інформацію "
        "підтвердив Федоров.",
    ],
)
def test_every_figure_of_a_statement_is_its_speaker_s(text, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    names = {s["id"]: s["name"] for s in record["sources"]}
    assert [names[c["source"]] for c in record["casualties"]] == ["Іван Федоров"] * 2


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a preposition or a nation's adjective opening a sentence is no place
        ("Російська армія вдарила по Одесі. Загинули двоє людей.", "Одеса"),
        ("Россия ударила по Сумам. Об этом сообщил мэр. Погибли два человека.", "Суми"),
        # a city's district named before the city
        ("Ракета влучила в будинок у Шевченківському районі Києва. Загинули двоє людей.", "Київ"),
        # a village, then its district
        ("Ракетный удар по селу Гроза Купянского района: погибли 52 человека.", "Гроза"),
        # a district with no city after it: the district, not a village of the same stem in
        # Russia ("Печерському" alone is Pechersk, Smolensk region)
        ("У столиці під обстріл потрапили два будинки у Печерському районі. Загинула 1 людина.",
         "Печерський район"),
        # an institution's name is no place ("Інститут" is a village in Azerbaijan)
        ("Ракети влучили по Інституту зв'язку в Полтаві. Загинули 49 людей.", "Полтава"),
    ],
)  # fmt: skip
def test_the_struck_place_among_capitalised_words(text, place, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == place
    if place == "Печерський район":
        assert record["place"]["admin1"] == "Kyiv City"


def test_another_town_s_hit_added_to_the_story_gives_it_no_figure(gazetteer):
    text = (
        "Ракета влучила у багатоповерхівку в Умані, загинули 14 людей, повідомили у МВС. Також "
        "є влучання у Дніпрі – тут загинули жінка та дворічна дитина."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Умань"
    assert [c.get("killed") for c in record["casualties"]] == [14]


def test_the_only_official_a_report_names_speaks_for_its_unattributed_figures(gazetteer):
    text = (
        "Росія вдарила ракетами по Тернополю.\n\nРоботи тривали чотири доби, повідомили в "
        "ДСНС України.\n\nЗагинуло 33 людини, з них 6 дітей."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert {parties[c["source"]] for c in record["casualties"]} == {"ukraine_government"}


def test_the_war_s_totals_are_no_figure_of_the_strike(gazetteer):
    text = (
        "Унаслідок обстрілу села поранені двоє дорослих, повідомив голова ОВА.\n\nЗ початку "
        "війни в області загинуло чотири дитини. Ще 44 були поранені."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [c.get("injured") for c in record["casualties"]] == [2]


def test_an_attribution_paragraph_between_lead_and_details_covers_the_details(gazetteer):
    text = (
        "Окупанти вдарили КАБами по Харкову.\n\nПро це повідомив у Telegram голова Харківської "
        "ОВА Олег Синєгубов.\n\nВнаслідок атаки загинули двоє людей, ще 13 — поранені.\n\n"
        "На місцях влучань сталися пожежі, уточнив мер Харкова Ігор Терехов."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    sources = {s["id"]: s["name"] for s in record["sources"]}
    assert {sources[c["source"]] for c in record["casualties"]} == {"Олег Синєгубов"}


def test_an_earlier_report_recalled_is_the_report_s_and_a_reminder_is_no_figure(gazetteer):
    text = (
        "Гладков заявил, что число погибших в Белгороде увеличилось до 25.\n\nРанее сообщалось о "
        "24 жертвах обстрела.\n\nНапомним, утром обстрелу подвергся Шебекино, ранены трое."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    found = sorted(
        (parties[c["source"]], c.get("killed"), c.get("injured")) for c in record["casualties"]
    )
    assert found == [("other", 24, None), ("russia_government", 25, None)]


def test_a_statement_in_the_ministry_s_words_naming_no_one_is_the_ministry_s(gazetteer):
    text = (
        "ВС РФ нанесли удар по пункту дислокации в районе Краматорска. Все назначенные объекты "
        "поражены."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Краматорск"
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert {(c["about"], parties[c["source"]], c["status"]) for c in record["claims"]} == {
        ("target", "russia_government", "claimed"),
        ("result", "russia_government", "claimed"),
    }


def test_people_counted_among_a_category_are_a_figure_only_where_no_total_is_given(gazetteer):
    alone = (
        "Про це повідомив голова ОВА Сергій Лисак. Він уточнив, що від удару загинув 63-річний "
        "чоловік.\nСеред постраждалих — дві жінки 65 та 63 років."
    )
    record = extract_draft(alone, gazetteer=gazetteer, today=TODAY).record
    assert record["place"] == {"name": "unknown"}  # "Серед" opening a sentence is no village
    assert [(c["group"], c.get("killed"), c.get("injured")) for c in record["casualties"]] == [
        ("civilians", 1, None),
        ("civilians", None, 2),
    ]
    with_total = "Про це повідомив голова ОВА Сергій Лисак. Постраждали троє людей. Серед постраждалих — дві жінки."
    record = extract_draft(with_total, gazetteer=gazetteer, today=TODAY).record
    assert [c.get("injured") for c in record["casualties"]] == [3]


def test_a_strike_the_day_before_recalled_is_no_figure(gazetteer):
    text = (
        "Росіяни вдарили ракетою по Рівному, повідомив голова ОВА. Кількість жертв "
        "уточнюється.\n\nЯк повідомлялося, напередодні при ракетному ударі по Лозовій "
        "постраждали вісім людей, зокрема дитина."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record.get("casualties", []) == []


@pytest.mark.parametrize(
    "text",
    [
        # a period's count, and what it includes
        "Моніторингова місія ООН з 1 січня зафіксувала 120 випадків загибелі цивільних. Про це "
        "йдеться у повідомленні Місії.\n\n«Це включає ракетні атаки, які вбили 8 цивільних "
        "осіб», - зазначили у Місії.",
        # a national toll in thousands, and the same total quoted again
        "В Україні загинуло щонайменше 10 000 цивільних осіб, у тому числі понад 560 дітей.\n\n"
        "«10 000 загиблих цивільних осіб — це похмура віха», — заявила голова місії ООН.",
        "С начала полномасштабного вторжения погибли более 600 детей, заявили в ЮНИСЕФ.",
        "Координаторка ООН нагадала, що тільки в травні було вбито шестеро дітей.",
        # history
        "Під час Голодомору 1932-1933 років у селі померли щонайменше 20 мешканців.",
        "Унаслідок вторгнення РФ в Україну загинули 352 цивільні особи, з них 14 дітей.\n\nПро "
        "це повідомляє МВС.\n\nЗа даними МОЗ, також було поранено 1684 цивільні особи.",
    ],
)
def test_running_totals_in_ukrainian_and_russian_are_no_figure_of_a_strike(text, gazetteer):
    draft = extract_draft(text, gazetteer=gazetteer, today=TODAY)
    assert (draft.record or {}).get("casualties", []) == []


def test_a_headline_s_range_goes_when_the_body_states_a_count_inside_it(gazetteer):
    text = (
        "В Харькове в результате авиаудара пострадали более 20 человек\n\nПо последним данным, "
        "в результате авиаудара по центру Харькова пострадали 22 человека, сообщил мэр Игорь "
        "Терехов."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [c.get("injured") for c in record["casualties"]] == [22]


def test_two_people_named_by_different_words_in_a_paragraph_are_two_figures(gazetteer):
    text = (
        "Синєгубов повідомив, що внаслідок удару постраждала 12-річна дівчинка. Також "
        "госпіталізований хлопчик."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [(c["group"], c.get("injured")) for c in record["casualties"]] == [
        ("children", 1),
        ("children", 1),
    ]


def test_a_village_struck_by_its_dative_is_the_place_not_the_region_after_it(gazetteer):
    text = (
        "Російські військові вдарили по селу Малокатеринівка на Запоріжжі. Поранені п'ятеро людей."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Малокатеринівка"


def test_officials_where_ukraine_s_forces_struck_speak_for_russia(gazetteer):
    text = (
        "ДОНЕЦК, 8 апр - РИА Новости. Число пострадавших при обстреле Ясиноватой со стороны "
        "украинских войск выросло до 14 человек, заявил глава администрации города Дмитрий "
        "Шевченко.\nРанее глава администрации сообщил о том, что в Ясиноватой погиб один человек."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Ясиноватая"  # named again in passing, still the place
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert {(parties[c["source"]], c["status"]) for c in record["casualties"]} == {
        ("russia_government", "claimed")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Попередньо, без загиблих і постраждалих", – написав міський голова Ігор Терехов.',
         [("killed", 0), ("injured", 0)]),
        ("За даними міського голови, люди не постраждали.", [("injured", 0)]),
        # those in hospital after a total are part of it
        ("Голова ОВА повідомив, що 29 людей поранені. Шестеро нині госпіталізовані.",
         [("injured", 29)]),
    ],
)  # fmt: skip
def test_nobody_hurt_and_those_in_hospital(text, expected, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    found = [(k, c[k]) for c in record["casualties"] for k in ("killed", "injured") if k in c]
    assert found == expected
    assert record.get("place", {}).get("name") == "unknown"  # "Міський голова" is no place


def test_a_birth_year_is_no_history(gazetteer):
    text = "Внаслідок обстрілу Херсона загинув чоловік 1965 р.н., повідомили в поліції."
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [c.get("killed") for c in record["casualties"]] == [1]


def test_a_civilian_thing_unharmed_is_no_civilian_hurt(gazetteer):
    text = (
        "Россия нанесла ракетный удар по Киеву. Минобороны РФ утверждает, что гражданская "
        "инфраструктура города не пострадала."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record.get("casualties", []) == []


def test_a_scraped_page_s_run_together_sentences_are_read_apart():
    # a page whose sentences lost their spaces, and a Latin "i" typed in "повiдомляє"
    text = read_text(
        "Відомо про 12 загиблих, поранених більше 50.Глава ОВА повiдомляє про 12 загиблих. З них "
        "двоє - діти.У місті пожежі. Передають Донбас.Реалії, м.Київ, вул.Шевченка."
    )
    assert [s.text for s in sentences(text)] == [
        "Відомо про 12 загиблих, поранених більше 50.",
        "Глава ОВА повідомляє про 12 загиблих.",
        "З них двоє - діти.",
        "У місті пожежі.",
        "Передають Донбас.Реалії, м.Київ, вул.Шевченка.",
    ]


def test_a_part_with_its_own_speaker_is_that_speaker_s(gazetteer):
    text = (
        "Росія вдарила по Кривому Рогу 4 квітня. Голова ОВА Сергій Лисак повідомив, що загинули "
        "14 людей.\nЗа даними Вілкула, серед загиблих 5 дітей."
    )
    assert ("oleksandr-vilkul", "children", "killed", 5) in figures_by_source(
        text, gazetteer, TODAY
    )


def test_the_outlet_s_own_remarks_and_recalled_news_are_the_report_s(gazetteer):
    text = (
        "Росія вдарила по Кривому Рогу 4 квітня. Кількість постраждалих зросла до 75, повідомив "
        "Олександр Вілкул.\n\n"
        "Зазначимо, що в Україні оголосили день жалоби за 19 загиблими.\n\n"
        "Раніше повідомлялося, що загинули 18 людей. Крім того, поранення дістали щонайменше "
        "50 людей."
    )
    found = figures_by_source(text, gazetteer, TODAY)
    assert ("report", "unspecified", "killed", 19) in found
    assert ("report", "unspecified", "injured", {"min": 50}) in found


def test_those_in_hospital_or_gravely_hurt_are_no_figure_beside_a_total(gazetteer):
    text = (
        "Росія вдарила по Кривому Рогу 4 квітня. Кількість постраждалих зросла до 75 людей, "
        "повідомив Олександр Вілкул.\n\n"
        "37 людей залишаються у лікарнях. 19 поранених у важкому стані, зокрема 4 дитини."
    )
    assert figures_by_source(text, gazetteer, TODAY) == [
        ("oleksandr-vilkul", "unspecified", "injured", 75)
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Росія вдарила по Харкову 25 травня. "15 працівників "Епіцентру" не виходять на '
        "зв'язок\", — повідомив міський голова Харкова Ігор Терехов.",
        "Россия ударила по Харькову 25 мая. Мэр Игорь Терехов добавил, что 15 работников "
        "гипермаркета не выходят на связь.",
    ],
)
def test_people_no_one_can_reach_are_missing(text, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert [(parties[c["source"]], c.get("missing")) for c in record["casualties"]] == [
        ("local_authority", 15)
    ]


def test_the_universal_gliding_bomb_is_a_glide_bomb(gazetteer):
    text = "Росіяни вдарили по Харкову 25 травня. Попередньо, росіяни використовували УМПБ Д-30."
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert (record["weapon"]["system"], record["weapon"]["category"]) == ("UMPB D-30", "glide_bomb")


def test_a_list_s_items_are_sentences_of_their_own():
    text = "Хронологія:\n• 12:00 - ОВА: четверо загиблих;\n• 13:00 - 15 поранених;\n"
    assert [s.text for s in sentences(text)] == [
        "Хронологія:",
        "• 12:00 - ОВА: четверо загиблих;",
        "• 13:00 - 15 поранених;",
    ]


def test_a_gerund_counts_as_its_verb(gazetteer):
    text = (
        "15 листопада російська ракета влучила у житловий будинок у Селидовому, вбивши чотирьох "
        "цивільних осіб і поранивши п'ятьох."
    )
    found = [
        (group, category, value)
        for _, group, category, value in figures_by_source(text, gazetteer, TODAY)
    ]
    assert found == [("civilians", "killed", 4), ("unspecified", "injured", 5)]


def test_a_milestone_of_the_war_s_toll_is_no_figure_but_the_strike_s_is(gazetteer):
    text = (
        "З початку війни в Україні ООН зафіксувала щонайменше 10 тисяч випадків загибелі "
        "цивільних осіб.\nРубіж у 10 тисяч загиблих цивільних було подолано 15 листопада, коли "
        "російська ракета влучила у будинок у Селидовому, вбивши чотирьох цивільних осіб.\n"
        '"Десять тисяч загиблих цивільних осіб - це похмура віха", - зазначила голова Місії.'
    )
    found = [
        (group, category, value)
        for _, group, category, value in figures_by_source(text, gazetteer, TODAY)
    ]
    assert found == [("civilians", "killed", 4)]


@pytest.mark.parametrize(
    ("channel", "source"),
    [
        ("Олег Синєгубов", "oleg-siniegubov"),
        ("Сергій Лисак\n04.04.2025 19:15", "sergii-lisak"),
        ("ДСНС Харківщини", "state-emergency-service"),
        ("Головне управління ДСНС України у Харківській області", "state-emergency-service"),
    ],
)
def test_a_post_s_channel_name_on_its_first_line_is_its_speaker(channel, source, gazetteer):
    text = (
        f"{channel}\n\nВорог вдарив по Харкову. Загинули 3 людини, ще 12 поранені. У Міноборони "
        "РФ заявили, що вдарили по військовому об'єкту."
    )
    assert {s for s, _, _, _ in figures_by_source(text, gazetteer, TODAY)} == {source}


def test_a_headline_that_says_something_is_no_channel_name(gazetteer):
    text = (
        "Синєгубов: ворог вдарив по Харкову\n\nЗагинули 3 людини. У Міноборони РФ заявили, що "
        "вдарили по військовому об'єкту."
    )
    assert {s for s, _, _, _ in figures_by_source(text, gazetteer, TODAY)} == {"report"}


@pytest.mark.parametrize(
    ("closing", "source"),
    [("Олег Синєгубов", "oleg-siniegubov"), ("#Харківщина #ДСНС", "state-emergency-service")],
)
def test_a_post_closing_with_its_author_or_its_body_s_tags_is_theirs(closing, source, gazetteer):
    text = f"Ворог вдарив по Харкову. Загинули 3 людини, ще 12 поранені.\n\n{closing}"
    assert {s for s, _, _, _ in figures_by_source(text, gazetteer, TODAY)} == {source}


def test_a_body_s_name_is_no_place(gazetteer):
    text = (
        "🇺🇦Сергій Лисак / Дніпропетровська ОДА (ОВА)\n\n▪️Ввечері агресор двічі бив по "
        "Нікополю. Постраждала 63-річна жінка.\n\nПро це повідомили у Дніпропетровській ОВА."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Нікополь"


@pytest.mark.parametrize("label", ["ЕЩЕ ПО ТЕМЕ", "Читайте також:"])
def test_a_page_s_links_to_other_news_give_no_figure_and_name_no_source(label, gazetteer):
    text = (
        "Число жертв в результате вражеского удара по Дому культуры в одном из населенных "
        "пунктов Черниговской области выросло до двух, сообщает глава ОВА Вячеслав Чаус.\n"
        f"{label}\nТрое погибших в результате вражеской атаки Запорожской области\n"
        "ОВА: Один человек погиб, семеро пострадали из-за ударов РФ по Днепропетровской области"
    )
    assert figures_by_source(text, gazetteer, TODAY) == [
        ("viacheslav-chaus", "unspecified", "killed", 2)
    ]


def test_those_taken_to_hospital_beside_a_total_and_a_total_taken_to_hospital(gazetteer):
    beside = (
        "Через обстріл Ізюма чотири людини загинули, ще понад 20 зазнали поранень, повідомив "
        "Олег Синєгубов. За попередніми даними, п'ятьох поранених госпіталізували."
    )
    assert [(c, v) for _, _, c, v in figures_by_source(beside, gazetteer, TODAY)] == [
        ("killed", 4),
        ("injured", {"min": 21}),
    ]
    total = (
        "По уточненной информации, в результате ракетного удара по Одессе трое пострадавших, "
        "они госпитализированы, сообщил Олег Кипер."
    )
    assert [(c, v) for _, _, c, v in figures_by_source(total, gazetteer, TODAY)] == [("injured", 3)]


def test_the_head_of_a_body_unnamed_is_its_head_named_before(gazetteer):
    text = (
        "Ракетою по центру Ізюму вдарили росіяни! Чотири людини загинули.\n"
        '"Росіяни влучили в адмінбудівлю", - повідомив очільник ОВА Олег Синєгубов.\n'
        '"Ще троє людей - в операційній", - йдеться в повідомленні очільника ОВА.'
    )
    assert {s for s, *_ in figures_by_source(text, gazetteer, TODAY)} == {"oleg-siniegubov"}


def test_a_quotation_a_speaker_opens_runs_to_its_close_over_paragraphs(gazetteer):
    text = (
        "Завершено рятувальні роботи у селі Гроза. Про удар повідомили і в ДСНС.\n\nПро це "
        "голова Харківської ОВА Олег "
        'Синєгубов повідомив у телеграм-каналі:\n\n"Станом на зараз відомо про 51 загиблу '
        "людину.\n\nЗазнали поранення 7 людей. Усі вони були госпіталізовані.\n\nТри дні будуть "
        'оголошені днями жалоби".\n\nПриєднуйтесь до нас у Facebook! Поранено 3 людей у Львові.'
    )
    found = figures_by_source(text, gazetteer, TODAY)
    assert found[:2] == [
        ("oleg-siniegubov", "unspecified", "killed", 51),
        ("oleg-siniegubov", "unspecified", "injured", 7),
    ]
    assert found[2][0] == "report"


def test_a_headline_summing_up_the_body_gives_none_of_its_counts(gazetteer):
    text = (
        "Завершено рятувальні роботи у с.Гроза: внаслідок ракетного удару 51 людина загинула, "
        "6 поранені, - голова ОВА\n\nПро це голова Харківської ОВА Олег Синєгубов повідомив:\n\n"
        '"Станом на зараз відомо про 51 загиблу людину. Зазнали поранення 7 людей."'
    )
    assert [(c, v) for _, _, c, v in figures_by_source(text, gazetteer, TODAY)] == [
        ("killed", 51),
        ("injured", 7),
    ]


def test_a_village_after_its_abbreviation_is_the_place(gazetteer):
    text = (
        "Росіяни вдарили по с. Гроза Харківської області: загинула 51 людина.\n\n"
        "Завершено рятувальні роботи у с.Гроза."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert (record["place"]["name"], record["place"]["admin1"]) == ("Гроза", "Kharkiv Oblast")


def test_links_to_other_news_date_and_arm_no_strike(gazetteer):
    text = (
        "Внаслідок ракетного удару по Ізюму загинули четверо людей, повідомив Олег Синєгубов.\n\n"
        "ЧИТАЙТЕ ТАКОЖ\n\nПротягом вчорашнього дня росіяни атакували Харків дронами-камікадзе"
    )
    record = extract_draft(
        text, date_hint=dt.date(2025, 2, 4), gazetteer=gazetteer, today=TODAY
    ).record
    assert record["date"] == dt.date(2025, 2, 4)
    assert record.get("weapon", {}).get("category") != "drone"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ракета влучила в Харків. Російське Міноборони назвало ціллю удару військовий аеродром.",
         ["аеродром"]),
        ("Ракета попала в Харьков. Поражены объекты энергетики, обеспечивающие работу предприятий "
         "ВПК Украины, сообщили в Минобороны РФ.", ["объекты энергетики", "ВПК"]),
        ("Ракета попала в Харьков. Минобороны РФ заявило, что уничтожены склады, используемые ВСУ "
         "для хранения боеприпасов.", ["склады", "боеприпасов"]),
        ("Ракета попала в Харьков. Минобороны РФ заявило, что удары были направлены на объекты "
         "военно-промышленного комплекса.", ["объекты военно-промышленного комплекса"]),
        # the list goes on after "а также"
        ("Ракета попала в Харьков. Как уточнили в Минобороны РФ, поражены объекты энергетики, "
         "используемые в интересах ВСУ, а также предприятия военно-промышленного комплекса.",
         ["объекты энергетики", "предприятия военно-промышленного комплекса"]),
    ],
)  # fmt: skip
def test_a_target_claim_holds_what_the_ministry_says_it_is(text, words, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    (target,) = [c["text"] for c in record["claims"] if c["about"] == "target"]
    assert all(word in target for word in words)


def test_one_who_could_not_be_saved_is_dead_and_counted_once(gazetteer):
    saved = (
        "Ракета влучила в будинок у Вінниці. Медики боролися за життя 15-річного хлопця, але "
        "врятувати його не вдалося."
    )
    assert [(g, c, v) for _, g, c, v in figures_by_source(saved, gazetteer, TODAY)] == [
        ("children", "killed", 1)
    ]
    twice = (
        "Ракета влучила в будинок у Слов'янську. З-під завалів дістали живу дитину, але врятувати "
        "її не вдалося — малюк помер у машині «швидкої»."
    )
    assert [(g, c, v) for _, g, c, v in figures_by_source(twice, gazetteer, TODAY)] == [
        ("children", "killed", 1)
    ]


@pytest.mark.parametrize(
    ("weapon", "category"),
    [("ФАБ-500 з УМПК", "glide_bomb"), ("дронами-камікадзе", "loitering_munition"),
     ("ракетою КН-23", "ballistic_missile")],
)  # fmt: skip
def test_weapons_as_ukrainian_copy_names_them(weapon, category, gazetteer):
    text = f"Росіяни атакували Харків {weapon}, загинули 3 людини."
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["weapon"]["category"] == category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Росія вдарила по Одесі. Погиб человек, еще один - в тяжелом состоянии, сообщил Кипер.",
         [("unspecified", "killed", 1), ("unspecified", "injured", 1)]),
        ("Росія вдарила по Одесі. Два человека, охранник и водитель грузовика, погибли, сообщил "
         "Кипер. Также еще один человек, вахтенный матрос, получил ранение.",
         [("civilians", "killed", 2), ("civilians", "injured", 1)]),
        ("Росія вдарила по Одесі. Загинули 5 людей. Рятувальники знайшли тіло ще одного "
         "загиблого.", [("unspecified", "killed", 5)]),
        ("Росія вдарила по Одесі. Відомо про одну постраждалу 43-річну жінку.",
         [("civilians", "injured", 1)]),
        ("Росія вдарила по Одесі. Внаслідок атаки двоє одеситів загинули.",
         [("civilians", "killed", 2)]),
    ],
)  # fmt: skip
def test_people_one_more_and_described_as_local_copy_counts_them(text, expected, gazetteer):
    assert [(g, c, v) for _, g, c, v in figures_by_source(text, gazetteer, TODAY)] == expected


def test_an_acting_head_s_sign_off_at_the_end_gives_the_figures_before(gazetteer):
    # "т.в.о." is no sentence's end; investigators documenting a crime say nothing of the toll
    text = (
        "Станом на 12:00 відомо про 4 загиблих та 13 постраждалих людей.\nСлідчі поліції та "
        "СБУ документують воєнний злочин.\nПро це повідомив т.в.о. начальника ОВА Володимир "
        "Когут."
    )
    assert {source for source, *_ in figures_by_source(text, gazetteer, TODAY)} == {
        "volodimir-kogut"
    }


def test_a_page_s_closing_links_to_other_news_give_no_figure_or_place(gazetteer):
    text = (
        "Синєгубов повідомив, що окупанти вдарили по Харкову. Під завалами – троє людей.\n"
        "Читайте ще: У Рівному поховали військового.\n"
        "- Мирноград знову опинився під ворожим обстрілом: загинула людина\n"
        "- Окупант вдарив по Краматорську: загинула людина"
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Харків"
    assert [(c.get("missing"), c.get("killed")) for c in record["casualties"]] == [(3, None)]


def test_a_toll_word_before_its_number_and_what_did_it_after(gazetteer):
    text = 'Удар по Миколаєву. "Жертв 32 від ракети по ОДА", - написав Кім.'
    assert [(c, v) for _s, _g, c, v in figures_by_source(text, gazetteer, TODAY)] == [
        ("killed", 32)
    ]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("РФ вдарила по Харкову. “З-під завалів рятувальники деблокували жінку, вона отримала "
         "легкі ушкодження”, – написав Синєгубов.", "injured"),
        ("Росія вдарила по Харкову. Чоловіка витягли з-під завалів, він загинув, повідомив "
         "Синєгубов.", "killed"),
    ],
)  # fmt: skip
def test_one_person_and_what_the_clause_after_says_befell_them(text, category, gazetteer):
    assert [(c, v) for _s, _g, c, v in figures_by_source(text, gazetteer, TODAY)] == [(category, 1)]


def test_a_roundup_s_other_towns_give_no_place_or_figure(gazetteer):
    text = (
        "Россия нанесла удар по больнице «Охматдет» в Киеве. Там погибли двое взрослых, "
        "пострадали 16 человек.\n\nКроме того, российские военные обстреляли Днепр и Кривой Рог. "
        "Несколько попаданий зафиксировано в Кривом Роге, там погибли 10 человек. Еще 12 - "
        "ранены в Днепре."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Киев"
    assert sorted(c.get("killed") or c.get("injured") for c in record["casualties"]) == [2, 16]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title over its text on the line above, "ранее спасённый" (no earlier news)
        ("Умер первый ребёнок, ранее спасённый из больницы «Охматдет» в Киеве\nМальчик "
         "находился в реанимации.\nСпасти его не удалось.", [("children", "killed", 1)]),
        # the hospital's staff are no patients in it; a toll grown under a city's name
        ("Ракета попала в Киев. В результате прилета погибли два работника больницы.",
         [("civilians", "killed", 2)]),
        ("Количество погибших в результате обстрелов Киева увеличилось до 27 человек.",
         [("unspecified", "killed", 27)]),
        # "Украине" is no place
        ("Массированный удар по Украине: в Киеве погибли по меньшей мере 28 человек.",
         [("unspecified", "killed", {"min": 28})]),
    ],
)  # fmt: skip
def test_places_and_figures_of_russian_copy(text, expected, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    found = [(g, c, v) for _s, g, c, v in figures_by_source(text, gazetteer, TODAY)]
    assert (record["place"]["admin1"], found) == ("Kyiv City", expected)


def test_the_head_of_a_city_unnamed_is_the_head_named_before(gazetteer):
    text = (
        "Число пострадавших при обстреле Ясиноватой выросло до 14 человек, заявил глава "
        "администрации города Дмитрий Шевченко. «Всего за день получили ранения 14 человек», - "
        "говорится в сообщении главы города."
    )
    assert {s for s, *_ in figures_by_source(text, gazetteer, TODAY)} == {"dmitrii-shevchenko"}


def test_a_bulleted_item_of_another_day_gives_no_figure(gazetteer):
    text = (
        "Російська армія в ніч на 23 вересня атакувала Запоріжжя, поранені двоє людей, повідомив "
        "Іван Федоров.\n- 22 вересня на світанку російські війська атакували Запоріжжя. Відомо про "
        "трьох загиблих та двох поранених людей."
    )
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(c, v) for _s, _g, c, v in found] == [("injured", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Україна винесе на передній план жахливе вбивство Росією щонайменше 21 людини, включаючи "
        "2 дітей, у Тернополі, - зазначив міністр закордонних справ Андрій Сибіга.",
        "Украина вынесет на первый план ужасное убийство Россией по меньшей мере 21 человека, "
        "включая 2 детей, в Тернополе, сообщил глава МИД Андрей Сибига.",
    ],
)
def test_the_murder_of_people_is_their_death_and_russia_no_place(text, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    found = [(g, c, v) for _s, g, c, v in figures_by_source(text, gazetteer, TODAY)]
    assert found == [("unspecified", "killed", {"min": 21}), ("children", "killed", 2)]
    assert record["place"]["admin1"] == "Ternopil Oblast"


def test_a_links_list_ends_where_the_story_goes_on(gazetteer):
    text = (
        "Генсек ООН отреагировал на удар РФ по Тернополю.\n\nЧитайте также:\n\nГуттеріш\n\n"
        'Заявление Гутерриша\n\n"Я решительно осуждаю ночные атаки России на несколько '
        'украинских регионов, в результате которых погибло по меньшей мере 25 человек", — '
        "написал Гутерриш."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    [figure] = record["casualties"]
    assert (figure["killed"], parties[figure["source"]]) == ({"min": 25}, "international_org")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts by district share the verb; "Києві" is Kyiv, not the name "Кий"
        ("У Києві служби підтверджують 6 загиблих. З них 4 в Святошинському районі, 2 – в "
         "Соломʼянському, повідомив Тимур Ткаченко.",
         [("unspecified", "killed", 6), ("unspecified", "killed", 4),
          ("unspecified", "killed", 2)]),
        ("У Києві, уточнили в прокуратурі, 12 осіб загинули у Святошинському районі та троє – у "
         "Соломʼянському.", [("unspecified", "killed", 12), ("unspecified", "killed", 3)]),
        # a toll grown past a date set off by commas; one person named twice
        ("Кількість загиблих внаслідок атаки на Київ у ніч проти четверга, 31 липня, зросла до 16 "
         "людей, повідомили в ДСНС. Серед загиблих дитина, хлопчик шести років.",
         [("unspecified", "killed", 16), ("children", "killed", 1)]),
    ],
)  # fmt: skip
def test_kyiv_counts_by_district_and_grown_tolls(text, expected, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    found = [(g, c, v) for _s, g, c, v in figures_by_source(text, gazetteer, TODAY)]
    assert (record["place"]["admin1"], found) == ("Kyiv City", expected)


def test_a_breakdown_of_a_count_by_village_is_no_count_of_its_own(gazetteer):
    text = "За даними ОВА, загинули п'ятеро цивільних — троє в Новоосиновому і двоє в Ківшарівці."
    found = [(g, c, v) for _s, g, c, v in figures_by_source(text, gazetteer, TODAY)]
    assert found == [("civilians", "killed", 5)]


def test_a_toll_is_given_by_who_gives_its_parts_next(gazetteer):
    text = (
        "Кількість загиблих внаслідок атаки на Київ зросла до 16 людей. Серед жертв 14 дорослих і "
        "двоє дітей, повідомили в Державній службі з надзвичайних ситуацій (ДСНС)."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    sixteen = next(c for c in record["casualties"] if c.get("killed") == 16)
    assert parties[sixteen["source"]] == "ukraine_government"


@pytest.mark.parametrize(
    ("sentence", "about"),
    [
        ("Уточняется, что две ракеты «Искандер-М» были выпущены по месту проведения совещания "
         "командного состава, сообщили в Минобороны России.", "target"),
        ("В Минобороны России подчеркнули, что киевский режим продолжает использовать свое "
         "население в качестве живого щита.", "other"),
        ("Пресс-служба Минобороны России отметила, что украинские власти проводят мероприятия, "
         "используя при этом мирное население как щит.", "other"),
    ],
)  # fmt: skip
def test_russia_s_claims_as_its_press_service_words_them(sentence, about, gazetteer):
    text = f"13 апреля российские военные нанесли удар по Сумам. {sentence}"
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert any(
        c["about"] == about and c["status"] == "claimed" and c["text"] in sentence
        for c in record["claims"]
    )


def test_the_ministry_s_troops_destroyed_after_things_and_its_goals_achieved(gazetteer):
    text = (
        "В ночь на 17 июня Вооруженные силы Российской Федерации нанесли групповой удар по "
        "предприятиям военно-промышленного комплекса в городе Киев. Цели удара достигнуты. В "
        "результате удара уничтожены склады боеприпасов и до 40 военнослужащих ВСУ."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [(c["group"], c["killed"], c["status"]) for c in record["casualties"]] == [
        ("military", {"max": 40}, "claimed")
    ]
    assert any(c["about"] == "result" and "Цели удара" in c["text"] for c in record["claims"])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Ввечері 7 жовтня окупанти атакували Одесу балістичними ракетами. Ще п'ятеро іноземних "
            "громадян постраждали, повідомив Кіпер.",
            "uk",
        ),
        (
            "Вечером в понедельник Одессу атаковали баллистической кассетной ракетой, ранены пять "
            "иностранцев, сообщил Кипер.",
            "ru",
        ),
    ],
)
def test_foreign_citizens_are_civilians_and_a_cluster_ballistic_missile(text, language, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    found = [(g, c, v) for _s, g, c, v in figures_by_source(text, gazetteer, TODAY)]
    assert found == [("civilians", "injured", 5)]
    assert record["weapon"]["category"] == "ballistic_missile"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # victims as "потерпілі"; lives saved are no dead; how badly some are hurt after a dash
        ("Ракета влучила у Дніпро. \"Загалом - понад 340 потерпілих, серед яких 38 дітей\", - "
         "написав Клименко.",
         [("unspecified", "injured", {"min": 341}), ("children", "injured", 38)]),
        ("Ракета влучила у Дніпро. \"Постраждалих близько 70. П'ять поранених – \"важкі\". Це "
         "врятувало десятки життів\", - написав Лисак.", [("unspecified", "injured", 70)]),
        # a count before its hospital is no hospital count
        ("Ракета влучила у Дніпро. Поранення дістали 304 людини, у лікарнях перебувають 112 осіб, "
         "повідомив Лисак.",
         [("unspecified", "injured", 304), ("unspecified", "injured", 112)]),
        # whose fate is unknown, however long the words describing them; as many as before
        ("Ракета влучила у Дніпро. Доля ще понад 40 осіб після ракетного обстрілу житлового "
         "будинку невідома, повідомив Резніченко.", [("unspecified", "missing", {"min": 41})]),
        ("Ракета влучила у Дніпро. Російська ракета забрала 46 життів. 11-ро людей ще не впізнані, "
         "стільки ж лишаються зниклими безвісти.",
         [("unspecified", "killed", 46), ("unspecified", "missing", 11)]),
        # lives taken; a hedge before what is known of
        ("Ракета влучила у Дніпро. На жаль, ворог забрав життя п'ятьох людей.",
         [("unspecified", "killed", 5)]),
        ("Ракета влучила у Дніпро. Відомо щонайменше про п'ятьох загиблих.",
         [("unspecified", "killed", {"min": 5})]),
        # what is to be avoided is no count of nobody hurt
        ("Ракета влучила у Дніпро. «Робимо так, щоб живі люди не постраждали», — сказав Лисенко.",
         []),
    ],
)  # fmt: skip
def test_dnipro_tolls_as_officials_write_them_and_outlets_retell_them(text, expected, gazetteer):
    found = [(g, c, v) for _s, g, c, v in figures_by_source(text, gazetteer, TODAY)]
    assert found == expected


def test_the_numbers_an_official_confirms_and_an_earlier_toll_recalled(gazetteer):
    text = (
        "У місті Дніпро через ракетну атаку загинуло вже сім людей. Офіційний представник ОВА "
        "Сергій Лисак підтвердив ці числа.\n\nРаніше було відомо про 18 загиблих."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    found = [(parties[c["source"]], c["killed"]) for c in record["casualties"]]
    assert found == [("local_authority", 7), ("other", 18)]


def test_a_quotation_of_five_sentences_is_its_speaker_s(gazetteer):
    text = (
        'Ракета влучила у Дніпро.\n\n"У Дніпрі число жертв російської атаки зросло до семи. '
        'Постраждалих близько 70. Серед них десятеро дітей. П\'ять поранених – "важкі". Лікарі '
        'роблять все можливе", - написав Лисак у телеграмі.'
    )
    assert {s for s, *_ in figures_by_source(text, gazetteer, TODAY)} == {"sergii-lisak"}


def test_what_a_report_knew_earlier_and_a_strike_dated_on_its_anniversary(gazetteer):
    text = (
        "Ракета влучила у багатоповерхівку в Дніпрі, повідомив голова ОВА Валентин Резніченко. "
        "Постраждали 27 людей.\n\nРятувальники розбирали завали, на той час було відомо "
        "щонайменше про п'ятьох загиблих."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    found = [
        (parties[c["source"]], c.get("killed"), c.get("injured")) for c in record["casualties"]
    ]
    assert found == [("local_authority", None, 27), ("other", {"min": 5}, None)]
    remembered = extract_draft(
        "У Дніпрі 14 січня 2026 року вшановують пам'ять жертв. Вдень 14 січня у 2023 році "
        "російська ракета влучила у житлову багатоповерхівку, загинули 46 людей.",
        gazetteer=gazetteer,
        today=TODAY,
    ).record
    assert remembered["date"] == dt.date(2023, 1, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Emergency Service by the words of its name; a body signed after a dash
        ("Ракети влучили у Часів Яр. Кількість загиблих зросла до 34-х, повідомляє Держслужба з "
         "надзвичайних ситуацій України.", [("state-emergency-service", "killed", 34)]),
        ("Ракеты попали в дом в Часовом Яре. Обновлено 13:22. Число жертв увеличилось до 15 - "
         "ГСЧС.", [("state-emergency-service", "killed", 15)]),
        # the dead found under the rubble, the toll's words far back past an abbreviation
        ("Ракети влучили у Часів Яр. Кількість знайдених загиблими під завалами житлового "
         "будинку, зруйнованого ракетним ударом російських військ у м. Часів Яр Донецької області "
         "у суботу, сягнула вже 30 осіб, повідомили в ДСНС.",
         [("state-emergency-service", "killed", 30)]),
        # those who remained under the rubble
        ("Ракети влучили у Часів Яр, повідомили в ДСНС. Також повідомлялося про 23 людей, зокрема "
         "дитину, які на той момент залишалися під завалами.",
         [("state-emergency-service", "missing", 23)]),
        # a paragraph opening on another day's strike on another city
        ("Увечері 9 липня окупанти вдарили по будинку у Часовому Яру, загинули 35 людей, "
         "повідомили в ДСНС.\n\nУчора, 11 липня, росія завдала ракетних ударів по Харкову. В "
         "результаті загинули шестеро людей, 31 було поранено.",
         [("state-emergency-service", "killed", 35)]),
    ],
)  # fmt: skip
def test_chasiv_yar_tolls_as_outlets_give_them(text, expected, gazetteer):
    found = [(s, c, v) for s, _g, c, v in figures_by_source(text, gazetteer, TODAY)]
    assert found == expected


def test_a_headline_signed_after_a_dash_has_no_speaker_of_its_own(gazetteer):
    text = (
        "Кількість загиблих у Дніпрі зросла до 7 – ОВА\n\nКількість загиблих у Дніпрі зросла до "
        "семи, повідомив очільник обласної військової адміністрації Сергій Лисак."
    )
    found = [(c, v) for _s, _g, c, v in figures_by_source(text, gazetteer, TODAY)]
    assert found == [("killed", 7)]


def test_the_kremlin_s_spokesman_is_no_village_and_the_ministry_named_again(gazetteer):
    peskov = extract_draft(
        "Песков: Украина уже сообщала о том, что обрушение дома в Днепре стало следствием "
        "попадания ракеты ПВО\nОфициальный представитель Кремля Дмитрий Песков назвал падение "
        "ракеты в Днепропетровске результатом работы ПВО Украины.",
        gazetteer=gazetteer,
        today=TODAY,
    ).record
    assert peskov["place"]["name"] != "Пески"
    ministry = extract_draft(
        "В субботу, 14 января, российские войска нанесли ракетный удар по системе военного "
        "управления Украины. Об этом сообщили в Минобороны России.\n\n«Все назначенные объекты "
        "поражены. Цель удара достигнута», — заявили в министерстве.\n\nПо словам министра "
        "энергетики, объекты повреждены в Харьковской, Ивано-Франковской и Львовской областях.",
        gazetteer=gazetteer,
        today=TODAY,
    ).record
    parties = {s["id"]: s["party"] for s in ministry["sources"]}
    results = [c for c in ministry["claims"] if c["about"] == "result"]
    assert results
    assert {parties[c["source"]] for c in results} == {"russia_government"}
    # regions listed as damaged, "Цель" opening a sentence: no one place struck
    assert ministry["place"] == {"name": "unknown"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a minister's post of seven sentences, closed by "– розповів він о 7 годині ранку"
        ("В Одесі зруйновано будинок. Подробиці розповів міністр внутрішніх справ Ігор Клименко."
         "\n\n\"Одеса. Внаслідок атаки зруйновано 9-поверхівку. Щонайменше двоє людей загинули. "
         "Ще 7 людей постраждали. Серед них є дитина. Рятувальна операція триває. На зараз є "
         "дані, що на зв'язок не виходять 7 мешканців багатоповерхівки\", – розповів він о 7 "
         "годині ранку.",
         [("killed", {"min": 2}), ("injured", 7), ("injured", 1), ("missing", 7)]),
        # the nth body found; the Southern command by name
        ("Дрон влучив в Одесу, повідомили в ДСНС. Рятувальники вивільнили з-під завалів п’яте "
         "тіло загиблої особи.", [("killed", 5)]),
        ("Як сообщили в Силах обороны юга Украины, дрон ударил по многоэтажке в Одессе. По "
         "состоянию на 07:00 найдены тела двух погибших.", [("killed", 2)]),
    ],
)  # fmt: skip
def test_odesa_tolls_as_officials_and_outlets_give_them(text, expected, gazetteer):
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(c, v) for _s, _g, c, v in found] == expected
    assert {s for s, *_ in found} <= {
        "igor-klimenko",
        "state-emergency-service",
        "ukraine-armed-forces",
    }


def test_a_drone_s_adjective_and_a_city_struck_by_a_blow_after_it(gazetteer):
    record = extract_draft(
        "Росія завдала по Одесі удару вночі проти 2 березня.\n\nРосія завдала удару також по "
        "Харківщині. Внаслідок удару по житловій інфраструктурі Шевченківського району міста "
        "Харкова сталася пожежа.\n\nКількість жертв нічного дронового удару зросла до п'яти.",
        gazetteer=gazetteer,
        today=TODAY,
    ).record
    assert record["place"]["name"] == "Одеса"
    assert record["weapon"]["category"] == "drone"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # "Уночі" in a morning's report: the night ran into the report's day
        ("Уночі російські війська завдали ракетного удару по Одесі, постраждалих немає.",
         dt.date(2024, 5, 20)),
        # the date after it dates it; an evening and night begin the day before
        ("Вночі проти 2 березня дрон влучив у будинок в Одесі, загинули двоє.",
         dt.date(2024, 3, 2)),
        ("Ночью 18 мая ракета попала в дом в Одессе, погибли двое.", dt.date(2024, 5, 18)),
    ],
)  # fmt: skip
def test_a_night_dates_the_strike_by_its_morning(text, day, gazetteer):
    record = extract_draft(
        text, date_hint=dt.date(2024, 5, 20), gazetteer=gazetteer, today=TODAY
    ).record
    assert record["date"] == day


def test_the_operational_command_south_and_citizens_counted(gazetteer):
    text = (
        "Согласно информации оперативного командования Юг, две ракеты поразили два жилых дома в "
        "Одессе. Погибли пятеро граждан."
    )
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(s, g, c, v) for s, g, c, v in found] == [
        ("ukraine-armed-forces", "civilians", "killed", 5),
    ]
