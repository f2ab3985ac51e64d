"""When: the report's own date (header or dateline) and the day of the strike it describes.

Explicit dates are parsed by dateparser; weekdays and relative words ("on Friday", "Sunday's
strike", "yesterday") are resolved by our rule against the report's date: the latest such day
on or before it (a Saturday report's "on Saturday" is that day)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

from mapping.extraction.text import Sentence, words_before

MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH = rf"(?:{MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
# Ukrainian and Russian month names in the cases dates use ("14 квітня 2023", "8 января")
MONTH_NAMES_UK_RU = (
    r"(?:січ(?:ня|ень)|лют(?:ого|ий)|берез(?:ня|ень)|квіт(?:ня|ень)|трав(?:ня|ень)|черв(?:ня|ень)"
    r"|лип(?:ня|ень)|серп(?:ня|ень)|верес(?:ня|ень)|жовт(?:ня|ень)|листопада?|груд(?:ня|ень)"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
)
_EXPLICIT = (
    r"(?:\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}\s+{MONTH_NAMES_UK_RU}(?:\s+\d{{4}}(?:\s+(?:року|р\.|года|г\.))?"
    # "14 січня у 2023 році", "14 января в 2023 году"
    rf"|\s+[ув]\s+\d{{4}}\s+(?:році|году))?"
    rf"|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?"
    # "the 17th of June", "17th June"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+of\s+{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)\s+{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    # a night written as two days: "January 13-14, 2023", "13-14 January"
    rf"|{_MONTH}\s+\d{{1,2}}[-\u2013]\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}[-\u2013]\d{{1,2}}\s+{_MONTH}"
    rf"(?:\s+\d{{4}})?)(?![\w-])"
)
_DAY_BEFORE = re.compile(
    r"(?:a|one) day (?:earlier|before)|the (?:day|night) before|the previous (?:day|night)"
    r"|напередодні|накануне|(?:за )?минул(?:ої|у) доб[иу]|за (?:прошедшие|минувшие) сутки"
)
_TWO_DAYS = re.compile(r"\d{1,2}[-\u2013](?=\d)")  # "13-14": the night's morning, the 14th
_AGO_COUNTS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "два": 2, "дві": 2, "три": 3,
    "чотири": 4, "четыре": 4, "п'ять": 5, "пять": 5,
}  # fmt: skip
_DAYS_AGO = (
    r"(?:two|three|four|five|два|дві|три|чотири|четыре|п'ять|пять|[2-9])\s+"
    r"(?:days\s+(?:ago|earlier|before)|дні\s+тому|днів\s+тому|дня\s+назад|дней\s+назад)"
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = rf"(?:{WEEKDAY_NAMES})(?:'s)?"
_RELATIVE = (
    rf"overnight\s+(?:into|to)\s+(?:{WEEKDAY_NAMES})"
    r"|(?:the\s+day\s+before\s+yesterday|позавчора|позавчера)"
    r"|(?:yesterday|today|tonight|this\s+morning|this\s+evening|last\s+night|overnight)(?:'s)?"
    r"|сьогодні|вчора|учора|сегодня|вчера|минулої\s+ночі|цієї\s+ночі|этой\s+ночью"
    # "Уночі російські війська завдали ракетного удару": the night before the morning's report
    # (not "Вночі проти 2 березня", "Ночью 18 мая": the date after it dates it)
    # (nor "ввечері та вночі": from the evening before)
    r"|(?<!ввечері та )(?<!ввечері і )(?<!вечером и )"
    r"(?:уночі|вночі|ночью)(?!\s+(?:на|проти|с|со|з|із|против)?\s*\d)"
    # "учорашнього удару", "вчерашнего удара": yesterday's
    r"|[ув]чорашн\w+|вчерашн\w+"
    # the day before the report's: "a day earlier", "напередодні", a daily summary's "минулої доби"
    r"|(?:a|one)\s+day\s+(?:earlier|before)|the\s+(?:day|night)\s+before|the\s+previous\s+(?:day|night)"
    r"|напередодні|накануне|(?:за\s+)?минул(?:ої|у)\s+доб[иу]|за\s+(?:прошедшие|минувшие)\s+сутки"
    # "two days ago", "три дні тому", "два дня назад"
    rf"|{_DAYS_AGO}"
)
# Weekdays after "у"/"в": "у п'ятницю", "в суботу", "в воскресенье"
_WEEKDAYS_UK_RU = {
    "понеділок": 0, "вівторок": 1, "середу": 2, "четвер": 3, "п'ятницю": 4, "суботу": 5,
    "неділю": 6, "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4,
    "субботу": 5, "воскресенье": 6,
    # "в ніч проти п'ятниці": the genitive after "проти"
    "понеділка": 0, "вівторка": 1, "середи": 2, "четверга": 3, "п'ятниці": 4, "суботи": 5,
    "неділі": 6,
}  # fmt: skip
# "у п'ятницю", not "у Вербну неділю" read as "у" + "неділю" ("Вербну" ends in "у")
# ... and "в ніч на вівторок", "в ніч проти п'ятниці", "в ночь на вторник": the night into
# that day
_WEEKDAY_UK_RU = (
    r"(?:(?<=(?<![\w'’])[ув]\s)|(?<=(?<![\w'’])ніч\sна\s)|(?<=(?<![\w'’])ночь\sна\s)"
    r"|(?<=(?<![\w'’])ніч\sпроти\s))(?:" + "|".join(_WEEKDAYS_UK_RU) + r")"
)
# "Friday, 14 April": the weekday gives way to the date it introduces (which it dates)
_DATE_FOLLOWS = (
    rf"(?!,?\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d))"
)
DATE_PHRASE = re.compile(
    rf"(?<![\w-])(?P<expr>{_EXPLICIT}|{_WEEKDAY}{_DATE_FOLLOWS}|{_WEEKDAY_UK_RU}|{_RELATIVE})"
    r"(?![\w-])",
    re.IGNORECASE,
)
_STRIKE_WORDS = re.compile(
    r"\b(?:strikes?|struck|attacks?|attacked|hit|shelling|bombing|missiles?|drones?|explosions?"
    r"|shelled|bombed|launched|fired|killed|killing)\b"
    r"|(?<![\w-])(?:удар|обстріл|атак|ракет|дрон|шахед|вибух|влуч|загин|поранен|вдари|обстріля"
    r"|атакува|обстрел|взрыв|погиб|ранен|нанес|пораж|уничтож|знищ)\w*",
    re.IGNORECASE,
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told\s+\w+|wrote|reported|reports|announced|added|stated|confirmed"
    r"|posted|claimed)\s+(?:on\s+|late\s+|early\s+)?$"
    r"|(?<![\w-])(?:повідоми\w*|написа\w*|заяви\w*|сообщи\w*|заяви\w*)\s+(?:[ув]\s+)?$",
    re.IGNORECASE,
)
# "warned of the likelihood of more Russian attacks on Tuesday": attacks to come, not the strike
_TO_COME_BEFORE = re.compile(
    r"\b(?:warn\w*|likelihood|probability|threat|risk|expect\w*)\s+(?:of\s+)?(?:[\w-]+\s+){0,5}$",
    re.IGNORECASE,
)
# "A meeting ... will be held on Thursday, November 20": a day to come dates no report
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|scheduled\s+(?:for|on))\s+(?:[\w-]+\s+){0,3}?(?:on\s+)?"
    r"(?:[\w-]+,?\s+)?$"
    r"|(?<![\w-])(?:відбудеться|состоится|пройде|пройдет)\s+(?:[\w-]+,?\s+){0,2}$",
    re.IGNORECASE,
)
# "These strikes follow yesterday's missile attack in Hroza", "came two days after Monday's
# strike": the day of an earlier strike, not of this one
_EARLIER_BEFORE = re.compile(
    r"\b(?:strikes?|attacks?|shelling|bombardment|barrage|it|this)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:follow(?:s|ed)?|(?:comes?|came)\s+(?:[\w-]+\s+){0,3}after)\s+(?:the\s+)?$"
    r"|(?<![\w-])(?:після|после)\s+$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    rf"^[ \t]*(?P<city>[A-Z][A-Za-z.' -]{{1,40}}?),\s+(?:[A-Z][a-z]+,\s+)?"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
    rf"\s*(?:\((?P<agency>[^)]{{1,40}})\))?\s*[-\u2013\u2014]",
    re.MULTILINE,
)
_DATELINE_UK_RU = re.compile(
    rf"^[ \t]*(?P<city>[А-ЯІЇЄҐЁ][А-ЯІЇЄҐЁ'’ -]{{1,40}}?),\s+"
    rf"(?P<date>\d{{1,2}}\s+{MONTH_NAMES_UK_RU}(?:\s+\d{{4}})?)"
    rf"\s*(?:\((?P<agency>[^)]{{1,40}})\))?\s*[-\u2013\u2014]",
    re.MULTILINE,
)
_DATE_AFTER = re.compile(
    rf",?\s+(?:\d{{1,2}}\s+(?:{MONTH_NAMES_UK_RU}|{_MONTH})|{_MONTH}\s+\d{{1,2}})", re.IGNORECASE
)
_TIME = re.compile(r"\bat\s+(?P<time>(?:[01]?\d|2[0-3]):[0-5]\d)\b")
_NIGHT_OF = re.compile(r"\bnight\s+of\s*$", re.IGNORECASE)
BACKGROUND_AFTER = dt.timedelta(days=31)  # a strike date this long before the report is history
_YEAR = re.compile(r"\b\d{4}\b")
# "18.08.2022", "15/01/2023", "28-07-2022" (a month over 12 is a US-style date: "01/15/2023")
_NUMERIC_DATE = re.compile(
    r"(?<![\d./-])(?P<d>[0-3]?\d)(?P<sep>[./-])(?P<m>[0-3]?\d)(?P=sep)(?P<y>20\d\d)(?![\d./-])"
)
# a page's stamp of its own date, wherever the page puts it near its top: "Reuters | Kyiv |
# Updated: 08-12-2023 12:37 IST" under a lead, "Published On 16 Jan 2024"
_STAMP = re.compile(
    r"(?:^|\|)[ \t]*(?:Updated|Published|Posted|Created|Опубліковано|Оновлено|Опубликовано"
    r"|Обновлено)(?:\s+on)?\s*:?[ \t]*",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class Found:
    """A value read from the text, and where it was."""

    value: object
    start: int
    end: int
    quote: str
    sentence: str | None = None
    guess: str | None = None  # how a value not written in full was inferred


@dataclass(frozen=True)
class Dateline:
    city: str
    city_span: tuple[int, int]
    agency: str | None
    date: Found | None


def parse_explicit(expr: str, base: dt.date) -> dt.date | None:
    """An explicit date ('April 4', '4 April 2025', 'Jan 14'), years missing taken from `base`
    (the latest such day on or before it)."""
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time(23, 59)),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
    }
    if re.search(r"[^\W\d_]", expr):  # "January 13-14": a night, dated by its morning
        expr = _TWO_DAYS.sub("", expr)
    languages = ["uk", "ru"] if re.search(r"[\u0400-\u04ff]", expr) else ["en"]
    expr = re.sub(r"\s+[ув]\s+(\d{4})\s+(?:році|году)$", r" \1", expr)  # "14 січня у 2023 році"
    parsed = dateparser.parse(expr, languages=languages, settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


_WEEKDAY_STEMS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "понеділ": 0, "вівтор": 1, "серед": 2, "четвер": 3, "п'ятниц": 4, "субот": 5,
    "неділ": 6, "понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4,
    "суббот": 5, "воскресен": 6,
}  # fmt: skip
_WEEKDAY_BEFORE = re.compile(
    r"(?<![\w'-])(?P<day>" + "|".join(_WEEKDAY_STEMS) + r")[\w']*,?\s+(?:the\s+)?$", re.IGNORECASE
)


_WEEKDAY_AFTER = re.compile(
    r",?\s+(?:у\s+|в\s+|on\s+)?(?:[\w'’]+\s+)?(?P<day>" + "|".join(_WEEKDAY_STEMS) + r")[\w']*\b",
    re.IGNORECASE,
)


def _year_from_weekday(day: dt.date, weekday: int, base: dt.date) -> dt.date:
    """'в суботу, 1 лютого' with no year: the latest year up to the base's in which that day
    was that weekday (one in about seven years is)."""
    return _latest_with_weekday(day, weekday, base, years=8) or day


def _latest_with_weekday(day: dt.date, weekday: int, base: dt.date, years: int) -> dt.date | None:
    """The day in the latest of `years` years up to the base's (and not after the base's next
    day) in which it falls on `weekday`, if any."""
    for year in range(base.year, base.year - years, -1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if candidate.weekday() == weekday and candidate <= base + dt.timedelta(days=1):
            return candidate
    return None


def with_weekday_year(
    expr: str, day: dt.date, before: str, base: dt.date, after: str = ""
) -> dt.date:
    """A date written without a year takes the year its written weekday fixes ('Saturday,
    February 1', 'НЕДІЛЮ, 8 СІЧНЯ', '13 квітня, у Вербну неділю')."""
    if _YEAR.search(expr) or not re.search(r"\d", expr):
        return day
    found = _WEEKDAY_BEFORE.search(before[-40:]) or _WEEKDAY_AFTER.match(after[:40])
    if found is None:
        return day
    stem = next(k for k in _WEEKDAY_STEMS if found.group("day").lower().startswith(k))
    return _year_from_weekday(day, _WEEKDAY_STEMS[stem], base)


def resolve(expr: str, base: dt.date) -> dt.date | None:
    """The day a date phrase names, seen from a report dated `base`."""
    word = expr.lower().replace("'s", "").strip()
    word = " ".join(word.split())
    word = re.sub(r"^overnight (?:into|to) ", "", word)  # "overnight into Thursday": Thursday
    if word in _WEEKDAYS:
        return base - dt.timedelta(days=(base.weekday() - _WEEKDAYS.index(word)) % 7)
    if (
        word in ("yesterday", "вчора", "учора", "вчера")
        or re.match(r"[ув]чорашн|вчерашн", word)
        or (_DAY_BEFORE.fullmatch(word))
    ):
        return base - dt.timedelta(days=1)
    # an attack "overnight" is dated by the morning it ran into: the report's day
    if word in (
        "today",
        "tonight",
        "this morning",
        "this evening",
        "overnight",
        "сьогодні",
        "сегодня",
    ):
        return base
    # "last night" in a report of the morning after: the night ran into the report's day, as
    # "overnight" does (a strike the evening before is written "yesterday evening")
    if word in ("цієї ночі", "этой ночью", "last night", "минулої ночі", "уночі", "вночі", "ночью"):
        return base
    if word in ("the day before yesterday", "позавчора", "позавчера"):
        return base - dt.timedelta(days=2)
    ago = re.fullmatch(_DAYS_AGO, word)
    if ago is not None:  # "two days ago"
        count = word.split()[0]
        return base - dt.timedelta(days=int(count) if count.isdigit() else _AGO_COUNTS[count])
    if word in _WEEKDAYS_UK_RU:
        return base - dt.timedelta(days=(base.weekday() - _WEEKDAYS_UK_RU[word]) % 7)
    return parse_explicit(expr, base)


def dateline(text: str) -> Dateline | None:
    """'KYIV, April 4 (Reuters) -': the city it was filed from, the agency and the date."""
    found = _DATELINE.search(text[:300]) or _DATELINE_UK_RU.search(text[:300])
    if not found:
        return None
    date = Found(found.group("date"), found.start("date"), found.end("date"), found.group("date"))
    return Dateline(found.group("city").strip(), found.span("city"), found.group("agency"), date)


def report_date(text: str, hint: dt.date | None, today: dt.date) -> Found | None:
    """The report's own date: a dated header line, else its dateline (a year it lacks from the
    hint, else from the weekday its lead names), else the hint given by the analyst. A year
    that is inferred, not written, is said so in `Found.guess`."""
    head = text[:400]
    for line in [line for line in head.split("\n") if line.strip()][:4]:
        start = text.index(line)
        numeric = _NUMERIC_DATE.search(line)
        if numeric:  # "18.08.2022" under a post's author line
            # ("11/8/2024 5:11:35 AM": a twelve-hour clock after it writes the month first)
            american = numeric.group("sep") == "/" and _TWELVE_HOUR.match(line, numeric.end())
            day = _numeric_date(numeric, month_first=bool(american))
            if day:
                return Found(day, start + numeric.start(), start + numeric.end(), numeric.group())
        for match in DATE_PHRASE.finditer(line):
            expr = match.group("expr")
            at = start + match.start("expr")
            if _YEAR.search(expr) or re.match(r"\d{4}-", expr):
                day = parse_explicit(expr, today)
                if day:
                    return Found(day, at, at + len(expr), expr)
            elif (
                _WEEKDAY_BEFORE.search(line[: match.start("expr")])
                and re.search(r"\d", expr)
                and not _FUTURE_BEFORE.search(line[: match.start("expr")])
            ):
                day = parse_explicit(expr, today)  # "ГОЛОВНЕ ЗА НЕДІЛЮ, 8 СІЧНЯ"
                if day:
                    day = with_weekday_year(expr, day, line[: match.start("expr")], today)
                    return Found(day, at, at + len(expr), line.strip())
    for stamp in _STAMP.finditer(text[:2000]):
        found = _stamp_date(text, stamp.end(), today)
        if found:
            return found
    line = dateline(text)
    if line and line.date:
        expr = str(line.date.value)
        day = parse_explicit(expr, hint or today)
        if day:
            guess = None
            if not _YEAR.search(expr) and hint is None:
                day, guess = _dateline_year(day, text[line.date.end : line.date.end + 600], today)
            return Found(day, line.date.start, line.date.end, line.date.quote, guess=guess)
    if hint:
        return Found(hint, 0, 0, "")
    return None


def _stamp_date(text: str, at: int, today: dt.date) -> Found | None:
    """The date a page's stamp gives right after its word, if it writes the year."""
    numeric = _NUMERIC_DATE.match(text, at)
    if numeric:
        day = _numeric_date(numeric)
        return Found(day, numeric.start(), numeric.end(), numeric.group()) if day else None
    phrase = DATE_PHRASE.match(text, at)
    if phrase and _YEAR.search(phrase.group("expr")):
        day = parse_explicit(phrase.group("expr"), today)
        return Found(day, phrase.start(), phrase.end(), phrase.group()) if day else None
    return None


_TWELVE_HOUR = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AP]\.?M\b", re.IGNORECASE)


def _numeric_date(match: re.Match[str], month_first: bool = False) -> dt.date | None:
    """'18.08.2022' as Ukrainian and Russian posts write it: day, month, year (month first
    when the page writes American dates)."""
    year, first, second = int(match.group("y")), int(match.group("d")), int(match.group("m"))
    orders = (
        ((second, first), (first, second)) if month_first else ((first, second), (second, first))
    )
    for day, month in orders:
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _dateline_year(day: dt.date, lead: str, today: dt.date) -> tuple[dt.date, str]:
    """'KYIV, Oct 10 (Reuters) - ... Monday's morning rush hour': a wire names the weekday of
    its own day (or of the night before), which fixes the year the dateline leaves out: the
    latest year up to today in which the day was that weekday. Without a weekday, the latest
    such day on or before today. Either way the year is inferred and said so."""
    lead = lead.split("\n\n")[0]
    named = {
        _WEEKDAYS.index(m.group(1).lower())
        for m in re.finditer(rf"\b({'|'.join(_WEEKDAYS)})\b", lead, re.IGNORECASE)
    }
    for days_before in (0, 1):  # the weekday of the day itself, else of the night before
        fits = [
            found
            for weekday in named
            if (found := _latest_with_weekday(day, (weekday + days_before) % 7, today, years=12))
        ]
        if fits:
            candidate = max(fits)
            shown = candidate - dt.timedelta(days=days_before)
            return candidate, (
                f"the dateline gives no year: {candidate.year} is the latest year in which "
                f"{candidate:%d %B} fits the {_WEEKDAYS[shown.weekday()].title()} its lead names"
            )
    return day, (
        f"the dateline gives no year and its lead no weekday: {day.year} is a guess "
        "(the latest such day up to today); give --date-hint"
    )


def strike_date(
    sentences: list[Sentence], base: dt.date, after: int = 0, dated: bool = True
) -> Found | None:
    """The day of the strike: the first date phrase tied to a strike word (not to 'said'), else
    the first date phrase in a sentence about the strike; phrases before `after` (a dateline)
    are the report's date, not the strike's. A day over a month before the report's own date
    (when it is `dated`) is background ("On 2 June 2022, shelling knocked out a line") and
    stands only if no other date does."""
    fallback = background = None
    for sentence in sentences:
        strike_words = list(_STRIKE_WORDS.finditer(sentence.text))
        if not strike_words:
            continue
        for match in DATE_PHRASE.finditer(sentence.text):
            if sentence.start + match.start() < after:
                continue
            before = words_before(sentence.text, match.start())
            if any(
                p.search(before)
                for p in (_SPEECH_BEFORE, _TO_COME_BEFORE, _EARLIER_BEFORE, _FUTURE_BEFORE)
            ):
                continue
            if _NIGHT_OF.search(before) and re.match(
                r"\s+(?:to|into)\s", sentence.text[match.end() : match.end() + 8]
            ):
                continue  # "the night of 31 January to 1 February": dated by its morning
            if _DATE_AFTER.match(sentence.text, match.end()) and not re.search(
                r"\d", match.group("expr")
            ):
                continue  # "Сьогодні, 17 червня, ...": the date it introduces dates it
            day = resolve(match.group("expr"), base)
            if day is not None:
                following = sentence.text[match.end() : match.end() + 40]
                day = with_weekday_year(match.group("expr"), day, before, base, following)
            if day is None or day > base:
                continue
            start, end = sentence.span(*match.span("expr"))
            found = Found(day, start, end, match.group("expr"), sentence.text)
            if dated and day < base - BACKGROUND_AFTER:
                background = background or found
                continue
            near = any(
                abs(w.start() - match.end()) < 45 or abs(match.start() - w.end()) < 45
                for w in strike_words
            )
            if near:
                return found
            fallback = fallback or found
    return fallback or background


def statement_date(sentence: Sentence, base: dt.date) -> dt.date | None:
    """When a sentence says its speaker spoke ('said on Saturday')."""
    for match in DATE_PHRASE.finditer(sentence.text):
        if _SPEECH_BEFORE.search(words_before(sentence.text, match.start())):
            return resolve(match.group("expr"), base)
    return None


def strike_time(sentences: list[Sentence]) -> Found | None:
    """'at 18:49' in a sentence about the strike."""
    for sentence in sentences:
        if _STRIKE_WORDS.search(sentence.text):
            match = _TIME.search(sentence.text)
            if match:
                start, end = sentence.span(*match.span("time"))
                hour, minute = match.group("time").split(":")
                value = f"{int(hour):02d}:{minute}"  # "6:17" is 06:17, as records write it
                return Found(value, start, end, match.group("time"), sentence.text)
    return None
