"""First-level administrative areas (oblasts) by their GeoNames admin1 code, in every spelling.

GeoNames' city data carries only the admin1 *code* of each place. Ukraine's 27 codes are named
here in English (current and older spellings), Ukrainian and Russian, so that an `admin1` hint
such as "Dnipropetrovsk Oblast" or "Дніпропетровська область" narrows a search. For other
countries the gazetteer falls back to the admin1 area of the most populous place of that name.
"""

from __future__ import annotations

from mapping.geocoding.names import name_key, strip_region_words

# (country, GeoNames admin1 code, display name, other spellings)
_ADMIN1: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("UA", "01", "Cherkasy Oblast", ("Cherkasy", "Cherkasca", "Черкаська", "Черкасская")),
    ("UA", "02", "Chernihiv Oblast", ("Chernihiv", "Chernigov", "Чернігівська", "Черниговская")),
    (
        "UA",
        "03",
        "Chernivtsi Oblast",
        ("Chernivtsi", "Chernovtsy", "Bukovina", "Чернівецька", "Черновицкая"),
    ),
    (
        "UA",
        "04",
        "Dnipropetrovsk Oblast",
        ("Dnipropetrovsk", "Dnepropetrovsk", "Dnipro", "Дніпропетровська", "Днепропетровская"),
    ),
    ("UA", "05", "Donetsk Oblast", ("Donetsk", "Donetska", "Донецька", "Донецкая")),
    (
        "UA",
        "06",
        "Ivano-Frankivsk Oblast",
        ("Ivano-Frankivsk", "Ivano-Frankovsk", "Івано-Франківська", "Ивано-Франковская"),
    ),
    ("UA", "07", "Kharkiv Oblast", ("Kharkiv", "Kharkov", "Харківська", "Харьковская")),
    ("UA", "08", "Kherson Oblast", ("Kherson", "Херсонська", "Херсонская")),
    (
        "UA",
        "09",
        "Khmelnytskyi Oblast",
        ("Khmelnytskyi", "Khmelnytskyy", "Khmelnitsky", "Хмельницька", "Хмельницкая"),
    ),
    (
        "UA",
        "10",
        "Kirovohrad Oblast",
        ("Kirovohrad", "Kirovograd", "Kropyvnytskyi", "Кіровоградська", "Кировоградская"),
    ),
    (
        "UA",
        "11",
        "Autonomous Republic of Crimea",
        ("Crimea", "Krym", "Крим", "Крым", "Автономна Республіка Крим"),
    ),
    (
        "UA",
        "12",
        "Kyiv City",
        # UCDP GED's name for it: "Kiev Special Republican city"
        ("Kyiv City", "Kiev City", "Kyiv", "Kiev", "Київ", "Киев", "Kiev Special Republican city"),
    ),
    ("UA", "13", "Kyiv Oblast", ("Kyiv", "Kiev", "Kyivska", "Київська", "Киевская")),
    ("UA", "14", "Luhansk Oblast", ("Luhansk", "Lugansk", "Луганська", "Луганская")),
    ("UA", "15", "Lviv Oblast", ("Lviv", "Lvov", "Львівська", "Львовская")),
    (
        "UA",
        "16",
        "Mykolaiv Oblast",
        ("Mykolaiv", "Nikolaev", "Nikolayev", "Миколаївська", "Николаевская"),
    ),
    ("UA", "17", "Odesa Oblast", ("Odesa", "Odessa", "Одеська", "Одесская")),
    ("UA", "18", "Poltava Oblast", ("Poltava", "Полтавська", "Полтавская")),
    ("UA", "19", "Rivne Oblast", ("Rivne", "Rovno", "Рівненська", "Ровенская")),
    ("UA", "20", "Sevastopol", ("Sevastopol", "Севастополь", "Sevastopol Special Republican city")),
    ("UA", "21", "Sumy Oblast", ("Sumy", "Сумська", "Сумская")),
    ("UA", "22", "Ternopil Oblast", ("Ternopil", "Ternopol", "Тернопільська", "Тернопольская")),
    (
        "UA",
        "23",
        "Vinnytsia Oblast",
        ("Vinnytsia", "Vinnytsya", "Vinnitsa", "Вінницька", "Винницкая"),
    ),
    ("UA", "24", "Volyn Oblast", ("Volyn", "Volhynia", "Волинська", "Волынская")),
    (
        "UA",
        "25",
        "Zakarpattia Oblast",
        ("Zakarpattia", "Transcarpathia", "Zakarpattya", "Закарпатська", "Закарпатская"),
    ),
    (
        "UA",
        "26",
        "Zaporizhzhia Oblast",
        ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Запорізька", "Запорожская"),
    ),
    ("UA", "27", "Zhytomyr Oblast", ("Zhytomyr", "Zhitomir", "Житомирська", "Житомирская")),
)


# Ukraine's regions as people name them ("на Харківщині": in Kharkiv region), by admin1 code.
_UA_REGION_NAMES = {
    "01": ("Черкащина",), "02": ("Чернігівщина",), "03": ("Буковина",),
    "04": ("Дніпропетровщина", "Дніпровщина"), "05": ("Донеччина",),
    "06": ("Прикарпаття", "Івано-Франківщина"), "07": ("Харківщина", "Слобожанщина"),
    "08": ("Херсонщина",), "09": ("Хмельниччина",), "10": ("Кіровоградщина",),
    "13": ("Київщина",), "14": ("Луганщина",), "15": ("Львівщина",), "16": ("Миколаївщина",),
    "17": ("Одещина",), "18": ("Полтавщина",), "19": ("Рівненщина",), "21": ("Сумщина",),
    "22": ("Тернопільщина",), "23": ("Вінниччина",), "24": ("Волинь",), "25": ("Закарпаття",),
    "27": ("Житомирщина",),
}  # fmt: skip


def _region_names(country: str, code: str) -> tuple[str, ...]:
    """The '-щина' names of a region, with their locative ('на Харківщині')."""
    names = _UA_REGION_NAMES.get(code, ()) if country == "UA" else ()
    return (*names, *(n[:-1] + "і" for n in names if n.endswith("щина") or n.endswith("ччина")))


def _index() -> dict[str, list[tuple[str, str]]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for country, code, display, aliases in _ADMIN1:
        for alias in (display, *aliases, *_region_names(country, code)):
            key = name_key(strip_region_words(alias)[0])
            if (country, code) not in index.setdefault(key, []):
                index[key].append((country, code))
    return index


_BY_KEY = _index()
_NAMES = {(country, code): display for country, code, display, _ in _ADMIN1}


def admin1_name(country: str | None, code: str | None) -> str | None:
    """The display name of an admin1 area, where strikemap knows it."""
    return _NAMES.get((country or "", code or ""))


# The case endings of a feminine adjective ("Харківської області", "Донецкой области"), to the
# nominative the table holds. A closed set of region adjectives, so a suffix table is exact
# where a morphological analyser would first have to load its dictionaries.
_ADJECTIVE_CASES = (("ої", "а"), ("ій", "а"), ("ою", "а"), ("ую", "ая"), ("ой", "ая"), ("у", "а"))


def admin1_codes(name: str, country: str | None = None) -> list[tuple[str, str]]:
    """(country, admin1 code) pairs a written region name may mean ("Kyiv" → city and oblast;
    "Харківської області", "Донецкой области" in any case)."""
    bare = strip_region_words(name)[0]
    found = _BY_KEY.get(name_key(bare), [])
    if not found:
        for ending, nominative in _ADJECTIVE_CASES:
            if bare.endswith(ending) and (
                found := _BY_KEY.get(name_key(bare[: -len(ending)] + nominative), [])
            ):
                break
    return [pair for pair in found if country is None or pair[0] == country]


def known_countries() -> set[str]:
    """Countries whose admin1 names are listed here."""
    return {country for country, *_ in _ADMIN1}
