"""A draft incident record from a report's text, each value with its evidence.

The draft uses the record format of `seeds/`, is marked `review: draft`, and is never more
certain than the text: figures from a party to the conflict are `claimed`, everything else
`reported`; nothing is `confirmed` by extraction."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from mapping.extraction.actors import (
    RUSSIAN_MOD,
    Actor,
    Mention,
    Speakers,
    from_moscow_side,
    hearsay,
    publisher,
    slug,
    whose_words,
)
from mapping.extraction.actors_uk_ru import SpeakersUkRu, in_russia, known_surname
from mapping.extraction.claims import (
    ClaimText,
    claims_in,
    claims_in_uk_ru,
    in_the_ministry_s_words,
    not_corroborated,
    not_corroborated_uk_ru,
)
from mapping.extraction.dates import dateline, report_date, statement_date, strike_date, strike_time
from mapping.extraction.figures import (
    DamageFigure,
    Figure,
    casualty_figures,
    damage_figures,
    whole_of,
)
from mapping.extraction.figures_uk_ru import (
    ONE_BY_NOUN,
    casualty_figures_uk_ru,
    damage_figures_uk_ru,
)
from mapping.extraction.numbers import Count
from mapping.extraction.places import (
    STRUCK,
    PlaceMention,
    filed_from,
    place_mentions,
    place_mentions_uk_ru,
)
from mapping.extraction.scope import (
    copies,
    headlines,
    other_incidents,
    other_sections,
    period_totals,
)
from mapping.extraction.text import Sentence, looks_like_text, read_text, sentences
from mapping.extraction.weapon_of_strike import weapon_of_strike
from mapping.geodesy import haversine_m
from mapping.model import Incident, Party, Place
from mapping.morphology import language_of, sentence_language
from mapping.records import dump_yaml, incident_to_record
from mapping.weapons import find_weapons

REPORT = Actor("report", "The report itself (name its publisher)", Party.OTHER)
_OWN_WORDS = "of the speakers the sentence names, the one whose words hold the claim"
_NOT_RUSSIA_S = "no speaker named; Russia's side, the only one named, speaks for soldiers only"
_HEARSAY_WHY = "no speaker named; the report passes the figure on as reported"
PARTIES_TO_THE_CONFLICT = {Party.RUSSIA_GOVERNMENT}  # whose statements about a strike are claims
REPORTING_SIDE = {Party.UKRAINE_GOVERNMENT, Party.LOCAL_AUTHORITY}  # officials of the attacked side
NOTE = (
    "Draft proposed by `strikemap extract` from report text. Check every value against the "
    "evidence before use."
)
_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d{2}\b")
NOT_CORROBORATED_NOTE = "No evidence given; not independently corroborated (per the report)."


@dataclass
class Draft:
    """What extraction found: a record (None when the text held nothing usable) and what the
    analyst should know about it."""

    record: dict[str, Any] | None
    messages: list[str] = field(default_factory=list)
    incident: Incident | None = None  # the record, validated once when it was drafted
    reasons: dict[str, list[str]] = field(default_factory=dict)  # evidence path → how found

    def explain(self) -> str:
        """Each value with its words, its sentence, who said it and the rule that read it (what
        `strikemap extract --explain` prints)."""
        record = self._drafted() and self.record
        assert record is not None
        blocks = []
        for item in record.get("evidence", []):
            path = item["path"]
            if path.startswith("sources["):
                continue
            lines = [f"{path}: {_value_at(record, path)}"]
            lines.append(
                f'  words:    "{item["quote"]}" (characters {item["start"]}-{item["end"]})'
            )
            if item.get("sentence"):
                lines.append(f'  sentence: "{item["sentence"]}"')
            for reason in self.reasons.get(path, []):
                label, _, rest = reason.partition(": ")
                lines.append(f"  {label + ':':<9} {rest}")
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks) + "\n"

    @property
    def found_nothing(self) -> bool:
        return self.incident is None

    def _drafted(self) -> Incident:
        if self.incident is None:
            raise ValueError("no draft: the text held nothing to draft")
        return self.incident

    def to_yaml(self) -> str:
        """The draft as a record file (what `strikemap validate` reads)."""
        return dump_yaml([self._drafted()])

    def to_json(self) -> str:
        """The draft as a JSON record file."""
        return json.dumps(incident_to_record(self._drafted()), ensure_ascii=False, indent=2)


@dataclass
class _Statement:
    actor: Actor
    sentence: Sentence
    start: int
    end: int
    entry: dict[str, Any]
    kind: str  # casualties / damage / claims
    path_key: str  # "killed", "injured", "missing" for casualties
    why: list[str] = field(default_factory=list)  # speaker chain and rule, for --explain


class _Evidence:
    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[dict[str, Any]] = []
        self.reasons: dict[str, list[str]] = {}  # path → how the value was found

    def explain(self, path: str, reasons: list[str]) -> None:
        self.reasons[path] = reasons

    def add(self, path: str, start: int, end: int, sentence: Sentence | None) -> None:
        quote = _shortened(" ".join(self.text[start:end].split()))
        if quote:
            item = {"path": path, "quote": quote, "start": start, "end": end}
            if sentence is not None:
                item["sentence"] = _shortened(" ".join(sentence.text.split()))
            self.items.append(item)


EVIDENCE_CHARS = 2_000  # a sentence longer than this is quoted in part (its span still says where)


def _shortened(text: str) -> str:
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1] + "…"


@dataclass(frozen=True)
class _Reader:
    """The rules that read one language's sentences."""

    language: str
    casualties: Callable[[Sentence], list[Figure]]
    damage: Callable[[Sentence, list[tuple[int, int]]], list[DamageFigure]]
    claims: Callable[[Sentence], list[ClaimText]]
    not_corroborated: Callable[[Sentence], object]
    places: Callable[[Sentence, list[tuple[int, int]]], list[PlaceMention]]


_ENGLISH = _Reader(
    "en", casualty_figures, damage_figures, claims_in, not_corroborated, place_mentions
)


def _reader(language: str) -> _Reader:
    if language == "en":
        return _ENGLISH
    return _Reader(
        language,
        lambda s: casualty_figures_uk_ru(s, language),
        lambda s, excluded: damage_figures_uk_ru(s, language, excluded),
        claims_in_uk_ru,
        not_corroborated_uk_ru,
        lambda s, skip: place_mentions_uk_ru(s, skip, language),
    )


def _count(count: Count) -> dict[str, int] | int:
    if count.min is not None and count.min == count.max:
        return count.min
    return {k: v for k, v in (("min", count.min), ("max", count.max)) if v is not None}


def extract_draft(
    data: str | bytes,
    *,
    date_hint: dt.date | None = None,
    gazetteer: Any = None,
    today: dt.date | None = None,
) -> Draft:
    """Read a report and propose a draft record (see the module's docstring)."""
    today = today or dt.date.today()
    text = read_text(data)
    if not looks_like_text(text):
        return Draft(None, ["found nothing: the input is empty or not text"])

    parts = sentences(text)
    line = dateline(text)
    own_date = report_date(text, date_hint, today)
    base = own_date.value if own_date else today
    assert isinstance(base, dt.date)
    evidence = _Evidence(text)
    language = language_of(text)
    speakers = (
        Speakers(moscow=from_moscow_side(text)) if language == "en" else SpeakersUkRu(language)
    )
    readers = {lang: _reader(lang) for lang in ("en", "uk", "ru")}
    # each sentence's rules, read once: a report may mix languages
    read_by = [readers[sentence_language(s.text, language)] for s in parts]
    default_source = publisher(line.agency if line else None) or speakers.author(text) or REPORT

    statements: list[_Statement] = []
    spoken: dict[Sentence, Actor | None] = {}
    named_at: dict[str, tuple[int, int, Sentence]] = {}  # where each speaker is first named
    doubted: set[str] = set()
    claim_spans: list[tuple[int, int]] = []
    last_wholes: list[tuple[Figure, Actor, Sentence]] = []
    said: list[tuple[Actor | None, Any, Actor | None]] = []
    why_said: list[str] = []  # how each sentence's speaker was found
    several: list[list[Mention]] = []  # per sentence, its speakers when it names several
    printed_twice = copies(parts)  # a teaser over the story: read where the story has it
    for index, sentence in enumerate(parts):
        actor, mention = (None, None) if index in printed_twice else speakers.speaker(sentence)
        said.append((actor, mention, speakers.last))
        several.append(speakers.several)
        why_said.append(speakers.reason if actor is not None else "")
    for i, sentence in enumerate(parts):
        if said[i][1] is None and _EARLIER_REPORTED.match(sentence.text):
            # "Ранее сообщалось о 24 жертвах. Среди них трое детей.": the report's own account
            # of earlier news, to the end of its paragraph
            _give(said, why_said, i, REPORT, "an earlier report the report recalls")
            for j in range(i + 1, len(parts)):
                if parts[j].paragraph != sentence.paragraph or said[j][1] is not None:
                    break
                _give(said, why_said, j, REPORT, "an earlier report the report recalls")
        elif said[i][1] is None and _THEN_KNOWN.search(sentence.text):
            # "..., на той час було відомо щонайменше про п'ятьох загиблих": what the report
            # knew earlier
            _give(said, why_said, i, REPORT, "what the report knew earlier")
    _quotes_to_their_speakers(parts, said, why_said)
    _quoted_paragraphs_to_their_speakers(parts, said, why_said)
    _introduced_to_their_speakers(parts, said, why_said)
    _about_this_to_what_it_follows(parts, said, why_said)
    _wholes_to_their_parts_speakers(parts, said, why_said)
    default_why = _default_reason(default_source, line.agency if line else None)
    others = other_sections(parts)
    elsewhere = other_incidents(parts, others) | printed_twice
    # (who news of other strikes names, "Читайте також: ...", speaks for none of this one's)
    sole = {
        a.id: a
        for i, (a, _m, _l) in enumerate(said)
        if a is not None and a is not REPORT and i not in elsewhere
    }
    if default_source is REPORT and not sole and in_the_ministry_s_words(text):
        # "ВС РФ нанесли удар ... Все цели поражены.", no one named: the ministry's statement
        default_source = RUSSIAN_MOD
        default_why = "no speaker named, the result in the ministry's own words"
    only_named = only_russian = None
    if default_source is REPORT and len(sole) == 1:
        only = next(iter(sole.values()))
        if only.party is not Party.INDEPENDENT_MEDIA and only.party is not Party.STATE_MEDIA:
            default_source, default_why = only, "the only source the report names"
            only_named = only
            only_russian = only if only.party is Party.RUSSIA_GOVERNMENT else None
    restated = period_totals([parts[i] for i in elsewhere])
    head = headlines(parts)
    for index, (sentence, (actor, mention, last_named), read) in enumerate(
        zip(parts, said, read_by, strict=True)
    ):
        spoken[sentence] = actor
        speaker_why = _speaker_line(actor or default_source, why_said[index] or default_why)
        if actor is not None and mention is not None and actor.id not in named_at:
            named_at[actor.id] = (*sentence.span(mention.start, mention.end), sentence)
        source = actor or default_source
        doubter = actor or last_named
        # "No evidence was offered", "could not verify the figures": a doubt about a claim.
        # Officials of the attacked side report; their figures never become claims this way.
        if read.not_corroborated(sentence) and doubter and doubter.party not in REPORTING_SIDE:
            doubted.add(doubter.id)
        as_of = statement_date(sentence, base) or (base if own_date else None)
        speaking = [source, *(m.actor for m in several[index])]
        party_speaks = any(a.party in PARTIES_TO_THE_CONFLICT for a in speaking)
        for claim in read.claims(sentence) if party_speaks else []:
            claim_source, claim_why = source, speaker_why
            if several[index] and actor is not None:
                # "Moscow said it hit air bases, where officials said 29 were killed"
                claim_source = whose_words(claim.start, several[index]).actor
                if claim_source is not actor:
                    claim_why = _speaker_line(claim_source, _OWN_WORDS)
            if claim_source.party in PARTIES_TO_THE_CONFLICT:
                start, end = sentence.span(claim.start, claim.end)
                claim_spans.append((start, end))
                statements.append(
                    _Statement(
                        claim_source,
                        sentence,
                        start,
                        end,
                        {"about": claim.about, "text": claim.text, "as_of": as_of},
                        "claims",
                        "",
                        [claim_why, f"rule: a party's claim about the strike ({claim.about})"],
                    )
                )
        if index in elsewhere:
            continue  # "Separately, ...": another strike's figures
        figures = [
            f
            for f in read.casualties(sentence)
            if f.count.min not in restated and f.count.max not in restated
        ]
        wholes_here = []
        for figure in figures:
            category, figure_source, figure_why = figure.category, source, speaker_why
            if actor is None and source is only_russian and figure.group != "military":
                # "A missile killed two. ... Moscow denies targeting civilians.": Russia's side,
                # the only one named, speaks for the soldiers it counts, not for the victims
                figure_source = REPORT
                figure_why = _speaker_line(REPORT, _NOT_RUSSIA_S)
            elif actor is None and source is only_named and hearsay(sentence.text):
                # "The UN condemned the attack, which reportedly killed 34": passed on, not said
                figure_source = REPORT
                figure_why = _speaker_line(REPORT, _HEARSAY_WHY)
            if figure.part:
                whole, whole_sentence = whole_of(figure, figures, sentence.text), sentence
                if whole is None and last_wholes and not any(not f.part for f in figures):
                    whole, whole_source, whole_sentence = last_wholes[-1]
                    # "Серед них 12 дітей.": the whole's speaker's part; "За даними Вілкула,
                    # серед загиблих 5 дітей" names its own
                    if mention is None and whole_source is not source:
                        figure_source = whole_source
                        figure_why = _speaker_line(
                            whole_source, "the speaker of the total it is part of"
                        )
                if whole is None and figure.category is None:
                    continue
                # "19 у важкому стані, зокрема 4 дитини": a part of a subset of the total
                subset = next(
                    (f for f in figures if f.unless_total and f.start < figure.start), None
                )
                if (
                    subset is not None
                    and not figure.unless_total
                    and any(w.category == subset.category for w, _, _ in last_wholes)
                ):
                    continue
                if figure.unless_total:
                    totals = [w for w, _, _ in last_wholes] + ([whole] if whole else [])
                    if any(w.category == figure.category for w in totals):
                        continue
                    figure, whole = replace(figure, part=False), None
                category = figure.category or (whole.category if whole else None)
                if whole is not None and figure.group == "unspecified":
                    # "16 civilians have been killed. Twelve of them died in Kherson."
                    figure = replace(figure, group=whole.group)
            else:
                wholes_here.append((figure, source, sentence))
            start, end = sentence.span(figure.start, figure.end)
            entry: dict[str, Any] = {
                "group": figure.group,
                category: _count(figure.count),
                "as_of": as_of,
                "note": figure.count.note,
            }
            why = [figure_why, f"rule: {figure.rule or 'a casualty figure'}"]
            if figure.part and whole is not None:
                whole_words = whole_sentence.text[whole.start : whole.end]
                why.append(f"part of: '{whole_words}' (its category, {category})")
            statements.append(
                _Statement(
                    figure_source, sentence, start, end, entry, "casualties", str(category), why
                )
            )
        if wholes_here:
            last_wholes = wholes_here
        local_claims = [
            (a - sentence.start, b - sentence.start)
            for a, b in claim_spans
            if sentence.start <= a < sentence.end
        ]
        for damage in read.damage(sentence, local_claims):
            start, end = sentence.span(damage.start, damage.end)
            entry = {"object": damage.object, "severity": damage.severity, "as_of": as_of}
            if damage.count is not None:
                entry["count"] = _count(damage.count)
                if damage.count.note:
                    entry["note"] = damage.count.note
            why = [speaker_why, "rule: a damaged object in a sentence that says it was damaged"]
            statements.append(_Statement(source, sentence, start, end, entry, "damage", "", why))

    statements = _deduplicated(_without_headline_repeats(statements, {parts[i] for i in head}))
    _civilians_as_said(statements, parts, spoken, default_source)
    record: dict[str, Any] = {"id": "draft", "review": "draft"}
    messages: list[str] = []

    # date and time
    skip_to = line.date.end if line and line.date else 0
    if (
        own_date is not None
        and own_date.end > own_date.start
        and _HEADER_DATE.search(
            text[max(0, text.rfind("\n", 0, own_date.start) + 1) : own_date.start]
        )
        and _HEADER_DATE_END.match(text, own_date.end)
    ):
        # "Update, 18 June 2025: the toll from the strike on 17 June ...", "June 18, 2025 —":
        # the report's own date heads the text; the strike's is read after it
        skip_to = max(skip_to, own_date.end)
    # (not from a section of other news: "ЧИТАЙТЕ ТАКОЖ ... Протягом вчорашнього дня ...")
    ours = [p for i, p in enumerate(parts) if i not in others]
    day = strike_date(ours, base, after=skip_to, dated=own_date is not None)
    if (
        own_date is not None
        and own_date.guess
        and (day is None or not _YEAR_WRITTEN.search(day.quote))
    ):
        messages.append(own_date.guess)
    if day is not None:
        record["date"] = day.value
        evidence.add("date", day.start, day.end, _sentence_at(parts, day.start))
        evidence.explain(
            "date",
            [
                "rule: the first date phrase tied to a strike word, resolved against "
                + (f"the report's own date ({base})" if own_date else f"today's date ({base})")
            ],
        )
        if own_date is None and not _YEAR_WRITTEN.search(day.quote):
            # "on Saturday", "April 4": which week or year is read from today's date
            messages.append(
                f"'{day.quote}' gives no year and the report no date: {day.value} is a guess "
                "from today's date; give --date-hint (the day the report was published)"
            )
    elif own_date is not None:
        record["date"] = own_date.value
        if own_date.end > own_date.start:
            evidence.add("date", own_date.start, own_date.end, _sentence_at(parts, own_date.start))
            evidence.explain("date", ["rule: no date tied to the strike: the report's own date"])
        else:
            messages.append("no date in the text: the date is the --date-hint")
    else:
        record["date"] = today
        messages.append("no date in the text and no --date-hint: today's date stands in; set it")
    time = strike_time(parts)
    if time is not None:
        record["time"] = time.value
        evidence.add("time", time.start, time.end, _sentence_at(parts, time.start))
        evidence.explain("time", ["rule: 'at HH:MM' in a sentence about the strike"])

    # place
    # the dateline's city, and weapons named like places ("an Iskander", "Tornado")
    skip = [line.city_span] if line else []
    skip += filed_from(text)
    skip += [(start, end) for start, end, _words, _match in find_weapons(text)]
    # ("Кроме того, российские военные обстреляли Днепр, ...": another town's hit, named in
    # passing unless no other place is)
    also = _after_also(parts)
    place = _struck_place(parts, read_by, skip, gazetteer, elsewhere | also) or _struck_place(
        parts, read_by, skip, gazetteer, elsewhere
    )
    if place is not None:
        mention, location = place
        record["place"] = location
        start, end = mention.sentence.span(mention.start, mention.end)
        evidence.add("place", start, end, mention.sentence)
        evidence.explain(
            "place",
            [
                "rule: the known place strike words point at most ('struck X', 'killed in X'), "
                "others named in passing count less",
                f"gazetteer: {location['name']}, {location.get('admin1') or ''} "
                f"({location.get('precision')}, ±{location.get('radius_m')} m)",
            ],
        )
        # "Також є влучання у Дніпрі – тут загинули жінка та дитина" under a story of Uman
        away = _about_another_town(parts, read_by, skip, gazetteer, location, also)
        statements = [s for s in statements if s.kind == "claims" or s.sentence not in away]
    else:
        record["place"] = {"name": "unknown"}
        messages.append("no place the gazetteer knows: set place.name")

    if (place is not None and record["place"].get("country") == "RU") or _STRUCK_BY_UKRAINE.search(
        text
    ):
        # a strike in Russia, or by Ukraine's forces on a place Russia holds ("при обстреле
        # Ясиноватой со стороны украинских войск"): its local officials speak for Russia
        statements = [replace(s, actor=in_russia(s.actor)) for s in statements]

    # weapon
    weapon = _weapon(text, parts, spoken, default_source, others)
    used: dict[str, Actor] = {}
    if weapon is not None:
        record["weapon"], span, actor = weapon
        used[actor.id] = actor
        evidence.add("weapon", *span, _sentence_at(parts, span[0]))
        evidence.explain(
            "weapon",
            [
                f"speaker: {actor.name} ({actor.party.value})",
                "rule: a named system before several kinds at once, a description, then "
                "'shelling'; the night's tally and what was shot down only stand in",
            ],
        )

    # statements
    lists: dict[str, list[dict[str, Any]]] = {"casualties": [], "damage": [], "claims": []}
    for statement in statements:
        entry = {"source": statement.actor.id, **statement.entry}
        claimed = statement.actor.party in PARTIES_TO_THE_CONFLICT
        doubtful = statement.actor.id in doubted
        entry["status"] = "claimed" if claimed or doubtful else "reported"
        if doubtful:
            entry["note"] = "; ".join(filter(None, [entry.get("note"), NOT_CORROBORATED_NOTE]))
        target = lists[statement.kind]
        suffix = f".{statement.path_key}" if statement.path_key else ""
        path = f"{statement.kind}[{len(target)}]{suffix}"
        evidence.add(path, statement.start, statement.end, statement.sentence)
        if claimed:
            status_why = f"status: claimed ({statement.actor.party.value} is a party to the war)"
        elif doubtful:
            status_why = "status: claimed (the report says the claim is not corroborated)"
        else:
            status_why = "status: reported"
        evidence.explain(path, [*statement.why, status_why])
        target.append({k: v for k, v in entry.items() if v is not None})
        used[statement.actor.id] = statement.actor
    if not used:
        used[default_source.id] = default_source
    record["sources"] = [
        {"id": a.id, "name": a.name, "party": a.party.value} for a in used.values()
    ]
    for i, actor in enumerate(used.values()):
        if actor.id in named_at:
            evidence.add(f"sources[{i}]", *named_at[actor.id])
        elif actor is default_source and line is not None and line.agency:
            start = text.find(line.agency)
            evidence.add(
                f"sources[{i}]", start, start + len(line.agency), _sentence_at(parts, start)
            )
    for key, items in lists.items():
        if items:
            record[key] = items
    struck = place is not None and place[0].score > 1  # a strike word points at the place
    if not (lists["casualties"] or lists["damage"] or lists["claims"] or weapon or struck):
        return Draft(None, ["found nothing: no strike, weapon or figure in the text"])
    record["id"] = f"draft-{record['date']}-{slug(record['place']['name'])}"
    guessed = [m for m in messages if "is a guess" in m or "gives no year" in m]
    record["notes"] = " ".join([NOTE, *(f"Date guessed: {m}" for m in guessed)])
    record["evidence"] = evidence.items
    record = _ordered(record)
    # a draft that does not validate is a bug, not a draft: this raises
    return Draft(record, messages, Incident.model_validate(record), evidence.reasons)


# "Про це повідомив ...", "Об этом сообщил ...", "This was reported by ...": the speaker of
# what came before
_ABOUT_THIS = re.compile(
    r"^\W*(?:(?:Як|Как)\s+(?:передає|передает|пише|пишет|інформує|информирует)\s+[^,]{2,40},\s+)?"
    r"(?:Про\s+це|про\s+це|Об\s+этом|об\s+этом|О\s+том|Про\s+що|This\s+was\s+(?:reported|announced|stated)"
    r"|That\s+was\s+(?:reported|announced|according)|Source|Джерело|Источник"
    # "Такі дані оприлюднив Федоров", "Інформацію підтвердили в ОВА", "Эти данные привел ..."
    r"|(?:Такі|Ці)\s+дані|Інформацію|Эти\s+данные|Такие\s+данные|Информацию"
    r"|(?:These|The)\s+figures\s+(?:were|came|come)|The\s+information\s+(?:was|came)"
    r"|This\s+(?:is|was)\s+(?:stated|said|reported)\s+(?:in|by))\b"
    # "Oleksandr Prokudin, head of the regional administration, reported this on Telegram"
    # "- Kiper wrote on social media." closing the paragraph it signs
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:wrote|said|noted|added|reported|stated)\s+(?:on|in)\s+"
    r"(?:social\s+media|Telegram|Facebook)\W*$"
    # "Офіційний представник ОВА Сергій Лисак підтвердив ці числа"
    r"|^[^.]*?(?<![\w-])(?:підтверди\w*|подтверди\w*)\s+(?:ці|эти|такі|такие)\s+(?:числа|цифри|цифры"
    r"|дані|данные)(?![\w-])"
    r"|^[^.]*?\b(?:reported|reports|posted|announced|stated|wrote|writes|confirmed|said)\s+this"
    r"(?=\s+(?:on|in|via|at|to|with\s+(?:a\s+)?reference\s+to|citing)\b|\s*[.,]|\s*$)",
    re.IGNORECASE,
)


_HEADER_DATE = re.compile(
    r"^\W*(?:(?:Update[sd]?|Posted|Published|As\s+of|Statement|Date|[A-Z][\w ]{0,40}statement)"
    r"[\s,:]*(?:on\s+)?)?$",
    re.IGNORECASE,
)
_HEADER_DATE_END = re.compile(r"[ \t]*(?:[:|—–-]|$|\n)", re.MULTILINE)
_EARLIER_REPORTED = re.compile(
    r"\W*(?:Раніше\s+(?:повідомлял(?:ося|ось)|писали|було\s+відомо)|Ранее\s+(?:сообщалось|писали"
    r"|было\s+известно)"
    r"|Як\s+повідомлял(?:ося|ось)|Как\s+сообщалось|Earlier\s+reports\s+(?:said|indicated|suggested)"
    r"|It\s+was\s+earlier\s+reported"
    # a news site's "Previously: ..." paragraph; "Earlier, it was stated that 16 ..."
    r"|Previously(?=\s*:)|Earlier,?\s+it\s+was\s+(?:stated|reported|said)"
    # "Зазначимо, що ...", "Отметим, что ...": the outlet's own remark
    r"|Зазначимо|Відзначимо|Заметим|Отметим)\b",
    re.IGNORECASE,
)
_THEN_KNOWN = re.compile(
    r"(?<![\w'])(?:на\s+той\s+час|тоді|на\s+тот\s+момент|тогда)\s+(?:було|было)\s+"
    r"(?:відомо|известно)\b",
    re.IGNORECASE,
)
# "... The deceased was 45 - Prokudin wrote on social media.": a dash signing off the words
# before it
_SIGNED_OFF = re.compile(
    r"\s[-–—]\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:wrote|said|noted|added|reported|stated)\b"
    r"[^.;]{0,60}\W*$"
    # a post as a page embeds it: "... — Volodymyr Zelenskyy (@ZelenskyyUa) April 4, 2025"
    r"|\s[-–—]\s+[^\n]{2,80}?\(@\w+\)\s*[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\W*$"
)


def _speaker_line(actor: Actor, why: str) -> str:
    """The explanation's speaker line: who is speaking, their party, and how that was read."""
    return f"speaker: {actor.name} ({actor.party.value}): {why}"


def _give(
    said: list[tuple[Actor | None, Any, Actor | None]],
    why_said: list[str],
    index: int,
    actor: Actor,
    why: str,
) -> None:
    """Sentence `index` is `actor`'s, who is named elsewhere, for the reason `why`."""
    said[index] = (actor, None, said[index][2])
    why_said[index] = why


def _default_reason(default: Actor, agency: str | None) -> str:
    """Why a sentence naming no speaker is given to the default source."""
    if default is REPORT:
        return "no speaker named: the report's own voice"
    if agency:
        return f"no speaker named: the dateline's agency ({agency})"
    return "no speaker named: the author or body that heads or signs the text"


def _about_this_to_what_it_follows(
    parts: list[Sentence],
    said: list[tuple[Actor | None, Any, Actor | None]],
    why_said: list[str],
) -> None:
    """'Загинули п'ятеро людей. Про це повідомили в ОВА.': the sentences before, in its
    paragraph (or the paragraph before, when it opens one), that name no speaker of their own
    are that speaker's."""
    for j, sentence in enumerate(parts):
        actor, mention, _ = said[j]
        about_this = _ABOUT_THIS.match(sentence.text) or _SIGNED_OFF.search(sentence.text)
        if actor is None or mention is None or not about_this:
            continue
        if j == 0:
            continue
        paragraph = sentence.paragraph
        if parts[j - 1].paragraph != paragraph:
            paragraph = parts[j - 1].paragraph
        i = j - 1
        while i >= 0 and parts[i].paragraph == paragraph and said[i][1] is None:
            why = f"a later sentence says who said it ('{sentence.text[:40].strip()}...')"
            _give(said, why_said, i, actor, why)
            i -= 1
        # "Про це повідомив Синєгубов." as a paragraph of its own between the lead and the
        # details: the next paragraph's sentences that name no speaker are theirs too
        alone = (j + 1 < len(parts) and parts[j + 1].paragraph != sentence.paragraph) and (
            parts[j - 1].paragraph != sentence.paragraph
        )
        k = j + 1
        while alone and k < len(parts) and parts[k].paragraph == sentence.paragraph + 1:
            if said[k][0] is not None:
                break
            _give(said, why_said, k, actor, "the paragraph before says whose it is")
            k += 1


# a sentence naming the parts of the figure before it: "Серед жертв 14 дорослих і двоє дітей"
_PART_OPENS = re.compile(
    r"^\W*(?:Серед\s+(?:них|яких|жертв|загиблих|постраждалих|поранених)|Среди\s+(?:них|которых"
    r"|жертв|погибших|пострадавших|раненых)|З\s+них|Из\s+них|Among\s+(?:them|the\s+(?:dead"
    r"|injured|victims))|Of\s+(?:them|those))\b",
    re.IGNORECASE,
)


def _wholes_to_their_parts_speakers(
    parts: list[Sentence],
    said: list[tuple[Actor | None, Any, Actor | None]],
    why_said: list[str],
) -> None:
    """'Кількість загиблих зросла до 16. Серед жертв двоє дітей, повідомили в ДСНС.': a
    sentence naming the parts of the figure before it, and its speaker, gives that speaker
    the sentence before, in its paragraph, where it names none."""
    for j in range(1, len(parts)):
        actor, mention, _ = said[j]
        before = parts[j - 1]
        if (
            actor is None
            or mention is None
            or before.paragraph != parts[j].paragraph
            or said[j - 1][0] is not None
            or not _PART_OPENS.match(parts[j].text)
        ):
            continue
        _give(said, why_said, j - 1, actor, "the next sentence names its parts and who gave them")


def _introduced_to_their_speakers(
    parts: list[Sentence],
    said: list[tuple[Actor | None, Any, Actor | None]],
    why_said: list[str],
) -> None:
    """'Governor Syniehubov wrote on Telegram:' gives him what follows, up to the end of the
    next paragraph (of a quotation it opens, up to its close), in sentences naming no speaker
    of their own."""
    for i, sentence in enumerate(parts):
        actor, mention, _ = said[i]
        if actor is None or mention is None or not sentence.text.rstrip().endswith(":"):
            continue
        quoting = False
        for j in range(i + 1, len(parts)):
            beyond = parts[j].paragraph > sentence.paragraph + 1
            if (beyond and not quoting) or said[j][1] is not None:
                break
            _give(said, why_said, j, actor, f"introduced by '{sentence.text.strip()[-50:]}'")
            quoting ^= parts[j].text.count('"') % 2 == 1


def _quotes_to_their_speakers(
    parts: list[Sentence],
    said: list[tuple[Actor | None, Any, Actor | None]],
    why_said: list[str],
) -> None:
    """A quotation of several sentences is its speaker's throughout: '"The toll rose to 14.
    One died in hospital," the administration said' gives the first sentence to the
    administration too (and every sentence between the quotation marks)."""
    for i, sentence in enumerate(parts):
        text = sentence.text.lstrip()
        if not text.startswith('"') or text.count('"') % 2 == 0 or said[i][1] is not None:
            continue
        for j in range(i + 1, min(i + 10, len(parts))):  # (a minister's post of seven)
            if parts[j].text.count('"') % 2 == 1:  # the quotation closes here
                actor, mention, _ = said[j]
                if actor is not None and mention is not None:
                    why = "a quotation over several sentences, its speaker named at its close"
                    for k in range(i, j):  # its opening sentence and those between
                        if said[k][1] is None:
                            _give(said, why_said, k, actor, why)
                break


def _quoted_paragraphs_to_their_speakers(
    parts: list[Sentence],
    said: list[tuple[Actor | None, Any, Actor | None]],
    why_said: list[str],
) -> None:
    """A paragraph that is one quotation, no speaker named in it, right after a paragraph
    closing on a quoted speaker's words, goes on quoting that speaker ('"..., " the ministry
    said.' then '"The assigned objects are hit."')."""
    for i, sentence in enumerate(parts):
        if i == 0 or parts[i - 1].paragraph != sentence.paragraph - 1:
            continue  # not a paragraph's first sentence
        before_actor, before_mention, _ = said[i - 1]
        if before_actor is None or before_mention is None or '"' not in parts[i - 1].text:
            continue
        paragraph = [k for k in range(i, len(parts)) if parts[k].paragraph == sentence.paragraph]
        whole = " ".join(parts[k].text.strip() for k in paragraph)
        if not (whole.startswith('"') and whole.endswith('"') and whole.count('"') == 2):
            continue
        if any(said[k][1] is not None for k in paragraph):
            continue
        for k in paragraph:
            _give(said, why_said, k, before_actor, "a quoted paragraph after its speaker's quote")


# A speaker saying the dead and hurt were civilians: "casualties among the civilian population",
# "Only civilians — pensioners and children", "all of them civilians"
_ALL_CIVILIANS = re.compile(
    r"\b(?:casualties|victims|dead|killed|injured|wounded)\s+(?:are\s+|were\s+)?among\s+the\s+"
    r"civilian\s+population\b|\bonly\s+civilians\b|\ball\s+(?:of\s+them\s+)?(?:were\s+)?civilians\b"
    r"|(?<![\w-])(?:серед\s+цивільного\s+населення|лише\s+цивільні|тільки\s+цивільні"
    r"|среди\s+мирного\s+населения|только\s+мирные)",
    re.IGNORECASE,
)


def _civilians_as_said(
    statements: list[_Statement],
    parts: list[Sentence],
    spoken: dict[Sentence, Actor | None],
    default: Actor,
) -> None:
    """A speaker who says the casualties were civilians gives civilians' figures: their
    figures with no group are civilians."""
    sayers = {(spoken.get(s) or default).id for s in parts if _ALL_CIVILIANS.search(s.text)}
    for statement in statements:
        if (
            statement.kind == "casualties"
            and statement.actor.id in sayers
            and statement.entry.get("group") == "unspecified"
        ):
            statement.entry["group"] = "civilians"


def _key(s: _Statement, with_source: bool = False) -> tuple:
    """What a statement says (its source too, if asked), whenever and however noted."""
    entry = {k: v for k, v in s.entry.items() if k not in ("as_of", "note")}
    return ((s.actor.id,) if with_source else ()) + (s.kind, repr(sorted(entry.items())))


def _without_headline_repeats(
    statements: list[_Statement], head: set[Sentence]
) -> list[_Statement]:
    """A headline's figure goes when the body states it too (the body says who gave it), or a
    headline above states it (a title and its subtitle); a post's title that alone gives a
    figure keeps it."""

    in_body = {_key(s) for s in statements if s.sentence not in head}
    # "... Climbs to Twenty-Five" over "At least 25 individuals ... lost their lives"
    body_values = {v for s in statements if s.sentence not in head for v in _values(s)}
    # "Several dead, dozens injured": a vague headline count the body states exactly
    body_categories = {v[:2] for v in body_values}

    # "51 людина загинула, 6 поранені" over "відомо про 51 загиблу ... Зазнали поранення 7
    # людей": a headline stating one of the body's counts sums up the body, its other counts
    # of what the body counts too
    summing_up = {
        s.sentence for s in statements if s.sentence in head and set(_values(s)) & body_values
    }

    def repeated(s: _Statement) -> bool:
        vague = "read as at least" in (s.entry.get("note") or "")
        told = {v[:2] for v in _values(s)} & body_categories
        above = {
            v
            for t in statements
            if t.sentence in head and t.sentence.start < s.sentence.start
            for v in _values(t)
        }
        return (
            _key(s) in in_body
            or (bool(_values(s)) and set(_values(s)) <= above)
            or bool(set(_values(s)) & body_values)
            or bool((vague or s.sentence in summing_up) and told)
            or _bounds(s, body_values)
        )

    return [s for s in statements if s.sentence not in head or not repeated(s)]


def _bounds(s: _Statement, body_values: set[tuple]) -> bool:
    """Whether a headline's range holds a count the body states exactly ("more than 20 injured"
    over "22 people were injured")."""
    for category in ("killed", "injured", "missing"):
        value = s.entry.get(category)
        if not isinstance(value, dict):
            continue
        low, high = value.get("min"), value.get("max")
        for kind, told, n in body_values:
            inside = (low is None or n >= low) and (high is None or n <= high)
            if kind == s.kind and told == category and inside:
                return True
    return False


def _values(s: _Statement) -> list[tuple]:
    """The numbers a casualty statement gives, each with its category: an exact count, or the
    ends of its range."""
    found = []
    for category in ("killed", "injured", "missing"):
        value = s.entry.get(category)
        ends = [value] if isinstance(value, int) else list((value or {}).values())
        found += [(s.kind, category, n) for n in ends if isinstance(n, int)]
    return found


def _deduplicated(statements: list[_Statement]) -> list[_Statement]:
    """The same figure from the same source once in a paragraph (an update that restates it
    later is a statement of its own, as of then); a figure the report states without a source
    is dropped when a named source gives the same figure."""

    def loose(s: _Statement) -> tuple:  # the group aside: "четверо загиблих" = "4 civilians killed"
        entry = {k: v for k, v in s.entry.items() if k not in ("as_of", "note", "text", "group")}
        return (s.kind, repr(sorted(entry.items())))

    attributed = {_key(s) for s in statements if s.actor.id != REPORT.id}
    attributed |= {loose(s) for s in statements if s.actor.id != REPORT.id}
    seen: dict[tuple, int] = {}  # key → paragraph where last stated
    kept = []
    for statement in statements:
        # "A 55-year-old man was killed ... a 43-year-old man had also died": two people
        words = statement.sentence.text[
            statement.start - statement.sentence.start : statement.end - statement.sentence.start
        ]
        k = _key(statement, with_source=True) + tuple(_AGE_OF_ONE.findall(words))
        if f"rule: {ONE_BY_NOUN}" in statement.why:
            k += (words.lower(),)  # "12-річна дівчинка ... хлопчик також госпіталізований"
        if k in seen and seen[k] == statement.sentence.paragraph:
            continue
        if statement.actor is REPORT and (
            _key(statement) in attributed or loose(statement) in attributed
        ):
            continue
        seen[k] = statement.sentence.paragraph
        kept.append(statement)
    return kept


_AGE_OF_ONE = re.compile(r"\b(\d{1,3})-years?-old\b")


def _value_at(record: dict[str, Any], path: str) -> str:
    """The drafted value an evidence path names ('casualties[0].killed' → '16')."""
    value: Any = record
    for key, index in re.findall(r"(\w+)(?:\[(\d+)\])?", path):
        value = value.get(key) if isinstance(value, dict) else None
        if index and isinstance(value, list):
            value = value[int(index)]
    if isinstance(value, dict) and set(value) <= {"min", "max"}:
        low, high = value.get("min"), value.get("max")
        return (
            f"at least {low}"
            if high is None
            else f"at most {high}"
            if low is None
            else f"{low}-{high}"
        )
    if isinstance(value, dict):
        named = ("name", "text", "system", "category")
        return str(next((value[k] for k in named if value.get(k)), value))
    return str(value)


def _sentence_at(parts: list[Sentence], offset: int) -> Sentence | None:
    return next((s for s in parts if s.start <= offset < s.end), None)


def _listed_name(gazetteer: Any, name: str, settlement: bool = False) -> str | None:
    """The name as the gazetteer lists a town (pop. 1,000 or more; any settlement of the
    theatre where the report calls it one: 'the village of Hroza'): as written, or the
    nominative of a Ukrainian or Russian case form ('Кривому Розі' → 'Кривий Ріг')."""
    theatre = gazetteer.theatre
    for form in gazetteer.listed_forms(name):
        for row in gazetteer.exact(form):
            if row.population >= 1000 or (
                settlement and (not theatre or theatre.contains(row.country, row.lat, row.lon))
            ):
                return form
    return None


# "Також є влучання у Дніпрі", "Кроме того, в Харькове": a sentence adding another town's hit
_ALSO_ELSEWHERE = re.compile(
    r"^\W*(?:Також|Крім\s+того|Окрім\s+(?:цього|того)|Кроме\s+того|Также|Помимо\s+этого|Also"
    r"|In\s+addition|Simultaneously"
    # "At the same time as Zaporizhzhia, the Russians shelled Stepnohirsk" (the town compared
    # with is no place of this hit)
    r"|At\s+the\s+same\s+time\s+as\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    # "These incidents follow the massive 14 November strike on Kyiv, which killed six"
    r"|(?:This|These|It|The\s+(?:attacks?|strikes?))\s+(?:[\w-]+\s+){0,2}?(?:follows?|followed"
    r"|(?:comes?|came)\s+(?:[\w-]+\s+){0,3}?after))\b",
    re.IGNORECASE,
)
AWAY_M = 30_000  # a town this far from the struck place is another town


def _after_also(parts: list[Sentence]) -> set[int]:
    """Positions of the sentences that open with "also" ("Також є влучання у Дніпрі", "Кроме
    того, ...") and of those after them in their paragraph."""
    found: set[int] = set()
    also_in: int | None = None  # the paragraph an "also" sentence opened
    for index, sentence in enumerate(parts):
        if _ALSO_ELSEWHERE.match(sentence.text):
            also_in = sentence.paragraph
        if sentence.paragraph == also_in:
            found.add(index)
    return found


def _about_another_town(
    parts: list[Sentence],
    read_by: list[_Reader],
    skip: list[tuple[int, int]],
    gazetteer: Any,
    location: dict[str, Any],
    also: set[int],
) -> set[Sentence]:
    """Sentences that add another town's hit ("Також є влучання у Дніпрі ..."): those of
    `also` (`_after_also`: "Кроме того, ... обстреляли Днепр, Кривой Рог. Несколько попаданий
    зафиксировано в Кривом Роге, там погибли ...") that name only towns far from the struck
    place."""
    away: set[Sentence] = set()
    for index, (sentence, read) in enumerate(zip(parts, read_by, strict=True)):
        if index not in also:
            continue
        distances = []
        opener = _ALSO_ELSEWHERE.match(sentence.text)
        here = [*skip, sentence.span(*opener.span())] if opener else skip
        for found in read.places(sentence, here):
            listed = None if found.region else _listed_name(gazetteer, found.name, found.settlement)
            row = gazetteer.geocode(Place(name=listed)) if listed else None
            # (a name many villages share is far only if each of them is)
            for spot in [row, *(row.candidates or ())] if row is not None else []:
                distances.append(haversine_m(spot.lat, spot.lon, location["lat"], location["lon"]))
        if distances and min(distances) > AWAY_M:
            away.add(sentence)
        elif (
            not distances
            and index
            and parts[index - 1] in away
            and parts[index - 1].paragraph == sentence.paragraph
        ):
            away.add(sentence)  # "... shelled Stepnohirsk. Two were rescued, two more died."
    return away


OUTSIDE_THEATRE = 1.0  # a place outside the team's theatre counts only where a strike points at it


def _in_theatre(gazetteer: Any, name: str, settlement: bool = False) -> bool:
    """Whether a town of that name (pop. 1,000 or more, or any size where the report calls it
    a settlement, as `_listed_name`) is in the theatre."""
    theatre = gazetteer.theatre
    return not theatre or any(
        theatre.contains(r.country, r.lat, r.lon)
        for r in gazetteer.exact(name)
        if r.population >= 1000 or settlement
    )


def _in_named_region(gazetteer: Any, mention: PlaceMention, regions: list[PlaceMention]) -> Any:
    """The struck town, inside the region the report names with it ('Stara Mykolaivka in
    Donetsk region': not the village of that name in Rivne Oblast): a region in its sentence,
    nearest first, else the one region the report names; a town not in it is looked up alone."""
    near = [r for r in regions if r.sentence is mention.sentence]
    named = near or (regions if len({r.name for r in regions}) == 1 else [])
    for region in sorted(named, key=lambda r: abs(r.start - mention.start)):
        location = gazetteer.geocode(Place(name=mention.name, admin1=region.name))
        if location is not None:
            return location
    return gazetteer.geocode(Place(name=mention.name))


def _struck_region(regions: list[PlaceMention], gazetteer: Any) -> tuple[Any, Any]:
    ranked = sorted(regions, key=lambda m: -m.score)  # stable: the first of the best
    for mention in ranked:
        if mention.score <= 0:
            break
        location = gazetteer.geocode(Place(name=mention.name))
        if location is not None and location.precision.value == "region":
            return mention, location
    return None, None


# A text saying Ukraine's forces struck: "со стороны украинских войск", "ВСУ обстреляли",
# "атаки ВСУ", "украинские боевики нанесли удар"
_STRUCK_BY_UKRAINE = re.compile(
    r"со\s+стороны\s+(?:украинских\s+(?:войск|военных|боевиков|формирований|силовиков)|ВСУ)"
    r"|(?<![\w-])(?:ВСУ|украинск\w+\s+(?:войска|военные|боевики|силовики|формирования))\s+"
    r"(?:обстрел|нанес|атаков|удар)\w*|(?<![\w-])(?:обстрел\w*|удар\w*|атак\w*)\s+ВСУ\b",
    re.IGNORECASE,
)


def _struck_place(
    parts: list[Sentence],
    read_by: list[_Reader],
    skip: list[tuple[int, int]],
    gazetteer: Any,
    elsewhere: set[int] = frozenset(),
) -> tuple[PlaceMention, dict[str, Any]] | None:
    """The best-scored known place, resolved by the gazetteer."""
    if gazetteer is None:
        return None
    totals: dict[str, float] = {}
    first: dict[str, PlaceMention] = {}
    best_mention: dict[str, PlaceMention] = {}
    regions: list[PlaceMention] = []
    inside: dict[str, bool] = {}
    for index, (sentence, read) in enumerate(zip(parts, read_by, strict=True)):
        if index in elsewhere:
            continue  # "In the past week alone, Russia struck Sumy ...": other strikes' places
        for found in read.places(sentence, skip):
            if found.region:
                regions.append(found)
                continue
            if known_surname(found.name.split()[0]):
                continue  # "Песков: ...": an official, not the village of Pisky
            listed = _listed_name(gazetteer, found.name, found.settlement)
            if listed is None:
                continue
            score = found.score
            if listed not in inside:  # each name looked up once, however often it is named
                inside[listed] = _in_theatre(gazetteer, listed, found.settlement)
            if not inside[listed]:
                score -= OUTSIDE_THEATRE  # "the Russian Federation" is no Federación, Argentina
            mention = PlaceMention(listed, found.start, found.end, score, found.sentence)
            key = mention.name.lower()
            # a place named again in passing ("Ранее … погиб один человек" about the same town)
            # takes nothing from where a strike word pointed at it
            totals[key] = totals.get(key, 0.0) + max(mention.score, 0.0)
            first.setdefault(key, mention)
            if key not in best_mention or mention.score > best_mention[key].score:
                best_mention[key] = mention
    order = list(first)
    key = max(order, key=lambda k: (totals[k], -order.index(k))) if order else None
    # "…strike on Ukraine's Zaporizhzhia region. Local authorities also reported strikes on
    # Dnipro": a town no strike word points at yields to a region one does
    struck_region = any(r.score >= STRUCK for r in regions)
    if key is not None and best_mention[key].score < STRUCK and struck_region:
        key = None
    if key is not None and totals[key] > 0:
        mention = best_mention[key]
        location = _in_named_region(gazetteer, mention, regions)
    else:  # no town: the region a strike word points at ("a missile attack on Kharkiv region")
        mention, location = _struck_region(regions, gazetteer)
    if location is None:
        return None
    place = {
        "name": mention.name,
        "country": location.country,
        "admin1": location.admin1,
        "lat": round(location.lat, 5),
        "lon": round(location.lon, 5),
        "precision": location.precision.value,
        "radius_m": location.radius_m,
        "gazetteer_id": location.id,
        "ambiguous": location.ambiguous or None,
    }
    return mention, {k: v for k, v in place.items() if v is not None}


def _weapon(
    text: str,
    parts: list[Sentence],
    spoken: dict[Sentence, Actor | None],
    default: Actor,
    others: set[int],
) -> tuple[dict[str, Any], tuple[int, int], Actor] | None:
    """The weapon of the strike (see `weapon_of_strike`), and who named it; not a weapon the
    sections of other news name (blanked out, so offsets stay the text's)."""
    if others:
        chars = list(text)
        for i in others:
            chars[parts[i].start : parts[i].end] = " " * (parts[i].end - parts[i].start)
        text = "".join(chars)
    found = weapon_of_strike(text)
    if found is None:
        return None
    actor = spoken.get(_sentence_at(parts, found.start)) or default
    weapon: dict[str, Any] = {"category": found.match.category.value, "source": actor.id}
    if found.match.system:
        weapon = {"system": found.match.system, **weapon}
    return weapon, (found.start, found.end), actor


_ORDER = [
    "id", "review", "date", "time", "place", "weapon", "sources", "casualties", "damage",
    "claims", "notes", "evidence",
]  # fmt: skip


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in _ORDER if k in record}
