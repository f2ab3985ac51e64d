"""Where: the place the strike hit, told apart from the other places a report names.

Capitalised names that the gazetteer knows are candidates; a candidate gains weight when a
strike word points at it ("struck Kryvyi Rih", "the strike on Sumy", "killed in Dnipro") and
loses it in mentions ("similar attacks in Kharkiv, Dnipro and Odesa", "launched from Russia's
Kursk region", the dateline's city)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mapping.extraction.text import Sentence, words_before
from mapping.morphology import analyzer

_NAME = re.compile(r"(?<![\w'-])[A-Z][a-z'\u2019]+(?:[\s-][A-Z][a-z'\u2019]+){0,2}(?![\w'-])")
_STOP = {
    "a", "an", "the", "this", "that", "on", "in", "at", "and", "but", "he", "she", "they", "it",
    "president", "ministry", "minister", "governor", "mayor", "russia", "russian", "ukraine",
    "ukrainian", "western", "palm", "sunday", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "general", "staff", "air", "force",
    "defence", "defense", "kremlin", "telegram", "rescuers", "no", "up", "more", "over", "about",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "un",
    "today", "yesterday", "earlier", "later", "rescue", "death", "toll", "update", "acting",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "dozens", "several",
}  # fmt: skip
_DEMONYMS = {"russian", "ukrainian", "western", "soviet", "belarusian"}
_STRIKE_BEFORE = re.compile(
    r"(?:\b(?:struck|hit|hits|targeted|shelled|attacked|bombed|pounded)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:of\s+|in\s+)?"
    r"|\b(?:strikes?|attacks?|shelling|bombing)\s+(?:on|against)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+|in\s+)?"
    r"|\b(?:killed|injured|wounded|died|dead|damaged|destroyed)\s+(?:[\w-]+\s+){0,3}?in\s+"
    r"|\b(?:city|town|village|port)\s+of\s+|\bin\s+(?:the\s+)?(?:centre|center)\s+of\s+)$",
    re.IGNORECASE,
)
_MENTION = re.compile(
    r"\b(?:similar|other|previous|earlier|also|recent\s+weeks|last\s+(?:week|month|year)|as\s+well\s+as"
    r"|elsewhere|since)\b",
    re.IGNORECASE,
)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:from|over|launched\s+from|fired\s+from)\s+(?:the\s+)?(?:Russia'?s\s+)?(?:[\w-]+\s+){0,2}$"
    r"|\bfrom\s+[A-Z][\w'-]*(?:\s+and\s+)?$",
)
# A name introduced as a settlement: "the village of Hroza", "у селі Гроза", "смт Кушугум"
_SETTLEMENT_BEFORE = re.compile(
    r"\b(?:village|town|settlement|hamlet)\s+of\s+$"
    r"|(?<![\w'’-])(?:село|селі|села|селом|селу|селе|селище|селищі|селища|селищу|смт|хутір|хуторі"
    r"|поселок|поселке|поселку|посёлок|посёлке|посёлку|деревня|деревне|деревню|пгт|с\.|сел\.)\s+$",
    re.IGNORECASE,
)
# "a strike on a city near Kyiv", "a village near the Ukrainian port city of Odesa", "located
# about 50 km (31 miles) southwest of Odesa": a landmark to find the place by, not the place struck
_NEAR_BEFORE = re.compile(
    r"\b(?:near|nearby|outside|close\s+to|(?:north|south|east|west)(?:-?(?:east|west))?\s+of"
    r"|\d+(?:[.,]\d+)?\s*(?:km|kilometres?|kilometers?|miles?)\s+(?:\([^)]{0,20}\)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+)?(?:of|from))\s+"
    r"(?:the\s+)?(?:(?:Ukraine['’]s|Ukrainian|southern|northern|eastern|western|central|port"
    r"|coastal|major|regional|frontline|front-line|Black\s+Sea)\s+){0,3}"
    r"(?:(?:city|town|capital|port)\s+of\s+)?$",
    re.IGNORECASE,
)
_SPEAKS = re.compile(
    r"\s+(?:has\s+)?(?:said|says|claimed|claims|announced|stated|states|insisted|insists|reveal(?:s|ed)"
    r"|reported|maintains|admits|admitted|blames|blamed"
    r"|reports|denie[sd]|warn(?:s|ed)|accuse[sd]|confirm(?:s|ed)|vow(?:s|ed))\b"
)
_REGION_AFTER = re.compile(
    r"^(?:\s+and\s+[A-Z][\w'-]+)?\s+(?:region|regions|regional|oblast|Oblast|province|Region)\b"
    # "the Bilhorod-Dnistrovsky district": a district of a region, named for its seat
    r"|^\s+(?:district|raion)\b(?!\s+of\b)"
)
# "the Shevchenkivskyi district of Kyiv": a part of the city named after it
_DISTRICT_AFTER = re.compile(
    r"^\s+(?:district|raion|neighbou?rhood|microdistrict)\s+of\s+[A-Z]", re.IGNORECASE
)


# How strongly a mention reads as the struck place: named at all; a strike word pointing at it
# ("struck X", "удар по X"); less when its sentence names it in passing ("also", "earlier")
NAMED = 1.0
POINTED_AT = 3.0
IN_PASSING = 3.0
STRUCK = NAMED + POINTED_AT  # a mention a strike word points at
LANDMARK = 0.25  # a place the struck one is found by ("a village near Odesa"): barely the place


_CLOCK_AFTER = re.compile(r"^\s+time\b")
# A country's possessive before one of its places, and the words that may come between
_COUNTRY_OWNS = re.compile(r"(?:Ukraine|Russia|Belarus)['\u2019]s")
_NAMED_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+){0,3}[A-Z]")
_COUNTRY_OWNS_BEFORE = re.compile(r"(?:Ukraine|Russia|Belarus)['\u2019]s\s+(?:[a-z-]+\s+){0,3}$")


@dataclass(frozen=True)
class PlaceMention:
    name: str
    start: int  # in the sentence
    end: int
    score: float
    sentence: Sentence
    region: bool = False  # "Kharkiv region": where no town is named, the strike's region
    settlement: bool = False  # introduced as one ("the village of Hroza", "у селі Гроза")


_REGION_NAME = re.compile(
    r"(?<![\w'-])(?P<name>[A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)?)\s+(?:region|oblast|Oblast"
    r"|province|Region)\b"
)
# A section heading in capitals naming a place ("DNIPRO", "KRYVYI RIH"), as statements list them
_HEADING = re.compile(r"^[A-Z][A-Z'\u2019]+(?:[\s-][A-Z][A-Z'\u2019]+){0,2}$")
_HEADING_UK_RU = re.compile(r"^[А-ЯІЇЄҐЁ][А-ЯІЇЄҐЁ'’]+(?:[\s-][А-ЯІЇЄҐЁ][А-ЯІЇЄҐЁ'’]+){0,2}$")


def _heading(sentence: Sentence, pattern: re.Pattern[str]) -> list[PlaceMention]:
    text = sentence.text.strip()
    if not pattern.match(text):
        return []
    start = sentence.text.index(text)
    name = re.sub(r"[^\W\d_]+", lambda w: w.group().capitalize(), text)
    return [PlaceMention(name, start, start + len(text), 1.0, sentence)]


def place_mentions(sentence: Sentence, skip: list[tuple[int, int]] = ()) -> list[PlaceMention]:
    """Capitalised names in a sentence with how strongly they read as the struck place; the
    regions it names ("Kharkiv region") are marked as such."""
    text = sentence.text
    mention_sentence = bool(_MENTION.search(text))
    found = _heading(sentence, _HEADING)
    for match in _REGION_NAME.finditer(text):
        before = words_before(text, match.start())
        if _ORIGIN_BEFORE.search(before):
            continue
        score = (
            NAMED + POINTED_AT * bool(_STRIKE_BEFORE.search(before)) - IN_PASSING * mention_sentence
        )
        name = f"{match.group('name')} Oblast"
        found.append(PlaceMention(name, match.start(), match.end(), score, sentence, region=True))
    for match in _NAME.finditer(text):
        name = match.group(0)
        words = name.split()
        if len(words) > 1 and words[0].lower() in _DEMONYMS:
            continue  # "Russian Federation", "Ukrainian Railways": a compound, not a place
        while words and (words[0].lower() in _STOP or _COUNTRY_OWNS.fullmatch(words[0])):
            words = words[1:]  # "Ukraine's Pokrovsk": Pokrovsk
        if not words or all(w.lower() in _STOP for w in words):
            continue
        start = match.end() - len(" ".join(words))
        # "Kyiv's Okhmatdyt children's hospital": the city that owns the name after it
        owner = next((k for k, w in enumerate(words[:-1]) if re.search(r"['\u2019]s$", w)), None)
        if owner is not None:
            words = words[: owner + 1]
        end = start + len(" ".join(words))
        name = re.sub(r"['\u2019]s$", "", " ".join(words))  # "Odesa's port": Odesa
        absolute = sentence.start + start
        if any(a <= absolute < b for a, b in skip):
            continue
        before, after = words_before(text, start), text[end:]
        if _DISTRICT_AFTER.match(after) or _CLOCK_AFTER.match(after):
            continue  # "All times are Paris time": no place
        if _COUNTRY_OWNS.fullmatch(match.group(0)) and _NAMED_AFTER.match(after):
            continue  # "Ukraine's capital Kyiv", "Ukraine's Pokrovsk": the city is the place
        before = _COUNTRY_OWNS_BEFORE.sub("", before)
        if _REGION_AFTER.match(after) or _ORIGIN_BEFORE.search(before) or _SPEAKS.match(after):
            continue  # "Kyiv said": a government, no place
        landmark = bool(_NEAR_BEFORE.search(before))
        score = LANDMARK if landmark else NAMED
        if _STRIKE_BEFORE.search(before) and not landmark:
            score += POINTED_AT
        if mention_sentence:
            score -= IN_PASSING
        village = bool(_SETTLEMENT_BEFORE.search(before))
        found.append(PlaceMention(name, start, end, score, sentence, settlement=village))
    return found


# "Reuters | Kyiv | Updated: 30-09-2022 12:20 IST": a syndicated story's credit line, naming the
# city the copy was filed from
_FILED_FROM = re.compile(
    r"^[ \t]*[A-Z][\w.&' -]{1,30}?\s*\|\s*(?P<city>[A-Z][a-z'\u2019-]+(?:\s[A-Z][a-z'\u2019-]+)?)"
    r"\s*\|",
    re.MULTILINE,
)


def filed_from(text: str) -> list[tuple[int, int]]:
    """Spans of the city in a credit line near the top ("Reuters | Kyiv | Updated: ..."):
    where the copy was filed, not the place struck."""
    return [match.span("city") for match in _FILED_FROM.finditer(text[:400])]


# -- Ukrainian and Russian ------------------------------------------------------------------

_NAME_UK_RU = re.compile(
    r"(?<![\w'’-])[А-ЯІЇЄҐЁ][а-яіїєґё'’]+(?:[\s-][А-ЯІЇЄҐЁ][а-яіїєґё'’]+)?(?![\w'’-])"
)
_STRIKE_BEFORE_UK_RU = re.compile(
    r"(?<![\w-])(?:удар\w*|обстріл\w*|атак\w*|вдари\w*|атакува\w*|обстріля\w*|влучи\w*|прилет\w*"
    r"|поціли\w*|поцели\w*"
    r"|обстрел\w*|ударил\w*|нанес\w*|вибух\w*|взрыв\w*|загин\w*|погиб\w*|поранен\w*|ранен\w*)"
    r"\s+(?:[\w'’«»\"-]+\s+){0,4}?(?:по|на|у|в|в\s+місті|в\s+городе|[ув]\s+район[іеу]|поблизу"
    r"|біля|около|возле)\s+$"
    # the place as the shelling's object: "при обстреле Ясиноватой", "обстріл Херсона"
    r"|(?<![\w-])(?:обстріл[уіо]?|обстрел[аеу]?|атак[иіуеа]|удар[уа]?)\s+$"
    r"|(?<![\w-])(?:місто|місті|міста|місту|село|селі|села|селу|селище|селищі|селища|селищу|город"
    r"|городе|города|городу|поселке|поселок|поселку|селе|селу)\s+$",
    re.IGNORECASE,
)
_STRIKE_AFTER_UK_RU = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,2}?(?:вдари\w*|атакува\w*|обстріля\w*|атаку\w*|обстреля\w*)",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(r"(?<![\w-])по\s+$", re.IGNORECASE)
_BLOW_AFTER = re.compile(r"\s+удар(?:у|ом|а)?(?![\w-])", re.IGNORECASE)
_REGION_NAME_UK_RU = re.compile(
    r"(?<![\w'’-])[А-ЯІЇЄҐЁ][\w'’-]+(?:ськ|цьк|зьк|ск|цк)\w*\s+(?:област\w*|обл\.)"
    r"|(?<![\w'’-])[А-ЯІЇЄҐ][\w'’-]+(?:щин|ччин)[аиіу](?![\w'’-])"
)
_DISTRICT_UK_RU = re.compile(r"[А-ЯІЇЄҐЁ][\w'’-]+(?:ськ|цьк|зьк|ск|цк)\w*\s+(?:район\w*|р-н\w*)")
_DISTRICT_AFTER_UK_RU = re.compile(r"\s+(?:район\w*|мікрорайон\w*|микрорайон\w*)\s+[А-ЯІЇЄҐЁ]")
# "Дніпропетровська ОДА", "Харківської обласної військової адміністрації": a body's name
_DISTRICT_WORD_AFTER_UK_RU = re.compile(r"\s+(?:район\w*|р-н\w*)(?![\w-])")
_BODY_AFTER_UK_RU = re.compile(
    r"\s+(?:ОДА|ОВА|МВА|РВА|ДСНС|ГУНП|(?:обласн|міськ|районн|областн|городск)\w*\s+"
    r"(?:(?:військов|державн|военн|государственн)\w*\s+)?(?:адміністрац|администрац|рад|совет)"
    r"|обл(?:асн)?прокуратур|облрад|міськрад|горсовет)"
)
# a region's adjective before its word, in a list of them: "Харьковской, ... и Львовской областях"
_REGION_LISTED_AFTER_UK_RU = re.compile(
    r"(?:\s*,\s*[А-ЯІЇЄҐЁ][\w'’-]+|\s+(?:і|та|и|й)\s+[А-ЯІЇЄҐЁ][\w'’-]+){0,4}\s+(?:област\w*|обл\.)"
)
_REGION_LISTED_BEFORE_UK_RU = re.compile(
    r"(?:ськ|цьк|зьк|ск|цк)\w*(?:\s*,|\s+(?:і|та|и|й))\s+$", re.IGNORECASE
)
_REGION_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк|ск|цк)\w*$", re.IGNORECASE)
_ORIGIN_BEFORE_UK_RU = re.compile(r"(?<![\w-])(?:з|із|зі|из|со|від|от)\s+$", re.IGNORECASE)
_MENTION_UK_RU = re.compile(
    # ("Раніше ...", "Ранее ..." open a sentence about earlier news; not "ранее спасённый")
    r"(?<![\w-])(?:також|тієї\s+ж\s+ночі|того\s+ж\s+дня|^\W*раніше|також|инші|інших|тоже|также"
    r"|^\W*ранее|довідка|справка|у\s+відповідь\s+на|в\s+ответ\s+на|відплат\w*|возмезди\w*)(?![\w-])",
    re.IGNORECASE,
)
_STOP_UK_RU = {
    "росія", "росії", "росіяни", "україна", "україни", "рф", "ова", "ода", "дснс", "зсу", "всу",
    "україні", "україну", "россия", "россии", "россию", "украина", "украины", "украине",
    "украину", "росією", "россией", "україною", "украиной", "росію",
    "уранці", "увечері", "пізніше", "згодом", "за", "під", "по", "після", "станом", "близько",
}  # fmt: skip


# What a capitalised word at a sentence's start most likely is when it is no name: a
# preposition, pronoun or adverb ("Об этом", "Наразі"), or a nation's adjective ("Російська
# армія").
_NO_NAME_POS = {"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "COMP", "INTJ", "PRED"}
_DEMONYM_LEMMAS = {
    "російський", "український", "российский", "украинский", "русский", "білоруський",
    "белорусский", "американський", "американский", "західний", "западный",
    # an office and its adjective: "Голова ОВА повідомив", "Міський голова Ігор Терехов"
    "голова", "глава", "начальник", "очільник", "керівник", "мер", "губернатор", "речник",
    "міністр", "министр", "президент", "прокурор",
    "міський", "обласний", "районний", "сільський", "селищний", "городской", "областной",
    "районный", "сельский",
}  # fmt: skip


# An institution's name opens with what it is: "по Інституту зв'язку" (no village "Institut")
_INSTITUTION_LEMMAS = {
    "інститут", "институт", "університет", "университет", "академія", "академия", "ліцей",
    "лицей", "гімназія", "гимназия", "коледж", "колледж", "лікарня", "больница", "центр",
}  # fmt: skip


@lru_cache(maxsize=16384)  # a report names the same places and officials again and again
def _no_name(word: str, language: str) -> bool:
    parses = analyzer(language).parse(word.lower())
    first = parses[0]
    # "Серед постраждалих": a preposition whatever else the word could be ("середа")
    function_word = any(p.tag.POS in ("PREP", "CONJ") for p in parses)
    # "Всего за день…": a pronoun's adjective; "Дмитрий Шевченко": a person's first name
    grammemes = set(str(first.tag).replace(" ", ",").split(","))  # the tag sets differ by language
    # (not "Києві", whose first reading is the dative of the name "Кий": a place too)
    place_too = any(p.tag.POS == "NOUN" and "inan" in p.tag for p in parses)
    person_or_pronoun = bool(grammemes & {"Apro", "Name"}) and not place_too
    return (
        first.tag.POS in _NO_NAME_POS
        or function_word
        or person_or_pronoun
        or first.normal_form in _DEMONYM_LEMMAS
        or first.normal_form in _INSTITUTION_LEMMAS
    )


@lru_cache(maxsize=4096)
def _common_noun_ru(name: str) -> bool:
    """Whether a Russian word reads first as a common noun and never as a place or a person
    ("Цель", not "Днепр" (Geox) nor "Песков" (Surn)); Russian's dictionary marks towns."""
    if " " in name:
        return False
    parses = analyzer("ru").parse(name.lower())
    marked = any({"Geox", "Surn", "Name", "Patr", "Orgn"} & set(p.tag.grammemes) for p in parses)
    return parses[0].tag.POS == "NOUN" and "inan" in parses[0].tag and not marked


def place_mentions_uk_ru(
    sentence: Sentence, skip: list[tuple[int, int]] = (), language: str = "uk"
) -> list[PlaceMention]:
    """Capitalised Cyrillic names in a sentence with how strongly they read as the struck place
    (a strike word before them: 'удар по Кривому Рогу', 'атакували Львів')."""
    text = sentence.text
    mention_sentence = bool(_MENTION_UK_RU.search(text))
    found = _heading(sentence, _HEADING_UK_RU)
    for match in _NAME_UK_RU.finditer(text):
        name, end = match.group(0), match.end()
        second = match.start() + name.index(" ") + 1 if " " in name else -1
        if second > 0 and (
            _REGION_NAME_UK_RU.match(text, second) or _DISTRICT_UK_RU.match(text, second)
        ):
            # "Гроза Харківської області", "Гроза Купянского района": the village, then where
            name = name.split()[0]
            end = match.start() + len(name)
        if name.lower() in _STOP_UK_RU or name.split()[0].lower() in _STOP_UK_RU:
            continue
        if _no_name(name.split()[0], language):
            continue
        if (
            language == "ru"
            and not re.search(r"\w", text[: match.start()])
            and _common_noun_ru(name)
            and not _STRIKE_AFTER_UK_RU.match(text[end:])
        ):
            continue  # "Цель удара достигнута": a word opening a sentence, no town's name
        absolute = sentence.start + match.start()
        if any(a <= absolute < b for a, b in skip):
            continue
        before = words_before(text, match.start())
        if _ORIGIN_BEFORE_UK_RU.search(before) or _DISTRICT_AFTER_UK_RU.match(text, end):
            continue  # "у Шевченківському районі Києва": the city, not its district
        if _BODY_AFTER_UK_RU.match(text, end) or (
            _REGION_ADJECTIVE.search(name) and _REGION_LISTED_AFTER_UK_RU.match(text, end)
        ):
            continue  # "в Харьковской, Ивано-Франковской и Львовской областях": regions
        district = _DISTRICT_WORD_AFTER_UK_RU.match(text, end)
        if district:  # "у Печерському районі": the district, looked up as one ("Pechersk")
            end = district.end()
            name = text[match.start() : end]
        score = NAMED
        # ("завдала по Одесі удару": the blow after the place it fell on)
        blow_after = _BY_BEFORE.search(before) and _BLOW_AFTER.match(text, end)
        if (
            _STRIKE_BEFORE_UK_RU.search(before)
            or _STRIKE_AFTER_UK_RU.match(text[end:])
            or blow_after
        ):
            score += POINTED_AT
        if mention_sentence:
            score -= IN_PASSING
        village = bool(_SETTLEMENT_BEFORE.search(before))
        found.append(PlaceMention(name, match.start(), end, score, sentence, settlement=village))
    for match in _REGION_NAME_UK_RU.finditer(text):  # "Харківської області", "на Донеччині"
        if _REGION_LISTED_BEFORE_UK_RU.search(words_before(text, match.start())):
            continue  # "в Харьковской, Ивано-Франковской и Львовской областях": a list, no place
        found.append(
            PlaceMention(match.group(0), match.start(), match.end(), 1.0, sentence, region=True)
        )
    return found
