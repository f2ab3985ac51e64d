"""Who says each figure: speakers named in a report, mapped to declared sources with a party.

Known institutions and people are a table (aliases → id, name, party); anyone else is read from
the words around the name ("Interior Minister Ihor Klymenko", "Oleksandr Vilkul, head of the
city military administration, said"), their party from their role. Pronouns and "the ministry",
"the statement" point back at the last speaker named."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from mapping.extraction.dates import MONTH_NAMES, WEEKDAY_NAMES
from mapping.extraction.text import Sentence
from mapping.model import Party


@dataclass(frozen=True)
class Actor:
    """A speaker: the source id it becomes, its display name and the side it speaks for."""

    id: str
    name: str
    party: Party


@dataclass(frozen=True)
class Mention:
    actor: Actor
    start: int  # offsets in the sentence
    end: int


G = Party.UKRAINE_GOVERNMENT
R = Party.RUSSIA_GOVERNMENT
L = Party.LOCAL_AUTHORITY
M = Party.INDEPENDENT_MEDIA
S = Party.STATE_MEDIA
I = Party.INTERNATIONAL_ORG  # noqa: E741
N = Party.NGO

# (regex of the words, id, name, party); longer forms first where they overlap.
_KNOWN: list[tuple[str, str, str, Party]] = [
    (r"Russia'?s?\s+(?:Ministry\s+of\s+Defen[cs]e|[Dd]efen[cs]e\s+[Mm]inistry|MoD)"
     r"|(?:the\s+)?Russian\s+(?:Ministry\s+of\s+Defen[cs]e|[Dd]efen[cs]e\s+[Mm]inistry|MoD)"
     r"|Ministry\s+of\s+Defen[cs]e\s+of\s+(?:the\s+)?Russia(?:n\s+Federation)?"
     r"|(?:the\s+)?(?:[Dd]efen[cs]e\s+)?[Mm]inistry\s+in\s+Moscow",
     "russian-mod", "Russian Ministry of Defence", R),
    # "Russia's Foreign Ministry", "the Russian embassy in London", "Russia's mission to the UN"
    (r"(?:Russia'?s?|(?:[Tt]he\s+)?Russian)\s+(?:[Ff]oreign\s+[Mm]inistry|[Mm]inistry\s+of\s+[Ff]oreign"
     r"\s+[Aa]ffairs)",
     "russian-foreign-ministry", "Russian Ministry of Foreign Affairs", R),
    (r"(?:Russia'?s?|(?:[Tt]he\s+)?Russian)\s+(?:[Ee]mbassy(?:\s+in\s+[A-Z][\w-]+)?|(?:UN\s+)?"
     r"[Mm]ission(?:\s+to\s+the\s+(?:UN|United\s+Nations))?)",
     "russian-diplomatic-mission", "Russian diplomatic mission", R),
    # "Moscow said", "Russia claimed", "the Russian military said"
    (r"(?<!in\s)(?<!of\s)(?<!from\s)(?<!to\s)(?:Moscow|Russia|[Tt]he\s+Russian\s+military"
     r"|[Tt]he\s+Russian\s+Federation"
     r"|Russian\s+forces|Russian\s+(?:officials|authorities))(?=\s+(?:has\s+|have\s+)?(?:said|says"
     r"|claimed|claims|reported|told|denied|denies|insisted|insists|maintained|maintains"
     r"|stated|alleged)\b)",
     "russian-authorities", "Russian authorities", R),
    # the occupation's administrations speak for Russia
    (r"(?:(?:[Tt]he\s+)?(?:Russian|Moscow)-(?:installed|appointed)\s+(?:officials|authorities"
     r"|governor|head|leader|administration|mayor)|(?:[Tt]he\s+)?occupation\s+authorities)"
     # "... in the occupied part of the region said"
     r"(?:\s+(?:in|of)\s+[^,.;]{1,50}?(?=\s+(?:said|says|claimed|claims|reported)\b))?",
     "russian-installed-authorities", "Russian-installed authorities", R),
    (r"(?:Kremlin\s+spokes(?:man|person)\s+)?Dmitry\s+Peskov|(?:the\s+)?Kremlin|Peskov",
     "kremlin", "Kremlin", R),
    (r"(?:Ukraine'?s|Ukrainian)\s+(?:military\s+|regional\s+|local\s+|government\s+)?(?:authorities"
     r"|officials|government)",
     "ukrainian-authorities", "Ukrainian authorities", G),
    (r"(?:Ukrainian\s+)?President\s+(?:Volodymyr\s+)?Zelensk(?:yy|iy|y|i)|Volodymyr\s+Zelensk(?:yy|iy|y|i)"
     r"|Zelensk(?:yy|iy|y|i)|(?:Ukraine'?s|the\s+Ukrainian)\s+president",
     "president-zelensky", "President Volodymyr Zelensky", G),
    (r"(?<!Russia's\s)(?<!Russian\s)(?:Ukraine'?s\s+|the\s+Ukrainian\s+)?[Gg]eneral\s+[Ss]taff"
     r"(?:\s+of\s+the\s+Armed\s+Forces\s+of\s+Ukraine)?(?!\s+of\s+(?:the\s+)?Russia)",
     "ukraine-general-staff", "General Staff of the Armed Forces of Ukraine", G),
    (r"(?:Ukraine'?s|the\s+Ukrainian)\s+[Aa]ir\s+[Ff]orce",
     "ukrainian-air-force", "Ukrainian Air Force", G),
    (r"(?:the\s+)?(?:State\s+Emergency\s+Service|(?:national\s+)?[Ee]mergenc(?:y|ies)\s+[Ss]ervices?|SES|DSNS"
     r"|(?:Ukrainian\s+|Ukraine'?s\s+)?Ministry\s+of\s+Emergency\s+Situations|[Ee]mergencies\s+[Mm]inistry)"
     r"(?:\s+of\s+Ukraine)?",
     "state-emergency-service", "State Emergency Service of Ukraine", G),
    (r"(?:the\s+)?(?:Ukraine'?s\s+|Ukrainian\s+)?National\s+Police(?:\s+of\s+Ukraine)?",
     "national-police", "National Police of Ukraine", G),
    (r"(?<!Russia's\s)(?<!Russian\s)(?:the\s+)?(?:Ukraine'?s\s+|Ukrainian\s+)?"
     r"(?:[Ii]nterior\s+[Mm]inistry|Ministry\s+of\s+(?:Internal\s+Affairs|the\s+Interior))"
     r"(?:\s+of\s+Ukraine)?",
     "interior-ministry", "Ministry of Internal Affairs of Ukraine", G),
    # the police and prosecutors by name of their service alone ("Police name the village:",
    # "Prosecutors: at least 27 injured"); Russia's are not these
    (r"(?<!Russia's\s)(?<!Russian\s)(?:the\s+)?(?:[Rr]egional\s+)?[Pp]olice(?:\s+in\s+[A-Z][\w'-]+)?"
     r"(?=\s+(?:say|said|says|name|named|report|reported)\b|:)",
     "police", "Police of Ukraine", G),
    (r"(?<!Russia's\s)(?<!Russian\s)(?:the\s+)?(?:[A-Z][\w'-]+\s+)?(?:[Rr]egional\s+|Oblast\s+)?"
     r"(?:[Pp]rosecutors(?:'\s+[Oo]ffice)?|[Pp]rosecutor'?s\s+[Oo]ffice)",
     "prosecutors", "Prosecutors of Ukraine", G),
    (r"(?:the\s+)?(?:Ukraine'?s\s+)?[Pp]rosecutor[\s-][Gg]eneral(?:'?s\s+[Oo]ffice)?(?!\s+[A-Z])",
     "prosecutor-general", "Prosecutor General's Office of Ukraine", G),
    (r"(?:the\s+)?U(?:N|nited\s+Nations)\s+[Hh]uman\s+[Rr]ights\s+[Mm]onitoring\s+[Mm]ission"
     r"(?:\s+in\s+Ukraine)?"
     r"|(?:the\s+)?U(?:N|nited\s+Nations)\s+monitoring\s+mission|HRMMU|UN\s+monitors",
     "un-monitoring-mission", "UN Human Rights Monitoring Mission in Ukraine", I),
    (r"(?:the\s+)?United\s+Nations|(?:the\s+)?UN(?=\s)|OHCHR",
     "united-nations", "United Nations", I),
    (r"UNICEF", "unicef", "UNICEF", I),
    (r"(?:the\s+)?World\s+Health\s+Organi[sz]ation|WHO(?=\s)", "who", "World Health Organization", I),
    (r"Human\s+Rights\s+Watch", "human-rights-watch", "Human Rights Watch", N),
    (r"Amnesty\s+International", "amnesty-international", "Amnesty International", N),
    (r"M[ée]decins\s+Sans\s+Fronti[èe]res|Doctors\s+Without\s+Borders|MSF(?=\s)", "msf",
     "Médecins Sans Frontières", N),
    (r"(?<!Russia's\s)(?<!Russian\s)(?:the\s+)?(?:Ukraine'?s\s+|Ukrainian\s+)?"
     r"(?:[Hh]ealth\s+[Mm]inistry|Ministry\s+of\s+Health)(?:\s+of\s+Ukraine)?",
     "ministry-of-health", "Ministry of Health of Ukraine", G),
    # "according to the latest official figures", "official data show": the state's count
    (r"(?:[Tt]he\s+)?(?:latest\s+|preliminary\s+|updated\s+)?[Oo]fficial\s+(?:figures|data|count|tally"
     r"|statistics)", "officials", "Officials", G),
    (r"(?:the\s+)?(?:[Pp]residential\s+[Oo]ffice|Office\s+of\s+the\s+President(?:\s+of\s+Ukraine)?)",
     "office-of-the-president", "Office of the President of Ukraine", G),
    (r"(?<!in\s)(?<!of\s)(?<!from\s)(?<!near\s)(?<!to\s)(?:Ukraine|Kyiv)"
     r"(?=\s+(?:has\s+|had\s+)?(?:said|says|reported|told|confirmed|announced)\b)",
     "ukrainian-authorities", "Ukrainian authorities", G),
    (r"(?:[Ll]ocal\s+)?(?:[Rr]escuers|[Rr]escue\s+workers|[Ee]mergency\s+(?:officials|workers)"
     r"|[Ff]irst\s+responders)(?=\s+(?:said|say|reported|report|told)\b)",
     "state-emergency-service", "State Emergency Service of Ukraine", G),
    (r"(?:the\s+)?regional\s+military\s+administration|(?:the\s+)?regional\s+administration",
     "regional-military-administration", "Regional military administration", L),
    # the administrations by their Ukrainian abbreviations: ОВА/ОДА, МВА
    (r"(?:the\s+)?(?:[A-Z][\w'’-]+\s+)?(?:RMA|OVA|ODA|OMA)(?![\w-])",
     "regional-military-administration", "Regional military administration", L),
    (r"(?:the\s+)?(?:[A-Z][\w'’-]+\s+)?K?(?:CMA|MVA)(?![\w-])",
     "city-military-administration", "City military administration", L),
    (r"(?:the\s+)?(?:city\s+)?military\s+administration\s+(?:in|of)\s+[A-Z][\w'’-]+",
     "city-military-administration", "City military administration", L),
    (r"(?:the\s+)?city\s+military\s+administration|(?:the\s+)?city\s+council",
     "city-military-administration", "City military administration", L),
    (r"(?:local|regional|city)\s+(?:authorities|officials)", "local-authorities", "Local authorities", L),
    (r"Reuters", "reuters", "Reuters", M),
    # "according to media reports", "an earlier report stated": the press, no official
    (r"(?:local\s+|Ukrainian\s+|Russian\s+)?(?:media|news)\s+reports?"
     r"|(?:[Aa]n?|[Tt]he)\s+(?:earlier|previous|initial|first)\s+reports?",
     "media-reports", "Media reports", M),
    (r"(?:the\s+)?Associated\s+Press|AP(?=\))", "ap", "Associated Press", M),
    (r"AFP|Agence\s+France-Presse", "afp", "AFP", M),
    (r"(?:the\s+)?BBC", "bbc", "BBC", M),
    (r"CNN", "cnn", "CNN", M),
    (r"(?:The\s+|the\s+)?New\s+York\s+Times", "new-york-times", "The New York Times", M),
    (r"(?:The\s+|the\s+)?Kyiv\s+Independent", "kyiv-independent", "The Kyiv Independent", M),
    (r"Euromaidan\s+Press", "euromaidan-press", "Euromaidan Press", M),
    (r"Ukrinform", "ukrinform", "Ukrinform", S),
    (r"Suspilne", "suspilne", "Suspilne", M),  # the public broadcaster: its own figures are a newsroom's
    (r"TASS", "tass", "TASS", S),
    (r"RIA\s+Novosti", "ria-novosti", "RIA Novosti", S),
]  # fmt: skip

# People in the reports analysts work with most, by surname: (id, full name, party).
_PEOPLE: dict[str, tuple[str, str, Party]] = {
    "vilkul": ("oleksandr-vilkul", "Oleksandr Vilkul", L),
    "lysak": ("serhiy-lysak", "Serhiy Lysak", L),
    "reznichenko": ("valentyn-reznichenko", "Valentyn Reznichenko", L),
    "lukashuk": ("mykola-lukashuk", "Mykola Lukashuk", L),
    "kobzar": ("artem-kobzar", "Artem Kobzar", L),
    "klymenko": ("ihor-klymenko", "Ihor Klymenko", G),
    "budanov": ("kyrylo-budanov", "Kyrylo Budanov", G),
    "oleshchuk": ("mykola-oleshchuk", "Mykola Oleshchuk", G),
    "ihnat": ("yurii-ihnat", "Yurii Ihnat", G),
    "syrskyi": ("oleksandr-syrskyi", "Oleksandr Syrskyi", G),
    "sybiha": ("andrii-sybiha", "Andrii Sybiha", G),
    "yermak": ("andriy-yermak", "Andriy Yermak", G),
    "tymoshenko": ("kyrylo-tymoshenko", "Kyrylo Tymoshenko", G),
    "lubinets": ("dmytro-lubinets", "Dmytro Lubinets", G),
    "klitschko": ("vitali-klitschko", "Vitali Klitschko", L),
    "syniehubov": ("oleh-syniehubov", "Oleh Syniehubov", L),
    "terekhov": ("ihor-terekhov", "Ihor Terekhov", L),
    "fedorov": ("ivan-fedorov", "Ivan Fedorov", L),
    "kiper": ("oleh-kiper", "Oleh Kiper", L),
    "prokudin": ("oleksandr-prokudin", "Oleksandr Prokudin", L),
    "artiukh": ("volodymyr-artiukh", "Volodymyr Artiukh", L),
    "artyukh": ("volodymyr-artiukh", "Volodymyr Artiukh", L),
    "zarko": ("yurii-zarko", "Yurii Zarko", L),
    "malashko": ("yurii-malashko", "Yurii Malashko", L),
    "bratchuk": ("serhii-bratchuk", "Serhii Bratchuk", L),
    "kryvosheienko": ("serhii-kryvosheienko", "Serhii Kryvosheienko", L),
    "pletenchuk": ("dmytro-pletenchuk", "Dmytro Pletenchuk", G),
    "zhyvytskyi": ("dmytro-zhyvytskyi", "Dmytro Zhyvytskyi", L),
    "lysenko": ("oleksandr-lysenko", "Oleksandr Lysenko", L),
    "starukh": ("oleksandr-starukh", "Oleksandr Starukh", L),
    "filatov": ("borys-filatov", "Borys Filatov", L),
    "senkevych": ("oleksandr-senkevych", "Oleksandr Senkevych", L),
    "kim": ("vitaliy-kim", "Vitaliy Kim", L),
    "trukhanov": ("hennadiy-trukhanov", "Hennadiy Trukhanov", L),
    "mrochko": ("roman-mrochko", "Roman Mrochko", L),
    "chaus": ("viacheslav-chaus", "Viacheslav Chaus", L),
    "pronin": ("filip-pronin", "Filip Pronin", L),
    "kohut": ("volodymyr-kohut", "Volodymyr Kohut", L),
    "borzov": ("serhiy-borzov", "Serhiy Borzov", L),
    "haidai": ("serhiy-haidai", "Serhiy Haidai", L),
    "kozytskyi": ("maksym-kozytskyi", "Maksym Kozytskyi", L),
    "sadovyi": ("andriy-sadovyi", "Andriy Sadovyi", L),
    "kyrylenko": ("pavlo-kyrylenko", "Pavlo Kyrylenko", L),
    "filashkin": ("vadym-filashkin", "Vadym Filashkin", L),
    "tkachenko": ("tymur-tkachenko", "Tymur Tkachenko", L),
    "popko": ("serhiy-popko", "Serhiy Popko", L),
    "kravchenko": ("ruslan-kravchenko", "Ruslan Kravchenko", L),
    "vyhivskyi": ("ivan-vyhivskyi", "Ivan Vyhivskyi", G),
    "kostin": ("andriy-kostin", "Andriy Kostin", G),
    "khorunzhyi": ("oleksandr-khorunzhyi", "Oleksandr Khorunzhyi", G),
    "kuleba": ("dmytro-kuleba", "Dmytro Kuleba", G),
    "shmyhal": ("denys-shmyhal", "Denys Shmyhal", G),
    "svyrydenko": ("yulia-svyrydenko", "Yulia Svyrydenko", G),
    "kalashnyk": ("mykola-kalashnyk", "Mykola Kalashnyk", L),
    "hanzha": ("serhiy-hanzha", "Serhiy Hanzha", L),
    "kurtiev": ("anatoliy-kurtiev", "Anatoliy Kurtiev", L),
    "marchenko": ("maksym-marchenko", "Maksym Marchenko", L),
    "yanushevych": ("yaroslav-yanushevych", "Yaroslav Yanushevych", L),
    "hryhorov": ("oleh-hryhorov", "Oleh Hryhorov", L),
    "bryzhynskyi": ("oleksandr-bryzhynskyi", "Oleksandr Bryzhynskyi", L),
    "lunin": ("dmytro-lunin", "Dmytro Lunin", L),
    "morhunov": ("serhiy-morhunov", "Serhiy Morhunov", L),
    "bunechko": ("vitaliy-bunechko", "Vitaliy Bunechko", L),
    "taburets": ("ihor-taburets", "Ihor Taburets", L),
    "raikovych": ("andriy-raikovych", "Andriy Raikovych", L),
    "honcharenko": ("oleksandr-honcharenko", "Oleksandr Honcharenko", L),
    "liakh": ("vadym-liakh", "Vadym Liakh", L),
    "yevtushenko": ("yevhen-yevtushenko", "Yevhen Yevtushenko", L),
    "liashko": ("viktor-liashko", "Viktor Liashko", G),
    "halushchenko": ("herman-halushchenko", "Herman Halushchenko", G),
    "kubrakov": ("oleksandr-kubrakov", "Oleksandr Kubrakov", G),
    "zakharova": ("maria-zakharova", "Maria Zakharova", R),
    "shoigu": ("sergei-shoigu", "Sergei Shoigu", R),
    "belousov": ("andrei-belousov", "Andrei Belousov", R),
    "lavrov": ("sergei-lavrov", "Sergei Lavrov", R),
    "putin": ("vladimir-putin", "Vladimir Putin", R),
    "nebenzia": ("vassily-nebenzia", "Vassily Nebenzia", R),
    "nebenzya": ("vassily-nebenzia", "Vassily Nebenzia", R),
    "gerasimov": ("valery-gerasimov", "Valery Gerasimov", R),
    "saldo": ("vladimir-saldo", "Vladimir Saldo", R),
    "balitsky": ("yevgeny-balitsky", "Yevgeny Balitsky", R),
    "pushilin": ("denis-pushilin", "Denis Pushilin", R),
    "bogomaz": ("alexander-bogomaz", "Alexander Bogomaz", R),
    "razvozhayev": ("mikhail-razvozhayev", "Mikhail Razvozhayev", R),
    "aksyonov": ("sergei-aksyonov", "Sergei Aksyonov", R),
    "guterres": ("antonio-guterres", "António Guterres", I),
    "grossi": ("rafael-grossi", "Rafael Grossi", I),
    "bogner": ("matilda-bogner", "Matilda Bogner", I),
    "bell": ("danielle-bell", "Danielle Bell", I),
    "schmale": ("matthias-schmale", "Matthias Schmale", I),
    "konashenkov": ("igor-konashenkov", "Igor Konashenkov", R),
    "gladkov": ("vyacheslav-gladkov", "Vyacheslav Gladkov", R),
    "khinshtein": ("alexander-khinshtein", "Alexander Khinshtein", R),
    "starovoit": ("roman-starovoit", "Roman Starovoit", R),
    "gusev": ("alexander-gusev", "Alexander Gusev", R),
    "sobyanin": ("sergei-sobyanin", "Sergei Sobyanin", R),
    "golubev": ("vasily-golubev", "Vasily Golubev", R),
    "fedorishchev": ("vyacheslav-fedorishchev", "Vyacheslav Fedorishchev", R),
    "pasechnik": ("leonid-pasechnik", "Leonid Pasechnik", R),
    "menyailo": ("sergei-menyailo", "Sergei Menyailo", R),
}

SPEECH = (
    r"(?:said|says|say|wrote|writes|reported|reports|(?:tells|told)\s+[\w\s]{1,30}?|added|stated|announced"
    r"|(?:was|were|is|are)\s+reporting|spoke\s+of|speaks\s+of|raises|raised"
    r"|confirmed|claimed|posted|declared|tweeted|noted|warned|put|puts|gave|gives|counted"
    r"|confirms|adds|posts|announces|states|notes|warns|declares|tweets|claims|updates|updated"
    r"|specified|specifies"
    r"|recorded|records|documented|documents|verified|verifies|registered|described|describes"
    r"|characterised|characterized|denied|denies|insisted|insists|maintained|maintains|alleged"
    r"|alleges|asserted|asserts|show|shows|showed|revealed|reveals|disclosed|discloses"
    r"|repeated|repeats|suggested|suggests|accused|accuses"
    # as translated statements have their speakers stress things: what they say, after "that"
    # or a quotation ("emphasized the importance of ..." quotes nothing)
    r"|(?:explained|explains|underscored|underscores|stressed|stresses|emphasi[sz]ed|emphasi[sz]es)"
    r"(?=\s+that\b|\s*[.,;:]|$))"
)

_ROLE = (
    # "Acting Mayor of Chernihiv Oleksandr Lomako", "the Minister of Internal Affairs Ihor
    # Klymenko"
    r"(?:(?:[Aa]cting\s+)?(?:[Gg]overnor|[Mm]ayor|[Hh]ead)\s+of\s+(?:the\s+)?[A-Z][\w'\u2019-]+"
    r"(?:\s+(?:[Rr]egion|[Oo]blast|[Cc]ity|OVA|RMA|ODA|MVA|CMA|OMA))?"
    r"|Minister\s+of\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+"
    r"|(?:[Aa]cting\s+)?(?:[Rr]egional\s+|[Cc]ity\s+|[Dd]eputy\s+)?(?:[Gg]overnor|[Mm]ayor)"
    r"|(?:Interior|Defen[cs]e|Foreign|Health|Energy)\s+Minister|Minister|President|Prime\s+Minister"
    r"|Prosecutor(?:\s+General)?|(?:[Aa]ir\s+[Ff]orce\s+)?[Cc]ommander"
    # the UN's officers: "UN High Commissioner for Human Rights Volker Türk"
    r"|(?:UN\s+)?(?:High\s+Commissioner(?:\s+for\s+Human\s+Rights)?|(?:Humanitarian|Resident)\s+"
    r"Coordinator(?:\s+(?:for|in)\s+Ukraine)?|Secretary-General)"
    # "Guterres' spokesperson Stéphane Dujarric": whose spokesperson says whose side
    r"|(?:[A-Z][\w-]+(?:'s?|’s?)\s+)?[Ss]pokes(?:man|woman|person)"
    r"|(?:[Mm]ilitary\s+)?[Ii]ntelligence\s+chief|[Rr]egional\s+council\s+(?:chairman|chair|head)"
    r"|[Rr]egional\s+head|[Hh]ead\s+of\s+the\s+[\w\s-]{3,50}?administration"
    r"|(?:Kremlin|ministry|[Mm]inistry)\s+spokes(?:man|woman|person))"
)
# Letters of names in Latin script, accented ones too ("Volker Türk", "Stéphane Dujarric")
_UPPER = "A-ZÀ-ÖØ-ÞĆČŁŚŠŹŻŽ"
_LOWER = "a-zß-öø-ÿā-ž"
# (not "On Monday", "In May": a day or a month opening a sentence is no person)
_NAME = (
    rf"(?!(?:On|In|Last|By|Since|Until|Early|Late)\s+(?:{WEEKDAY_NAMES}|{MONTH_NAMES})\b)"
    rf"[{_UPPER}][{_LOWER}'\u2019]+(?:[\s-][{_UPPER}][{_LOWER}'\u2019]+){{1,2}}"
)
# What an office held by a person is called: a role without one is no apposition to a name.
_OFFICE = re.compile(
    r"governor|mayor|head|chief|minister|president|spokes|commander|official|advis[eo]r"
    r"|secretary|director|chair|representative|deputy|prosecutor|ombudsman|commissioner"
    r"|officer|general|colonel|administration|council|ministry|office|service|police|military"
    r"|forces|army|staff|rescuer|doctor|surgeon|emergency|kremlin|duma|envoy|ambassador"
    r"|coordinator|monitor|mission|chairman|leader|member|lawmaker|senator|governor",
    re.IGNORECASE,
)
_TITLED = re.compile(rf"(?P<role>{_ROLE})\s+(?P<name>{_NAME})")
# "Serhiy Lysak, governor of the region," or at the sentence's end "..., according to Serhiy
# Lysak, governor of the Dnipropetrovsk region."
# ... and its closing comma left out: "Serhiy Gaidai, governor of the Luhansk region said"
_APPOSED = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:the\s+)?(?!{SPEECH}\b)(?P<role>[^,]{{3,90}}?)"
    rf"(?:,|(?=[.!?]?[\"”’']?\s*$)|(?<=[a-z])(?=\s+(?:has\s+|had\s+)?(?:said|says|wrote|told|added)\b))"
)
# "the acting governor, Alexander Khinshtein, said", "the head of the Kyiv regional police,
# Andriy Nebytov, has said": the office first, the name set off after it
_ROLE_APPOSED = re.compile(
    rf"(?<![\w-])(?:the|an?)\s+(?P<role>(?:[\w'’-]+\s+){{0,7}}?[\w'’-]+),\s+(?P<name>{_NAME}),"
)
_AUTHOR_LINE = re.compile(rf"(?P<name>{_NAME})(?:\s*[|–—]\s*|\s+-\s+)(?P<role>[^.!?]{{3,100}})")
# A part of an institution that signs for it: "Main Directorate of the State Emergency Service
# of Ukraine in Poltava Oblast", "Press service of the ...".
_BRANCH = re.compile(
    r"^(?:(?:Main|Regional)\s+)?(?:Directorate|Department|Press\s+(?:service|office))\s+of\s+"
    r"|\s+in\s+[\w'’ -]+?\s+(?:Oblast|[Rr]egion)$"
)
# The words around a name that heads or signs a post: "Source: Telegram channel of ...",
# "Posted by ... on Telegram:", "..., 18 August 2022, 08:12".
_SIGN_PREFIX = re.compile(
    r"^[\W_]*(?:(?:Source|Posted\s+by|Published\s+by|From|Via|Telegram|Signed)\b\s*[:,]?\s*)?"
    r"(?:(?:the\s+)?(?:official\s+)?Telegram\s+channel\s+of\s+)?",
    re.IGNORECASE,
)
_TAGS = re.compile(r"(?:#\w+\s*)+")
_SIGN_SUFFIX = re.compile(
    r"(?:\s+(?:on|via|in)\s+(?:Telegram|Facebook|X|Twitter|Viber))?(?:\s*,\s*[^,]*\d[^,]*)*"
    r"[\s:.]*$",
    re.IGNORECASE,
)
# A statement's letterhead: an institution's name in capitals on the first line.
_BODY_HEADER = re.compile(
    r"(?=[A-Z'’ -]{8,90}$)[A-Z'’ -]*\b(?:OFFICE|ADMINISTRATION|MINISTRY|SERVICE|POLICE|COUNCIL"
    r"|STAFF|FORCES|COMMAND|GOVERNMENT)\b[A-Z'’ -]*"
)
# A letterhead line naming a body, with no sentence in it (no verb-bearing period, no digits)
_LETTERHEAD_BODY = re.compile(r"[^\d.!?]{3,120}")
# a surname with its title or given name before it ("Ms Bell", "Serhiy Lysak")
_SURNAME = re.compile(
    rf"\b(?:Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+|[{_UPPER}][{_LOWER}]+\s+(?=[{_UPPER}][{_LOWER}]+\b))?"
    rf"(?P<surname>[{_UPPER}][{_LOWER}]+)\b"
)
# "the Defense Ministry said", no country named
_BARE_MINISTRY = re.compile(
    r"(?<!Ukraine's\s)(?<!Ukrainian\s)(?<![\w-])(?:the\s+)?(?:[Dd]efen[cs]e\s+[Mm]inistry"
    r"|Ministry\s+of\s+Defen[cs]e)(?!\s+of\s+Ukraine)(?![\w-])"
)
# Signs a text speaks from Moscow's side: its dateline, its state outlets, its forces as actors
_MOSCOW_SIDE = re.compile(
    r"^\W*MOSCOW\b|\b(?:Sputnik|TASS|RIA\s+Novosti)\b|\bRussian\s+(?:armed\s+forces|military"
    r"|troops)\b",
    re.IGNORECASE | re.MULTILINE,
)


def from_moscow_side(text: str) -> bool:
    """Whether a text speaks of a strike from Moscow's side (and names no Ukrainian defence
    ministry): then a defence ministry it leaves unnamed is Russia's."""
    ukrainian = re.search(
        r"Ukrain\w*'?s?\s+(?:[Dd]efen[cs]e\s+[Mm]inistry|Ministry\s+of\s+Defen)", text
    )
    return bool(_MOSCOW_SIDE.search(text)) and not ukrainian


_MANY = re.compile(
    r"(?:authorities|officials|services|forces|police|rescuers|administrators)$", re.I
)
_DOCUMENT_TITLE = re.compile(
    r"^[^.!?\n]{3,100}\b(?:Investigation|Report|Statement|Press\s+Release|Briefing(?:\s+Note)?"
    r"|Brief|Update|Note)\s*$"
)
# "Source: Oleh Syniehubov, ...", and as a site's "What happened? / Source. / Details." blocks
# write it, "Source. Natalia Babachenko, Advisor to the Head of ..."
_SOURCE_LINE = re.compile(r"^[ \t]*Sources?[:.][ \t]*(?P<who>[^\n]{3,300})$", re.MULTILINE)
RUSSIAN_MOD = Actor("russian-mod", "Russian Ministry of Defence", R)
_KNOWN_RE = [
    (re.compile(rf"(?<![\w-])(?:{words})(?![\w-])"), Actor(i, n, p)) for words, i, n, p in _KNOWN
]

# A reporter of an outlet: "the Rubryka reporter reported from the scene", "our correspondent"
_OWN_REPORTER = re.compile(
    r"(?<![\w-])(?:the|an?|our)\s+(?P<who>(?:(?-i:[A-Z][\w'’-]+)\s+){0,2}"
    r"(?:reporter|correspondent|journalist))(?![\w-])",
    re.IGNORECASE,
)
# Russia's diplomats by office: "the Russian envoy explained", "Russia's ambassador to the UN"
_RUSSIAN_ENVOY = re.compile(
    r"(?<![\w-])(?:the\s+)?(?:Russian|Russia['’]s)\s+(?:UN\s+)?(?:envoy|ambassador"
    r"|permanent\s+representative|deputy\s+(?:UN\s+)?envoy)(?![\w-])",
    re.IGNORECASE,
)
# When in a run of statements one was made: "Zelensky first reported", "Kiper later said".
_WHEN = r"(?:(?:also|later|earlier|first|then|initially|again|now|meanwhile)\s+)?"
# An official named by office alone: "an adviser to Ukraine's interior ministry",
# "a spokesperson for the regional administration", "the regional governor".
_UNNAMED = re.compile(
    r"(?<![\w-])(?:an?|the)\s+(?:senior\s+|deputy\s+)?(?P<role>adviser|advisor|spokes(?:man|woman|person)"
    r"|official|representative|head|chief|governor|mayor)\s+(?:to|of|at|for)\s+"
    r"(?P<org>(?:the\s+)?(?:Ukraine'?s\s+"
    r"|Ukrainian\s+|Russia'?s\s+|Russian\s+)?(?:[\w'-]+\s+){0,4}?(?:ministry|administration|service"
    r"|police|council|office|government|staff|forces|hromada|community"
    r"|(?:region|oblast|city)(?!['’]s)))\b"
    r"|(?<![\w-])(?:an?|the)\s+(?P<org2>(?:regional|city|oblast|district|local|village"
    r"|(?:city|region|oblast)'s)\s+(?:military\s+)?(?:governor|mayor|head|police"
    r"|prosecutor'?s\s+office|prosecutor|authorities|administration|official))\b"
    # "the Kherson Regional Military Administration", "Kharkiv City Council", "the Dnipropetrovsk
    # regional council head"
    r"|(?<![\w-])(?:the\s+)?(?P<org3>(?-i:[A-Z][\w'’-]+)\s+(?:(?:regional|oblast|city|district)\s+"
    r"(?:military\s+|state\s+)?(?:administration|council|governor|mayor|government)"
    r"|military\s+administration)"
    r"(?:\s+(?:head|chief|chair(?:man)?))?)\b"
    # "Kyiv's military administration", "Zaporizhzhia's governor", "the mayor's office"
    r"|(?<![\w-])(?:the\s+)?(?P<org4>(?:(?-i:[A-Z][\w'’-]+)'s\s+(?:regional\s+|city\s+)?(?:military\s+)?"
    r"(?:governor|mayor|administration|council|police|prosecutor'?s\s+office|authorities|head)"
    r"|(?:mayor|governor)'s\s+office))\b"
    # "the mayor of Dnipro", "the governor of Kharkiv Oblast"
    r"|(?<![\w-])(?:an?|the)\s+(?P<org5>(?:deputy\s+)?(?:mayor|governor|head)\s+of\s+"
    r"(?-i:[A-Z][\w'’-]+)(?:\s+(?:(?-i:[A-Z][\w'’-]+)|oblast|region))?)\b"
    # headlines name an office bare: "governor says", "says mayor", "Governor: ...", "– governor"
    r"|(?<![\w-])(?<!the\s)(?P<org6>(?:regional\s+|city\s+)?(?:governor|mayor))"
    r"(?=\s+(?:says|said)\b|\s*:\s|[\s.!]*$)|(?<=\bsays\s)(?P<org7>(?:regional\s+|city\s+)?(?:governor|mayor))\b",
    re.IGNORECASE,
)
# A Ukrainian state body named by what it does: "Ukraine's health ministry", "the Ukrainian
# Defence Ministry", "Ukraine's national police chief", "Ukraine's human rights commissioner"
# (state companies and the Red Cross are not the government)
_UKRAINIAN_BODY = re.compile(
    r"(?<![\w-])(?:Ukraine'?s|(?:the\s+)?Ukrainian)\s+(?P<body>(?!Railways|Red\s+Cross)"
    r"(?:[\w'-]+\s+){0,3}?(?:[Mm]inistry|[Mm]inister|[Oo]ffice|[Ss]ervice|[Pp]olice(?:\s+chief)?"
    r"|[Cc]ommissioner|[Oo]mbudsman|[Aa]gency|[Ii]nspectorate|[Cc]ommand|[Nn]avy|[Aa]rmy"
    r"|[Mm]ilitary|[Gg]overnment))(?![\w-])"
)
# Officials unnamed, after the figures: "..., killing seven people, officials said" (whose they
# are is the country's the strike is in; a nationality written before them is another's).
_OFFICIALS = re.compile(
    r"(?:(?<=[,—–:]\s)|(?<=\s-\s)|^|(?<=according to\s)|(?<=[Pp]er\s)|(?<=\bwhere\s)"
    r"|(?<=\bafter\s))(?P<who>(?:the\s+)?(?:[A-Z][\w'’-]+\s+(?=[Cc]ity\s|[Rr]egional\s))?"
    r"(?:[Ll]ocal\s+|[Rr]egional\s+|[Cc]ity\s+|[Hh]ealth\s+)?"
    # "Kyiv city administrators said", "health authorities said"
    r"(?:(?:government\s+)?[Oo]fficials|[Aa]uthorities|(?<=[Cc]ity\s)administrators)"
    r"(?:\s+in\s+(?:the\s+(?:capital|city|region)\b|(?!Moscow|Russia)[A-Z][\w'-]+))?)"
    # "Officials in the capital have so far announced that ..."
    r"(?=\s+(?:(?:have|has)\s+)?(?:(?:so\s+far|now|also|since|later|initially|first|earlier)\s+)?(?:said|say|says"
    r"|reported|told|revised|raised|updated|confirmed|put|gave|announced|stated)\b|[.,;]|$)"
)
_BACK_REFERENCE = re.compile(
    r"(?<![\w-])(?P<ref>he|she|they|the\s+(?:(?:defen[cs]e\s+)?ministry|governor|mayor|president|minister"
    r"|official|officials"
    r"|agency|statement|mission|administration|authorities|military|department|report"
    r"|message))\s+"
    # "He had said earlier that ..."
    r"(?:(?:has|had|have)\s+)?(?:(?:also|later|first|then|again|now|subsequently|further)\s+)?"
    r"(?:said|says|wrote|writes|added|adds|reported"
    r"|reports|read|told"
    r"|stated|claimed|noted|confirms|confirmed|put|puts|gave|counted|clarified|specified"
    r"|announced|disclosed|explained|stressed|emphasi[sz]ed|updated|posted|continued)\b"
    # '"...," said the governor'
    r"|\b(?:said|says|added|adds|wrote|writes)\s+(?P<ref3>the\s+(?:(?:defen[cs]e\s+)?ministry"
    r"|governor|mayor|minister"
    r"|president|official|agency|statement|mission|administration|authorities|military))\b"
    r"|(?:according\s+to|(?<![\w-])per|(?:information|data|figures)\s+from)\s+(?P<ref2>the\s+"
    r"(?:statement|ministry|governor|mayor|official|officials|administration|authorities|mission"
    r"|services?)|him|her|them)",
    re.IGNORECASE,
)


# "TASS, citing the ministry", "Russian state media, citing the defence ministry"
_RUSSIAN_OUTLET_CITING_MINISTRY = re.compile(
    r"\b(?:TASS|RIA(?:\s+Novosti)?|RT|Interfax|Russian\s+(?:state\s+)?(?:media|news\s+agenc(?:y|ies)"
    r"|television|TV))\b[^.]{0,40}?\bciting\s+(?P<ministry>(?:the\s+)?(?:(?:country's\s+)?"
    r"[Dd]efen[cs]e\s+)?[Mm]inistry)"
)
_PREFIX = re.compile(r"\s*(?P<who>[^:.]{3,90}):\s")  # "Prosecutors: at least 27 injured"
_TIMESTAMP = re.compile(r"\W*(?:UPDATE\s+)?~?\d{1,2}[:.]\d{2}\s*[-–—:]?\s*", re.IGNORECASE)
_CASUALTY_WORD = re.compile(r"\b(?:kill|dead|died|death|injur|wound|hurt|missing)", re.I)
_OPENS = re.compile(r"(?:^|:\s)\W*(?:the\s+)?$", re.IGNORECASE)  # a sentence or a line's text
# the words a channel's name has beside its body: the place it serves
_CHANNEL_WORD = re.compile(r"[A-Z][\w'’-]*|of|in|the|for|region|oblast|city|district|[|/–—-]")
_SUBJECT = re.compile(r"^\W*(?:the\s+)?$", re.IGNORECASE)  # nothing but an article before it
# "The UN condemned the attack, which reportedly killed 34": the report passes on what others
# said, the body named does not say it
_HEARSAY = re.compile(
    r"\breportedly\b|\baccording\s+to\s+(?:(?:media|news|local\s+media)\s+)?reports\b"
    r"|\b(?:is|are|was|were)\s+reported\s+to\s+have\b"
    r"|(?<!\w)(?:за\s+повідомленнями|по\s+сообщениям)(?!\w)",
    re.IGNORECASE,
)


# "Serhii Peretiatko, head of the village administration, has been wounded": the one hurt
_HURT_AFTER = re.compile(
    r"(?:,[^,;.]{3,160},)?\s+(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|hurt)\b",
    re.IGNORECASE,
)


def hearsay(text: str) -> bool:
    """Whether the narration (not a quote) of a sentence passes a figure on as reported."""
    return any(text.count('"', 0, m.start()) % 2 == 0 for m in _HEARSAY.finditer(text))


def _running_text(line: str) -> bool:
    """Whether a line is running text: eight words or more and a full stop at its end."""
    return line.rstrip("\"')]").endswith((".", "!", "?")) and len(line.split(None, 8)) > 8


def head_lines(text: str, count: int = 3) -> list[str]:
    """A text's first non-blank lines, stripped: where a letterhead or signature stands."""
    return [line.strip() for line in text.splitlines() if line.strip()][:count]


def letterhead_body(
    text: str, known: list[tuple[re.Pattern[str], Actor]], share: float
) -> Actor | None:
    """The body a text's first lines name as its letterhead: a part of a line (between '|',
    brackets, dashes) with no sentence in it, whose known body's name is at least `share` of
    it (so a headline about a body is not its letterhead)."""
    for line in head_lines(text):
        if not _LETTERHEAD_BODY.fullmatch(line):
            continue
        for part in re.split(r"\s*(?:[|(),—–]|\s-\s)\s*", line):
            written = part.title() if part.isupper() else part  # "UNITED NATIONS"
            for pattern, actor in known:
                named = pattern.search(written) or pattern.search(part)
                if (
                    named
                    and len(named.group(0)) >= share * len(part)
                    and actor.party in (G, L, I, N)
                ):
                    return actor
    return None


_BUILDING_AFTER = re.compile(
    r"\s+(?:headquarters|HQ|building|buildings|offices?|premises|compound)\b", re.IGNORECASE
)


def known_mentions(text: str) -> list[Mention]:
    """The institutions, agencies and outlets of the table named in a text, by their Latin
    names ("Reuters", "Human Rights Watch"), as a text in any language writes them."""
    return [
        Mention(actor, m.start(), m.end())
        for pattern, actor in _KNOWN_RE
        for m in pattern.finditer(text)
    ]


def _unnamed(words: str, party: Party) -> Actor:
    """An official or body known by what they are ("regional governor", "officials")."""
    return Actor(slug(words), words[0].upper() + words[1:], party)


def _party_of_role(role: str, country_default: Party) -> Party:
    text = role.lower()
    if re.search(r"russia|kremlin|moscow", text):
        return R
    # "Guterres' spokesperson", "UN humanitarian coordinator", "High Commissioner for Human Rights"
    if re.search(
        r"\bun\b|united nations|secretary-general|guterres|humanitarian coordinator"
        r"|high commissioner|ohchr|unicef|monitoring mission",
        text,
    ):
        return I
    if re.search(
        r"governor|mayor|region|city|oblast|council|administration|local|hromada|community|village",
        text,
    ):
        return L
    if re.search(
        r"minist|president|prosecutor|commander|intelligence|general staff|air force"
        r"|army|armed forces|spokes|police|military|emergency|government|service",
        text,
    ):
        return country_default
    return Party.OTHER


def slug(text: str) -> str:
    """A source id from a name in any script ('Павло Кириленко' → 'pavlo-kyrylenko')."""
    # (an apostrophe joins a word: "В'ячеслав" → "viacheslav", not "v-iacheslav")
    plain = re.sub(r"['’ʼ]", "", unidecode(re.sub(r"['’ʼ]", "", text)).lower())
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "source"


# What the words around a mention say when it is the sentence's speaker. After it: a speech
# verb ("X said", "Lysak's office said", "X, the governor, said", "X later said"), or a count
# that is its ("in the regional administration's count"). Before it: a speech verb ("said X"),
# "according to", "per", "cited", "data from", "Source:". Around it: a dash signing off a
# headline ("Seven killed in Dnipro strike – governor"), brackets closing the line ("Killed: 12
# (regional administration)").
_WHOSE = r"(?:['’]s\s+(?:office|press\s+(?:service|office)|team|spokes(?:man|woman|person)))?"
_SPEECH_AFTER = re.compile(
    # "Human Rights Watch (HRW) says": its short name in brackets
    rf"{_WHOSE}(?:\s*\([A-Z]{{2,8}}\))?(?:,[^,]{{0,100}},)?,?\s*{_WHEN}"
    # "Russia's defence ministry on Monday denied ..."
    rf"(?:(?:on\s+(?:{WEEKDAY_NAMES})|today|yesterday|late\s+on\s+(?:{WEEKDAY_NAMES}))\s+)?"
    rf"(?:(?:has|have|had)\s+)?{SPEECH}\b"
    r"|\s+as\s+saying\b"  # "Interfax quoted the ministry as saying"
    # "the State Emergency Service was informed about the fourth dead person" (a calque)
    r"|\s+(?:was|were)\s+informed\s+(?:about|of)\b"
    r"|\s+(?:went|goes|go)\s+on\s+to\s+(?:claim|say|add|state|note|insist)\b"  # "Peskov went on to claim"
)
_TOLD = re.compile(r"\b(?:told|tells)\s+(?:[\w-]+\s+){0,4}$")
_COUNT_OF = re.compile(
    r"['’]s\s+(?:latest\s+|updated\s+|own\s+)?(?:count|tally|figures|data|toll)\b"
)
_SPEECH_BEFORE = re.compile(
    rf"\b{SPEECH},?\s*$|[Aa]ccording\s+to\s*$"
    # "according to Kiper", "according to the Minister of Internal Affairs Ihor Klymenko"
    r"|[Aa]ccording\s+to\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]+|of|the|for|and)\s+){0,7}$"
    # "This was announced by Interior Minister Ihor Klymenko", "quoted by the"
    r"|\b(?:(?:announced|reported|stated|said|posted|confirmed|written)\s+by\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,6}|(?:claimed|quoted)\s+by\s+(?:the\s+)?)$"
    r"|\b[Pp]er\s*$|\bcited\s*$|\bciting\s+(?:the\s+)?$"
    # "UNN reports this with reference to the National Police of Ukraine"
    r"|\bwith\s+(?:a\s+)?reference\s+to\s+(?:the\s+)?$"
    r"|\b(?:data|figures|information|estimates|count|statement|update|report"
    r"|post|message|tally)\s+(?:(?:posted|published|issued|released|shared"
    # "preliminary data released hours later by Filip Pronin"
    r"|come|comes|came)\s+(?:(?:hours|minutes|days|soon|shortly|later|earlier)\s+){0,2})?"
    r"(?:from|of|by)\s+(?:the\s+)?$"
    # "specified in the Ministry of Defense" (a calque of "сообщили в Минобороны")
    r"|\b(?:said|specified|noted|reported|stated)\s+in\s+(?:the\s+)?$"
    r"|\b(?:[Ss]ource|[Vv]ia)\s*:?\s*$"
)
_DASH_BEFORE = re.compile(r"\s[-–—]\s*$")
# the rest of a line a dash signs: nothing, or a post's handle and date ("— Volodymyr Zelenskyy
# / Володимир Зеленський (@ZelenskyyUa) April 4, 2025")
_LINE_CLOSES = re.compile(
    r"(?:\s*/\s*[^/()\n]{2,60}?(?=\s*\(@))?\s*(?:\(@\w+\))?\s*(?:[A-Z][a-z]+\s+\d{1,2},\s+\d{4})?"
    r"[\s.!\"'”]*"
)
_BRACKET_OPENS = re.compile(r"\(\s*$")
_BRACKET_CLOSES = re.compile(r"\s*\)[\s.;]*$")


def _named_as_speaker(before: str, after: str) -> bool:
    """Whether the words before and after a mention make it the sentence's speaker."""
    return bool(
        (_DASH_BEFORE.search(before) and _LINE_CLOSES.fullmatch(after))
        or _COUNT_OF.match(after)
        or (_BRACKET_OPENS.search(before) and _BRACKET_CLOSES.match(after))
        or _SPEECH_AFTER.match(after)
        or _SPEECH_BEFORE.search(before)
    )


class Speakers:
    """Reads the speakers of a report sentence by sentence, remembering who was named."""

    def __init__(self, country_default: Party = G, moscow: bool = False) -> None:
        self.country_default = country_default
        self.moscow = moscow  # a text from Moscow's side: its bare "Defense Ministry" is Russia's
        self.people: dict[str, Actor] = {}  # surname → actor, for later "Lysak said"
        self.roles: dict[str, str] = {}  # a person's id → the office named with them
        self.last: Actor | None = None
        self._named: list[Actor] = []  # every actor named so far, in order
        self._last_paragraph = -1
        self._last_speaker: Actor | None = None
        self.reason = ""  # how the last sentence's speaker was found, for `extract --explain`
        # the speakers the last sentence names speaking, when more than one, in order
        self.several: list[Mention] = []

    def mentions(self, sentence: Sentence) -> list[Mention]:
        """Every actor named in the sentence, first position first, overlaps resolved."""
        text = sentence.text
        found = known_mentions(text)
        if self.moscow:
            found += [Mention(RUSSIAN_MOD, *m.span()) for m in _BARE_MINISTRY.finditer(text)]
        for pattern in (_TITLED, _APPOSED, _ROLE_APPOSED):
            for match in pattern.finditer(text):
                role = match.group("role")
                if pattern is _APPOSED and (re.search(r"\d", role) or not _OFFICE.search(role)):
                    continue  # "Roman Mrochko, a 49-year-old man died ...": no office after
                if (
                    pattern is _APPOSED
                    and match.group(0)[-1] != ","
                    and re.match(r"\s+\w", text[match.end() :])
                    and _TITLED.search(role)
                ):
                    continue  # "at his Security Council, President Vladimir Putin said"
                actor = self._person(match.group("name"), role)
                if actor is not None:
                    found.append(Mention(actor, match.start(), match.end()))
        for match in _UNNAMED.finditer(text):
            role = match.group("org") or match.group("org2") or match.group("org3")
            role = role or match.group("org4") or match.group("org5")
            role = role or match.group("org6") or match.group("org7")
            party = _party_of_role(role, self.country_default)
            if party is not Party.OTHER:
                # without the article; "the city's mayor" is the city mayor
                words = re.sub(r"^(?:an?|the)\s+", "", " ".join(match.group(0).split()), flags=re.I)
                words = re.sub(r"\b(city|region|oblast)'s\b", r"\1", words)
                # "the city's mayor, Ihor Terekhov, said": the person in that office
                # ("the head of the Zaporizhzhia OVA Ivan Fedorov": the name straight after)
                named = re.match(
                    rf",\s+(?P<name>{_NAME}),|\s+(?P<bare>{_NAME})\b(?!\s+[A-Z])",
                    text[match.end() : match.end() + 60],
                )
                who = named and (named.group("name") or named.group("bare"))
                person = self._person(who, words) if who else None
                if person is not None and named is not None:
                    found.append(Mention(person, match.start(), match.end() + named.end()))
                    continue
                holder = self._holder(words)  # "the head of the Regional Military
                # Administration reported" after "Ivan Fedorov, head of the regional military
                # administration": the person named in that office
                found.append(Mention(holder or _unnamed(words, party), match.start(), match.end()))
        for match in _RUSSIAN_ENVOY.finditer(text):
            found.append(Mention(Actor("russian-envoy", "Russian envoy", R), *match.span()))
        for match in _OWN_REPORTER.finditer(text):
            words = " ".join(match.group("who").split())
            found.append(Mention(Actor(slug(words), words, M), match.start(), match.end()))
        for match in _UKRAINIAN_BODY.finditer(text):
            body = " ".join(match.group("body").split())
            name = f"Ukraine's {body[0].lower()}{body[1:]}"
            actor = Actor(slug(name), name, G)
            found.append(Mention(actor, match.start(), match.end()))
        for match in _OFFICIALS.finditer(text):
            words = re.sub(r"^the\s+", "", match.group("who"))
            local = words.split()[0].lower() in ("local", "regional", "city") or " in " in words
            party = L if local else self.country_default
            if party is not Party.OTHER:
                found.append(Mention(_unnamed(words, party), match.start(), match.end()))
        for match in _SURNAME.finditer(text):
            surname = match.group("surname").lower()
            actor = self.people.get(surname) or self._misspelt(surname)
            if actor is None and surname in _PEOPLE:
                actor = Actor(*_PEOPLE[surname])
            if actor is not None:
                found.append(Mention(actor, match.start(), match.end()))
        # "the regional government headquarters", "the city council building": a place struck
        found = [m for m in found if not _BUILDING_AFTER.match(text, m.end)]
        return without_overlaps(found)

    def _misspelt(self, surname: str) -> Actor | None:
        """A person named before whose long surname this is one letter off ("Reznicheno"
        after "Valentyn Reznichenko"): wires' copy misspells names they just gave."""
        if len(surname) < 7 or surname in _PEOPLE:
            return None
        close = [
            actor
            for known, actor in self.people.items()
            if len(known) >= 7 and Levenshtein.distance(surname, known, score_cutoff=1) == 1
        ]
        return close[0] if len(close) == 1 else None

    def _person(self, name: str, role: str) -> Actor | None:
        """A named person with a role; remembered by surname for later mentions."""
        surname = name.split()[-1].lower()
        if re.search(r"['\u2019]s\b", name):
            return None  # "Russia's Defence Ministry, ...": a body, no person's name
        known = next((a for pattern, a in _KNOWN_RE if pattern.fullmatch(name)), None)
        if known is not None:
            actor = known  # "presidential spokesman Dmitry Peskov": the Kremlin, whatever his title
        elif surname in _PEOPLE:
            actor = Actor(*_PEOPLE[surname])
        elif re.search(r"\d", role) or len(role.split()) > 12 or not _OFFICE.search(role):
            return None  # "In Dnipro, a Russian missile hit ...": no name and office
        else:
            party = _party_of_role(role, self.country_default)
            if party is Party.OTHER:
                return None
            actor = Actor(slug(name), name, party)
        self.people[surname] = actor
        self.roles[actor.id] = role.lower()
        return actor

    def author(self, text: str) -> Actor | None:
        """The author a post names in its header line ("Oleh Syniehubov | Kharkiv Regional
        Military Administration", a Telegram channel's signature): the speaker of every
        sentence that names no other."""
        head = head_lines(text)
        first = head[0] if head else ""
        # "ДСНС України | State Emergency Service of Ukraine", "Іван Федоров | Ivan Fedorov -
        # Head of Zaporizhzhia Oblast Military Administration": each side may say who
        parts = [part.strip() for part in first.split("|")]
        for part in parts:
            body = _BRANCH.sub("", part)
            known = next((a for pattern, a in _KNOWN_RE if pattern.fullmatch(body)), None)
            if known is not None:
                return known
        # "[Unofficial translation. Source: Ministry of Defence of the Russian Federation, ...]"
        for line in head:
            source = re.search(r"\bSource:\s*(?P<who>[^,\]\n]{3,120})", line)
            known = source and next(
                (a for p, a in _KNOWN_RE if p.search(source.group("who"))), None
            )
            if known:
                return known
        # a "Source:" line under the lead: "Source: Oleh Syniehubov, Head of Kharkiv Oblast
        # Military Administration, on Telegram" (a news site's format): the first it names
        for line in _SOURCE_LINE.finditer(text):
            named = self.mentions(Sentence(0, len(line.group("who")), line.group("who"), 0))
            first = next((m.actor for m in named if m.actor.party in (G, L, I, N, R)), None)
            if first is not None:
                return first
        # a title line saying what the document is: "A Human Rights Watch and SITU Research
        # Investigation", "Amnesty International Public Statement"
        if _DOCUMENT_TITLE.match(first):
            bodies = [m.actor for m in known_mentions(first) if m.actor.party in (I, N)]
            if len(bodies) == 1:
                return bodies[0]
        # a letterhead of a few lines: "UNITED NATIONS\nOffice for the Coordination of ..."
        body = letterhead_body(text, _KNOWN_RE, share=0.5) or self._channel(first)
        if body is not None:
            return body
        signed = [found for part in parts if (found := _AUTHOR_LINE.fullmatch(part))]
        if len(parts) > 1 and signed:
            return self._person(signed[0].group("name"), signed[0].group("role"))
        if _BODY_HEADER.fullmatch(first):  # "KHERSON REGIONAL PROSECUTOR'S OFFICE"
            name = " ".join(word.capitalize() for word in first.split())
            party = _party_of_role(name, self.country_default)
            return Actor(slug(name), name, party) if party is not Party.OTHER else None
        found = _AUTHOR_LINE.fullmatch(first)
        if found is not None:
            return self._person(found.group("name"), found.group("role"))
        return self._signature(text)

    def _channel(self, line: str) -> Actor | None:
        """A post's channel name on its first line: one official or body and nothing that
        states anything ("Kharkiv Oblast Police", "SES Kharkiv region", "ДСНС Харківщини")."""
        if not line or len(line.split()) > 8 or re.search(r"[\d.!?:;«»\"]", line):
            return None
        named = self._one_official(line)
        return named[0].actor if named and self._names_only(line, named) else None

    def _one_official(self, line: str) -> list[Mention]:
        """The mentions of a line of its own when they name one official or body, else none."""
        named = self.mentions(Sentence(0, len(line), line, 0))
        if len({m.actor for m in named}) != 1 or named[0].actor.party not in (G, L, I, N):
            return []
        return named

    def _names_only(self, line: str, named: list[Mention]) -> bool:
        """Whether a line says nothing beyond the body it names and the place it serves."""
        rest = f"{line[: named[0].start]} {line[named[-1].end :]}".split()
        return all(_CHANNEL_WORD.fullmatch(w) for w in rest)

    def _signature(self, text: str) -> Actor | None:
        """An official or body a post is headed or signed with on a line of its own: "Source:
        Telegram channel of the Zaporizhzhia Regional Military Administration", "Telegram,
        Kharkiv Regional Military Administration, 18 August 2022, 08:12", "Posted by Ivan
        Fedorov on Telegram:", "Mayor Borys Filatov" or "Oleh Syniehubov, Head of the Kharkiv
        Regional Military Administration" closing it."""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        # a header stands above the body and a signature below it: "DSNS via Telegram" between
        # paragraphs is a photo's credit
        running = [i for i, line in enumerate(lines) if _running_text(line)]
        head = lines[: min(3, running[0])] if running else lines[:3]
        tail = lines[running[-1] + 1 :][-2:] if running else lines[-2:]
        ends = head + [line for line in tail if line not in head]
        for line in ends if len(lines) > 1 else []:
            if _TAGS.fullmatch(line):  # "#Kharkivshchyna #DSNS": the one body tagged
                if tagged := self._one_official(line.replace("#", " ")):
                    return tagged[0].actor
                continue
            words = _SIGN_SUFFIX.sub("", _SIGN_PREFIX.sub("", line))
            if not 3 <= len(words) <= 120 or re.search(r"[.!?;]\s|\d", words):
                continue  # a sentence, not a name
            line_of_its_own = Sentence(0, len(words), words, 0)
            for mention in self.mentions(line_of_its_own):
                signs = mention.actor.party in (G, L, I, N)
                if signs and mention.end - mention.start >= 0.5 * len(words):
                    return mention.actor
        return None

    def speaker(self, sentence: Sentence) -> tuple[Actor | None, Mention | None]:
        """Who the sentence quotes: the actor tied to a speech verb, 'according to', a
        'Name:' prefix or a pronoun pointing back; else the last speaker of the paragraph."""
        text = sentence.text
        mentions = self.mentions(sentence)
        chosen: Mention | None = None
        self.several = []
        stamp = _TIMESTAMP.match(text)  # a live blog's "14:05 - Syniehubov: ..."
        prefix = _PREFIX.match(text, stamp.end() if stamp else 0)
        if prefix:
            chosen = next((m for m in mentions if m.end <= prefix.end("who")), None)
            self.reason = "named before a colon that opens the sentence ('Prosecutors: ...')"
        cited = _RUSSIAN_OUTLET_CITING_MINISTRY.search(text) if chosen is None else None
        if cited is not None:  # "TASS, citing the ministry, reported ...": Russia's ministry
            chosen = Mention(RUSSIAN_MOD, *cited.span("ministry"))
            self.reason = "the ministry a Russian state outlet cites ('TASS, citing the ministry')"
        if chosen is None:  # "Suspilne reports, citing the State Emergency Service": the service
            chosen = next(
                (
                    m
                    for m in mentions
                    if re.search(r"\bciting\s*$", text[max(0, m.start - 12) : m.start])
                ),
                None,
            )
            self.reason = "the source an outlet cites ('..., citing X')"
        if chosen is None:
            named = [
                m
                for m in mentions
                if _named_as_speaker(
                    text[max(0, m.start - 80) : m.start], text[m.end : m.end + 110]
                )
            ]
            chosen = named[0] if named else None
            self.reason = "named next to a speech verb or 'according to'"
            # "Rogov told the state news agency RIA Novosti that ...": the one told is no speaker
            speaking = [m for m in named if not _TOLD.search(text[max(0, m.start - 40) : m.start])]
            self.several = speaking if len(speaking) > 1 else []
            if len(named) > 1:
                # "Police said a clinic was damaged, and the administration said three people
                # were killed": the one whose words hold the casualties
                ends = [m.start for m in named[1:]] + [len(text)]
                chosen = next(
                    (
                        m
                        for m, end in zip(named, ends, strict=True)
                        if _SPEECH_AFTER.match(text, m.end)
                        and _CASUALTY_WORD.search(text, m.end, end)
                    ),
                    chosen,
                )
            if chosen is not None and chosen.actor.party in (M, S):
                # "City officials revised the toll to 23, the AP reported": the outlet carries
                # the figure of the officials it names speaking or as the sentence's subject
                official = next(
                    (
                        m
                        for m in mentions
                        if m.actor.party not in (M, S, Party.OTHER)
                        and (m in named or _OPENS.search(text[: m.start]))
                    ),
                    None,
                )
                if official is not None:
                    chosen = official
                    self.reason = f"the officials {named[0].actor.name} reports"
        if chosen is None:
            back = _BACK_REFERENCE.search(text)
            actor = self._referent(back) if back else None
            if back and actor is not None:
                self._remember(actor, sentence)
                self.reason = f"'{' '.join(back.group(0).split())}' points back at {actor.name}"
                return actor, Mention(actor, back.start(), back.end())
        return self._settle(sentence, chosen, mentions)

    def _holder(self, office: str) -> Actor | None:
        """The person last named with every word of an office ("head of the Regional
        Military Administration"), if any."""
        wanted = set(re.findall(r"[a-z]+", office.lower())) - {"of", "the", "a", "an", "in"}
        people = set(self.people.values())
        for actor in reversed(self._named):
            held = set(re.findall(r"[a-z]+", self.roles.get(actor.id, "").lower()))
            if actor in people and wanted and wanted <= held:
                return actor
        return None

    def _referent(self, back: re.Match[str]) -> Actor | None:
        """Who 'he', 'the ministry', 'the governor' point back at: the last one named that
        fits; an office named for the first time ('the governor wrote') is that office."""
        said = back.group("ref") or back.group("ref2") or back.group("ref3") or ""
        ref = " ".join(said.lower().split())
        if ref in ("he", "she", "him", "her"):  # a person, not the outlet quoted
            people = set(self.people.values())
            person = next((a for a in reversed(self._named) if a in people), None)
            # (an office, "the governor", may be he; "local authorities" are no she)
            if person is None and self.last is not None and not _MANY.search(self.last.name):
                person = self.last
            return person
        office = re.sub(r"^defen[cs]e ", "", ref.removeprefix("the ")).replace(
            "services", "service"
        )
        if office in (
            "ministry",
            "minister",
            "governor",
            "mayor",
            "president",
            "service",
            "mission",
        ):
            fits = next(
                (
                    a
                    for a in reversed(self._named)
                    if office in a.name.lower() or office in self.roles.get(a.id, "")
                ),
                None,
            )
            if fits is None and office in ("governor", "mayor"):
                fits = next((a for a in reversed(self._named) if a.party is L), None)
                fits = fits or _unnamed(office, L)
            if fits is None and office == "president":
                fits = next(a for _, a in _KNOWN_RE if a.id == "president-zelensky")
            return fits or self.last
        return self.last

    def _settle(
        self, sentence: Sentence, chosen: Mention | None, mentions: list[Mention]
    ) -> tuple[Actor | None, Mention | None]:
        """The sentence's speaker once read: the actor chosen, else the paragraph's last
        speaker; the last actor named is remembered for pronouns either way."""
        # "State Emergency Service divers have recovered a body. The toll rises to seven.": a
        # body doing the work reports what it finds, for the rest of the paragraph
        if (
            chosen is None
            and mentions
            and mentions[0].start <= 6
            and _SUBJECT.match(sentence.text[: mentions[0].start])
            and mentions[0].actor.party in (G, L, I)
            and len(sentence.text.split(None, 3)) > 3  # not a credit line: "DSNS via Telegram"
            and not hearsay(sentence.text)
            and not _HURT_AFTER.match(sentence.text, mentions[0].end)
        ):
            chosen = mentions[0]
            self.reason = "a body at work, the sentence's subject, reports what it finds"
        if chosen is not None:
            self._remember(chosen.actor, sentence)
            return chosen.actor, chosen
        if mentions:
            self.last = mentions[-1].actor
            self._named.append(mentions[-1].actor)
        if (
            sentence.paragraph == self._last_paragraph
            and self._last_speaker is not None
            and not hearsay(sentence.text)
        ):
            self.reason = "the paragraph continues its last speaker's statement"
            return self._last_speaker, None
        self.reason = ""
        return None, None

    def _remember(self, actor: Actor, sentence: Sentence) -> None:
        self.last = actor
        self._named.append(actor)
        self._last_paragraph = sentence.paragraph
        self._last_speaker = actor


def whose_words(start: int, several: list[Mention]) -> Mention:
    """Of the speakers a sentence names speaking, the one whose words hold a position: the
    last named before it ('Moscow said it hit X, where officials said ...'), else the first."""
    before = [m for m in several if m.start <= start]
    return before[-1] if before else several[0]


def without_overlaps(found: list[Mention]) -> list[Mention]:
    """Mentions in order of position; of two that overlap, the longer."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[Mention] = []
    for mention in found:
        if chosen and mention.start < chosen[-1].end:
            if mention.end - mention.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = mention
            continue
        chosen.append(mention)
    return chosen


def publisher(agency: str | None) -> Actor | None:
    """The news agency named in a dateline '(Reuters)'."""
    if not agency:
        return None
    for pattern, actor in _KNOWN_RE:
        if pattern.fullmatch(agency.strip()):
            return actor
    return None
