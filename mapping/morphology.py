"""Ukrainian and Russian words in any case form: their dictionary forms, numbers written in
words, and the nominative a place name is listed under ("у Кривому Розі" → "Кривий Ріг").

Morphology is pymorphy3 with its Ukrainian and Russian dictionaries, which ship as packages:
nothing is downloaded at run time. The language of a text is told by py3langid between the
three languages reports come in."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

LANGUAGES = ("en", "uk", "ru")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ONLY_UK = set("іїєґІЇЄҐ")
_ONLY_RU = set("ыэъёЫЭЪЁ")
# A word (with the apostrophes of Ukrainian spelling), a number with what is glued to it
# ("14-річна", "16-ї"), thousands set apart by a space ("10 000", "14 059"), a name with digits
# ("С-300", "Х-101"), or one punctuation mark.
_TOKEN = re.compile(
    r"[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)*(?:-[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)*)*"
    r"(?:-\d+[^\W\d_]*)?"
    r"|\d{1,2}:\d{2}(?!\d)|(?<!\d)\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,:])"
    r"|\d+(?:[.,]\d+)?(?:-[^\W\d_]+)?|[^\w\s]"
)
_THOUSANDS_SPACE = re.compile(r"[ \u00a0\u202f]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid import langid

    identifier = langid.LanguageIdentifier.from_modelpath(
        langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
    )
    identifier.set_languages(list(LANGUAGES))
    return identifier


def language_of(text: str) -> str:
    """'en', 'uk' or 'ru': the language most of the text is written in."""
    letters = [ch for ch in text[:20_000] if ch.isalpha()]
    if not letters:
        return "en"
    cyrillic = sum(1 for ch in letters if _CYRILLIC.match(ch))
    if cyrillic < 0.3 * len(letters):
        return "en"
    # Letters only one of the two languages has settle most texts; the model settles the rest.
    uk = sum(1 for ch in letters if ch in _ONLY_UK)
    ru = sum(1 for ch in letters if ch in _ONLY_RU)
    if uk >= 3 * max(ru, 1):
        return "uk"
    if ru >= 3 * max(uk, 1):
        return "ru"
    found = _identifier().classify(text[:20_000])[0]
    return found if found in ("uk", "ru") else "uk"


def sentence_language(text: str, document: str) -> str:
    """A sentence's language in a report written in `document`'s, which may mix them (a
    Ukrainian post quoting a Russian statement, an English article quoting a Telegram post)."""
    if not has_cyrillic(text):
        return "en"
    if document == "en":
        return language_of(text)
    letters = set(text)
    uk, ru = bool(letters & _ONLY_UK), bool(letters & _ONLY_RU)
    if ru and not uk:
        return "ru"
    if uk and not ru:
        return "uk"
    return document


@lru_cache(maxsize=2)
def analyzer(language: str) -> Any:
    """The pymorphy3 analyser of 'uk' or 'ru' (loaded once)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


@dataclass(frozen=True, slots=True)
class Word:
    """A token of a sentence: its text, its offsets and its dictionary forms."""

    text: str
    start: int
    end: int
    lemmas: frozenset[str]
    number: int | None = None  # the value a number word or numeral states
    tags: frozenset[str] = frozenset()

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capital(self) -> bool:
        return self.text[0].isupper()


@lru_cache(maxsize=65536)
def _parsed(word: str, language: str) -> tuple[frozenset[str], frozenset[str], int | None]:
    lower = word.lower().replace("\u2019", "'").replace("\u02bc", "'")
    parses = analyzer(language).parse(lower)
    lemmas = frozenset(p.normal_form for p in parses) | {lower}
    tags: set[str] = set()
    for p in parses[:2]:
        tags |= set(str(p.tag).replace(" ", ",").split(","))
    if language == "uk" and "GRND" in tags and lower.endswith("вши"):
        # The Ukrainian dictionary lists a perfective gerund as its own dictionary form
        # ("вбивши"); it is built on the past stem, so the verb is that stem + "ти" ("вбити")
        lemmas |= {lower[:-3] + "ти"}
    number = None
    for p in parses:
        if p.tag.POS == "NUMR" or p.normal_form in _NUMBER_WORDS:
            number = _NUMBER_WORDS.get(p.normal_form)
            if number is not None:
                break
    return lemmas, frozenset(tags), number


_CASE_ENDINGS = {
    "ти",
    "ми",
    "ка",
    "х",
    "и",
    "ох",
    "ех",
    "ьох",
    "ьом",
    "ом",
    "м",
    "ю",
    "ью",
    "ма",
    "мя",
    # collective numerals: "11-ро людей", "5-ро" (п'ятеро, пятеро)
    "ро",
    "еро",
}


def words(text: str, language: str) -> list[Word]:
    """The tokens of a Ukrainian or Russian text, each with its dictionary forms; numbers
    written in words ("двадцять один", "п'ятьох") carry their value on the first word."""
    found: list[Word] = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token[0].isdigit():
            digits, _, ending = _THOUSANDS_SPACE.sub("", token).partition("-")
            # "50-ти", "трьох" written "3-х": a case ending on a number is still the number
            spelled = not ending or ending.lower() in _CASE_ENDINGS
            value = int(digits) if digits.isdigit() and spelled else None
            found.append(Word(token, match.start(), match.end(), frozenset({token}), value))
        elif token[0].isalpha():
            lemmas, tags, number = _parsed(token, language)
            found.append(Word(token, match.start(), match.end(), lemmas, number, tags))
        else:
            found.append(Word(token, match.start(), match.end(), frozenset({token})))
    return _compound_numbers(found)


def _compound_numbers(tokens: list[Word]) -> list[Word]:
    """'двадцять один' is 21, 'п'ять тисяч' 5,000: one Word over the whole number."""
    out: list[Word] = []
    for word in tokens:
        if (
            out
            and word.number is not None
            and out[-1].number is not None
            and word.start - out[-1].end <= 1
        ):
            before = out[-1]
            if not before.text[0].isdigit() or word.number >= 1000:
                value = _combine(before.number, word.number)
                if value is not None:
                    out[-1] = Word(
                        before.text + " " + word.text, before.start, word.end,
                        before.lemmas | word.lemmas, value, before.tags,
                    )  # fmt: skip
                    continue
        out.append(word)
    return out


def _combine(first: int, second: int) -> int | None:
    if second in (1000, 1_000_000):
        return first * second
    if first >= 100 and first % 100 == 0 and second < 100:
        return first + second
    if first >= 20 and first % 10 == 0 and first < 100 and second < 10:
        return first + second
    return None


def _table() -> dict[str, int]:
    units = {
        # Ukrainian
        "один": 1, "два": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7,
        "вісім": 8, "дев'ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12,
        "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15, "шістнадцять": 16,
        "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19, "двадцять": 20,
        "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70,
        "вісімдесят": 80, "дев'яносто": 90, "сто": 100, "двісті": 200, "триста": 300,
        "чотириста": 400, "п'ятсот": 500, "шістсот": 600, "сімсот": 700, "вісімсот": 800,
        "дев'ятсот": 900, "тисяча": 1000, "двоє": 2, "троє": 3, "четверо": 4, "шестеро": 6,
        "семеро": 7, "восьмеро": 8, "обидва": 2, "обоє": 2,
        # Russian
        "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
        "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
        "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
        "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "пятьдесят": 50,
        "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
        "двести": 200, "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700,
        "восемьсот": 800, "девятьсот": 900, "тысяча": 1000, "двое": 2, "трое": 3,
        "пятеро": 5, "девятеро": 9, "десятеро": 10, "оба": 2,
    }  # fmt: skip
    # collective numerals: "п'ятеро", "шістнадцятеро", "пятеро" from "п'ять", "шістнадцять"
    for word, value in list(units.items()):
        if word.endswith("ть") and value <= 30:
            units.setdefault(word[:-2] + "теро", value)
    return units


_NUMBER_WORDS = _table()


@lru_cache(maxsize=16384)
def nominatives(name: str) -> tuple[str, ...]:
    """The forms a Cyrillic place name may be listed under, most likely first: 'Кривому Розі'
    → ('Кривий Ріг', ...), 'Харківщині' → ('Харківщина',). Latin names give ()."""
    parts = name.split()
    if not parts or len(parts) > 4 or not has_cyrillic(name):
        return ()
    options: list[list[str]] = []
    for part in parts:
        forms: list[str] = []
        for language in ("uk", "ru"):
            for parse in analyzer(language).parse(part.lower())[:8]:
                nominative = parse.inflect({"nomn"})
                for form in (nominative.word if nominative else None, parse.normal_form):
                    if form and form not in forms:
                        forms.append(form)
        options.append(forms[:6] or [part.lower()])
    found: list[str] = []
    for combo in itertools.islice(itertools.product(*options), 200):
        form = " ".join(_capitalised(w, p) for w, p in zip(combo, parts, strict=True))
        if form != name and form not in found:
            found.append(form)
    return tuple(found)


def _capitalised(word: str, like: str) -> str:
    if like[:1].isupper():
        return "-".join(piece[:1].upper() + piece[1:] for piece in word.split("-"))
    return word
