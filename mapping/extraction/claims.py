"""Claims: what a party to the conflict says about a strike that is not a count — its target,
its cause — and the report's own signals that no one has corroborated it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapping.extraction.dates import WEEKDAY_NAMES
from mapping.extraction.text import Sentence

# What was hit, as a party states it: "a strike on a meeting of commanders", "used
# high-precision weapons against "energy infrastructure, and military command and
# communication targets"", "hit Ukraine's military command, communications and energy
# facilities", "the hotel had housed a command post"
# (what follows is a claim only when it names something military: `_MILITARY`)
_WHAT = r"(?:an?\s+|the\s+|[A-Z][\w'’-]*'s\s+|\"(?=[^\"]{3,200}\"))?"
_TARGET = re.compile(
    r"\b(?:strikes?|attacks?|weapons?|missiles?|drones?|vehicles|systems|munitions)\"?\s+"
    # "Strikes are carried out against critical infrastructure facilities"
    r"(?:(?:are|were|is|was)\s+(?:being\s+)?(?:carried\s+out|launched|delivered|made)\s+)?"
    r"(?:on\s+\d{1,2}\s+[A-Z][a-z]+\s+)?(?:(?:overnight|today|tonight|again)\s+)?"
    r"(?:with\s+[^.;]{1,80}?\s+)?(?:on|against|targeting)\s+"
    r"(?:\"(?P<quoted>[^\"]{3,200})\"|"
    rf"(?P<target>{_WHAT}(?!(?:{WEEKDAY_NAMES})\b)"
    r"[^.;]+?)(?=,\s+(?:killing|destroying|and|which|that|as)\b|\s+killing|\s+destroying"
    r"|\s+and\s+(?:destroying|said|that)|,?[\"”]\s|[.;]|$))"
    rf"|\b(?:hit|hits|struck|strike|striking|targeted|targeting|destroyed|housed|hosted|served\s+as"
    r"|blows?\s+(?:to|on|at|against)"
    rf"|(?:was|were|had\s+been)\s+used\s+(?:as|by)"
    r"|(?:the\s+)?(?:alleged\s+|intended\s+|main\s+|stated\s+)?(?:targets?|objectives)\s+"
    # "the targets of Russian military strikes are Ukrainian military targets"
    r"(?:of\s+(?:the\s+)?(?:Russian\s+|Russia's\s+)?(?:military\s+)?(?:strikes?|attacks?)\s+"
    r"|in\s+Ukraine\s+)?"  # "Russia's targets in Ukraine include ammunition and arms depots"
    # "The targets included both energy and defense-industry facilities"
    r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been|included|include|includes)"
    # "the building was a base for ...": what a party says the struck place was
    rf"|(?:building|site|hotel|facility|house|school|hospital|centre|center|plant|factory)\s+"
    rf"(?:was|had\s+been)(?=\s+an?\s))\s+"
    rf"(?P<target2>{_WHAT}[^.;]+?)(?=,\s+(?:killing|and|which|that|as|using)\b|\s+using|[.;]|$"
    r"|\s+and\s+(?:said|says|claimed|claims|added|insisted)\b"
    r"|,\s+[^,.;]{0,60}?\b(?:said|says|claimed|claims|reported|added)\b)",
    re.IGNORECASE,
)
# '"design bureaus, enterprises for the repair of weapons ..." were attacked': a quoted list the
# verb follows
_QUOTED_TARGET = re.compile(
    r"\"(?P<target>[^\"]{3,400})\"\s+(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:attacked|hit|struck|targeted|destroyed)\b"
)
# "the strikes were aimed at disrupting Ukraine's aviation, missile, and space sectors"
_AIMED_AT = re.compile(
    r"\b(?:were|was|are|is|been)\s+(?:aimed|directed)\s+at\s+(?:(?:disrupting|destroying|hitting"
    r"|degrading|disabling|striking|weakening|undermining)\s+)?(?P<target>[^.;]{3,200})",
    re.IGNORECASE,
)
# "According to the department, the country's energy complex facilities, which ensure the
# operation of the military-industrial complex, were hit": what the party says was hit
_HIT_WERE = re.compile(
    r"(?:[Aa]ccording\s+to\s+[^,.;]{2,60},|(?<!denying\s)(?<!denied\s)\bthat)\s+"
    r"(?P<target>(?!it\s+(?:was|is)\b)(?:the\s+)?[^,.;\"]{3,100}?"
    r"(?:,\s+which\s+[^,.;]{3,120},)?)\s+(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:successfully\s+)?(?:hit|struck|targeted|destroyed)\b"
)
# "only military facilities are subject to attack", "its operations are solely focused on
# Ukraine's defense infrastructure": what the party says it strikes, as a whole
_ONLY_MILITARY = re.compile(
    r"\b(?:only|solely|exclusively)\s+(?:(?:focused|aimed|directed)\s+(?:on|at)\s+|(?:at|against"
    r"|on)\s+)?(?P<target>[^.;]{0,40}?\b(?:military|defen[cs]e)\b[^.;]{0,100})",
    re.IGNORECASE,
)
# "It is military targets that get struck": a cleft naming what the party strikes
_CLEFT_TARGET = re.compile(
    r"\bit\s+is\s+(?P<target>[^.;,]{3,80}?)\s+that\s+(?:get|gets|are|is)\s+(?:being\s+)?"
    r"(?:struck|hit|targeted|attacked)\b",
    re.IGNORECASE,
)
# where a target read to its clause's end gives way to who said it: '..." Peskov told reporters'
_SAID_TAIL = re.compile(
    r"[,\"”]+\s+[^,.;\"]{0,80}?\b(?:has\s+|have\s+)?(?:said|says|told|added|stated)\b",
    re.IGNORECASE,
)
# the rest of a clause, up to "... and said ..." or the sentence's end
_CLAUSE = r"[^.;]*?(?=,?\s+and\s+(?:said|says|claimed|claims|insisted|added)\b|[.;]|$)"
# The strike denied: "denied targeting the capital", "does not attack civilian targets", "Not a
# single strike was made on targets within the city", allegations "absolutely untrue"
_DENIAL = re.compile(
    r"\bden(?:y|ies|ied|ying)\s+(?:that\s+it\s+had\s+|that\s+it\s+|any\s+)?(?:target|attack|strik|hit"
    rf"|responsibility|involvement){_CLAUSE}"
    r"|\b(?:do|does|did|would|will)\s+not\s+(?:deliberately\s+)?(?:strike|attack|target|hit|bomb)"
    rf"\s+(?:at\s+|on\s+)?(?:civilian|residential|social|peaceful){_CLAUSE}"
    rf"|\bnot\s+a\s+single\s+(?:strike|missile|attack)\s+(?:was|were|had\s+been)\s+{_CLAUSE}"
    r"|\b(?:allegations|claims|reports|statements)\b[^.;]{0,160}?\b(?:(?:are|were|is|was)\s+)?"
    r"(?:(?:absolutely|completely|totally|entirely)\s+)?(?:untrue|false|groundless|a\s+(?:blatant\s+)?lie)"
    rf"|\bexcludes?\s+that\s+there\s+(?:were|was)\s+(?:attacks?|strikes?)\s+on\s+civilian{_CLAUSE}",
    re.IGNORECASE,
)
# Air defence blamed for the damage: "caused by the fall of a Ukrainian air defense missile", "the
# result of the fall of missiles from ... air defense systems", "anti-missile fire was to blame"
_AIR_DEFENCE = re.compile(
    r"\b(?:air\s+defen[cs]e|anti-aircraft|anti-missile|interceptor|surface-to-air|S-300|Buk"
    r"|NASAMS?|Patriot)",
    re.IGNORECASE,
)
_CAUSE_CUE = re.compile(
    # "it was Ukrainian anti-missile fire, not Russia, that hit the hospital"
    r"\bit\s+was\s+(?:an?\s+)?(?=[^.;]{0,60}?\bthat\s+(?:had\s+)?(?:hit|struck|damaged|fell))"
    r"|\b(?:caused\s+by|(?:done|destroyed|damaged)\s+by|(?:the\s+)?result(?:ed)?\s+(?:of|from)"
    r"|to\s+blame|blamed|fall\s+of|falling|fell|failure\s+of|intercepting"
    # "was shot down by Ukrainian air defense forces": what brought the missile down
    r"|(?:shot|brought)\s+down\s+by)\b",
    re.IGNORECASE,
)
# "All designated objects have been hit", "the goals of the strike have been achieved"
_RESULT = re.compile(
    r"\ball\s+(?:of\s+)?(?:the\s+|its\s+)?(?:designated\s+|assigned\s+|intended\s+|planned\s+)?"
    r"(?:targets|objects|facilities)\s+(?:have\s+been\s+|were\s+|had\s+been\s+|being\s+|are\s+)?"
    r"(?:(?:successfully|effectively)\s+)?(?:hit|struck|destroyed|neutrali[sz]ed)"
    # "several Ukrainian brigades 'completely lost their combat capabilities'"
    r"|\blost\s+(?:their|its)\s+combat\s+(?:capabilit(?:y|ies)|effectiveness|readiness)"
    r"|\b(?:the\s+)?(?:goals?|objectives?|aims?|target|purpose)\s+of\s+the\s+(?:massive\s+|group\s+)?"
    r"(?:strike|attack|operation)\s+(?:has\s+been|have\s+been|was|were|had\s+been|is|are)\s+"
    r"(?:fully\s+)?achieved"
    r"|\b(?:strike|attack)\s+(?:objectives|goals|aims)\s+(?:have\s+been|were|are)\s+achieved"
    # "The assigned objects are hit": the ministry's formula without "all"
    r"|\b(?:the\s+)?(?:designated|assigned|intended)\s+(?:targets|objects|facilities)\s+"
    r"(?:are|have\s+been|were|had\s+been)\s+(?:(?:successfully|all)\s+)?(?:hit|struck|destroyed)"
    r"|\bthe\s+targets\s+(?:were|are|have\s+been|had\s+been)\s+(?:being\s+)?(?:destroyed|hit)",
    re.IGNORECASE,
)
# "using civilians as human shields", "a 'living shield'": a tactic Russia's side charges the
# other with (outside the record's topics: `other`)
_SHIELD = re.compile(r"[^.;]{0,80}?\b(?:human|living)\s+shields?\b[^.;,]{0,40}", re.IGNORECASE)
# ("живой щит", "в качестве живого щита", "используя мирное население как щит")
_SHIELD_UK_RU = re.compile(
    r"(?<![\w-])(?:жив|людськ|человеческ)\w*\s+щит\w*|(?<![\w-])(?:как|як)\s+щит\w*", re.IGNORECASE
)
# "fired two Iskander-M ballistic missiles at a 'meeting place of command staff'"
_FIRED_AT = re.compile(
    r"\b(?:fired|launched)\s+[^.;]{0,60}?\b(?:missiles?|rockets?|drones?)\"?\s+at\s+"
    rf"(?P<target>{_WHAT}[^.;,]{{3,120}})",
    re.IGNORECASE,
)
# "retaliation for the terrorist attack on the Crimea bridge": a motive (outside the record's
# topics: `other`)
_MOTIVE = re.compile(
    r"\b(?:in\s+)?(?:retaliation|revenge|response|reprisal)\s+(?:for|to)\s+(?P<motive>[^.;]+)",
    re.IGNORECASE,
)
_MILITARY = re.compile(
    r"\b(?:meeting|gathering|commanders?|instructors?|military|troops|command|headquarters"
    r"|facilit(?:y|ies)|infrastructure|depots?|bases?|positions?|personnel|equipment|mercenar"
    r"|control\s+system|airfields?|arsenal|deployment|concentration|enterprises?|industr"
    r"|communications?|energy|command\s+post|sites?|plants?|factor(?:y|ies)|weapons?|launchers?"
    r"|HIMARS|ammunition|radars?|air\s+defen[cs]e|artillery|howitzers?|tanks?|aircraft"
    r"|warehouses?|storage|fuel|arms|munitions|soldiers|units?|army|forces|fighters|aviation)",
    re.IGNORECASE,
)
# "the strike had been executed by Ukraine's army", "blamed Kyiv for the strike"
_BLAME = re.compile(
    r"\b(?:carried\s+out|executed|launched|fired|committed|perpetrated|staged)\s+by\s+(?:the\s+)?"
    r"(?:Ukraine['\u2019]s|Ukrainian|Kyiv['\u2019]s)\s+(?:armed\s+forces|army|military|forces|troops)"
    r"|\bblamed\s+(?:Ukraine|Kyiv|the\s+Ukrainian\s+(?:army|military|forces))\b",
    re.IGNORECASE,
)
_VERB = r"\b(?:suggested|said|claimed|insisted|blamed|argued|stated|says|claims|insists)\b"
_CAUSE = re.compile(
    rf"{_VERB}\s+(?:that\s+)?(?P<cause>(?:(?!{_VERB})[^.;])*?"
    r"\b(?:air\s+defen[cs]e|anti-aircraft|anti-missile|interceptor)[^.;,]*)",
    re.IGNORECASE,
)
_NOT_CORROBORATED = re.compile(
    r"\b(?:no\s+evidence|provided\s+no\s+(?:evidence|proof)|did\s+not\s+provide\s+(?:any\s+)?"
    r"(?:evidence|proof)|without\s+(?:providing\s+)?(?:any\s+)?(?:evidence|proof)|offered\s+no"
    r"|not\s+(?:been\s+)?(?:independently\s+)?(?:verified|corroborated|confirmed)|could\s+not\s+"
    r"(?:be\s+)?(?:independently\s+)?verif|unverified|uncorroborated)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClaimText:
    about: str  # target / cause
    text: str
    start: int  # in the sentence
    end: int


def claims_in(sentence: Sentence) -> list[ClaimText]:
    """Target and cause claims in a sentence (the caller decides whether its speaker is a
    party to the conflict)."""
    found = []
    for match in _TARGET.finditer(sentence.text):
        group = next(g for g in ("quoted", "target", "target2") if match.group(g))
        words = match.group(group).strip()
        if _MILITARY.search(words):
            found.append(ClaimText("target", words, match.start(group), match.end(group)))
    for pattern in (_FIRED_AT, _AIMED_AT, _HIT_WERE, _ONLY_MILITARY, _CLEFT_TARGET):
        for match in pattern.finditer(sentence.text):
            start, end = match.span("target")
            tail = _SAID_TAIL.search(sentence.text, start, end)
            end = tail.start() if tail else end
            if _MILITARY.search(sentence.text[start:end]):
                found.append(ClaimText("target", sentence.text[start:end], start, end))
    for match in _SHIELD.finditer(sentence.text):
        found.append(ClaimText("other", match.group(0).strip(), *match.span()))
    for match in _QUOTED_TARGET.finditer(sentence.text):
        if _MILITARY.search(match.group("target")):
            found.append(ClaimText("target", match.group("target"), *match.span("target")))
    # "targeted civilian infrastructure": the other side's charge, no target the party claims
    found = [c for c in found if not _CIVILIAN_OBJECT.match(c.text)]
    for match in _DENIAL.finditer(sentence.text):
        if _STANCE.match(match.group(0)) or _STANCE_BEFORE.search(sentence.text[: match.start()]):
            continue  # "Moscow denies targeting civilians": the war-long stance, no claim here
        # "denied that it had targeted civilian infrastructure": a denial, no target (to where
        # who said it begins: "..., presidential spokesman Dmitry Peskov told reporters")
        tail = _SAID_TAIL.search(sentence.text, match.start(), match.end())
        end = tail.start() if tail else match.end()
        words = sentence.text[match.start() : end].strip()
        found = _replacing(found, ClaimText("responsibility", words, match.start(), end))
    for match in _BLAME.finditer(sentence.text):
        # "claims that the strike had been executed by Ukraine's army": who did it, no target
        found = _replacing(
            found, ClaimText("responsibility", match.group(0).strip(), *match.span())
        )
    for match in _CAUSE.finditer(sentence.text):
        found.append(ClaimText("cause", match.group("cause").strip(), *match.span("cause")))
    if not any(c.about == "cause" for c in found):
        found += _air_defence_blamed(sentence.text)
    for match in _RESULT.finditer(sentence.text):
        found.append(ClaimText("result", match.group(0).strip(), *match.span()))
    for match in _MOTIVE.finditer(sentence.text):
        found.append(ClaimText("other", match.group("motive").strip(), *match.span("motive")))
    return found


def _replacing(found: list[ClaimText], claim: ClaimText) -> list[ClaimText]:
    """The claims found, those overlapping `claim` replaced by it."""
    return [c for c in found if not (c.start < claim.end and claim.start < c.end)] + [claim]


# A denial of the war as a whole: "denies deliberately targeting civilians", "has repeatedly
# denied targeting civilian areas"
_STANCE = re.compile(
    r"den(?:ies|y)\s+(?:deliberately\s+|intentionally\s+)?(?:targeting|attacking|striking)"
    r"\s+civilian",
    re.IGNORECASE,
)
_STANCE_BEFORE = re.compile(
    r"\b(?:has|have)\s+(?:repeatedly\s+|always\s+|consistently\s+|long\s+)?$", re.IGNORECASE
)
_CIVILIAN_OBJECT = re.compile(
    r"(?:(?:targeted|hit|struck|strike|attack)\w*\s+)?(?:the\s+|an?\s+)?(?:Ukraine's\s+|Ukrainian\s+)?"
    r"(?:civilians?|residential|social|peaceful)\b",
    re.IGNORECASE,
)


def _air_defence_blamed(text: str) -> list[ClaimText]:
    """Air defence named as what did the damage: from the cue ('caused by', 'the result of',
    'to blame') to the end of the air-defence words' clause, when the two are near."""
    for defence in _AIR_DEFENCE.finditer(text):
        cue = _CAUSE_CUE.search(text, max(0, defence.start() - 90), defence.end() + 90)
        if cue is not None:
            start = min(cue.start(), defence.start())
            clause = _CLAUSE_REST.match(text, defence.end(), defence.end() + 300)
            end = max(cue.end(), clause.end() if clause else defence.end())
            return [ClaimText("cause", text[start:end].strip(), start, end)]
    return []


_CLAUSE_REST = re.compile(r"[^.;,]*")


def not_corroborated(sentence: Sentence) -> re.Match[str] | None:
    """The words saying a statement lacks evidence or corroboration, if any."""
    return _NOT_CORROBORATED.search(sentence.text)


# -- Ukrainian and Russian ------------------------------------------------------------------

_TARGET_UK_RU = re.compile(
    r"(?<![\w-])(?:удар\w*\s+(?:\S+\s+){0,7}?по|вразил\w*|уразил\w*|поразил\w*|поражен\w*"
    # "выпустили четыре высокоточные ракеты по цехам"
    r"|(?:выпустил\w*|випустил\w*|запустил\w*)\s+(?:\S+\s+){0,5}?(?:ракет\w*|дрон\w*|БПЛА)\s+по"
    # "две ракеты «Искандер-М» были выпущены по месту проведения совещания"
    r"|(?:были\s+|було\s+|були\s+)?(?:выпущен\w*|випущен\w*|запущен\w*)\s+по"
    # "Москва стверджує, що била нібито по військових цілях"
    r"|(?:била|били|бил|бьют|б'ють|б’ють|бьет|б'є)\s+(?:\S+\s+){0,2}?по"
    # "ціллю атаки були «об'єкти енергетичної інфраструктури»", "целью удара стали склады"
    r"|(?:ціллю|метою|целью)\s+(?:(?:удару|удара|атаки|ударів|ударов)\s+)?(?:нібито\s+|якобы\s+)?"
    r"(?:були|був|була|було|стали|став|стала|є|были|был|была|было|являлись)\s*[«\"]?"
    # "Міноборони назвало ціллю удару аеродром", "назвали целью удара"
    r"|назва\w*\s+(?:ціллю|метою|целью)\s+(?:удару|удара|атаки|ударів|ударов)"
    r"|знищено|знищил\w*|уничтожен\w*|уничтожил\w*|атакува\w*|атаковал\w*|атакован\w*"
    r"|атаковані|вдарил\w*|ударил\w*"
    # "удары были направлены на объекты ВПК", "спрямовані на"
    r"|(?:направлен|спрямован|нацелен|націлен)\w*\s+на)"
    r"\s+(?P<target>[^,.;:\n]+"
    # "по ангару в Одессе, где готовились безэкипажные катера": what the place was, as they say
    r"(?:,\s+(?:где|де|в\s+котор\w+|на\s+котор\w+|в\s+яком\w*|на\s+яких|котор\w+)\s+[^,.;:\n]+)?"
    # "объекты энергетики, обеспечивающие работу предприятий ВПК": a participle says what it is
    r"(?:,\s+(?=[^\W\d_]+(?:ющ|ущ|ащ|ящ|юч|уч)[^\W\d_]*\s|используем|використовуван|задействован"
    r"|задіян)[^,.;:\n]+)?"
    # "..., а также предприятия военно-промышленного комплекса": the list goes on
    r"(?:,?\s+(?:а\s+также|а\s+також|а\s+ще)\s+[^,.;:\n]+)*)"
    # "по системе военного управления ... нанесен массированный удар": the target first
    # (not "По данным Минобороны, нанесен удар ... по объектам": whose words, not the target)
    r"|(?<![\w-])[Пп]о\s+(?!(?:данным|даними|словам|информации|інформації|сообщени|повідомлен)"
    r"\w*\b)(?P<target2>[^.;:«»\"]{5,200}?)\s+(?:нанесен\w*|завдан\w*|нанесли|завдали)"
    r"\s+(?:\w+\s+){0,3}?удар",
    re.IGNORECASE,
)
_MILITARY_UK_RU = re.compile(
    r"(?<![\w-])(?:пункт\w*|дислокац\w*|військов\w*|военн\w*|ВСУ|ЗСУ|склад\w*|позиц\w*|скоплен\w*"
    r"|розміщ\w*|размещ\w*|аэродром\w*|аеродром\w*|інфраструктур\w*|инфраструктур\w*"
    r"|предприят\w*|підприєм\w*|ВПК|командн\w*|штаб\w*|техник\w*|техні\w*|найманц\w*|наемник\w*"
    r"|інструктор\w*|инструктор\w*|боевик\w*|формирован\w*|газоенергетичн\w*|энергетическ\w*"
    r"|енергетичн\w*|объект\w*|об'єкт\w*|общежити\w*|гуртожит\w*|оборонн\w*|газ\w*|порт\w*"
    r"|логістичн\w*|логистическ\w*|сбор\w*|збор\w*|ОПК|ангар\w*|катер\w*|завод\w*"
    r"|хранилищ\w*|сховищ\w*|топлив\w*|паливн\w*|нефт\w*|нафт\w*|промышленн\w*|промислов\w*"
    # "дом офицеров", "совещание командования", "полигон", "цеха ... ракетно-строительной
    # корпорации"
    r"|офицер\w*|гарнизон\w*|гарнізон\w*|совещани\w*|нарад\w*|полигон\w*|полігон\w*|цех\w*"
    r"|ракетн\w*|вооружени\w*|озброєнн\w*|боеприпас\w*|боєприпас\w*"
    # "места производства беспилотников", "майданчики запуску БпЛА"
    r"|беспилотн\w*|безпілотн\w*|БПЛА|БпЛА|дрон\w*)",
    re.IGNORECASE,
)
# "Все назначенные объекты поражены", "Цели удара достигнуты", "усі цілі уражено"
_RESULT_UK_RU = re.compile(
    # "Все назначенные 17 объектов поражены", "все спланированные к удару цели поражены",
    # "все назначенные объекты — поражены"
    r"(?<![\w-])(?:все\s+(?:назначенные\s+|заданные\s+|спланированные\s+(?:к\s+удару\s+)?)?"
    r"(?:\d+\s+)?(?:объект\w*|цели)\s+(?:[—–-]\s+)?(?:были\s+)?(?:поражены|уничтожены)"
    r"|цели\s+(?:удар(?:а|ов)?\s+|массированного\s+удара\s+|атаки\s+)?(?:были\s+)?достигнуты"
    r"|усі\s+(?:призначені\s+|визначені\s+)?(?:об'єкти|цілі)\s+(?:уражено|уражені|знищено)"
    r"|(?:мет[иу]|цілі|ціль)\s+(?:удару\s+|атаки\s+)?(?:було\s+|були\s+)?(?:досягнуто|досягнуті|досягнута)"
    r"|цель\s+(?:удара\s+|атаки\s+)?(?:была\s+)?достигнута|мета\s+(?:удару\s+|атаки\s+)?"
    r"(?:була\s+)?досягнута"
    # "Объект поражен", "все четыре ракеты достигли цели", "участники совещания уничтожены"
    r"|(?:объект|об'єкт)\s+(?:был\s+|був\s+)?(?:поражен|уражено|уражений|уничтожен|знищено)(?![\w-])"
    r"|(?:достигли|досягли)\s+(?:своих\s+|своїх\s+)?(?:целей|цели|цілей|цілі)"
    r"|(?:участники|учасники)\s+(?:\w+\s+){0,2}?(?:были\s+|були\s+)?(?:уничтожены|ликвидированы"
    r"|знищені|ліквідовані))",
    re.IGNORECASE,
)
# "не планировали и не наносили ударов", "никаких огневых задач ... не было", reports of the
# strike "не соответствуют действительности", "гражданская инфраструктура не пострадала": a denial
_DENIAL_UK_RU = re.compile(
    r"(?<![\w-])(?:не\s+(?:планировал\w*\s+и\s+не\s+)?(?:наносил\w*|наносят)\s+удар\w*"
    # "не нанесли ни одного удара по целям в черте Киева"
    r"|не\s+(?:нанес\w*|завдал\w*|завдав)\s+(?:ни|жодного)\s+(?:одного\s+)?удар\w*"
    r"|не\s+соответству\w*\s+действительности|не\s+відповіда\w*\s+дійсності"
    r"|(?:гражданск|цивільн)\w*\s+(?:инфраструктур|інфраструктур|объект|об'єкт)\w*\s+(?:\S+\s+){0,8}?"
    r"не\s+(?:пострадал|постраждал|пошкоджен|повреждал)\w*"
    r"|не\s+(?:планували\s+і\s+не\s+)?завдавал\w*\s+удар\w*"
    r"|(?:никаких|жодних)\s+(?:огнев\w+|вогнев\w+)\s+задач)",
    re.IGNORECASE,
)
# "размещались военнослужащие", "проходило совещание командования": who was there, as they say
_QUARTERED = re.compile(
    r"(?<![\w-])(?:размещ|розміщ|дислокац|перебува|находил|проходил|відбувал)\w*", re.IGNORECASE
)
_RESPONSIBILITY_UK_RU = re.compile(
    r"(?<![\w-])(?:операц\w*\s+)?(?:возмезди\w*|відплат\w*|відплата|в\s+ответ\s+на|у\s+відповідь\s+на)"
    # "ответила на атаки ВСУ ... массированным ударом"
    r"|(?<![\w-])(?:ответил\w*|відповіл\w*)\s+(?:\S+\s+){0,8}?на\s+(?:атак|удар|обстрел|обстріл"
    r"|теракт|напад|провокац)",
    re.IGNORECASE,
)
_NOT_CORROBORATED_UK_RU = re.compile(
    r"(?<![\w-])(?:жодних\s+(?:доказів|підтверджень)|не\s+навел\w*|не\s+надал\w*\s+доказ"
    r"|без\s+(?:жодних\s+)?доказ\w*|не\s+наведено|никаких\s+(?:доказательств|подтверждений)"
    r"|не\s+привел\w*|не\s+предоставил\w*|не\s+підтверджен\w*\s+незалежно|неможливо\s+перевірити"
    r"|не\s+вдалося\s+перевірити|нібито)",
    re.IGNORECASE,
)


# Air defence blamed: "в него попали из украинского комплекса "Бук-М1"", "ракета ... выпущена
# украинским зенитным ракетным комплексом С-300", "падение ракеты ПВО"
_AIR_DEFENCE_UK_RU = re.compile(
    r"(?<![\w-])(?:ПВО|ППО|ЗРК|зенитн\w*|зенітн\w*|Бук\w*|С-300|протиракет\w*|противоракет\w*"
    r"|антиракет\w*)",
    re.IGNORECASE,
)
_CAUSE_CUE_UK_RU = re.compile(
    r"(?<![\w-])(?:попал\w*|влучил\w*|выпущен\w*|випущен\w*|падени\w*|падінн\w*|упал\w*|впал\w*"
    r"|отказ\w*|відмов\w*|в\s+результате|внаслідок|задел\w*|зачепил\w*)",
    re.IGNORECASE,
)


def claims_in_uk_ru(sentence: Sentence) -> list[ClaimText]:
    """Target and responsibility claims in a Ukrainian or Russian sentence (the caller decides
    whether its speaker is a party to the conflict)."""
    text = sentence.text
    found = []
    for match in _TARGET_UK_RU.finditer(text):
        group = "target" if match.group("target") else "target2"
        words = match.group(group).strip()
        if _MILITARY_UK_RU.search(words):
            found.append(ClaimText("target", words, *match.span(group)))
    air_defence_blamed = bool(_AIR_DEFENCE_UK_RU.search(text) and _CAUSE_CUE_UK_RU.search(text))
    if (
        not found
        and not air_defence_blamed  # "ракет ... ПВО, размещенных в жилых кварталах": a cause
        and _QUARTERED.search(text)
        and _MILITARY_UK_RU.search(text)
    ):
        # "В общежитии № 28 размещались более 700 украинских военнослужащих"
        found.append(ClaimText("target", text.strip(), 0, len(text)))
    for match in _RESULT_UK_RU.finditer(text):
        found.append(ClaimText("result", match.group(0), *match.span()))
    if _SHIELD_UK_RU.search(text):  # "используют мирных жителей как живой щит"
        found.append(ClaimText("other", text.strip(), 0, len(text)))
    if air_defence_blamed:
        # 'в него попали из украинского комплекса "Бук-М1"': what they say did the damage
        found.append(ClaimText("cause", text.strip(), 0, len(text)))
    if _RESPONSIBILITY_UK_RU.search(text) or _DENIAL_UK_RU.search(text):
        # "операция возмездия", "у відповідь на"; "не наносили ударов"
        found.append(ClaimText("responsibility", text.strip(), 0, len(text)))
    return found


def not_corroborated_uk_ru(sentence: Sentence) -> re.Match[str] | None:
    """Ukrainian or Russian words saying a statement lacks evidence ('Жодних підтверджень цим
    цифрам російська сторона не навела')."""
    return _NOT_CORROBORATED_UK_RU.search(sentence.text)


def in_the_ministry_s_words(text: str) -> bool:
    """Whether a text states a strike's result as only Russia's defence ministry writes it ("Все
    назначенные объекты поражены", "Цель удара достигнута", "All designated targets were hit")."""
    return bool(_RESULT_UK_RU.search(text) or _RESULT.search(text))
