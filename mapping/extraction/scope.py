"""Which sentences of a report state no figure of its strike: a roundup's "Separately, ..."
and "Elsewhere, ..." paragraphs, the sections under an "ELSEWHERE" heading and a page's links
to other news ("Читайте також:", a closing list of headlines), history ("In November 2022,
..."), a bulleted item of another day's news, a period's totals (and a count in the thousands
they state, said again), a headline over a body (a summary of the body's), and a sentence the
page prints twice (read once)."""

from __future__ import annotations

import re

from mapping.extraction.dates import MONTH_NAMES, MONTH_NAMES_UK_RU, WEEKDAY_NAMES
from mapping.extraction.text import BULLET, Sentence
from mapping.morphology import has_cyrillic, words

_OTHER_OPENING = re.compile(
    r"^\W*(?:Separately|It\s+(?:is|was)\s+(?:also\s+)?separately\s+reported|Elsewhere"
    r"|In\s+other\s+(?:news|attacks|strikes)"
    r"|In\s+(?:a|another)\s+separate\s+(?:attack|strike|incident)"
    r"|Окремо|Також\s+в\s+інших|Отдельно|В\s+других"
    # "As reported, on April 6, five residents were killed": an earlier report's strike
    r"|As\s+(?:was\s+)?(?:previously\s+|earlier\s+)?reported(?:\s+by\s+\w+)?,\s+(?:on|in|last|earlier)\b"
    # "The strike follows Tuesday's attack ...", "In the past week alone, Russia has ..."
    r"|(?:The|This|It)\s+(?:strikes?|attacks?|shelling|assault)(?:\s+on\s+[A-Z][\w'’-]+)?\s+"
    r"(?:follows|followed|came|comes)\b"
    r"|In\s+the\s+past\s+(?:week|month|few\s+days)|Earlier\s+this\s+(?:week|month)"
    r"|Last\s+(?:week|month)"
    # "In November 2022, a Ukrainian S-300 missile ... landed on Polish soil, killing two
    # farmers": history, a month and year ago
    rf"|In\s+(?:early\s+|late\s+|mid-)?(?:{MONTH_NAMES})\s+\d{{4}}(?=,)"
    # "Нагадаємо, нині зранку росіяни обстрілювали ...": a reminder of earlier strikes
    r"|Нагадаємо|Напомним"
    # "Як повідомлялося, напередодні ... постраждали вісім людей": the day before's strike
    r"|(?:Як|Как)\s+(?:вже\s+|уже\s+|раніше\s+|ранее\s+)?(?:повідомлял\w*|сообщал\w*|писал\w*)"
    r"(?:\s+[\w-]+)?,\s+(?:напередодні|накануне|минулого|прошлой|прошлого|на\s+минулому|на\s+прошлой)"
    r")\b",
    re.IGNORECASE,
)
_OTHER_HEADING = re.compile(
    r"^\W*(?:ELSEWHERE|SEPARATELY|OTHER\s+(?:STRIKES|ATTACKS|REGIONS|NEWS)|IN\s+OTHER\s+NEWS"
    r"|ALSO\s+(?:TODAY|TONIGHT|OVERNIGHT))\b"
)
# a page's list of links to other news, to the next heading: "ЕЩЕ ПО ТЕМЕ", "Читайте також:"
_RELATED = re.compile(
    r"^\W*(?:(?:Read|See)\s+(?:also|more)|Related(?:\s+(?:news|articles|stories))?"
    r"|More\s+on\s+(?:this|the\s+topic)|Latest\s+news|Читайте\s+(?:також|также)"
    r"|(?:Ще|Ещ[её])\s+(?:за\s+темою|по\s+теме)|Більше\s+(?:по\s+темі|новин)|По\s+теме"
    r"|За\s+темою|Останні\s+новини|Последние\s+новости)\W*$",
    re.IGNORECASE,
)
# running text, no link's title: a long sentence with its stop
_RUNNING = re.compile(r"^.{80,}[.!?][\"'»”]?$", re.DOTALL)
# a link to another story on its own line: "Читайте ще: У Рівному поховали військового"
_RELATED_LINE = re.compile(
    r"^\W*(?:Читайте\s+(?:також|ще|также|еще)|Дивіться\s+також|Смотрите\s+также|Read\s+(?:also"
    r"|more)|See\s+also|Also\s+read)\s*:\s*\S",
    re.IGNORECASE,
)
# a headline in a bulleted list, no stop at its end: "- Окупант вдарив по Краматорську: ..."
_LISTED_HEADLINE = re.compile(BULLET.pattern + r"\s*\S.*[^.!?\s]$")
# a count in the thousands, set apart by a comma or a space ("10,287", "10 000")
_THOUSANDS = r"(?<![\d,])\d{1,3}(?:[, \u00a0]\d{3})+(?![\d,])"
# Figures over a period: a month's toll, a running total, a rate
_AGGREGATE = re.compile(
    rf"\b(?:in|during|throughout|for)\s+(?:the\s+month\s+of\s+)?(?:{MONTH_NAMES})\b(?!\s+\d)"
    r"|\b(?:previous|past|last)\s+month\b|\bper\s*cent\b|\bpercent\b"
    r"|(?<![\w-])(?:з\s+початку\s+(?:року|місяця)|с\s+начала\s+(?:года|месяца)"
    r"|за\s+(?:минулий\s+)?місяць|за\s+(?:прошедший\s+)?месяц\b)"
    # a running total: "has verified 10,287 civilians killed", "(the figures) do not
    # include Mariupol"
    r"|\b(?:has|have|had)\s+(?:now\s+|so\s+far\s+)?(?:verified|recorded|documented|registered)\s+"
    r"(?:the\s+(?:killing|deaths?|injur(?:y|ies))\s+of\s+)?(?:at\s+least\s+"
    r"|more\s+than\s+|over\s+)?\d{1,3}(?:,\d{3})+"
    # "from 24 February 2022 to 31 March 2025"
    rf"|\bfrom\s+\d{{1,2}}\s+(?:{MONTH_NAMES})\s+\d{{4}}\s+(?:to|until|through)\b"
    r"|\b(?:do|does|did)\s+not\s+(?:include|take\s+into\s+account|account\s+for)\b"
    # "17 children have died in the region since ...", "The war has killed at least 485 children"
    r"|\bin\s+(?:the\s+(?:region|country|city|oblast)|Ukraine)\s+since\b"
    r"|\bThe\s+war\s+has\s+(?:killed|claimed)\b"
    # "three incidents it believes have killed at least six civilians": several strikes' sum
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple)\s+(?:separate\s+)?"
    r"incidents\b"
    # the same in Ukrainian and Russian: "від початку повномасштабного вторгнення", "тільки в
    # травні", "з 29 грудня зафіксувала", "внаслідок бойових дій", a national toll in thousands
    r"|(?<![\w-])(?:від|с|з|із)\s+(?:початку|начала|моменту)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:вторгнення|вторжения|війни|войны|агресії|агрессии|ескалації|эскалации)"
    r"|(?<![\w-])(?:унаслідок|внаслідок|в\s+результате)\s+(?:повномасштабн\w+\s+)?(?:вторгнення"
    r"|вторжения)|(?<![\w-])повномасштабн\w+\s+(?:війни|войны)|(?<![\w-])жертв\w*\s+(?:війни|войны)"
    r"|(?<![\w-])(?:у|в)\s+(?:січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні"
    r"|жовтні|листопаді|грудні|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре"
    r"|октябре|ноябре|декабре)(?![\w-])(?!\s+\d)"
    rf"|(?<![\w-])(?:з|із|с)\s+\d{{1,2}}\s+{MONTH_NAMES_UK_RU}\s+(?:по\s+\d|\w+\s+)?"
    r"(?:зафіксува|задокументува|зареєструва|зафиксирова|задокументирова|зарегистрирова)"
    r"|(?<![\w-])(?:внаслідок|в\s+результате)\s+(?:бойових\s+дій|боевых\s+действий)"
    rf"|(?<![\w-])(?:в|у)\s+(?:Україні|Украине)\s+[^.]{{0,40}}?{_THOUSANDS}"
    # history: "під час Голодомору 1932-1933 років … померли щонайменше 20 мешканців" (not a
    # birth year: "чоловік 1965 р.н.", "a guard born in 1979")
    r"|(?<!born\sin\s)(?<![\d.])(?:1[89]\d\d|200\d|201[0-3])(?![\d.])(?!\s*(?:р\.\s?н|року\s+народж"
    r"|г\.\s?р|года\s+рождени|р\.н|г\.р))"
    r"|(?<![\w-])(?:зафіксува|задокументува|зареєстрова|верифікува|зафиксирова|задокументирова"
    rf"|зарегистрирова|підтверди|подтверди)\w*\s+[^.]{{0,40}}?{_THOUSANDS}",
    re.IGNORECASE,
)
# (Not "since the full-scale invasion", "this year", "nationwide": reports use them for the
# strike itself, "the deadliest attack on children since February 2022".)
_TOTAL_NOTE = re.compile(
    r"^\W*(?:The|These|This|Those)\s+(?:figures?|numbers?|data|totals?)\b", re.I
)
_HEADING = re.compile(r"^[^a-zа-яіїєґё.!?]{3,80}$")  # a line in capitals: a section heading


def headlines(parts: list[Sentence]) -> set[int]:
    """Positions in `parts` of the head's lines over a body (kicker, headline): in the first
    three paragraphs, a paragraph of one line that ends no sentence. A headline's figures sum
    up the body's, which states them with a source."""
    found: set[int] = set()
    for index, sentence in enumerate(parts):
        if sentence.paragraph > 2 or index + 1 >= len(parts):
            break
        # a line of its own; the first line also when the body follows it on the next line
        alone = index == 0 or (
            parts[index + 1].paragraph != sentence.paragraph
            and parts[index - 1].paragraph != sentence.paragraph
        )
        text = sentence.text.strip()
        if alone and text and text[-1] not in '.!?"”»' and len(text) < 200:
            found.add(index)
    return found


def other_sections(parts: list[Sentence]) -> set[int]:
    """Positions in `parts` of the sentences under a heading of other news: "ELSEWHERE", a
    page's links to other stories ("ЕЩЕ ПО ТЕМЕ", "Читайте також:"), to the next heading; a
    link given on its own line ("Читайте ще: У Рівному поховали ..."); and the list of
    headlines a page closes with ("- Мирноград знову опинився під обстрілом")."""
    found: set[int] = set()
    other_section = related = False
    for index, sentence in enumerate(parts):
        text = sentence.text.strip()
        if _HEADING.match(text) or _RELATED.match(text):
            other_section = bool(_OTHER_HEADING.match(text) or _RELATED.match(text))
            related = bool(_RELATED.match(text))
        elif related and _RUNNING.search(text):
            other_section = related = False  # the story goes on after the links
        elif other_section or _RELATED_LINE.match(text):
            found.add(index)
    closing = 0
    while closing < len(parts) and _LISTED_HEADLINE.match(parts[-1 - closing].text.strip()):
        closing += 1
    if closing >= 2:
        found.update(range(len(parts) - closing, len(parts)))
    return found


def other_incidents(parts: list[Sentence], sections: set[int]) -> set[int]:
    """Positions in `parts` of the sentences about other incidents: from an "ELSEWHERE"
    heading to the next heading, from "Separately, ..." to the end of its paragraph, and a
    period's totals ("641 civilians killed or injured in January"); `sections` are those of
    `other_sections`."""
    found: set[int] = set()
    other_paragraph: int | None = None
    for index, sentence in enumerate(parts):
        text = sentence.text.strip()
        if _HEADING.match(text) or _RELATED.match(text):
            continue
        if _OTHER_OPENING.match(text):
            other_paragraph = sentence.paragraph
        if index in sections or sentence.paragraph == other_paragraph or _AGGREGATE.search(text):
            found.add(index)
            # "... killed at least 1,933 citizens in the region. The figures do not include
            # victims in Mariupol": the total before the note
            if index and _TOTAL_NOTE.match(text):
                found.add(index - 1)
    # "On Friday, Russia killed 23 civilians in Uman" under a lead about Monday: an earlier strike
    lead_day = next((m.group(1).lower() for s in parts[:2] if (m := _WEEKDAY.search(s.text))), None)
    for index, sentence in enumerate(parts[2:], start=2):
        opening = _ON_WEEKDAY.match(sentence.text)
        # (a count in it: "On Monday, the Kremlin stated that …" is a statement, no strike)
        counted = _CASUALTY_WORD.search(sentence.text)
        if lead_day and opening and counted and opening.group(1).lower() != lead_day:
            found.add(index)
    # "On December 25, 2024, Russia attacked Ukraine with over 70 missiles" under a lead about
    # January 8: an earlier strike, to the end of its paragraph
    lead_on = next((_month_day(m) for s in parts[:3] if (m := _ENGLISH_DAY.search(s.text))), None)
    earlier_in: int | None = None
    for index, sentence in enumerate(parts):
        opening = _ON_DATE.match(sentence.text)
        if opening and lead_on and _month_day(opening) != lead_on:
            earlier_in = sentence.paragraph
        if sentence.paragraph == earlier_in:
            found.add(index)
    # "- 22 вересня на світанку російські війська атакували Запоріжжя. Відомо про трьох
    # загиблих": a bulleted item of another day's news under a lead dated 23 September
    lead_date = next((m.group("date") for s in parts[:2] if (m := _DAY_MONTH.search(s.text))), None)
    item_in: int | None = None
    for index, sentence in enumerate(parts):
        item = _DATED_ITEM.match(sentence.text)
        if item and lead_date and _day_month(item.group("date")) != _day_month(lead_date):
            item_in = sentence.paragraph
        elif BULLET.match(sentence.text):
            item_in = None
        if sentence.paragraph == item_in:
            found.add(index)
    # "Учора, 11 липня, росія завдала ракетних ударів по Харкову. В результаті загинули шестеро":
    # a paragraph opening on a strike of another day than the first the report dates
    first_date: tuple[str, str] | None = None
    other_in: int | None = None
    for index, sentence in enumerate(parts):
        opening = _DATED_OPENING_UK_RU.match(sentence.text)
        if (
            opening
            and first_date
            and _day_month(opening.group("date")) != first_date
            and _STRIKE_UK_RU.search(sentence.text)
        ):
            other_in = sentence.paragraph
        if first_date is None and (day := _DAY_MONTH.search(sentence.text)):
            first_date = _day_month(day.group("date"))
        if sentence.paragraph == other_in:
            found.add(index)
    # a total stated again ("«10 000 загиблих цивільних осіб — це похмура віха»") is the total
    totals = {_digits(n) for i in found for n in re.findall(_THOUSANDS, parts[i].text)}
    for index, sentence in enumerate(parts):
        numbers = {_digits(n) for n in re.findall(_THOUSANDS, sentence.text)}
        # "This includes ... 8 civilians": a part of the total before it
        includes = {index - 1, index - 2} & found and _INCLUDES.match(sentence.text)
        if numbers & totals or includes:
            found.add(index)
    return found


_DATELINE_OPENING = re.compile(r"^[A-Z][A-Z.'’ -]{2,30},(?:\s+[A-Z][\w.'’ -]{2,30})?\s+[-–—]\s+")


def copies(parts: list[Sentence]) -> set[int]:
    """Positions in `parts` of sentences a page prints twice word for word (a teaser over the
    story, a headline said again over the body): all copies but one, the one in the longest
    paragraph (the story's own), else the first."""
    size: dict[int, int] = {}
    for sentence in parts:
        size[sentence.paragraph] = size.get(sentence.paragraph, 0) + 1
    seen: dict[str, list[int]] = {}
    for index, sentence in enumerate(parts):
        # (the story's copy may open on its dateline: "KYIV, Ukraine - A Russian glide bomb ...")
        text = _DATELINE_OPENING.sub("", " ".join(sentence.text.split()))
        if len(text) >= 40:
            seen.setdefault(text, []).append(index)
    found: set[int] = set()
    for indices in seen.values():
        if len(indices) > 1:
            kept = max(indices, key=lambda i: (size[parts[i].paragraph], -i))
            found.update(i for i in indices if i != kept)
    return found


def period_totals(sentences: list[Sentence]) -> set[int]:
    """The counts in the thousands that a period's totals state ("10 тисяч загиблих"): a
    sentence saying them again ("Рубіж у 10 тисяч загиблих було подолано 15 листопада, коли
    ракета вбила чотирьох") restates the total, the strike's figure is the other one."""
    found: set[int] = set()
    for sentence in sentences:
        found |= {int(_digits(n)) for n in re.findall(_THOUSANDS, sentence.text)}
        if has_cyrillic(sentence.text):
            found |= {w.number for w in words(sentence.text, "uk") if (w.number or 0) >= 1000}
    return found


_CASUALTY_WORD = re.compile(r"\b(?:killed|killing|dead|died|injured|injuring|wounded|wounding)\b")
_WEEKDAYS = rf"({WEEKDAY_NAMES})"
_WEEKDAY = re.compile(rf"\b(?:on|late|early)\s+{_WEEKDAYS}\b", re.IGNORECASE)
_DAY_MONTH = re.compile(
    rf"(?<![\d.])(?P<date>\d{{1,2}}\s+(?:{MONTH_NAMES_UK_RU}|{MONTH_NAMES}))\b", re.IGNORECASE
)
_DATED_ITEM = re.compile(
    rf"{BULLET.pattern}\s*(?P<date>\d{{1,2}}\s+(?:{MONTH_NAMES_UK_RU}|{MONTH_NAMES}))\b",
    re.IGNORECASE,
)


# "Учора, 11 липня, ...", "Вчера, 11 июля, ..." opening a sentence (a day named as another
# day's, not "12 липня рятувальники ...", an update on the same strike)
_DATED_OPENING_UK_RU = re.compile(
    r"^\W*(?:учора|вчора|вчера|позавчора|позавчера)\s*,?\s*"
    rf"(?P<date>\d{{1,2}}\s+{MONTH_NAMES_UK_RU})\b",
    re.IGNORECASE,
)
_STRIKE_UK_RU = re.compile(
    r"(?<![\w-])(?:удар|обстріл|обстрел|атак|вдари|ударил|обстріля|обстреля|атакува|атакова)\w*",
    re.IGNORECASE,
)


def _day_month(date: str) -> tuple[str, str]:
    """'22 вересня' as (day, the month's first four letters): the same day in any case form."""
    day, month = date.split()[:2]
    return day, month.lower()[:4]


# "January 8", "8 January" (English); "On December 25, 2024," opening a sentence
_ENGLISH_DAY = re.compile(
    rf"\b(?:(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_NAMES}))\b"
)
_ON_DATE = re.compile(
    rf"^\W*On\s+(?:(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+"
    rf"(?P<month2>{MONTH_NAMES}))\b(?:,?\s+\d{{4}})?,"
)


def _month_day(match: re.Match[str]) -> tuple[str, str]:
    """The month and day a match of `_ENGLISH_DAY` or `_ON_DATE` names."""
    return (match.group("month") or match.group("month2")), (
        match.group("day") or match.group("day2")
    )


_ON_WEEKDAY = re.compile(rf"^\W*(?:On|Last|Earlier\s+on)\s+{_WEEKDAYS}\b,?")
_INCLUDES = re.compile(
    r"^\W*(?:This\s+includes|These\s+include|Це\s+включає|Это\s+включает"
    # "За даними МОЗ, також було поранено 1684 цивільні особи": more of the same total
    r"|[^.]{0,30}?(?<![\w-])(?:також|также)\s+(?:було\s+|было\s+)?(?:поранен|ранен|загинул|погибл)"
    # "З початку війни ... загинуло чотири дитини. Ще 44 були поранені."
    r"|(?:Ще|Ещё|Еще)\s+\d)",
    re.IGNORECASE,
)


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)
