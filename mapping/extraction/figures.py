"""Casualty and damage figures in a sentence: the count, what it counts, and its words.

Readable rules, one pattern per way reports state a figure:
- "16 civilians were killed", "34 dead", "Dozens are wounded", "40 remain in hospital";
- "killing at least 16 civilians", "injuring 83";
- "the death toll has risen to 19", "the number of dead rose to 32";
- parts of a figure: "including six children", "two of them children", "one of them a child",
  "including a 15-year-old girl" (they count what the figure before them counts);
- damage: "five multi-storey apartment blocks were damaged", "up to 20 vehicles were destroyed",
  "scorched vehicles", "a trolleybus", "another 230 damaged".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mapping.extraction.dates import MONTH_NAMES
from mapping.extraction.numbers import (
    COUNT,
    NUMBER,
    QUALIFIER,
    Count,
    count_range,
    number_value,
)
from mapping.extraction.text import Sentence, Spans, words_before

# People counted by what they were doing or where they lived when the strike came ("22
# residents of the building", "two women and a man", "passengers") are civilians; "people",
# "victims" say nothing of who they were. Among a figure's parts ("including four women")
# such people split no group off.
_PERSONS = (
    r"residents?|m[ae]n|wom[ae]n|passengers?|pedestrians?|workers?|employees?|drivers?|shoppers"
    r"|customers|pensioners|patients|worshippers|rescuers?|firefighters?|paramedics?|medics?"
    r"|doctors?|nurses?|journalists?|volunteers?|guards?|farmers?|miners?|teachers?|students"
    r"|citizens|locals|inhabitants|colleagues|neighbou?rs|relatives"
    r"|crew\s?members?|crew|sailors?|seafarers?|pilots?|dockers?"
    r"|electricians?|engineers?|cyclists?|vendors?|sellers?|fishermen"
)
_GROUPS = {
    "civilians": rf"civilians?|non-combatants|{_PERSONS}",
    "children": r"children|child|kids|minors|boys?|girls?|teenagers?|infants?|babies|baby",
    "military": r"servicemen|servicewomen|servicepeople|soldiers|troops|military\s+personnel"
    r"|military\s+m[ae]n|cadets"
    r"|personnel|officers"
    r"|instructors|fighters|mercenaries|militants|commanders|generals|military\s+advis[eo]rs",
    "unspecified": r"police\s+officers?|policem[ae]n|people|persons?|individuals?|victims?|others"
    r"|adults|participants|attendees|guests|visitors",
}
_GROUP = "|".join(_GROUPS.values())
_GROUP_PHRASE = (
    rf"(?:(?!(?:but|or|and|not|of|to)\b)[a-z-]+\s+){{0,2}}?(?P<group>{_GROUP})"
    rf"(?:\s+and\s+(?:foreign\s+|other\s+|Western\s+)?(?:{_GROUP}))?"
)
_KILLED = (
    r"(?:sustained|received|suffered)\s+(?:[a-z]+\s+)?injuries\s+incompatible\s+with\s+life"
    r"|killed|dead|deceased|died|deaths?|perished|lost\s+their\s+lives|fatalities|fatally\s+(?:injured"
    r"|wounded)|found\s+dead|eliminated|liquidated"
)
# (not "in a serious condition": reports give it as a part of the hurt, not a count of its own)
_INJURED = (
    r"injured|wounded|hurt|injur(?:y|ies)"
    # "63 people were known to be affected by the Russian attack" (a calque of "постраждали")
    r"|affected\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:attack|strike|shelling|bombing)"
    r"|(?:sustained|suffered|received)\s+(?:[a-z]+\s+)?(?:injuries|wounds)"
)
_MISSING = (
    r"missing|unaccounted\s+for|(?:yet|still)\s+to\s+be\s+(?:located|found)|(?<!from\s)(?:(?:trapped|buried)\s+)?(?:under|beneath)\s+(?:the\s+)?(?:rubble"
    r"|debris|ruins)"
)
_HOSPITAL = (
    r"(?:taken|brought|rushed|admitted)\s+to\s+(?:a\s+|the\s+)?(?:(?:regional|local|city|nearby)\s+)?"
    r"hospitals?"
    r"|(?:remain(?:s|ed)?\s+)?in\s+(?:a\s+|the\s+)?hospitals?|hospitali[sz]ed"
    r"|(?:requir|need)(?:ed|ing)\s+hospitali[sz]ation"
    r"|(?:sought|needed|required|received|asked\s+for|turned\s+to\s+doctors\s+for)\s+medical"
    r"\s+(?:help|care|attention|treatment|assistance)|treated\s+for\s+(?:injuries|wounds)"
    r"|(?:needed|required|received)\s+hospital\s+treatment"
    r"|(?:taken|delivered|brought|rushed)\s+to\s+(?:medical|health)\s+(?:institutions|facilities)"
    r"|(?:being\s+)?treated\s+in\s+(?:medical\s+facilities|hospitals?)"
)
_AUX = (
    r"(?:\s+(?:(?P<modal>may|might|could)(?:\s+still)?\s+(?:be|have\s+been)"
    r"|(?:are|is|were|was)\s+(?:still\s+)?(?:considered|listed\s+as|believed\s+to\s+be)"
    # "with 105 now known to be injured"
    r"|(?:(?:are|is|were|was)\s+)?(?:now\s+)?known\s+to\s+(?:have\s+been|have|be)|were|was"
    r"|have\s+been"
    r"|had\s+been"
    r"|has\s+been|are|is|have|has|had|remain|remained"
    # "three people listed as missing"
    r"|remains|being|been|got|later|listed\s+as|registered\s+as))?(?:\s+(?:still|reportedly"
    r"|reported|confirmed|now|also"
    r"|so\s+far|already|officially|left))*"
)
# a part set off by commas: ", including nine children," or ", two of them children,"
_PAREN = (
    r"(?:\s*,\s*(?:(?:including|among\s+them|of\s+whom)\s+[^,]{1,60}|[\w-]+\s+of\s+them\s+[^,]{1,40}"
    # "two local women, aged 32 and 34, were injured" (their ages listed; not "one of the boys,
    # aged 12, was fatally injured": one of a count given before)
    r"|aged\s+\d{1,3}(?:\s*,\s*\d{1,3}){0,8}\s+and\s+\d{1,3}),)?"
)

_MAIN = re.compile(
    rf"{COUNT}(?:\s+(?:more|others|other|additional))?(?:\s+(?:of\s+(?:the\s+)?)?{_GROUP_PHRASE})?"
    # "Three employees of the regional energy company were killed"
    r"(?:\s+of\s+the\s+(?:[\w-]+\s+){0,4}?(?:company|store|shop|plant|factory|hospital|school"
    # "Thirty victims of the enemy attack have been taken to regional hospitals"
    r"|enterprise|service|building|attack|strike|shelling|bombing|explosion))?"
    # "four people in the region were wounded"
    r"(?:\s+(?:in|at|on|near|inside)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?=[\w'-]+\s+(?:were|was|are|is"
    r"|have|has|had)\b)[\w'-]+)?"
    # "Two people living in this high-rise died"
    r"(?:\s+(?:living|staying|sheltering|working)\s+(?:in|at)\s+(?:the|this|that|a)\s+[\w-]+)?"
    # "all nine children who were killed"
    rf"{_PAREN}(?:\s+who)?{_AUX}\s+"
    rf"(?P<cat>{_KILLED}|{_INJURED}|{_MISSING}|{_HOSPITAL})\b",
    re.IGNORECASE,
)
_VERB_FIRST = re.compile(
    # "missile strikes that kill at least 20 people"
    rf"\b(?P<cat>killing|killed|kills|kill|injuring|injured|injure|wounding|wounded|wound)"
    # "injured, according to the latest data from local authorities, at least 14 people"
    rf"(?:,\s+(?:according\s+to|per|as\s+per)\s+[^,]{{3,80}},)?"
    # "injured a further 47" ("killing another five" is often another strike's)
    # ("killed a total of four people")
    rf"(?:\s+(?:a\s+further|an\s+additional|a\s+total\s+of))?\s+{COUNT}"
    rf"(?:\s+{_GROUP_PHRASE})?",
    re.IGNORECASE,
)
_TOLL = re.compile(
    r"\b(?:(?P<kind>death|casualty|injury)\s+)?(?:(?:toll|(?=count|tally)\w+(?=\s+of\s+(?:the\s+)?"
    r"(?:injured|wounded|dead)))(?:\s+of\s+(?:the\s+)?(?P<of>injured|wounded|dead))?"
    r"|number\s+of\s+(?:the\s+)?"
    r"(?P<what>dead|deaths|(?:people|victims)\s+killed|victims|fatalities|people\s+injured|injured|wounded"
    r"|(?:those|people)\s+(?:injured|wounded|hurt)|those\s+killed"
    r"|people\s+wounded|(?:people\s+)?(?:who\s+(?:had\s+|have\s+)?)?(?:sought|needed|received)"
    r"\s+(?:medical\s+)?(?:treatment|help|care)))"
    # (a date's abbreviated month within: "the toll in the Sept. 24 attack has risen to four")
    r"(?:[^.;]|\.(?=\s*\d)){0,130}?\b(?:rose|risen|rises|reached|reaches|stands\s+at|stood\s+at"
    r"|climbed|increased"
    r"|grew|is|was|now|at|to|as"
    # "climbed past 20", "exceeded 60": more than the number
    r"|(?P<beyond>past|exceeded|exceeds|passed|passes|surpassed|surpasses|topped|tops))"
    rf"\s+{COUNT}(?:\s+(?:people|dead))?",
    re.IGNORECASE,
)
_CASUALTIES_AFTER = re.compile(r"\s+(?:confirmed\s+)?casualties\b", re.IGNORECASE)
_TOLL_AND = re.compile(
    rf",?\s+and\s+(?:the\s+number\s+of\s+)?(?:the\s+)?(?P<cat>injured|wounded|dead|killed)\s+"
    rf"(?:to|at)\s+{COUNT}",
    re.IGNORECASE,
)
# an age: "14-year-old", "an 11-month-old baby" (months, weeks and days: a child)
_AGE = r"(?P<age>\d{1,2}|[a-z]+(?:-[a-z]+)?)-(?P<unit>year|month|week|day)s?-old"


# the same age with no groups of its own, to be repeated in one pattern
_AN_AGE = re.sub(r"\(\?P<\w+>", "(?:", _AGE)


def _age_of(match: re.Match[str]) -> int | None:
    """The age in years an `_AGE` match gives (a baby's months are 0 years)."""
    if match.group("unit") and match.group("unit").lower() != "year":
        return 0
    return words_to_age(match.group("age"))


_SUB = re.compile(
    r"\b(?:including|among\s+them(?:\s+(?:is|are|was|were))?|of\s+whom|of\s+which|among\s+whom"
    r"|one\s+of\s+them\s+(?:is|was)"  # "Eight people were injured. One of them is a 3-year-old"
    # "Among the 26 people killed were three children", "The confirmed dead include three",
    # "among the injured there are 14 children"
    r"|among\s+the\s+(?:\d+\s+)?(?:people\s+)?(?:dead|injured|wounded|killed)\s+(?:there\s+)?"
    r"(?:are|were)"
    r"|the\s+(?:confirmed\s+)?(?:dead|injured|wounded|victims)\s+(?:includes?|included|are|were))\s+"
    rf"(?:an?\s+{_AGE}(?:\s+(?:girl|boy|child|teenager|student|baby|infant))?"
    r"|(?P<one>an?)\s+(?:child|girl|boy|baby|infant|toddler|teenager)\b"
    # "of which 14 were children"
    rf"|{COUNT}\s+(?:(?:were|are)\s+)?{_GROUP_PHRASE}"
    # "Among the 10 killed were four-month-old and three-year-old boys": as many as their ages
    rf"|(?P<ages>(?:{_AN_AGE}(?:\s*,\s*|\s+and\s+))+{_AN_AGE})\s+(?:boys|girls|children|siblings"
    r"|sisters|brothers|twins))",
    re.IGNORECASE,
)
_SEVERITY = re.compile(
    r"\b(?:moderate|moderately|serious|seriously|severe|severely|minor|light|critical|critically"
    r"|varying)\b",
    re.IGNORECASE,
)
_BODIES_OF_BEFORE = re.compile(r"\bbod(?:y|ies)\s+of\s+$")
_AND_ANOTHER_CHILD = re.compile(rf"\band\s+(?:his|her|their)\s+{_AGE}", re.IGNORECASE)
_AND_A_CHILD = re.compile(
    rf"\s+and\s+an?\s+{_AGE}"
    r"(?:\s+(?:girl|boy|child|teenager|student))?",
    re.IGNORECASE,
)
# "a two-year-old child pulled from the ruins died", "a 43-year-old woman was killed"
_AGED_WHO = r"girl|boy|child|teenager|student|toddler|baby|infant|woman|man|resident|person"
_AGED = re.compile(
    rf"\b(?:an?|the)\s+{_AGE}\s+(?:local\s+)?"
    rf"(?:[a-z]+\s+)??(?P<who>{_AGED_WHO}|{_PERSONS})\b[^.;:,]{{0,60}}?"
    rf"(?<![\w-])(?:(?:was|were|has\s+been|had\s+been|is)\s+)?(?P<cat>{_KILLED}|{_INJURED}|{_MISSING})\b",
    re.IGNORECASE,
)
# "the search goes on for four more people", "searching for 12 people": the missing
_SEARCHED = re.compile(
    rf"\b(?:search(?:es|ed)?|searching|look(?:ing)?)\s+(?:(?:goes|went|is|continues|continued)\s+"
    rf"(?:on\s+)?)?for\s+{COUNT}\s+(?:more\s+|other\s+)?(?P<group>people|persons|residents)\b",
    re.IGNORECASE,
)
# "35 people are searched", "12 residents are still being searched for"
_SEARCHED_FOR = re.compile(
    rf"(?<![\w-]){COUNT}\s+(?P<group>people|persons|residents)\s+(?:are|were)\s+(?:still\s+)?"
    r"(?:being\s+)?searched\b",
    re.IGNORECASE,
)
# "the deadliest strike since September, 2022, when ...", "since last July, when ...": the
# clause tells of an earlier strike
_SINCE_WHEN = re.compile(
    rf"\bsince\s+(?:(?:early|late|mid-?|last)\s*)?(?:(?:{MONTH_NAMES})\b\s*,?\s*)?(?:\d{{4}})?"
    r"(?<=[a-z\d])\s*,?\s+when\b[^.;]*",
    re.IGNORECASE,
)
# "six residents of the house are considered missing", "12 people remain listed as missing"
_CONSIDERED_MISSING = re.compile(
    rf"(?<![\w-]){COUNT}\s+(?P<group>people|persons|residents|civilians|children)"
    r"(?:\s+of\s+the\s+[\w-]+)?\s+(?:are|were|remain|remained)\s+(?:still\s+)?"
    r"(?:(?:considered|reported|listed|officially\s+listed)\s+(?:as\s+)?)?missing\b",
    re.IGNORECASE,
)
# "52 of them, " before a part: the part is of that subset
_SOME_OF_THEM_BEFORE = re.compile(rf"(?<![\w-]){NUMBER}\s+of\s+(?:them|whom)\s*,\s*$", re.I)
# "At least four people are hospitalized in serious condition": how badly, after the count
_IN_CONDITION = re.compile(
    r"\s+(?:in\s+(?:a\s+)?(?:serious|critical|grave|severe|moderate|medium|stable)\s+condition)",
    re.I,
)
_FOUND_AFTER = re.compile(
    r"\s+(?:(?:have|has|had)\s+(?:since\s+)?been\s+(?:found|contacted|located|reached|traced)"
    r"|(?:are|were|was|is)\s+(?:now\s+)?(?:safe|alive|found))\b",
    re.IGNORECASE,
)
# ("pulled 46 survivors from the debris, including seven children")
_ALIVE_BEFORE = re.compile(
    r"\b(?:alive|rescued|survived|survivors|saved|unharmed)(?:\s+[\w-]+){0,3}\W*$", re.I
)
# "we have already lost seven people", "took the lives of 22 residents": the dead, as officials
# mourn them
_LOST = re.compile(
    rf"\b(?:lost|losing|(?:took|claimed|taken|claiming|taking)\s+the\s+lives\s+of|(?:the\s+)?deaths?\s+of"
    # "Russia's murder of at least 25 people", "a single explosion ended 18 lives"
    rf"|(?:the\s+)?(?:murder|killing)\s+of|ended|ending"
    # "resulting in the loss of at least 13 lives"
    rf"|(?:the\s+)?loss\s+of)\s+{COUNT}\s+(?:(?:more|other)\s+)?(?P<group>people|lives|residents|civilians"
    rf"|children|foreigners|{_GROUPS['military']})\b",
    re.IGNORECASE,
)
# "44 lives were claimed by a Russian rocket"
_LIVES_TAKEN = re.compile(
    rf"(?<![\w-]){COUNT}\s+lives\s+(?:were|have\s+been|had\s+been)\s+(?:claimed|taken)\b",
    re.IGNORECASE,
)
# "rescuers recovered 12 bodies", "the bodies of five people": the dead ("two more bodies" is
# an increment, not a toll)
_BODIES = re.compile(
    rf"(?P<of>\bbodies\s+of\s+)?{COUNT}\s+(?:(?P<bodies>bodies)\b|(?P<group>people|persons"
    r"|victims|civilians|residents|children)\b)",
    re.IGNORECASE,
)
# A party's count of enemy troops it says it "destroyed": "up to 85 servicemen and 20 pieces of
# equipment were destroyed", "destroying up to 60 mercenaries" (the dead)
_TROOPS = rf"(?:(?:Ukrainian|foreign|enemy)\s+)?(?P<group>{_GROUPS['military']})\b"
_DESTROYED = re.compile(
    # (no other count between: "up to 50 officers as well as up to 20 mercenaries were
    # destroyed" counts both)
    rf"{COUNT}\s+{_TROOPS}(?:(?!\b(?:up\s+to\s+)?\d+\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_GROUPS['military']})\b)[^.;]){{0,80}}?"
    r"\b(?:were|was|have\s+been|had\s+been)\s+(?:destroyed|eliminated|neutrali[sz]ed|wiped\s+out)",
    re.IGNORECASE,
)
_DESTROYING = re.compile(
    rf"\b(?:destroy(?:ed|ing)|eliminat(?:ed|ing)|neutrali[sz](?:ed|ing))\s+"
    # "destroyed an ammunition depot and up to 40 servicemen": troops after things
    rf"(?:(?:an?\s+|the\s+)?[a-z][\w\s-]{{2,50}}?\s+and\s+)?{COUNT}\s+{_TROOPS}",
    re.IGNORECASE,
)
# A figure as a label and its value: "Killed: 12", "Injured - 64 (regional administration)"
_LABELLED = re.compile(
    rf"(?:^\W*|(?<=[);.]\s))(?P<cat>killed|dead|deaths|injured|wounded|missing)\s*[:–-]\s*{COUNT}",
    re.IGNORECASE | re.MULTILINE,
)
# "two injured children", "five dead soldiers": the state before the people
_STATE_FIRST = re.compile(
    rf"{COUNT}\s+(?:more\s+)?(?P<cat>injured|wounded|dead|killed|missing)\s+(?P<group>{_GROUP})\b",
    re.IGNORECASE,
)
# "Injuries were received by another 10 residents" (a translation's passive)
_INJURIES_BY = re.compile(
    r"\b(?:injuries|wounds)\s+(?:of\s+varying\s+severity\s+)?(?:were|have\s+been)\s+"
    rf"(?:received|sustained|suffered)\s+by\s+(?:another\s+|a\s+further\s+)?{COUNT}"
    rf"(?:\s+(?P<group>{_GROUP}))?",
    re.IGNORECASE,
)
# "Terekhov wrote about three victims": the victims alone, after what was said of them ("about"
# is what the words are about, no hedge); victims are the hurt, as officials count them
_VICTIMS_SPOKEN_OF = re.compile(
    rf"\b(?:wrote|reported|spoke|speaks|writes|reports|told\s+\w+)\s+(?:about|of)\s+{COUNT}\s+"
    r"victims\b(?!\s+(?:were|have\s+been|had\s+been|was)\s+(?:killed|dead))",
    re.IGNORECASE,
)
# "six children among them", "three of the dead were children": parts named after their count
_AMONG_THEM_AFTER = re.compile(rf"{COUNT}\s+{_GROUP_PHRASE}\s+among\s+them\b", re.IGNORECASE)
_OF_THE_DEAD = re.compile(
    rf"{COUNT}\s+of\s+the\s+(?:\d+\s+)?(?:confirmed\s+)?(?P<of>dead|killed|injured|wounded)\s+"
    r"(?:were|are)\s+(?:an?\s+)?"
    rf"(?P<group>{_GROUP})\b",
    re.IGNORECASE,
)
# "the fate of eight people was still unknown": the missing
# "a strike in which seven were said to have died": a count as others gave it
_SAID_TO = re.compile(
    rf"(?<![\w-]){COUNT}(?:\s+(?P<group>{_GROUP}))?\s+(?:were|was|are|is)\s+"
    r"(?:(?:currently|now|so\s+far|already)\s+)?(?:said|reported"
    r"|believed|feared|thought|understood|known)\s+to\s+(?:have\s+(?:been\s+)?|be\s+)"
    r"(?P<cat>died|killed|dead|injured|wounded|hurt)\b",
    re.IGNORECASE,
)
_FATE = re.compile(
    rf"\b(?:fate|whereabouts)\s+of\s+(?:another\s+|a\s+further\s+)?{COUNT}\s+(?:more\s+)?"
    # "the fate of another 35 residents of the building is unknown", "the whereabouts of three
    # more people cannot be determined"
    r"(?P<group>people|persons|residents)(?:\s+of\s+the\s+[\w-]+)?\s+"
    r"(?:(?:was|is|are|were|remains?|remained)\s+(?:still\s+)?unknown"
    r"|(?:cannot|could\s+not|can't)\s+(?:yet\s+)?be\s+(?:determined|established))",
    re.IGNORECASE,
)
# "three young men aged 16, 18 and 20": ages, not counts
_AGES_BEFORE = re.compile(
    r"\baged\s+(?:(?:between\s+)?\d{1,3}(?:\s*,\s*|\s+and\s+|\s+to\s+))*$", re.I
)
# "the strike killed a 14-year-old boy": the verb before the person
_AGED_OBJECT = re.compile(
    r"\b(?P<cat>killing|killed|kills|injuring|injured|wounding|wounded"
    # "The Russian bombardment claimed the life of a one-year-old toddler"
    r"|(?:claimed|took|claiming|taking)\s+the\s+life\s+of)\s+(?:an?|the)\s+"
    rf"{_AGE}\s+(?P<who>{_AGED_WHO})\b",
    re.IGNORECASE,
)
# "A woman was killed", "a man died", "a single injured woman": one person, no number
_WHO = (
    r"woman|man|child|girl|boy|baby|infant|teenager|person|resident|civilian|pensioner|passer-by"
    r"|rescuer|firefighter|paramedic|medic|doctor|nurse|journalist|volunteer|police\s+officer"
    r"|policeman|soldier|serviceman|official|driver|worker|employee|guard"
)
_ADJECTIVE = r"(?:(?:elderly|young|pregnant|local|older)\s+)?"
_ONE_PERSON = re.compile(
    # "the woman had died": one named before ("one woman in serious condition") has died
    rf"(?<![\w-])(?:an?|one|the(?=\s+\w+\s+(?:had\s+|has\s+)?died\b))\s+(?:single\s+)?{_ADJECTIVE}(?:Ukrainian\s+|Russian\s+)?"
    rf"(?:(?P<state>injured|wounded|dead)\s+{_ADJECTIVE}(?P<who2>{_WHO})\b"
    rf"|(?P<who>{_WHO})\s+(?:(?:(?:was|has\s+been|had\s+been|is)\s+(?:(?:also|reportedly|later)\s+)?"
    r"|(?=(?:sustained|suffered|received)\s))"
    rf"(?P<cat>{_KILLED}|{_INJURED})|(?:later\s+|also\s+|had\s+|has\s+)?(?P<died>died))\b)",
    re.IGNORECASE,
)
# "A wounded child is carried to safety": a picture's caption, in the present
_CAPTION_AFTER = re.compile(r"\s+(?:is|are)\s+(?:being\s+)?[a-z]+ed\b")
# "led to the death of a British journalist and the injury of six other people": the toll as
# nouns
_DEATH_OF_ONE = re.compile(
    rf"\b(?:the\s+)?death\s+of\s+(?:an?|one)\s+{_ADJECTIVE}(?:[A-Z][\w-]+\s+)?(?P<who>{_WHO})\b",
    re.IGNORECASE,
)
_INJURY_OF = re.compile(
    rf"\b(?:the\s+)?(?:injury|injuries|injuring|wounding)\s+(?:of|to)\s+{COUNT}\s+"
    rf"(?:(?:more|other)\s+)?(?P<group>{_GROUP})\b",
    re.IGNORECASE,
)
# One person by name: "Serhii Peretiatko, head of the village administration, has been wounded"
_NAMED_ONE = re.compile(
    r"(?<![\w-])(?-i:[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)(?:,\s+[^,;.]{3,120},)?\s+"
    r"(?:was|has\s+been|had\s+been)\s+(?:(?:critically|seriously|badly|fatally|also|reportedly)\s+)?"
    rf"(?P<cat>{_KILLED}|{_INJURED})\b",
    re.IGNORECASE,
)
# "a fifth person has died", "the 7th person killed": the toll it makes
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_NTH_DEAD = re.compile(
    rf"\b(?:a|the)\s+(?P<nth>{'|'.join(_ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))\s+(?:(?:person|victim"
    r"|resident|child|civilian)\s+(?:has\s+|had\s+)?(?:died|been\s+killed|was\s+killed|killed)"
    # "informed about the fourth dead person"
    r"|dead\s+(?:person|body)|fatality|death)\b",
    re.IGNORECASE,
)
# "three people were known to have died - two women and a man": the people named are civilians
_PERSONS_AFTER = re.compile(
    r"\s*[-:]\s+(?:(?:one|two|three|four|five|six|\d+|an?)\s+(?:elderly\s+|young\s+)?"
    r"(?:wom[ae]n|m[ae]n|residents?|pensioners?)(?:,\s+|\s+and\s+)?)+",
    re.IGNORECASE,
)
# "24 civilian casualties (5 killed and 19 injured)": the figures that follow count civilians
_CIVILIAN_TALLY = re.compile(r"\bcivilian\s+(?:casualties|victims|deaths|toll)\b", re.I)
# "Eleven people, four of them children, were pulled from the rubble": a count that is no
# casualty figure, with its part
_PEOPLE_COUNT = re.compile(
    rf"{COUNT}\s+(?:[\w-]+\s+)?(?:people|persons|residents|patients|adults)\b", re.I
)
_AND_CHILDREN = re.compile(rf"\s+(?:adults|people)\s+and\s+{COUNT}\s+children\b", re.IGNORECASE)
# "two children were among the dead": a count of one group, inside the toll
_AMONG = re.compile(
    # "Seven children, one just three years old, are among the wounded"
    rf"(?:{COUNT}|(?<![\w-])an?)\s+{_GROUP_PHRASE}(?:\s*,[^,.;]{{1,40}},)?\s+(?:were|are|was|is)\s+"
    r"(?:also\s+)?among\s+"
    r"(?:the|those)\s+(?:\d+\s+)?"
    r"(?P<cat>dead|killed|injured|wounded|hurt|victims)\b",
    re.IGNORECASE,
)
_AMONG_THE_TOLL = re.compile(r"\bamong\s+the\s+(?P<toll>\d+)\s+\w+$", re.IGNORECASE)
_OF_THEM = re.compile(
    rf"{COUNT}\s+of\s+(?:them|whom)\s+(?:(?:are|were|was|is)\s+)?(?:an?\s+)?(?:(?P<group>{_GROUP})\b"
    r"|(?P<cat>died|were\s+killed|were\s+injured|were\s+wounded|were\s+hurt)\b)",
    re.IGNORECASE,
)


# "An 11-year-old girl, her mother and another woman were killed", "a mother and her three
# children died": people listed one by one, counted together (the children among them apart)
_KIN = (
    r"girls?|boys?|child(?:ren)?|bab(?:y|ies)|infants?|toddlers?|teenagers?|sons?|daughters?"
    r"|mothers?|fathers?|wom[ae]n|m[ae]n|wife|husband|grand(?:mother|father|son|daughter)s?"
    r"|sisters?|brothers?|parents|neighbou?rs?|relatives|" + _PERSONS
)
_CHILD = re.compile(r"girls?|boys?|child(?:ren)?|bab(?:y|ies)|infants?|toddlers?|teenagers?", re.I)
_LISTED_ONE = (
    rf"(?:(?:an?|one|the|her|his|their|another)\s+(?:{NUMBER}\s+)?|{NUMBER}\s+)"
    rf"(?:(?:\d{{1,2}}|[a-z]+(?:-[a-z]+)?)-(?:years?|months?)-old\s+|(?:elderly|young|little|small"
    rf"|adult|teenage|[A-Z][a-z]+)\s+)?(?:[a-z]+\s+)?(?:{_KIN})\b"
)
_LIST = rf"(?P<list>{_LISTED_ONE}(?:\s*,\s*{_LISTED_ONE})*,?\s+and\s+{_LISTED_ONE})"
_LISTED = re.compile(
    rf"(?<![\w-]){_LIST}{_AUX}\s+(?P<cat>{_KILLED}|{_INJURED})\b"
    # "killing a 70-year-old man and a woman", "The deceased were a man and a woman"
    rf"|\b(?P<cat2>killing|killed|injuring|injured|wounding|wounded)\s+(?=[^.;]{{0,200}}\band\b)"
    + _LIST.replace("?P<list>", "?P<list2>")
    + r"|\b(?:the\s+)?(?P<cat3>dead|deceased|killed|injured|wounded)\s+(?:were|are)\s+"
    + _LIST.replace("?P<list>", "?P<list3>")
    + r"(?![\w-])",
    re.IGNORECASE,
)
_LISTED_PART = re.compile(
    rf"(?:(?:an?|one|the|her|his|their|another)\s+)?(?:(?P<n>{NUMBER})\s+)?"
    rf"(?:{_AGE}\s+"
    r"|(?:elderly|young|little|small|adult|teenage|[A-Z][a-z]+)\s+)?(?:[a-z]+\s+)??(?P<who>[a-z]+)$",
    re.IGNORECASE,
)


def _listed_people(listed: str) -> tuple[int, int] | None:
    """How many people a list names, and how many of them are children."""
    people = children = 0
    for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed):
        found = _LISTED_PART.match(part.strip())
        if found is None:
            return None
        n = number_value(found.group("n")) if found.group("n") else 1
        if n is None:
            return None
        people += n
        age = _age_of(found) if found.group("age") else None
        young = age is not None and age < 18
        if young or _CHILD.fullmatch(found.group("who")):
            children += n
    return people, children


@dataclass(frozen=True)
class Figure:
    """A casualty figure as the text gives it (offsets in its sentence)."""

    category: str | None  # killed / injured / missing; None until a part takes its whole's
    group: str
    count: Count
    start: int
    end: int
    part: bool = False  # "including six children": counts what the figure before it counts
    rule: str = ""  # which way of stating a figure it was read by (for `extract --explain`)
    # "among the injured, two women": people of no group of their own, a figure only where the
    # text gives no total of their category
    unless_total: bool = False


def _group_of(word: str | None) -> str:
    if not word:
        return "unspecified"
    for group, pattern in _GROUPS.items():
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return group
    return "unspecified"


def _aged_group(age: int | None, who: str) -> str:
    """'a 14-year-old boy' is a child, 'a 69-year-old woman' a civilian."""
    if (age is not None and age < 18) or who.lower() in (
        "girl", "boy", "child", "toddler", "baby", "infant",
    ):  # fmt: skip
        return "children"
    civilian = who.lower() in ("woman", "man") or re.fullmatch(_PERSONS, who, re.IGNORECASE)
    return "civilians" if civilian else "unspecified"


def _one_person_s_group(who: str) -> str:
    """The group of one person named by what they are: 'a paramedic' a civilian, 'a soldier'
    military, 'a boy' a child."""
    who = who.lower()
    if who in ("civilian", "pensioner", "passer-by") or re.fullmatch(_PERSONS, who):
        return "civilians"  # "a paramedic was killed": a person by what they were doing
    if who in ("soldier", "serviceman"):
        return "military"
    return _aged_group(None, who)


def words_to_age(text: str) -> int | None:
    """12 for "12" or "twelve"; None when the words are not a number."""
    if text.isdigit():
        return int(text)
    count = count_range(None, text.replace("-", " "))
    return count.min if count else None


def _category(word: str) -> str:
    word = word.lower()
    if re.match(rf"(?:{_KILLED}|killing|kills|kill)$", word):
        return "killed"
    if re.match(rf"(?:{_MISSING})$", word):
        return "missing"
    return "injured"  # injured, wounded, hurt, in hospital, injuring, wounding


_RULES: dict[re.Pattern[str], str] = {
    _NTH_DEAD: "the toll a person's rank makes ('a fifth person has died')",
    _LISTED: "people listed one by one ('a girl, her mother and another woman were killed')",
    _MAIN: "a count before a casualty word ('16 people were killed', '40 remain in hospital')",
    _VERB_FIRST: "a casualty verb before a count ('killing at least 16 civilians')",
    _TOLL: "a toll and the count it reached ('the death toll rose to 19')",
    _SUB: "a part of the figure before it ('including six children', 'among them a child')",
    _OF_THEM: "a part of the figure before it ('two of them children')",
    _AGED: "one person by age with a casualty word ('a 43-year-old woman was killed')",
    _AGED_OBJECT: "a casualty verb before one person by age ('killed a 14-year-old boy')",
    _ONE_PERSON: "one person, no number ('a woman was killed')",
    _NAMED_ONE: "one person by name ('Serhii Peretiatko, head of ..., has been wounded')",
    _DEATH_OF_ONE: "the death of one person ('led to the death of a British journalist')",
    _INJURY_OF: "the injury of a count ('and the injury of six other people')",
    _SAID_TO: "a count as others gave it ('seven were said to have died')",
    _AMONG: "a group's count among the toll ('two children were among the dead')",
    _STATE_FIRST: "a count, a state, then who ('two injured children')",
    _INJURIES_BY: "injuries received by a count ('injuries were received by 10 residents')",
    _VICTIMS_SPOKEN_OF: "victims a speaker tells of are the hurt ('wrote about three victims')",
    _SEARCHED: "people searched for are missing ('the search goes on for four people')",
    _SEARCHED_FOR: "people searched for are missing ('35 people are being searched for')",
    _CONSIDERED_MISSING: "people considered missing ('six residents are considered missing')",
    _AMONG_THEM_AFTER: "a part named after its count ('six children among them')",
    _OF_THE_DEAD: "a part of the dead or hurt ('three of the dead were children')",
    _FATE: "people whose fate is unknown are missing",
    _LOST: "the dead as officials mourn them ('we have lost seven people')",
    _LIVES_TAKEN: "lives taken are the dead ('44 lives were claimed by a Russian rocket')",
    _BODIES: "bodies recovered are the dead ('rescuers recovered 12 bodies')",
    _LABELLED: "a label and its value ('Killed: 12')",
    _DESTROYED: "troops a party says it destroyed are dead ('up to 85 servicemen were destroyed')",
    _DESTROYING: "troops a party says it destroyed are dead ('destroying up to 60 mercenaries')",
}


ONE = Count(1, 1)  # one person named, no number
# The first number of a range ending at the count: "between 10 and 15", "10 to 15" (not "rose
# from 10 to 15": that is a toll before and after)
_RANGE_START = re.compile(
    rf"\bbetween\s+(?P<low>{NUMBER})\s+and\s+$|(?<!from\s)(?<![\w-])(?P<from>{NUMBER})\s+to\s+$"
    # "From five to eight people were killed" (not after a verb of growth: checked where used)
    rf"|\bfrom\s+(?P<low2>{NUMBER})\s+to\s+$",
    re.IGNORECASE,
)
_GROWN_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|grew|grown|increased|climbed|jumped|revised|raised|went\s+up)\b"
    r"[^.;]{0,60}$",
    re.IGNORECASE,
)


# "of the dead", "of the 31 people injured", "of those killed", "of the adults killed there":
# a part of a figure stated
_OF_THE_COUNTED = re.compile(
    r"\s+of\s+(?:the|those)\s+(?:\d+\s+)?(?:people\s+|persons\s+)?(?:confirmed\s+)?"
    r"(?:dead|killed|injured|wounded|hurt|victims|casualties)\b"
    rf"|\s+of\s+the\s+(?:{_GROUP})\s+(?:{_KILLED}|{_INJURED})\b",
    re.IGNORECASE,
)
# a person set off by a dash after "one of the dead" is that one
_ONE_OF_THEM_BEFORE = re.compile(r"\b[Oo]ne\s+of\s+(?:the|those)\b[^.;]*\s[-–—]\s*$")
_QUALIFIED = re.compile(rf"\b(?:{QUALIFIER})\s+$", re.IGNORECASE)
_MONTH_BEFORE = re.compile(
    rf"\b(?:{MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$"
)
# A year where a count could stand: "born in 1979", "since 2014"
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_BEFORE = re.compile(r"\b(?:in|born|since|of|from|until|year|by|after|before)\s+$", re.I)

# Every figure rule needs one of these words in its sentence: a sentence without any is passed
# over before the rules run (872 of the 1,439 sentences of the English reports in tests/data).
_ANY_FIGURE = re.compile(
    r"kill|dead|death|die|perish|deceas|to be (?:located|found)|fatal|injur|wound|hurt|missing|unaccounted|rubble|debris|ruin"
    r"|hospital|medical|treat|bod(?:y|ies)|toll|tally|count|number|fate|whereabouts|search|lost"
    r"|lives|life|murder|affected by"
    r"|destroy|eliminat|neutrali|liquidat|wiped|casualt|victim|among|includ|of whom|of them",
    re.IGNORECASE,
)


def casualty_figures(sentence: Sentence) -> list[Figure]:
    """Every casualty figure in a sentence, in order of position."""
    text = sentence.text
    if not _ANY_FIGURE.search(text):
        return []
    # "the deadliest since September 2022, when a strike on a convoy killed 32": another strike's
    taken = Spans([m.span() for m in _SINCE_WHEN.finditer(text)])
    figures: list[Figure] = []

    def add(
        match: re.Match[str],
        category: str | None,
        group: str,
        part: bool = False,
        at_most: bool = False,
        qualifier: str | None = None,
        unless_total: bool = False,
    ) -> None:
        start, end = match.span("num") if match.group("num") else match.span()
        if not taken.free(start, end) or _AGES_BEFORE.search(text[max(0, start - 40) : start]):
            return
        if _A_YEAR.fullmatch(text, start, end) and _YEAR_BEFORE.search(text, 0, start):
            return  # "a guard born in 1979 died": a year, no count
        if _MONTH_BEFORE.search(text, max(0, start - 12), start):
            return  # "late on April 13 injured five": a day, no count
        if qualifier is None and "qual" in match.groupdict():
            qualifier = match.group("qual")
        count = count_range(qualifier, match.group("num")) if match.group("num") else ONE
        if count is None:
            return
        if at_most and count.max is not None:
            count = Count(None, count.max, f'"{match.group(0)}": at most {count.max}')
        begins = match.start()
        low = _RANGE_START.search(text[max(0, start - 40) : start])
        if low and low.group("low2") and _GROWN_BEFORE.search(words_before(text, start)):
            low = None  # "rose from 10 to 15": the toll before and after
        if low and count.min == count.max:  # "between 10 and 15 people", "10 to 15 people"
            least = number_value(low.group("low") or low.group("from") or low.group("low2"))
            if least is not None and count.max is not None and least < count.max:
                count = Count(least, count.max)
                start = begins = min(begins, start - len(low.group(0)))
        taken.take(start, end)
        rule = _RULES.get(match.re, "")
        if (
            category == "injured"
            and not part
            and (
                _SEVERITY.search(text, begins, match.end())
                or _IN_CONDITION.match(text, match.end())
            )
        ):
            # "11 people suffered moderate injuries": how badly some were hurt, a figure only
            # where no total is given
            part = unless_total = True
        figures.append(
            Figure(category, group, count, begins, match.end(), part, rule, unless_total)
        )

    def whole_match(
        match: re.Match[str], category: str | None, group: str, count: Count = ONE
    ) -> None:
        """A figure the whole match states, no count in it ("a woman was killed")."""
        if taken.free(*match.span()):
            taken.take(*match.span())
            figures.append(Figure(category, group, count, *match.span(), rule=_RULES[match.re]))

    for match in _SUB.finditer(text):
        if _ALIVE_BEFORE.search(text[max(0, match.start() - 40) : match.start()]):
            continue  # "five of them alive, including a 14-year-old girl": no casualty
        if _SOME_OF_THEM_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "52 of them, including 17 children, were hospitalized": a subset's part
        # "the dead include ...", "among the dead were ...": the part says what it counts
        named = re.match(
            r"(?:among\s+)?the\s+(?:\d+\s+)?(?:people\s+|confirmed\s+)?(dead|injured|wounded|killed)\b",
            match.group(0),
            re.I,
        )
        category = _category(named.group(1)) if named else None
        if match.group("ages"):  # "four-month-old and three-year-old boys": two children
            ages = len(re.findall(_AN_AGE, match.group("ages"), re.IGNORECASE))
            start, end = match.start("ages"), match.end()
            figures.append(Figure(category, "children", Count(ages, ages), start, end, True,
                                  _RULES[_SUB]))  # fmt: skip
            taken.take(start, end)
            continue
        if match.group("age") or match.group("one"):  # "among them a child"
            age = _age_of(match) if match.group("age") else None
            if match.group("one") or (age is not None and age < 18):
                end, count = match.end(), ONE
                # "a 12-year-old boy and an 8-year-old girl": two children
                second = _AND_A_CHILD.match(text, end)
                if second and (_age_of(second) or 18) < 18:
                    end, count = second.end(), Count(2, 2)
                figures.append(
                    Figure(category, "children", count, match.start(), end, True, _RULES[_SUB])
                )
                taken.take(match.start(), end)
            continue
        if re.fullmatch(_PERSONS, match.group("group") or "", re.IGNORECASE):
            if category is not None:  # "Among the injured are two women": where no total is
                add(match, category, "civilians", part=True, unless_total=True)
            continue
        add(match, category, _group_of(match.group("group")), part=True)

    for match in _LISTED.finditer(text):
        listed = match.group("list") or match.group("list2") or match.group("list3")
        counted = _listed_people(listed)
        if counted is None or counted[0] < 2 or not taken.free(*match.span()):
            continue
        people, children = counted
        category = _category(match.group("cat") or match.group("cat2") or match.group("cat3"))
        rule = _RULES[_LISTED]
        if children < people:
            figures.append(
                Figure(category, "civilians", Count(people, people), *match.span(), rule=rule)
            )
        if children:
            part = children < people
            figures.append(
                Figure(
                    None if part else category,
                    "children",
                    Count(children, children),
                    *match.span(),
                    part,
                    rule,
                )
            )
        taken.take(*match.span())

    for match in _NTH_DEAD.finditer(text):
        nth = match.group("nth").lower()
        toll = _ORDINALS.get(nth) or int(re.sub(r"\D", "", nth))
        whole_match(match, "killed", "unspecified", Count(toll, toll))
    for match in _AGED_OBJECT.finditer(text):
        age = _age_of(match)
        said = match.group("cat")
        category = "killed" if " life " in said.lower() else _category(said)
        whole_match(match, category, _aged_group(age, match.group("who")))
    for match in _ONE_PERSON.finditer(text):
        if _QUALIFIED.search(text, 0, match.start()):
            continue  # "at least one person was killed": a count with its range, read below
        if match.group("state") and _CAPTION_AFTER.match(text, match.end()):
            continue  # "A wounded child is carried to safety after ...": a caption
        said = match.group("cat") or match.group("state")
        category = "killed" if match.group("died") else _category(said)
        whole_match(match, category, _one_person_s_group(match.group("who") or match.group("who2")))
    for match in _DEATH_OF_ONE.finditer(text):
        whole_match(match, "killed", _one_person_s_group(match.group("who")))
    for match in _INJURY_OF.finditer(text):
        add(match, "injured", _group_of(match.group("group")))
    for match in _NAMED_ONE.finditer(text):
        whole_match(match, _category(" ".join(match.group("cat").split())), "unspecified")
    for match in _AGED.finditer(text):
        if _ONE_OF_THEM_BEFORE.search(text, 0, match.start()):
            continue  # "One of the children killed was buried - a boy of nine who died ...": a part
        category = _category(" ".join(match.group("cat").split()))
        if category == "missing" and _BODIES_OF_BEFORE.search(words_before(text, match.start())):
            category = "killed"  # "The bodies of a 10-year-old boy ... were found under the rubble"
        group = _aged_group(_age_of(match), match.group("who"))
        # "a 10-year-old boy and his 8-year-old sister": two children
        second = _AND_ANOTHER_CHILD.search(match.group(0))
        both = group == "children" and second is not None and (_age_of(second) or 18) < 18
        whole_match(match, category, group, Count(2, 2) if both else ONE)
        # "a 14-year-old girl was among the 34 injured": the toll she is among
        among = _AMONG_THE_TOLL.search(match.group(0))
        if among is not None:
            toll = number_value(among.group("toll"))
            if toll:
                at = match.start() + among.start("toll")
                figures.append(Figure(category, "unspecified", Count(toll, toll), at,
                                      match.end(), rule=_RULES[_AMONG]))  # fmt: skip
    for match in _AMONG.finditer(text):
        if re.fullmatch(_PERSONS, match.group("group"), re.IGNORECASE) or (
            _group_of(match.group("group")) == "unspecified"
        ):
            continue  # "a paramedic / five adults are among the injured": no group split off
        category = (
            "injured" if match.group("cat").lower() in ("injured", "wounded", "hurt") else "killed"
        )
        add(match, category, _group_of(match.group("group")))
    for match in _OF_THEM.finditer(text):  # "two of them children", "Twelve of them died"
        category = _category(match.group("cat").split()[-1]) if match.group("cat") else None
        add(match, category, _group_of(match.group("group")), part=True)
    for match in _TOLL.finditer(text):
        if _CASUALTIES_AFTER.match(text, match.end()):
            continue  # "the toll has climbed to 10 confirmed casualties": the dead and the hurt
        what = " ".join(match.group(g) or "" for g in ("kind", "what", "of"))
        # "the number of victims increased to 18": the affected, as Ukrainian officials count
        # "постраждалі" (the dead are counted apart)
        hurt = re.search(r"injur|wound|treatment|help|care|victims(?!\s+killed)", what, re.I)
        category = "injured" if hurt else "killed"
        beyond = match.group("beyond") and not match.group("qual")
        add(match, category, "unspecified", qualifier="more than" if beyond else None)
        # "the count of injured at 28 adults and 10 children": the children apart
        children = _AND_CHILDREN.match(text, match.end())
        if children and taken.free(*children.span("num")):
            add(children, category, "children")
        # "the number of dead rose to 14, and injured to 61": the other count, its verb implied
        other = _TOLL_AND.match(text, match.end())
        if other and taken.free(*other.span("num")):
            add(other, _category(other.group("cat")), "unspecified")
    for match in _INJURIES_BY.finditer(text):
        add(match, "injured", _group_of(match.group("group") or "people"))
    for match in _VICTIMS_SPOKEN_OF.finditer(text):
        add(match, "injured", "unspecified")
    for match in _STATE_FIRST.finditer(text):
        add(match, _category(match.group("cat")), _group_of(match.group("group")))
    for match in _AMONG_THEM_AFTER.finditer(text):
        add(match, None, _group_of(match.group("group")), part=True)
    for match in _OF_THE_DEAD.finditer(text):
        add(match, _category(match.group("of")), _group_of(match.group("group")), part=True)
        taken.take(*match.span())  # "six of the 31 confirmed dead": the toll again, no figure
    for match in _SAID_TO.finditer(text):
        add(match, _category(match.group("cat")), _group_of(match.group("group")))
    for match in _FATE.finditer(text):
        add(match, "missing", _group_of(match.group("group")))
    for match in (
        *_SEARCHED.finditer(text),
        *_SEARCHED_FOR.finditer(text),
        *_CONSIDERED_MISSING.finditer(text),
    ):
        add(match, "missing", _group_of(match.group("group")))
    for match in _LOST.finditer(text):
        group = match.group("group").lower()
        add(match, "killed", "unspecified" if group == "lives" else _group_of(group))
    for match in _LIVES_TAKEN.finditer(text):
        add(match, "killed", "unspecified")
    for match in _BODIES.finditer(text) if "bodies" in text.lower() else ():
        # "... seven bodies recovered, bringing the death toll to 11": the toll is the figure
        if (match.group("bodies") or match.group("of")) and not _TOLL.search(text):
            add(match, "killed", _group_of(match.group("group") or "people"))
    for match in _LABELLED.finditer(text):
        add(match, _category(match.group("cat")), "unspecified")
    for pattern in (_DESTROYED, _DESTROYING):
        for match in pattern.finditer(text):
            add(match, "killed", "military")
    for match in _VERB_FIRST.finditer(text):
        add(match, _category(match.group("cat")), _group_of(match.group("group")))
    for match in _MAIN.finditer(text):
        after = text[match.end() : match.end() + 25]
        if (
            re.match(r"\s+(?:and|or)\s+(?:wounded|injured|hurt)\b", after, re.I)
            and _category(" ".join(match.group("cat").split())) == "killed"
        ):
            continue  # "killed and wounded", "killed or wounded": one number for both, neither
        if (
            match.group("modal")
            and _category(" ".join(match.group("cat").split())) == "killed"
            and not re.search(r"\d", match.group("num") or "")
        ):
            continue  # "hundreds could be killed": a guess, no count
        if _OF_THE_COUNTED.match(text, match.end("num")):
            continue  # "one of the dead", "one of the adults killed there": a part of a figure
        if re.search(
            r"\bthe\s+remaining\s+$", text[max(0, match.start() - 16) : match.start()], re.I
        ):
            continue  # "Two of the injured ..., while the remaining eight were rushed to hospital"
        before = text[max(0, match.start() - 20) : match.start()]
        if re.search(r"\bof\s+(?:whom|them)\s*,?\s*$", before, re.I) and re.search(
            r"hospital", match.group("cat"), re.I
        ):
            continue  # "32 hurt, of whom 13 were still in hospital", "Of them, 59 are
            # hospitalized": the hurt's subset
        hedged = match.group("modal") is not None  # "five people may still be under the rubble"
        category = _category(" ".join(match.group("cat").split()))
        if re.match(r"\s+(?:had\s+|have\s+|later\s+)?died\b", text[match.end() : match.end() + 20]):
            category = "killed"  # "two women taken to hospital had died"
        if category == "missing" and _FOUND_AFTER.match(text, match.end()):
            continue  # "Six people who were reported missing have been contacted and are safe"
        add(
            match,
            category,
            _group_of(match.group("group")),
            at_most=hedged,
        )
    figures.sort(key=lambda f: f.start)
    figures = _listed_before(text, _shared_verbs(text, figures, taken), taken)
    return _civilians_by_context(text, _without_stray_parts(text, figures))


# "four people had died in the apartment block and six at a food warehouse", "killed seven
# people in Kherson and at least one person in Odesa": the second count shares the first one's
# verb
_AND_MORE_AT = re.compile(
    rf"[^.;]{{0,60}}?\band\s+(?:another\s+)?{COUNT}\s+(?:more\s+)?"
    r"(?:(?:people|persons?|civilians|residents)\s+)?(?:at|in|on|near|inside|outside)\b",
    re.IGNORECASE,
)
# "killing 11 children and nine adults": the next group counted after a verb's count
_AND_GROUP = re.compile(rf"\s+and\s+{COUNT}\s+{_GROUP_PHRASE}\b", re.IGNORECASE)


def _shared_verbs(text: str, figures: list[Figure], taken: Spans) -> list[Figure]:
    found = list(figures)
    for f in figures:
        if f.part or f.category is None:
            continue
        more = _AND_MORE_AT.match(text, f.end)
        if more is None and f.rule == _RULES[_VERB_FIRST]:
            more = _AND_GROUP.match(text, f.end)
        if more is None or not taken.free(*more.span("num")):
            continue
        count = count_range(more.group("qual"), more.group("num"))
        if count is not None:
            taken.take(*more.span("num"))
            found.append(
                replace(
                    f,
                    count=count,
                    group=_group_of(more.group("group"))
                    if "group" in more.re.groupindex
                    else f.group,
                    start=more.start("num"),
                    end=more.end(),
                    rule=f"a count sharing the verb of the figure before it ({f.rule})",
                )
            )
    return sorted(found, key=lambda f: f.start)


# "two generals and up to 50 officers ... as well as up to 20 foreign mercenaries were
# destroyed": the counts listed before a figure share its verb
_LIST_ITEM = re.compile(
    rf"{COUNT}\s+(?:[a-z-]+\s+){{0,2}}?(?P<group>{_GROUP})\b(?:\s+of\s+(?:the\s+)?[\w\s]{{1,40}}?)?"
    r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)$",
    re.IGNORECASE,
)


def _listed_before(text: str, figures: list[Figure], taken: Spans) -> list[Figure]:
    found = list(figures)
    for f in figures:
        # (not before a verb: "killed atleast 13 people and injured more than 60")
        if f.part or f.category is None or f.rule == _RULES[_VERB_FIRST]:
            continue
        at = f.start
        while (item := _LIST_ITEM.search(text, max(0, at - 120), at)) is not None:
            count = count_range(item.group("qual"), item.group("num"))
            if count is None or not taken.free(*item.span("num")):
                break
            taken.take(*item.span("num"))
            rule = f"a count listed before a figure, sharing its verb ({f.rule})"
            group = _group_of(item.group("group"))
            found.append(replace(f, count=count, group=group, start=item.start(), end=item.end(),
                                 rule=rule))  # fmt: skip
            at = item.start()
    return sorted(found, key=lambda f: f.start)


def _without_stray_parts(text: str, figures: list[Figure]) -> list[Figure]:
    """Parts that belong to no figure go: a part inside a part ("among them eight children,
    including a 10-year-old boy": the boy is one of the eight), and a part of a count of people
    no figure counts ("Eleven people, four of them children, were pulled from the rubble")."""
    kept: list[Figure] = []
    for i, f in enumerate(figures):
        if (
            f.part
            and i
            and figures[i - 1].part
            and figures[i - 1].group == f.group
            and re.fullmatch(r"[\s,]*", text[figures[i - 1].end : f.start])
        ):
            continue
        # "Six patients remain in a serious condition, including two children"
        if (
            f.part
            and f.category is None
            and not any(not w.part for w in figures[:i])
            and any(m.end() <= f.start for m in _PEOPLE_COUNT.finditer(text, 0, f.start))
        ):
            continue
        kept.append(f)
    return kept


_MORE_OF_THE_SAME = re.compile(rf"{COUNT}\s+more\b(?!\s+(?:{_GROUP})\b).*", re.I | re.S)


def _civilians_by_context(text: str, figures: list[Figure]) -> list[Figure]:
    """Figures with no group count civilians after "civilian casualties" ("24 civilian
    casualties (5 killed and 19 injured)"), when the people are named after them ("three
    died - two women and a man"), and after a civilians' figure they are joined to naming no
    people of their own ("28 civilians were killed ... and 191 injured")."""
    tally = _CIVILIAN_TALLY.search(text)
    out: list[Figure] = []
    for f in figures:
        if f.group == "unspecified" and not f.part:
            joined = next((w for w in reversed(out) if not w.part), None)
            after_tally = tally is not None and tally.end() <= f.start
            named_after = bool(_PERSONS_AFTER.match(text, f.end))
            after_civilians = (
                joined is not None
                and joined.group in ("civilians", "military")
                and not re.search(r"\b(?:people|persons)\b", text[f.start : f.end], re.I)
                and re.search(r"\band\b", text[joined.end : f.start])
                and not re.search(r"[.;]", text[joined.end : f.start])
            )
            # "One soldier was killed and nine more were wounded": nine more soldiers
            if (
                joined is not None
                and joined.group != "unspecified"
                and _MORE_OF_THE_SAME.fullmatch(text, f.start, f.end)
            ):
                f = replace(f, group=joined.group, rule=f"{f.rule}; more of the figure before it")
            elif after_tally or named_after or after_civilians:
                why = (
                    "after 'civilian casualties'"
                    if after_tally
                    else "the people named after it"
                    if named_after
                    else f"joined to a {joined.group} figure"
                )
                group = joined.group if after_civilians and joined else "civilians"
                f = replace(f, group=group, rule=f"{f.rule}; {group} {why}")
        out.append(f)
    return out


def whole_of(part: Figure, figures: list[Figure], text: str = "") -> Figure | None:
    """The figure a part belongs to: the nearest whole figure before it, unless another count
    stands between them past a semicolon ("20 injured; 22 rescued, including 11 children"),
    else the nearest after it."""
    wholes = [f for f in figures if not f.part and f.category]
    before = [f for f in wholes if f.start <= part.start]
    if before:
        between = text[before[-1].end : part.start]
        # past a semicolon, a count that is no casualty figure is the part's whole
        return None if re.search(r"[;•][^;•]*\d", between) else before[-1]
    after = [f for f in wholes if f.start > part.start]
    return after[0] if after else None


# -- damage ----------------------------------------------------------------------------------

_OBJECTS: list[tuple[str, str]] = [
    ("apartment_block", r"apartment\s+(?:blocks?|buildings?)|residential\s+blocks?|tower\s+blocks?"
     r"|high-?rise\s+(?:buildings?|blocks?)|high-?rises|blocks\s+of\s+flats"
     r"|multi-?stor(?:e)?y\s+(?:buildings?|blocks?)"),
    ("energy", r"energy\s+(?:facilit(?:y|ies)|infrastructure)|power\s+(?:plants?|stations?|lines?)"
     r"|substations?"),
    ("military_vehicle", r"military\s+vehicles?|armou?red\s+vehicles?|units\s+of\s+(?:military\s+)?equipment"),
    ("residential_building", r"residential\s+buildings?"),
    ("apartment", r"apartments?|flats"),
    ("house", r"(?:private\s+)?houses?|homes"),
    ("public_transport", r"trolleybus(?:es)?|minibus(?:es)?|buses|bus|trams?"),
    ("vehicle", r"cars?|vehicles?|automobiles?"),
    ("school", r"schools?"),
    ("educational", r"educational\s+(?:institutions?|facilit(?:y|ies)|buildings?)|kindergartens?"
     r"|universit(?:y|ies)|colleges?"),
    ("hospital", r"hospitals?|clinics?|medical\s+facilit(?:y|ies)"),
    ("shop", r"shops?|stores?|supermarkets?|shopping\s+(?:centres?|centers?|malls?)"),
    ("restaurant", r"restaurants?|caf[eé]s?|catering\s+(?:establishments?|facilities)"),
    ("office", r"office\s+buildings?|offices"),
    ("industrial", r"industrial\s+(?:facilit(?:y|ies)|enterprises?)|enterprises?|factor(?:y|ies)"
     r"|warehouses?"),
    ("railway", r"railway\s+(?:stations?|lines?|infrastructure|tracks?)|rail\s+infrastructure"),
    ("religious", r"churches|church|mosques?|synagogues?|cathedrals?"),
    ("cultural", r"museums?|theatres?|theaters?"),
    ("playground", r"playgrounds?"),
]  # fmt: skip
_OBJECT = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _OBJECTS)
_DAMAGE_WORDS = re.compile(
    r"\b(?:damaged|destroyed|destroying|hit|struck|burn(?:ed|t)|scorched|razed|flattened"
    r"|collapsed|wrecked|charred|damage\s+to|on\s+fire|ablaze|ruined)\b",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    rf"(?:{COUNT}|(?<![\w-])(?P<article>an?)(?![\w-]))\s+(?:[\w-]+\s+){{0,3}}?(?<![\w-])(?:{_OBJECT})\b",
    re.IGNORECASE,
)
_BARE = re.compile(rf"(?<![\w-])(?:{_OBJECT})\b", re.IGNORECASE)
_ANOTHER = re.compile(rf"\banother\s+{COUNT}\s+(?P<verb>damaged|destroyed)\b", re.IGNORECASE)
_LOCATION_BEFORE = re.compile(
    r"\b(?:next\s+to|near|close\s+to|beside|outside|behind|opposite|in\s+front\s+of|in|at|to"
    r"|from|into)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DamageFigure:
    object: str
    count: Count | None
    severity: str
    start: int
    end: int


def _severity(text: str, start: int, end: int) -> str:
    after = re.search(
        r"\b(heavily|badly|severely|partially|partly|completely|totally)?\s*"
        r"(damaged|destroyed|razed|flattened|destroying)\b",
        text[end : end + 60],
        re.IGNORECASE,
    )
    before = re.search(
        r"\b(destroyed|destroying|damaged)\s+(?:[\w-]+\s+){0,3}$",
        text[max(0, start - 40) : start],
        re.I,
    )
    found = after or before
    if not found:
        return "damaged"
    words = found.group(0).lower()
    if re.search(r"destroy|razed|flattened", words):
        return "destroyed"
    if re.search(r"heavily|badly|severely", words):
        return "severe"
    if re.search(r"partially|partly", words):
        return "moderate"
    return "damaged"


def damage_figures(sentence: Sentence, excluded: list[tuple[int, int]] = ()) -> list[DamageFigure]:
    """Damaged objects in a sentence that says something was damaged; `excluded` spans (a
    claim's words, say) are skipped."""
    text = sentence.text
    if not _DAMAGE_WORDS.search(text):
        return []
    found: list[DamageFigure] = []
    taken = Spans(excluded)

    def object_of(match: re.Match[str]) -> tuple[str, int, int] | None:
        for name, _ in _OBJECTS:
            if match.group(name):
                return name, match.start(name), match.end(name)
        return None

    for match in _COUNTED.finditer(text):
        obj = object_of(match)
        if obj is None or not taken.free(match.start(), obj[2]):
            continue
        name, start, end = obj
        if _LOCATION_BEFORE.search(words_before(text, match.start())):
            continue
        if match.group("article"):
            if re.search(r"s$", match.group(name)) and name not in ("public_transport",):
                continue
            count: Count | None = Count(1, 1)
        else:
            count = count_range(match.group("qual"), match.group("num"))
        taken.take(match.start(), end)
        found.append(DamageFigure(name, count, _severity(text, start, end), match.start(), end))
    for match in _BARE.finditer(text):
        obj = object_of(match)
        if obj is None or not taken.free(*match.span()):
            continue
        name, start, end = obj
        if (
            not re.search(r"(?:s|es|ies|homes|flats)$", match.group(0), re.I)
            and name != "restaurant"
        ):
            continue  # a bare singular ("the building") is a mention, not a count
        if _LOCATION_BEFORE.search(words_before(text, match.start())):
            continue
        taken.take(*match.span())
        found.append(DamageFigure(name, None, _severity(text, start, end), start, end))
    found.sort(key=lambda d: d.start)
    for match in _ANOTHER.finditer(text):
        before = [d for d in found if d.end <= match.start()]
        if before:
            severity = "destroyed" if match.group("verb").lower() == "destroyed" else "damaged"
            count = count_range(match.group("qual"), match.group("num"))
            found.append(
                DamageFigure(before[-1].object, count, severity, match.start(), match.end())
            )
    found.sort(key=lambda d: d.start)
    return found
