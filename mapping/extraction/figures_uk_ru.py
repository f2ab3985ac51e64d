"""Casualty and damage figures in Ukrainian and Russian sentences.

Words are read by their dictionary forms (`mapping.morphology`), so one rule covers every case
form: "п'ятьох загиблих", "загинули щонайменше 16 людей", "поранені 21 людина", "кількість
загиблих зросла до 11", "уничтожено более 600 военнослужащих". A number takes the casualty word
after it ("15 поранених", "24 дістали поранень") or, failing that, the one before it in its
clause ("Постраждалих - 25"); parts of a figure follow "серед них", "з них", "зокрема",
"серед загиблих" ("серед них двоє дітей", "Серед загиблих - дворічна дитина")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mapping.counts import qualified_range
from mapping.extraction.figures import DamageFigure, Figure
from mapping.extraction.numbers import Count
from mapping.extraction.text import Sentence, Spans
from mapping.morphology import Word, words

KILLED = {
    "загиблий", "загинути", "загибель", "вбитий", "вбити", "убитий", "убити", "померти",
    "померлий", "загибла", "втратити", "жертва", "знищити", "знищений", "ліквідувати",
    "погибнуть", "погибший", "гибель", "убитый", "убить", "умереть", "умерший",
    "уничтожить", "уничтоженный", "ликвидировать", "погибать", "гинуть",
    "уничтожение", "знищення", "ліквідація", "ликвидация",
    # "жахливе вбивство Росією щонайменше 21 людини"
    "вбивство", "убийство",
}  # fmt: skip
INJURED = {
    "поранений", "поранити", "поранення", "травмований", "травмувати", "постраждалий",
    "постраждати", "госпіталізований", "госпіталізувати", "шпиталізувати", "шпиталізований",
    "раненый", "ранить", "ранение", "пострадавший", "пострадать", "травмированный",
    "травмировать", "госпитализировать", "госпитализированный", "ранена", "поранена",
    "ушпиталити", "ушпиталений", "потерпілий", "потерпевший",
}  # fmt: skip
MISSING = {
    "зниклий", "зникнути", "безвісти", "пропавший", "пропасть", "безвести",
    # "доля ще трьох людей невідома", "судьба трех человек неизвестна"
    "невідомий", "неизвестный",
}  # fmt: skip
_IN_HOSPITAL = {
    "госпіталізований", "госпіталізувати", "шпиталізувати", "шпиталізований", "ушпиталити",
    "ушпиталений", "госпитализировать", "госпитализированный",
}  # fmt: skip
# "37 людей залишаються у лікарнях", "19 поранених у важкому стані": where they are (in a
# `_HOSPITAL`, below), how badly hurt; a part of a total
_GRAVE = {
    "важкий", "тяжкий", "критичний", "тяжелый", "тяжёлый", "критический", "вкрай", "крайне",
}  # fmt: skip
_CONDITION = {"стан", "состояние"}


def _in_hospital_or_grave(words: list[Word]) -> bool:
    """Whether the words after a count place its people in hospital or in a grave state."""
    for k, word in enumerate(words):
        # (a comma ends the count's clause: "304 людини, у лікарнях перебувають 112 осіб")
        if word.text in (".", ";", ",") or _is(word, {"та", "і", "и", "а"}):
            return False
        if _is(word, _HOSPITAL) and (k == 0 or words[k - 1].lower in _INTO):
            return True  # "у лікарні", "в больнице" (not "два работника больницы": whose staff)
        # "п'ятьох поранених госпіталізували" (not "трое пострадавших, они госпитализированы":
        # the total, then where they are)
        if _is(word, _IN_HOSPITAL) and all(w.text != "," for w in words[:k]):
            return True
        if _is(word, _GRAVE) and any(_is(w, _CONDITION) for w in words[k + 1 : k + 3]):
            return True
        # "П'ять поранених – «важкі»": how badly, set off by a dash
        if (
            _is(word, _GRAVE)
            and "plur" in word.tags
            and any(w.text in ("-", "–", "—") for w in words[:k])
        ):
            return True
    return False


_RUBBLE = {"завал", "уламок", "завалы", "обломок", "руїна", "руины"}
_HOSPITAL = {"лікарня", "медзаклад", "госпіталь", "реанімація", "больница", "госпиталь"}
# the prepositions that put people in or take them to a hospital ("до лікарні", "в больнице";
# the dictionary reads "до" as a noun too)
_INTO = {"у", "в", "до", "на", "во", "к", "із", "з", "из"}
# Killing words that also destroy things: a casualty only with people after them.
_DESTROY = {
    "знищити", "знищений", "ліквідувати", "уничтожить", "уничтоженный", "ликвидировать",
    "уничтожение", "знищення", "ліквідація", "ликвидация",
}  # fmt: skip

GROUPS = {
    "children": {
        "дитина", "діти", "малюк", "немовля", "підліток", "дівчинка", "хлопчик", "школяр",
        "школярка", "ребёнок", "ребенок", "дети", "девочка", "мальчик", "подросток",
        "младенец", "малыш", "неповнолітній", "несовершеннолетний",
    },
    # ("18 раненых украинских граждан", "троє громадян": citizens are civilians)
    "civilians": {"цивільний", "мирний", "мирный", "гражданский", "цивільна", "гражданин",
                  "громадянин"},
    "military": {
        "військовий", "військовослужбовець", "солдат", "боєць", "найманець", "інструктор",
        "военнослужащий", "военный", "боевик", "наёмник", "наемник", "инструктор",
        "генерал", "офицер", "офіцер", "командир", "боец", "бойовик",
        # the ministry's word for Ukraine's soldiers: "до 100 националистов 14-й мехбригады"
        "националист",
    },
    "unspecified": {
        "людина", "особа", "дорослий", "поліцейський", "человек", "полицейский",
        "правоохоронець", "правоохранитель",
        "лицо", "взрослый", "люди", "колега", "коллега",
    },
}  # fmt: skip
# People counted by who they were or where they lived are civilians (as in English); among a
# figure's parts ("серед постраждалих - чотири жінки") they split no group off.
PERSONS = {
    "мешканець", "житель", "жителька", "мешканка", "жінка", "чоловік", "пасажир", "працівник",
    "работник", "сотрудник", "співробітник", "робітник", "рабочий",
    "жительница", "женщина", "мужчина", "пенсіонер", "пенсионер", "пассажир",
    # by what they were doing, as in English: "загинули двоє рятувальників"
    "рятувальник", "спасатель", "медик", "лікар", "врач", "журналіст", "журналист", "волонтер",
    "волонтёр", "пожежник", "пожарный",
    # young women and men, unless an age under 18 says a child ("15-річний хлопець")
    "дівчина", "девушка", "хлопець", "парень", "юнак", "юноша",
    "охоронець", "охранник", "сторож", "водій", "водитель", "матрос", "моряк",
    # the people of a city: "двоє одеситів загинули", "трое харьковчан" (not "киян": the
    # dictionary reads it first as a surname, one person)
    "одесит", "одессит", "харків'янин", "харьковчанин", "дніпрянин",
    "днепрянин", "львів'янин", "львовянин", "запоріжець", "запорожец", "херсонець", "херсонец",
    "сумчанин", "криворіжець", "криворожанин", "миколаївець", "николаевец", "черкащанин",
    "полтавець", "полтавчанин", "чернігівець", "черниговец",
    # "п'ятеро іноземних громадян", "ранены пять иностранцев"
    "громадянин", "гражданин", "іноземець", "иностранец",
}  # fmt: skip
_MIN = {"щонайменше", "щонайменш", "принаймні", "мінімум", "минимум"}
_MORE = {"понад", "більше", "більш", "более", "свыше", "больше"}
_ABOUT = {"близько", "приблизно", "орієнтовно", "около", "примерно", "порядка"}
_NEARLY = {"майже", "почти"}
_UP_TO = {"до"}
_TURNED_TO = {"звернутися", "звертатися", "обратиться", "обращаться"}
_HELP = {"допомога", "помощь", "лікар", "медик", "врач", "медичний", "медицинский"}
_EXCEED = {"перевищити", "перевищувати", "превысить", "превышать"}
_GROW = {
    "зрости", "збільшитися", "сягнути", "досягти", "вирости", "возрасти", "увеличиться", "вырасти",
    "достичь", "дійти", "дорівнювати", "зрасти",
}  # fmt: skip
_THEM = {"них", "їх", "них.", "которых", "яких"}
_AGE = {"рік", "год", "місяць", "месяц", "річний", "летний", "тиждень"}
_MONTHS = {
    "січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
    "вересень", "жовтень", "листопад", "грудень", "январь", "февраль", "март", "апрель",
    "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
    "вересня", "жовтня", "листопада", "грудня",
}  # fmt: skip
_NONE = {"немає", "нема", "нет", "відсутній", "отсутствовать"}
_SKIP_OVER = {"ще", "вже", "уже", "також", "теж", "тепер", "ещё", "еще", "также", "тоже", "є",
              "було", "були", "був", "була", "бути", "быть", "лише", "всього", "всего",
              "попередньо", "предварительно", "кількість", "число", "количество", "ми", "мы",
              "її", "їх", "его", "их", "цей", "этот", '"', "загалом", "кожен",
              "майже", "знову", "остаточно", "наразі", "сейчас", "зараз", "сьогодні"}  # fmt: skip
_CLAUSE_END = {".", ";", ":", "!", "?", "(", ")", "…"}
_ORDINALS = {
    "перший": 1, "другий": 2, "третій": 3, "четвертий": 4, "п'ятий": 5, "шостий": 6,
    "сьомий": 7, "восьмий": 8, "дев'ятий": 9, "десятий": 10, "первый": 1, "второй": 2,
    "третий": 3, "четвёртый": 4, "пятый": 5,
}  # fmt: skip
_PARENTHESIS_OPENERS = {"за", "по", "імовірно", "ймовірно", "вероятно", "на", "як", "как",
                        "мабуть", "попередньо", "предварительно", "зокрема"}  # fmt: skip


def _is(word: Word, vocabulary: set[str]) -> bool:
    return bool(word.lemmas & vocabulary)


def _asked_for_help(tokens: list[Word], j: int) -> bool:
    """'звернулися по медичну допомогу', 'обратились за помощью к врачам': the hurt."""
    return _is(tokens[j], _TURNED_TO) and any(_is(t, _HELP) for t in tokens[max(0, j - 4) : j + 5])


_OUT_OF_TOUCH = {"виходити", "выходить"}
_TOUCH = {"зв'язок", "связь"}


def _out_of_touch(tokens: list[Word], j: int) -> bool:
    """'не виходять на зв'язок', 'не выходят на связь' at j: people no one can reach."""
    return (
        tokens[j].lower == "не"
        and j + 3 < len(tokens)
        and _is(tokens[j + 1], _OUT_OF_TOUCH)
        and _is(tokens[j + 3], _TOUCH)
    )


def _category(word: Word) -> str | None:
    if _is(word, KILLED):
        return "killed"
    if _is(word, INJURED):
        return "injured"
    if _is(word, MISSING):
        return "missing"
    return None


def _group(word: Word) -> str | None:
    for group, vocabulary in GROUPS.items():
        if _is(word, vocabulary):
            return group
    return "civilians" if _is(word, PERSONS) else None


def _noun(word: Word) -> bool:
    return "NOUN" in word.tags and not {"ADJF", "PRTF", "NUMR", "PREP", "CONJ"} & word.tags


def _transparent(tokens: list[Word]) -> list[Word]:
    """The tokens without asides set off by commas (", за даними поліції,", ", імовірно,"),
    which stand between a casualty word and its number."""
    keep = [True] * len(tokens)
    i = 0
    while i < len(tokens):
        if tokens[i].text == "," and i + 1 < len(tokens):
            opener = tokens[i + 1]
            close = next(
                (j for j in range(i + 2, min(i + 9, len(tokens))) if tokens[j].text in ",-"),
                None,
            )
            if (
                close is not None
                and tokens[close].text == ","
                and opener.lower in _PARENTHESIS_OPENERS
                and not any(t.number is not None for t in tokens[i + 1 : close])
            ):
                for j in range(i, close + 1):
                    keep[j] = False
                i = close + 1
                continue
        i += 1
    return [t for t, k in zip(tokens, keep, strict=True) if k]


def _is_age_or_date(tokens: list[Word], i: int) -> bool:
    """'7 і 14 років', '4 вересня', 'віком 51', '2024', '№ 28'."""
    word = tokens[i]
    if word.number is not None and 1900 <= word.number <= 2100 and word.text.isdigit():
        return True
    if i > 0 and (tokens[i - 1].text in ("№", "#") or tokens[i - 1].lower in ("віком", "возрасте")):
        return True
    for j in range(i + 1, min(i + 8, len(tokens))):
        t = tokens[j]
        if t.number is not None or t.text in (",", "-") or t.lower in ("і", "й", "та", "и"):
            continue
        return _is(t, _AGE) or t.lower in _MONTHS or _is(t, _MONTHS) or t.text == "%"
    return False


@dataclass
class _Hedge:
    kind: str | None  # min / min+1 / max / max-1 / about / range
    words: str
    low: int | None = None  # a range's first number


def _hedge(tokens: list[Word], i: int) -> _Hedge:
    if i > 1 and tokens[i - 1].lower in ("про", "о", "об"):
        i -= 1  # "відомо щонайменше про п'ятьох загиблих": the hedge before what is known of
    before = [t for t in tokens[max(0, i - 3) : i] if t.text != '"']
    if not before:
        return _Hedge(None, "")
    last = before[-1]
    pair = " ".join(t.lower for t in before[-2:])
    if " ".join(t.lower for t in before[-3:]) in (
        "по меньшей мере",
        "не менее чем",
        "не менше ніж",
    ):
        return _Hedge("min", " ".join(t.text for t in before[-3:]))
    if pair in ("не менше", "не менш", "не менее", "як мінімум", "как минимум"):
        return _Hedge("min", pair)
    if last.lower in ("ніж", "чем", "як") and len(before) > 1 and before[-2].lower in _MORE:
        return _Hedge("min+1", pair)
    if _is(last, _EXCEED):  # "кількість поранених перевищила 60"
        return _Hedge("min+1", last.text)
    if last.lower in _MIN:
        return _Hedge("min", last.text)
    if last.lower in _MORE:
        return _Hedge("min+1", last.text)
    if last.lower in _ABOUT:
        return _Hedge("about", last.text)
    if last.lower in _NEARLY:
        return _Hedge("max-1", last.text)
    if last.lower in _UP_TO:
        # "зросла до 14, поранених — до 89": the growth verb may stand once for both
        grown = any(_is(t, _GROW) for t in tokens[max(0, i - 12) : i - 1])
        # "До п'яти зросла кількість постраждалих", "до 23 возросло количество": the verb after
        grown = grown or any(_is(t, _GROW) for t in tokens[i + 1 : i + 4])
        if not grown and _from_value(tokens, i - 2):  # "від 10 до 15 людей": from, to
            low = tokens[i - 2]
            return _Hedge("range", f"{tokens[i - 3].text} {low.text} {last.text}", low.number)
        return _Hedge(None if grown else "max", last.text)
    return _Hedge(None, "")


def _count(value: int, hedge: _Hedge, quote: str) -> Count:
    if hedge.kind == "about":
        return Count(value, value, f'"{hedge.words} {quote}": an approximate figure')
    if hedge.kind is None:
        return Count(value, value)
    if hedge.kind == "range" and hedge.low is not None and hedge.low < value:
        return Count(hedge.low, value)
    if hedge.kind == "range":
        return Count(value, value)
    return Count(*qualified_range(hedge.kind, value))


def _under_rubble(tokens: list[Word], k: int, end: int) -> bool:
    """Whether the words at k say 'під завалами', 'под завалами' (its second word before
    `end`)."""
    return tokens[k].lower in ("під", "под") and k + 1 < end and _is(tokens[k + 1], _RUBBLE)


def _ordinal(word: Word) -> int | None:
    """The number an ordinal word gives ('третя', 'п'яте', 'пятое'), if it is one."""
    return next((v for k, v in _ORDINALS.items() if k in word.lemmas), None)


def _relative(
    tokens: list[Word], j: int, group: str | None
) -> tuple[str | None, str | None, int, bool]:
    """What the clause opening with 'які' at j says befell the people before it ('які на той
    момент залишалися під завалами': the missing), as `_forward` gives it."""
    for k in range(j + 1, min(j + 9, len(tokens))):
        t = tokens[k]
        if t.text in _CLAUSE_END or t.text == ",":
            break
        if (category := _category(t)) is not None:
            return category, group, k, False
        if _under_rubble(tokens, k, len(tokens)):
            return "missing", group, k + 1, False
    return None, group, j, False


def _signed_off(tokens: list[Word], j: int) -> bool:
    """Whether the words from j are a body's or person's name closing the sentence ('- ГСЧС.',
    '– Кириленко.')."""
    end = next((k for k in range(j, min(j + 4, len(tokens))) if tokens[k].text in _CLAUSE_END),
               len(tokens) if len(tokens) - j < 4 else None)  # fmt: skip
    return end is not None and end > j and all(t.capital for t in tokens[j:end])


def _forward(tokens: list[Word], i: int) -> tuple[str | None, str | None, int, bool]:
    """The casualty word after the number at i: (category, group, end index, blocked), where
    blocked means a thing, not people, is counted ("вісім ракет")."""
    group = None
    last = min(i + 7, len(tokens))
    j = i
    while j + 1 < last:
        j += 1
        t = tokens[j]
        if t.text == '"':
            continue
        if t.text in _DASHES and j == i + 1:
            if _signed_off(tokens, j + 1):
                return None, group, j, False  # "Число жертв увеличилось до 15 - ГСЧС."
            continue  # "33 – постраждало"
        if t.text == "," and group is not None and _describes(tokens, j - 1, j + 1):
            continue  # "дев'яти людей, постраждалих внаслідок атаки": the people, described
        aside = _aside_end(tokens, j) if group is not None else None
        if aside is not None:  # "46 человек, в том числе семь спасателей, получили ранения"
            described = _apposition_end(tokens, j) is not None
            if (
                described
                and group == "unspecified"
                and any(_is(u, PERSONS) for u in tokens[j + 1 : aside])
            ):
                group = "civilians"  # "два человека, охранник и водитель грузовика, погибли"
            last = min(last + aside - j, len(tokens))
            j = aside
            continue
        if t.text in _CLAUSE_END or t.text in (",", *_DASHES) or t.number is not None:
            return None, group, j, False
        if t.lower in _AND:
            # "Двое детей и один взрослый пострадали": the verb after the list is theirs too;
            # "14 человек и пострадали почти 50": another figure's verb
            shared = _verb_after_list(tokens, j)
            if shared is not None:
                return shared[0], group, shared[1], False
            return None, group, j, False
        category = _category(t) or ("injured" if _asked_for_help(tokens, j) else None)
        if category is not None:
            group = group or _group_after(tokens, j, one=tokens[i].number == 1)
            return category, group, j, False
        if _is(t, _HOSPITAL) and j > i + 1 and tokens[j - 1].lower in _INTO:
            return "injured", group, j, False  # "двоє у лікарні" (not "два работника больницы")
        if _under_rubble(tokens, j, len(tokens)):
            return "missing", group, j + 1, False
        if _out_of_touch(tokens, j):  # "15 працівників не виходять на зв'язок"
            return "missing", group, j + 3, False
        if t.lower in ("які", "которые") and group is not None:
            # "23 людей, зокрема дитину, які на той момент залишалися під завалами"
            return _relative(tokens, j, group)
        if t.lower in _FROM_OF:
            return None, group, j, j == i + 1  # "одного з працівників": one of them
        if t.lower in ("життів", "жизней", "життя") and any(
            _is(u, _SAVE | {"зберегти", "сохранить"}) for u in tokens[max(0, i - 3) : i]
        ):
            return None, group, j, True  # "Це врятувало десятки життів": the saved
        if t.lower in ("життів", "жизней", "життя") or _not_saved(tokens, j):
            return "killed", group, j, False  # "двух мужчин спасти не удалось"
        if _is(t, _RECEIVE) and any("травма" in u.lemmas for u in tokens[j + 1 : j + 4]):
            return "injured", group, j, False  # "шестеро отримали травми"
        # "п'ять чоловік": people ("один чоловік" is a man)
        people = t.lower == "чоловік" and (tokens[i].number or 0) >= 5
        found = "unspecified" if people else _group(t)
        if found is not None:
            group = group or found
            continue
        if t.lower in _SKIP_OVER or not _noun(t):
            continue
        after_group = [u for u in tokens[i + 1 : j] if u.text != '"']
        if group is not None and "gent" in t.tags and len(after_group) == 1:
            continue  # "15 працівників гіпермаркету не виходять на зв'язок": whose people
        if j > i + 1 and "PREP" in tokens[j - 1].tags:
            return None, group, j, False  # "Жертв 32 від ракети": what follows says how, not what
        return None, group, j, j == i + 1 or group is None
    return None, group, last, False


_FATE = {"доля", "судьба"}
_UNKNOWN = {"невідомий", "неизвестный"}


def _fate_unknown(tokens: list[Word], i: int) -> int | None:
    """The index of 'невідома' when the count at i is of people whose fate is unknown ('Доля
    ще понад 40 осіб після ракетного обстрілу будинку невідома'), however long the words
    describing them."""
    if not any(_is(t, _FATE) for t in tokens[max(0, i - 4) : i]):
        return None
    for j in range(i + 1, min(i + 14, len(tokens))):
        if tokens[j].text in _CLAUSE_END:
            return None
        if _is(tokens[j], _UNKNOWN):
            return j
    return None


_NTH_BODY = "the nth body found is the toll ('п'яте тіло загиблої особи')"


def _nth_body(tokens: list[Word], i: int) -> tuple[Count, int] | None:
    """'п'яте тіло загиблої особи', 'пятое тело погибшего' at i: the toll the ordinal gives,
    and the index its words end at."""
    if i + 1 >= len(tokens) or not tokens[i + 1].lemmas & {"тіло", "тело"}:
        return None
    nth = _ordinal(tokens[i])
    if nth is None:
        return None
    end = i + 1
    while end + 1 < min(i + 4, len(tokens)) and (
        _category(tokens[end + 1]) or _group(tokens[end + 1]) is not None
    ):
        end += 1
    return Count(nth, nth), end


# the words opening a part of a figure: "зокрема троє дітей", "включаючи 2 дітей", "включая 3"
_INCLUDING = ("зокрема", "включно", "включаючи", "включая")


def _located(tokens: list[Word], i: int) -> tuple[int, bool] | None:
    """Where the count at i is said to be ("4 в Святошинському", "четверо з них у
    Святошинському", "троє – у Соломʼянському"): the index of the place's name, and whether
    "з них" came between; None if no place follows."""
    j, of_them = i + 1, False
    if j + 1 < len(tokens) and tokens[j].lower in _FROM_OF and tokens[j + 1].lower in _THEM:
        j, of_them = j + 2, True
    if j < len(tokens) and tokens[j].text in _DASHES:
        j += 1
    if j + 1 < len(tokens) and tokens[j].lower in ("у", "в", "на") and tokens[j + 1].capital:
        return j + 1, of_them
    return None


_BY_WHERE = "a count by where, sharing the verb ('З них 4 в Святошинському районі')"


def _placed(tokens: list[Word], figure: Figure) -> bool:
    """Whether a place follows the figure's words ("12 осіб загинули у Святошинському
    районі"), or the figure was read by where it is."""
    if figure.rule == _BY_WHERE:
        return True
    k = next((k for k, t in enumerate(tokens) if t.end == figure.end), None)
    return k is not None and _located(tokens, k) is not None


def _aside_end(tokens: list[Word], j: int) -> int | None:
    """Where an aside opened by a comma at j ends (its closing comma): ', в том числе семь
    спасателей,', ', зокрема троє дітей,', ', серед них двоє дітей,'."""
    if tokens[j].text != "," or j + 2 >= len(tokens):
        return None
    first, second = tokens[j + 1].lower, tokens[j + 2].lower
    opens = (
        first in _INCLUDING
        or (first in ("серед", "среди") and second in _THEM)
        or (first in ("у", "в") and second in ("тому", "том"))
    )
    if not opens:
        return _apposition_end(tokens, j)
    for k in range(j + 2, min(j + 10, len(tokens))):
        if tokens[k].text == ",":
            return k
        if tokens[k].text in _CLAUSE_END:
            return None
    return None


def _apposition_end(tokens: list[Word], j: int) -> int | None:
    """Where a person described after a comma ends: 'еще один человек, вахтенный матрос,
    получил ранение' (nouns and adjectives only, a few words, then a comma)."""
    for k in range(j + 1, min(j + 6, len(tokens))):
        if tokens[k].text == ",":
            described = tokens[j + 1 : k]
            nouns = any("NOUN" in t.tags for t in described)
            return k if nouns and k > j + 1 else None
        if not tokens[k].tags & {"NOUN", "ADJF", "CONJ"} or tokens[k].tags & {"VERB", "GRND"}:
            return None
    return None


def _describes(tokens: list[Word], noun: int, j: int) -> bool:
    """Whether token j is a casualty participle agreeing with the noun at `noun` ('людей,
    постраждалих'), not a clause of its own ('людей, загинуло 17')."""
    if j >= len(tokens) or _category(tokens[j]) is None:
        return False
    described = tokens[j].tags & {"PRTF", "ADJF", "NOUN"} and "VERB" not in tokens[j].tags
    # a count's people are in the genitive, and so is what describes them
    return bool(described and "gent" in tokens[j].tags and "gent" in tokens[noun].tags)


_FROM_OF = {"з", "із", "из"}
_RECEIVE = {"отримати", "дістати", "зазнати", "получить"}
_SAVE = {"врятувати", "рятувати", "спасти", "спасать"}
_COULD = {"вдалося", "вдалось", "удалось", "змогли", "смогли", "зуміли", "сумели"}


def _not_saved(tokens: list[Word], j: int) -> bool:
    """Whether token j is 'to save' that did not happen: 'врятувати не вдалося', 'не удалось
    спасти'."""
    if not _is(tokens[j], _SAVE):
        return False
    near = [t.lower for t in tokens[max(0, j - 2) : j + 4]]
    return "не" in near and any(w in _COULD for w in near)


def _part_named_after(tokens: list[Word], i: int) -> tuple[str | None, str, int] | None:
    """'пятеро пострадавших — дети' (injured, children), 'пять из которых — дети' (the figure
    before's category, children): a part whose group follows a dash."""
    j = i + 1
    category = None
    if j < len(tokens) and _category(tokens[j]) and "plur" in tokens[j].tags:
        category, j = _category(tokens[j]), j + 1
    elif j + 1 < len(tokens) and tokens[j].lower in _FROM_OF and tokens[j + 1].lower in _THEM:
        j += 2
    else:
        return None
    if j + 1 < len(tokens) and tokens[j].text in _DASHES:
        group = _group(tokens[j + 1])
        if group in ("children", "military", "civilians"):
            return category, group, j + 1
    return None


def _verb_after_list(tokens: list[Word], j: int) -> tuple[str, int] | None:
    """After 'і'/'и' at j, another count and its people, then a casualty word: that word's
    category and index."""
    counted = False
    for k in range(j + 1, min(j + 6, len(tokens))):
        t = tokens[k]
        if t.number is not None:
            counted = True
            continue
        category = _category(t)
        if category is not None:
            return (category, k) if counted else None
        if _group(t) is None and not {"ADJF", "PRTF"} & t.tags:
            return None
    return None


def _group_after(tokens: list[Word], j: int, one: bool = False) -> str | None:
    """'чотирьох загиблих цивільних': the group named just after a casualty word (of one person,
    past an age: 'одну постраждалу 43-річну жінку'; not 'третя загибла, 14-річна дівчинка')."""
    aged = _AGED_WORD.match(tokens[j + 1].lower) if one and j + 2 < len(tokens) else None
    if aged:
        found = _group(tokens[j + 2])
        return "children" if found and int(aged.group(1)) < 18 else found
    if j + 1 < len(tokens):
        return _group(tokens[j + 1])
    return None


_FROM = {"з", "із", "с", "від", "от"}
_AND = {"і", "й", "та", "и"}
_DASHES = {"-", "–", "—"}
_SEARCH = {"пошук", "розшук", "шукати", "поиск", "поиски", "искать", "разыскивать"}
_VAGUE = {"десяток": 20, "сотня": 200, "десятка": 20}


def _range_start(tokens: list[Word], i: int) -> bool:
    """Whether the number at i opens a range written with a dash: '10-15 людей'."""
    if i + 2 >= len(tokens) or tokens[i + 1].text not in ("-", "–", "—"):
        return False
    low, high = tokens[i].number, tokens[i + 2].number
    return (
        low is not None and high is not None and low < high and not _is_age_or_date(tokens, i + 2)
    )


def _from_value(tokens: list[Word], i: int) -> bool:
    """Whether the number at i is the 'from' of 'з 20 до 32'."""
    return 0 < i < len(tokens) - 1 and tokens[i - 1].lower in _FROM and tokens[i + 1].lower == "до"


# "забрав життя п'ятьох людей", "унесла жизни 12 человек", "обірвала життя": lives taken
_TOOK = {"забрати", "забирати", "обірвати", "обривати", "забрать", "забирать", "унести", "уносить",
         "оборвать"}  # fmt: skip


def _backward(tokens: list[Word], i: int) -> tuple[str | None, int]:
    """The casualty word before the number at i, in its clause: (category, index)."""
    # "Кількість загиблих в Одесі внаслідок ракетного удару збільшилася до 14": a growth verb
    # lets the toll's words stand further back
    grown = any(_is(t, _GROW) for t in tokens[max(0, i - 3) : i])
    for j in range(i - 1, max(-1, i - (28 if grown else 8)), -1):
        t = tokens[j]
        if t.text == "." and j > 0 and tokens[j - 1].text in ("м", "с", "смт", "обл", "р-н", "г"):
            continue  # "у м. Часів Яр": an abbreviation, no clause's end
        if t.text in ('"', *_DASHES) or (t.text == ":" and j == i - 1):  # "Загинули: 5 людей"
            continue
        if t.number is not None and (_from_value(tokens, j) or _range_start(tokens, j)):
            continue
        if t.number is not None and grown and _is_age_or_date(tokens, j):
            continue  # "Число жертв удара по Одессе 15 марта возросло до 14"
        if t.number is not None and tokens[j + 1].lower in ("из", "з", "із", "зі"):
            continue  # "... в одном из населенных пунктов ... выросло до двух": one of them
        if t.text == "," and j == i - 1:
            # "поранені 30 працівників поліції, 1 рятувальник ДСНС": the next in a counted list
            # (not "Травмовано 53 людини, 12 — врятовано": a clause of its own)
            own = any(u.text in _DASHES or u.tags & {"VERB", "PRTS"} for u in tokens[i + 1 : i + 4])
            listed = None if own else _verb_before_list(tokens, j, counted=True)
            return (listed[0] if listed else None), j
        if t.text == "," and grown:
            continue  # "Кількість загиблих … у ніч проти четверга, 31 липня, зросла до 16"
        if (
            j == i - 1
            and t.lower in ("життя", "жизни", "жизнь")
            and j > 0
            and _is(tokens[j - 1], _TOOK)
        ):
            return "killed", j - 1  # "ворог забрав життя п'ятьох людей"
        if t.text in _CLAUSE_END or t.text == "," or t.number is not None:
            return None, j
        if t.lower in _FROM:
            continue
        if t.capital and "ablt" in t.tags and _noun(t):
            continue  # who did it: "вбивство Росією щонайменше 21 людини"
        named = j > 0 and t.capital and _noun(t) and _category(t) is None and not t.text.isupper()
        # (under a growth verb a name is the place: "Кількість загиблих внаслідок обстрілу
        # Києва зросла до 27")
        if named and not grown and tokens[j - 1].lower not in _PREPOSITIONS:
            return None, j  # a name: "Загинули Євгенія Базилевич і троє її доньок" ("в Одесі"
            # is a place)
        category = _category(t) or ("injured" if _asked_for_help(tokens, j) else None)
        of_them = j > 1 and tokens[j - 1].number is not None and tokens[j - 2].lower in _FROM_OF
        if category is not None and of_them:
            return None, j  # "из пяти раненых три человека в тяжелом состоянии": some of them
        if category is not None:
            return category, j
        if (_is(t, _OUT_OF_TOUCH) and j > 0 and tokens[j - 1].lower == "не") or (
            _is(t, _TOUCH) and j >= 3 and _out_of_touch(tokens, j - 3)
        ):
            return "missing", j  # "на зв'язок не виходять 7 мешканців": the missing
        if _under_rubble(tokens, j, i):
            if grown and any(_category(u) for u in tokens[max(0, j - 4) : j]):
                continue  # "Кількість загиблих під завалами … сягнула 30": the dead found there
            return "missing", j
        if _is(t, _RUBBLE):
            continue
        if _is(t, _HOSPITAL):
            return "injured", j
        if _is(t, _SEARCH):  # "тривають роботи з пошуку ще 2 людей": the missing
            return "missing", j
        if t.lower in ("і", "та", "й", "и", "а"):
            # the span starts at "і": the people before it are figures of their own
            listed = _verb_before_list(tokens, j) or _verb_before_list(tokens, j, counted=True)
            return (listed[0] if listed is not None else None), j
    return None, i


def _verb_before_list(tokens: list[Word], j: int, counted: bool = False) -> tuple[str, int] | None:
    """'загинули дитина і ще двоє мирних жителів': before 'і' (or, with `counted`, a comma) at
    j, people listed after a casualty word, which is the list's: (category, its index). A
    counted list ('поранені 30 працівників поліції, 1 рятувальник ДСНС та 9 цивільних') may
    name whose people they are."""
    seen_count = False
    for k in range(j - 1, max(-1, j - (12 if counted else 8)), -1):
        t = tokens[k]
        if (category := _category(t)) is not None:
            return (category, k) if seen_count or not counted else None
        seen_count = seen_count or t.number is not None
        listed = t.number is not None or t.text == "," or t.lower in _AND
        owner = counted and "NOUN" in t.tags and not t.tags & {"nomn"} - {"gent"}
        owner = owner or (counted and t.text.isupper())  # "ДСНС"
        if not (listed or t.lower in ("ще", "еще", "ещё") or _group(t) or "ADJF" in t.tags
                or owner or _is(t, PERSONS)):  # fmt: skip
            return None
    return None


_SCALES = {"десяток": 10, "десятка": 10, "сотня": 100}
_AND_A_HALF = {"півтора", "півтори", "полтора", "полторы"}


def _scaled(tokens: list[Word]) -> list[Word]:
    """Counts in tens and hundreds as one number: 'два десятки' 20, 'півтора десятка' 15,
    'три сотні' 300."""
    out: list[Word] = []
    i = 0
    while i < len(tokens):
        word = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        scale = next((v for k, v in _SCALES.items() if after and k in after.lemmas), None)
        if (
            word.lemmas & _SCALES.keys()
            and "plur" not in word.tags
            and out
            and out[-1].lower in (_MORE | _MIN | _ABOUT | _NEARLY)
        ):
            # "більше десятка цивільних": a ten after a hedge
            out.append(replace(word, number=_SCALES[next(iter(word.lemmas & _SCALES.keys()))]))
            i += 1
            continue
        base = 1.5 if word.lower in _AND_A_HALF else word.number
        if after is not None and scale and base is not None and base < 10:
            out.append(replace(word, text=f"{word.text} {after.text}", end=after.end,
                               number=int(base * scale)))  # fmt: skip
            i += 2
            continue
        out.append(word)
        i += 1
    return out


def casualty_figures_uk_ru(sentence: Sentence, language: str) -> list[Figure]:
    """Every casualty figure in a Ukrainian or Russian sentence, in order of position."""
    tokens = _scaled(_transparent(words(sentence.text, language)))
    figures: list[Figure] = []
    part_until = -1  # tokens up to here follow "серед них", "з них": parts of a figure
    part_category: str | None = None
    counted: bool | None = None  # whether the last number read was a casualty figure
    for i, word in enumerate(tokens):
        marker = _part_marker(tokens, i)
        if marker is not None:
            if counted is not False:  # "206 людям, з них 11 дітям": parts of no figure
                # "Постраждала родина, серед них - двоє дітей": the verb before names the part's
                part_category = marker[1] or _category_before(tokens, i)
                part_until = _part_end(tokens, i + marker[0])
            continue
        number = word.number
        nth_body = _nth_body(tokens, i) if number is None else None
        if nth_body is not None:  # "п'яте тіло загиблої особи": the fifth dead
            count, end = nth_body
            figures.append(Figure("killed", "unspecified", count, word.start, tokens[end].end,
                                  rule=_NTH_BODY))  # fmt: skip
            counted = True
            continue
        if number is None and i + 1 < len(tokens) and _category(tokens[i + 1]):
            # "вже третя загибла": the third dead
            number = _ordinal(word)
        vague = None
        # "понад сотню", "майже сотню": a hundred ("сотні вбитих", hundreds, is rhetoric
        # analysts leave out, as in the development reports)
        if (
            number is None
            and "сотня" in word.lemmas
            and (_hedge(tokens, i).kind is not None or word.lower in ("сотню", "сотня"))
        ):
            number = 100
        if number is None and "plur" in word.tags and word.lemmas & _VAGUE.keys():
            # "десятки людей": at least twenty, as English reads "dozens"
            vague = _VAGUE[next(iter(word.lemmas & _VAGUE.keys()))]
            number = vague
        if number is None or _is_age_or_date(tokens, i):
            continue
        if _range_start(tokens, i):
            continue  # "10-15 людей": the range is read at its end
        # "тіло ще одного загиблого": one more, not a toll; a figure only where none of its
        # kind is given ("Два человека погибли. Еще один человек получил ранение"; "серед них –
        # ще одна дитина" is a part)
        one_more = (
            number == 1 and i > 0 and tokens[i - 1].lower in ("ще", "ещё", "еще") and i > part_until
        )
        if _from_value(tokens, i):
            continue  # "зросла з 20 до 32": 20 was the figure before
        if i > 0 and tokens[i - 1].lemmas & {"стан", "состояние"}:
            continue  # "Стан одного пораненого оцінюють як важкий": the state of some of them
        counted = False
        # "З них 4 в Святошинському районі, 2 – в Соломʼянському", "12 осіб загинули у
        # Святошинському районі та троє – у Соломʼянському": counts by where, the verb shared
        located = _located(tokens, i)
        # (after a count that was itself placed: not "загинули п'ятеро цивільних — троє в
        # Новоосиновому і двоє в Ківшарівці", a breakdown of the five)
        listed_after = (
            i > 0
            and tokens[i - 1].text in (",", *_AND)
            and figures
            and _placed(tokens, figures[-1])
        )
        if located is not None and (located[1] or i <= part_until or listed_after):
            end, of_them = located
            before = figures[-1] if listed_after else None
            if of_them or i <= part_until or (before is not None and before.part):
                category = part_category or (before.category if before else None)
                group, part = "unspecified", True
            else:
                category, group, part = before.category, before.group, False
            rule = _BY_WHERE
            count = _count(number, _hedge(tokens, i), word.text)
            figures.append(Figure(category, group, count, word.start, tokens[end].end, part, rule))
            counted = True
            continue
        named_part = _part_named_after(tokens, i)
        if named_part is not None:  # "пятеро пострадавших — дети", "пять из которых — дети"
            category, group, at = named_part
            rule = "a part named after a dash ('пятеро пострадавших — дети')"
            count = _count(number, _hedge(tokens, i), word.text)
            figures.append(Figure(category, group, count, word.start, tokens[at].end, True, rule))
            counted = True
            continue
        unknown = _fate_unknown(tokens, i)
        if unknown is not None:  # "Доля ще 35 мешканців зруйнованого будинку невідома"
            group = _group(tokens[i + 1]) if i + 1 < len(tokens) else None
            category, at, blocked = "missing", unknown, False
        else:
            category, group, at, blocked = _forward(tokens, i)
        hurt_state = _in_hospital_or_grave(tokens[i + 1 : i + 6])
        grave = (
            category is None
            and hurt_state
            # (not "из пяти раненых три человека в тяжелом состоянии": some of those counted)
            and not any(t.lower in _FROM_OF for t in tokens[max(0, i - 4) : i])
        )
        if blocked and not grave:
            continue
        start, end = word.start, tokens[min(at, len(tokens) - 1)].end
        rule = "a number with the casualty word after it ('16 людей загинули', '15 поранених')"
        if category is None:
            rule = "a number with the casualty word before it ('Постраждалих - 25')"
            category, at = _backward(tokens, i)
            group = group or (_group(tokens[i + 1]) if i + 1 < len(tokens) else None)
            if category is None and group == "military":
                # "уничтожены склады боеприпасов и до 40 военнослужащих": troops listed after
                # things the verb destroyed
                at = next(
                    (k for k in range(i - 1, max(-1, i - 10), -1)
                     if tokens[k].text in _CLAUSE_END or _is(tokens[k], _DESTROY)),
                    None,
                )  # fmt: skip
                category = "killed" if at is not None and _is(tokens[at], _DESTROY) else None
                at = at if category else i
            start, end = (tokens[at].start if category else word.start), word.end
        if category is not None and _is(tokens[at], _DESTROY) and group != "military":
            continue  # "знищено 20 одиниць техніки"
        if grave:  # "погиб человек, еще один - в тяжелом состоянии": the hurt
            category, end = "injured", tokens[min(i + 5, len(tokens) - 1)].end
            rule = "a count of those in hospital or in a grave state ('ще один - у важкому стані')"
        in_part = i <= part_until
        if category is None and not in_part:
            continue
        if in_part:
            persons = any(_is(t, PERSONS) for t in tokens[i + 1 : i + 3])
            if persons and part_category is not None and category in (None, part_category):
                # "Серед постраждалих — дві жінки": the injured, where no total is given
                rule = "people counted after 'серед постраждалих', where no total is given"
                count = _count(number, _hedge(tokens, i), word.text)
                figures.append(Figure(part_category, "civilians", count, word.start, end, True,
                                      rule, unless_total=True))  # fmt: skip
                counted = True
                continue
            if group in (None, "unspecified") or persons:
                continue  # a part counts a group: "з них двоє - працівники поліції" says none
            part = category is None or category == part_category
            category = part_category or category
            rule = "a part after 'серед них', 'з них', 'зокрема'"
        else:
            part = False
        count = _count(number, _hedge(tokens, i), word.text)
        if i > 1 and _range_start(tokens, i - 2):
            count = Count(tokens[i - 2].number, number)
            start = min(start, tokens[i - 2].start)
        if vague is not None:
            count = Count(vague, None, f'"{word.text}" read as at least {vague}')
        # "29 людей поранені … шестеро нині госпіталізовані": those in hospital, a figure only
        # where no total is given
        kept_in = one_more or (
            category == "injured"
            and not part
            and (_is(tokens[min(at, len(tokens) - 1)], _IN_HOSPITAL) or hurt_state)
        )
        figures.append(Figure(category, group or "unspecified", count, start, end, part or kept_in,
                              rule, unless_total=kept_in))  # fmt: skip
        counted = True
    figures += _children_by_ages(tokens)
    figures += _people_by_ages(tokens, figures)
    figures += _one_by_word(tokens, figures)
    figures += _single_persons(tokens, figures)
    figures += _none(tokens)
    figures += _as_many(tokens, figures)
    figures.sort(key=lambda f: f.start)
    return figures


def _category_before(tokens: list[Word], i: int) -> str | None:
    """The casualty word a few words before token i, in its sentence."""
    for j in range(i - 1, max(-1, i - 6), -1):
        if tokens[j].text in _CLAUSE_END:
            return None
        if (category := _category(tokens[j])) is not None:
            return category
    return None


def _part_end(tokens: list[Word], i: int) -> int:
    """A part runs to the next comma or clause end after its first words."""
    for j in range(i + 2, min(i + 8, len(tokens))):
        if tokens[j].text in _CLAUSE_END or tokens[j].text == ",":
            return j
    return min(i + 8, len(tokens))


def _part_marker(tokens: list[Word], i: int) -> tuple[int, str | None] | None:
    """'серед них' / 'з них' / 'зокрема' / 'серед загиблих': how many tokens the part that
    follows may span, and the category it names (None: the figure before it)."""
    word = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if word.lower in ("серед", "среди", "з", "із", "из") and nxt is not None:
        if nxt.lower in _THEM:
            return 1, None
        if word.lower in ("серед", "среди") and _category(nxt):
            return 1, _category(nxt)
    if word.lower in _INCLUDING:
        return 0, None
    if word.lower in ("тому", "том") and i > 0 and tokens[i - 1].lower in ("у", "в"):
        return 1, None
    return None


def _one_by_word(tokens: list[Word], figures: list[Figure]) -> list[Figure]:
    """'заявил о погибшем', 'Є загиблий', 'Маємо пораненого': one person, the casualty word
    alone."""
    taken = Spans((f.start, f.end) for f in figures)
    found = []
    for i, word in enumerate(tokens[1:], start=1):
        category = _category(word)
        if (
            category
            and tokens[i - 1].lower in ("о", "об", "про", "є", "маємо", "есть", "имеем", "имеется")
            and not _is(word, _DESTROY)  # "об уничтожении пункта": a thing destroyed
            and "plur" not in word.tags
            and taken.free(word.start, word.end)
            # "Є поранена дитина": the person is named after it (read as such)
            and not (i + 1 < len(tokens) and (_group(tokens[i + 1]) or _is(tokens[i + 1], PERSONS)))
        ):
            rule = "one person, the casualty word alone ('заявил о погибшем')"
            found.append(
                Figure(category, "unspecified", Count(1, 1), word.start, word.end, rule=rule)
            )
    return found


def _children_by_ages(tokens: list[Word]) -> list[Figure]:
    """'серед них діти 8 та 12 років', 'дети 5, 9 и 14 лет': as many children as ages."""
    found = []
    for i, word in enumerate(tokens):
        if _group(word) != "children" or "plur" not in word.tags:
            continue
        ages, j = 0, i + 1
        while j < len(tokens) and (
            tokens[j].number is not None or tokens[j].text == "," or tokens[j].lower in _AND
        ):
            ages += tokens[j].number is not None
            j += 1
        if ages < 2 or j >= len(tokens) or not _is(tokens[j], _AGE):
            continue
        marker = _part_before(tokens, i)
        category = _category_near(tokens, i) if marker is None else marker[1]
        if marker is None and category is None:
            continue
        rule = "children named by their ages ('діти 8 та 12 років')"
        found.append(Figure(category, "children", Count(ages, ages), word.start, tokens[j].end,
                            marker is not None and marker[1] is None, rule))  # fmt: skip
    return found


_AGED_WORD = re.compile(r"(\d{1,3})-(?:річн|летн)\w*$")


def _people_by_ages(tokens: list[Word], figures: list[Figure]) -> list[Figure]:
    """'Поранення отримали 21-річний і 55-річний чоловіки': as many people as ages listed
    before their plural noun (children if all are under 18)."""
    found = []
    taken = Spans((f.start, f.end) for f in figures)
    i = 0
    while i < len(tokens):
        ages, j = [], i
        while j < len(tokens) and (aged := _AGED_WORD.match(tokens[j].lower)):
            ages.append(int(aged.group(1)))
            j += 1
            if j < len(tokens) and (tokens[j].lower in _AND or tokens[j].text == ","):
                j += 1
        noun = tokens[j] if j < len(tokens) else None
        people = noun is not None and "plur" in noun.tags and (_group(noun) or _is(noun, PERSONS))
        if len(ages) >= 2 and people and taken.free(tokens[i].start, noun.end):
            category = _category_near(tokens, i)
            if category is not None:
                group = "children" if max(ages) < 18 else "civilians"
                rule = "people listed by their ages ('21-річний і 55-річний чоловіки')"
                found.append(Figure(category, group, Count(len(ages), len(ages)),
                                    tokens[i].start, noun.end, rule=rule))  # fmt: skip
            i = j + 1
            continue
        i += 1
    return found


def _category_near(tokens: list[Word], i: int) -> str | None:
    """The casualty word in the clause around token i."""
    start = i
    while start > 0 and tokens[start - 1].text not in _CLAUSE_END and tokens[start - 1].text != ",":
        start -= 1
    return next(
        (c for t in tokens[start : _clause_end(tokens, i, 12)] if (c := _category(t))), None
    )


ONE_BY_NOUN = "one person named by a noun ('малюк помер', 'серед загиблих - дитина')"


def _single_persons(tokens: list[Word], figures: list[Figure]) -> list[Figure]:
    """One person named by a noun, no number: 'малюк помер', 'дворічна дитина' after 'серед
    загиблих', 'зокрема дитина'."""
    found = []
    taken = Spans((f.start, f.end) for f in figures)
    for i, word in enumerate(tokens):
        group = _group(word)
        # "чоловік", "человек" are also a count's genitive plural ("п'ять чоловік", "пять
        # человек"), after a number only
        plural = "plur" in word.tags and word.lower not in ("чоловік", "человек")
        singular_too = "gent" in word.tags and bool(word.tags & {"masc", "femn", "neut"})
        before = tokens[i - 1] if i > 0 else None
        if (
            plural
            and before is not None
            and singular_too
            and before.tags & {"masc", "femn", "neut"}
        ):
            # "загибель дитини", "тело погибшего мужчины": one person (a genitive that reads
            # like a plural)
            plural = _category(before) is None
        if group is None or plural or word.lower in ("людей", "осіб"):
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if "ADJF" in word.tags and after is not None and _noun(after) and _group(after) is None:
            continue  # "гражданская инфраструктура не пострадала": a thing's adjective
        if not taken.free(word.start, word.end):
            continue
        if i > 0 and (tokens[i - 1].number is not None or tokens[i - 1].lower in _FROM_OF):
            continue
        # "41 украинский военный", "один пострадавший человек": the count's noun, past its
        # adjectives
        before = i - 1
        while (
            before > 0
            and tokens[before].number is None
            and (
                tokens[before].tags & {"ADJF", "PRTF"}
                or _category(tokens[before])
                or _AGED_WORD.match(tokens[before].lower)  # "43-річну"
            )
        ):
            before -= 1
        counted = tokens[before].number is not None and not taken.free(
            tokens[before].start, tokens[before].end
        )
        if before < i - 1 and counted:
            continue  # the noun of a count read as a figure
        if i > 0 and "право" in tokens[i - 1].lemmas:
            continue  # "з прав людини", "по правам человека": human rights, not a person
        near = [
            t for t in tokens[max(0, i - 3) : _clause_end(tokens, i, 6)] if "plur" not in t.tags
        ]
        category = next((c for t in near if (c := _category(t))), None)
        if category is None and i + 1 < len(tokens) and tokens[i + 1].lower in _AND:
            category = (_verb_before_list(tokens, i + 1) or (None,))[0]
        if category is None:
            category = _said_of_them_after(tokens, i)
        not_saved = category is None and any(
            _not_saved(tokens, k) for k in range(max(0, i - 2), min(i + 5, len(tokens)))
        )
        if not_saved:
            category = "killed"  # "врятувати жінку не вдалося", "за життя хлопця, але врятувати"
        aged = _AGED_WORD.match(tokens[i - 1].lower) if i else None
        if aged and int(aged.group(1)) < 18:
            group = "children"  # "15-річний хлопець", "16-летняя девушка"
        part = False
        if category is None and (marker := _part_before(tokens, i)) is not None:
            part, category = marker[1] is None, marker[1]
            if part:  # "10 тіл загиблих, серед яких дворічна дитина": a part of the dead
                category = _category_before(tokens, _part_opening(tokens, i))
        if i > 1 and tokens[i - 1].text == "," and found and found[-1].end == tokens[i - 2].end:
            continue  # "Серед загиблих дитина, хлопчик шести років": the one person again
        if part and _is(word, PERSONS):
            continue  # "серед яких місцеві жителі, медик і рятувальник": no group split off
        if group == "unspecified" and (part or category is None):
            continue
        if category is None and not part:
            continue
        rule = _NOT_SAVED if not_saved else ONE_BY_NOUN
        found.append(Figure(category, group, Count(1, 1), word.start, word.end, part, rule))
        taken.take(word.start, word.end)
    # "дістали живу дитину, але врятувати її не вдалося — малюк помер": one child, named twice
    told = {(f.category, f.group) for f in found + figures if f.rule != _NOT_SAVED}
    return [f for f in found if f.rule != _NOT_SAVED or (f.category, f.group) not in told]


_NOT_SAVED = "one person who could not be saved ('врятувати жінку не вдалося')"
_SHE_HE = ("вона", "він", "она", "он")
_HARM = ("травма", "ушкодження", "повреждение", "поранення", "ранение")


def _said_of_them_after(tokens: list[Word], i: int) -> str | None:
    """What the next clause says befell the person at i when it opens with their pronoun:
    'деблокували жінку, вона отримала легкі ушкодження' (injured)."""
    end = _clause_end(tokens, i, 6)
    if end + 1 >= len(tokens) or tokens[end].text != "," or tokens[end + 1].lower not in _SHE_HE:
        return None
    later = tokens[end + 2 : _clause_end(tokens, end + 1, 8)]
    category = next((c for t in later if (c := _category(t))), None)
    received = any(_is(t, _RECEIVE) for t in later)
    if category is None and received and any(h in t.lemmas for t in later for h in _HARM):
        category = "injured"  # "вона отримала легкі ушкодження"
    return category


def _clause_end(tokens: list[Word], i: int, most: int) -> int:
    """The index a clause starting at i ends at, looking at most `most` tokens on."""
    for j in range(i + 1, min(i + most, len(tokens))):
        if tokens[j].text in _CLAUSE_END or tokens[j].text == ",":
            return j
    return min(i + most, len(tokens))


def _part_opening(tokens: list[Word], i: int) -> int | None:
    """Where the part marker ('серед них', 'серед загиблих') a few words before token i
    stands."""
    for back in range(i - 1, max(-1, i - 6), -1):
        if _part_marker(tokens, back) is not None:
            return back
        if tokens[back].text in _CLAUSE_END:
            return None
    return None


def _part_before(tokens: list[Word], i: int) -> tuple[int, str | None] | None:
    """The part marker ('серед них', 'серед загиблих') a few words before token i."""
    at = _part_opening(tokens, i)
    return None if at is None else _part_marker(tokens, at)


_SERIOUS = {"важких", "тяжких", "тяжелых", "тяжело", "важко", "тяжко", "серйозних", "серьезных"}
_NOBODY = "nobody: 'загиблих немає', 'без жертв'"


def _as_many(tokens: list[Word], figures: list[Figure]) -> list[Figure]:
    """'11-ро людей ще не впізнані, стільки ж лишаються зниклими безвісти': as many as the
    count before, of what the words after say befell them."""
    taken = Spans((f.start, f.end) for f in figures)
    found = []
    for i, word in enumerate(tokens[:-2]):
        if word.lower not in ("стільки", "столько") or tokens[i + 1].lower not in ("ж", "же"):
            continue
        before = next((t for t in reversed(tokens[:i]) if t.number is not None), None)
        end = _clause_end(tokens, i, 7)
        category = next((c for t in tokens[i + 2 : end] if (c := _category(t))), None)
        if before is None or category is None or not taken.free(word.start, word.end):
            continue
        rule = "as many as the count before ('стільки ж лишаються зниклими безвісти')"
        count = Count(before.number, before.number)
        found.append(Figure(category, "unspecified", count, word.start, tokens[end - 1].end,
                            rule=rule))  # fmt: skip
    return found


_SO_THAT = ("щоб", "аби", "чтобы")


def _none(tokens: list[Word]) -> list[Figure]:
    """'загиблих немає', 'без жертв', 'погибших нет': nobody killed (or injured)."""
    found = []
    for i, word in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        category = _category(word)
        serious = i > 0 and tokens[i - 1].lower in _SERIOUS  # "важких поранених немає"
        if category and nxt.lower in _NONE and not serious:
            found.append(
                Figure(category, "unspecified", Count(0, 0), word.start, nxt.end, rule=_NOBODY)
            )
        elif word.lower == "без" and _category(nxt) == "killed":
            found.append(
                Figure("killed", "unspecified", Count(0, 0), word.start, nxt.end, rule=_NOBODY)
            )
            # "без загиблих і постраждалих": nobody hurt either
            after = tokens[i + 2 : i + 4]
            if len(after) == 2 and after[0].lower in _AND and _category(after[1]) == "injured":
                found.append(Figure("injured", "unspecified", Count(0, 0), word.start,
                                    after[1].end, rule=_NOBODY))  # fmt: skip
        elif (
            (word.lower in ("никто", "ніхто") or _group(word) or _is(word, PERSONS))
            and nxt.lower == "не"
            # (not "робимо так, щоб живі люди не постраждали": what is to be avoided)
            and not any(t.lower in _SO_THAT for t in tokens[max(0, i - 3) : i])
        ):
            # "люди не постраждали", "никто не пострадал"
            verb = tokens[i + 2] if i + 2 < len(tokens) else None
            if verb is not None and (category := _category(verb)) is not None:
                group = _group(word) or "unspecified"  # "мирные жители не пострадали": civilians
                found.append(Figure(category, group, Count(0, 0), word.start, verb.end,
                                    rule=_NOBODY))  # fmt: skip
    return found


# -- damage ----------------------------------------------------------------------------------

_OBJECTS: dict[str, set[str]] = {
    "apartment_block": {"багатоповерхівка", "п'ятиповерхівка", "дев'ятиповерхівка",
                        "висотка", "многоэтажка", "пятиэтажка", "девятиэтажка", "багатоквартирний",
                        "многоквартирный"},
    "residential_building": {"житловий", "жилой"},
    "house": {"приватний", "частный", "хата", "котедж"},
    "vehicle": {"автомобіль", "автівка", "авто", "машина", "автомобиль", "транспортний"},
    "public_transport": {"автобус", "тролейбус", "трамвай", "маршрутка", "троллейбус"},
    "school": {"школа", "ліцей", "гімназія", "лицей", "гимназия"},
    "educational": {"освіта", "навчальний", "дитсадок", "садочок", "університет", "коледж",
                    "образование", "учебный", "детсад", "университет"},
    "hospital": {"лікарня", "медзаклад", "медичний", "поліклініка", "больница", "поликлиника",
                 "медицинский"},
    "shop": {"крамниця", "магазин", "супермаркет", "тц", "трц"},
    "office": {"адмінбудівля", "адміністративний", "офіс", "офис", "административный"},
    "industrial": {"підприємство", "завод", "склад", "предприятие", "фабрика"},
    "energy": {"підстанція", "енергетичний", "газоенергетичний", "подстанция", "энергетический"},
    "religious": {"церква", "храм", "собор", "церковь"},
    "cultural": {"музей", "театр", "кінотеатр", "кинотеатр"},
    "railway": {"вокзал", "залізниця", "железная"},
    "restaurant": {"кафе", "ресторан"},
    "other": {"гараж", "готель", "гостиница", "клуб", "база", "автозаправка", "могила",
              "пам'ятка"},
}  # fmt: skip
_DAMAGE = {
    "пошкодити", "пошкоджений", "пошкодження", "зруйнувати", "зруйнований", "руйнування",
    "знищити", "знищений", "повредить", "повреждённый", "поврежденный", "разрушить",
    "разрушенный", "повреждение", "горіти", "загорітися", "спалахнути", "зазнати",
    "понівечений", "вибитий", "уничтожить", "уничтоженный", "обвалитися", "зачепити",
}  # fmt: skip
_DESTROYED = {"зруйнувати", "зруйнований", "знищити", "знищений", "разрушить", "разрушенный",
              "уничтожить", "уничтоженный", "обвалитися"}  # fmt: skip
_PREPOSITIONS = {"у", "в", "на", "біля", "поблизу", "поруч", "до", "від", "по", "около", "возле",
                 "за", "під", "над", "при", "через", "із", "з", "из", "от"}  # fmt: skip


_HEADS = {"будинок", "дом", "будівля", "здание", "заклад", "учреждение", "приміщення",
          "помещение", "об'єкт", "объект", "споруда", "сооружение"}  # fmt: skip
_HOUSES = {"будинок", "дом", "будівля", "здание"}


def _object(word: Word) -> str | None:
    for name, vocabulary in _OBJECTS.items():
        if _is(word, vocabulary):
            return name
    return None


def damage_figures_uk_ru(
    sentence: Sentence, language: str, excluded: list[tuple[int, int]] = ()
) -> list[DamageFigure]:
    """Damaged objects in a Ukrainian or Russian sentence that says something was damaged:
    '5 багатоповерхівок' (count 5), 'школу' (one), 'навчальні заклади' (no count)."""
    tokens = words(sentence.text, language)
    if not any(_is(t, _DAMAGE) for t in tokens):
        return []
    severity = "destroyed" if any(_is(t, _DESTROYED) for t in tokens) else "damaged"
    found: list[DamageFigure] = []
    for i, word in enumerate(tokens):
        if not _noun(word) or any(a <= word.start < b for a, b in excluded):
            continue
        own = _object(word)
        if own is None and not _is(word, _HEADS):
            continue
        start, named = i, []
        while start > 0 and {"ADJF", "PRTF"} & tokens[start - 1].tags:
            start -= 1
            if (name := _object(tokens[start])) is not None:
                named.append(name)
        end = i
        if i + 1 < len(tokens) and _noun(tokens[i + 1]):  # "заклади освіти", "будинок культури"
            if _is(tokens[i + 1], {"культура"}):
                named, end = ["cultural"], i + 1
            elif (name := _object(tokens[i + 1])) is not None and own is None:
                named, end = [name], i + 1
        name = named[0] if named else own
        if name is None and _is(word, _HOUSES):
            name = "residential_building"
        if name is None:
            continue
        before = tokens[start - 1] if start > 0 else None
        if before is not None and before.lower in _PREPOSITIONS:
            continue  # where, not what: "у будинку", "біля школи"
        count = None
        if before is not None and before.number is not None:
            count = _count(before.number, _hedge(tokens, start - 1), before.text)
            start -= 1
        elif (
            before is not None
            and before.lower == "сотні"
            and start > 1
            and tokens[start - 2].lower == "пів"
        ):
            count = Count(50, 50, '"пів сотні": about fifty')
            start -= 2
        elif "plur" not in word.tags and name != "other":
            count = Count(1, 1)
        found.append(DamageFigure(name, count, severity, tokens[start].start, tokens[end].end))
    return found
