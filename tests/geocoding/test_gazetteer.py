from __future__ import annotations

import csv
import json
import multiprocessing
import sqlite3

import pytest

from mapping.geocoding.gazetteer import Gazetteer, build_index, haversine_m
from mapping.model import Place, Precision
from tests.conftest import DATA


def _spellings() -> list[tuple[str, int, str, float, float]]:
    with (DATA / "ukraine_place_spellings.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [
            (
                r["spelling"],
                int(r["geonames_id"]),
                r["geonames_name"],
                float(r["lat"]),
                float(r["lon"]),
            )
            for r in rows
        ]


SPELLINGS = _spellings()


def test_table_is_large_enough():
    assert len(SPELLINGS) >= 150
    assert sum(any("\u0400" <= ch <= "\u04ff" for ch in s[0]) for s in SPELLINGS) >= 50


def test_ukrainian_spellings_resolve_within_5_km_or_say_they_are_unsure(gazetteer):
    right, unsure, wrong = [], [], []
    for spelling, _, expected, lat, lon in SPELLINGS:
        found = gazetteer.geocode(Place(name=spelling, country="UA"))
        if found is not None and haversine_m(lat, lon, found.lat, found.lon) <= 5_000:
            right.append(spelling)
        elif found is None or found.ambiguous:
            unsure.append(spelling)
        else:
            wrong.append(f"{spelling} → {found.name} ({found.admin1}), expected {expected}")
    assert not wrong
    assert len(right) / len(SPELLINGS) >= 0.97, unsure


@pytest.mark.parametrize(
    ("spelling", "admin1", "expected_admin1"),
    [
        ("Mykolaivka", "Donetsk Oblast", "Donetsk Oblast"),
        ("Mykolaivka", "Луганська область", "Luhansk Oblast"),
        ("Novoselivka", "Odesa Oblast", "Odesa Oblast"),
        ("Zolochiv", "Kharkiv Oblast", "Kharkiv Oblast"),
        ("Zolochiv", "Lviv", "Lviv Oblast"),
    ],
)
def test_admin1_hint_picks_the_village_in_that_oblast(gazetteer, spelling, admin1, expected_admin1):
    found = gazetteer.geocode(Place(name=spelling, country="UA", admin1=admin1))
    assert found.admin1 == expected_admin1


def test_shared_village_names_without_a_hint_are_marked_ambiguous(gazetteer):
    found = gazetteer.geocode(Place(name="Novoselivka", country="UA"))
    assert found.ambiguous
    assert len(found.candidates) >= 5
    assert len({c.admin1 for c in found.candidates}) >= 3


def test_near_hint_picks_the_closest_namesake(gazetteer):
    found = gazetteer.geocode(Place(name="Mykolaivka", country="UA", near="Sloviansk"))
    assert found.admin1 == "Donetsk Oblast"
    assert haversine_m(found.lat, found.lon, 48.86, 37.60) < 30_000


@pytest.mark.parametrize(
    ("renamed", "current"),
    [("Dnipropetrovsk", "Dnipro"), ("Artemivsk", "Bakhmut"), ("Kirovohrad", "Kropyvnytskyi")],
)
def test_former_names_resolve_to_the_renamed_place(gazetteer, renamed, current):
    assert gazetteer.geocode(Place(name=renamed, country="UA")).name == current


@pytest.mark.parametrize(
    "written", ["Dnipropetrovsk Oblast", "Дніпропетровська область", "Днепропетровская область"]
)
def test_oblast_names_resolve_to_the_region(gazetteer, written):
    found = gazetteer.geocode(Place(name=written))
    assert (found.name, found.precision) == ("Dnipropetrovsk Oblast", Precision.REGION)
    assert found.radius_m >= 50_000
    assert haversine_m(found.lat, found.lon, 48.4, 34.9) < 80_000


def test_city_result_is_a_settlement_with_a_radius_not_an_impact_point(gazetteer):
    found = gazetteer.geocode(Place(name="Kryvyi Rih", country="UA"))
    assert found.precision == Precision.SETTLEMENT
    assert 5_000 <= found.radius_m <= 25_000
    assert found.id == "geonames:703845"


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Belgorod", "RU", 50.61, 36.58),
        ("Белгород", "RU", 50.61, 36.58),
        ("Aleppo", "SY", 36.20, 37.16),
        ("Gaza", "PS", 31.50, 34.47),
        ("Paris", "FR", 48.85, 2.35),
        ("Khan Younis", "PS", 31.34, 34.31),
    ],
)
def test_places_outside_ukraine_with_country_hints(gazetteer, name, country, lat, lon):
    found = gazetteer.geocode(Place(name=name, country=country))
    assert found.country == country
    assert haversine_m(lat, lon, found.lat, found.lon) < 10_000


def test_misspelling_is_matched_fuzzily_with_its_score(gazetteer):
    found = gazetteer.geocode(Place(name="Kramatorks", country="UA"))
    assert found.name == "Kramatorsk"
    assert 88 <= found.score < 100


GARBAGE = [
    "",
    "   ",
    "x" * 10_000,
    "Kyiv" * 2_500,
    "\x00\x01\x02\x1b[31m",
    "'; DROP TABLE places; --",
    "<img src=x onerror=alert(1)>",
    "🚀💥🔥",
    "zzzqqqxxx",
    "42",
]


@pytest.mark.parametrize("garbage", GARBAGE, ids=range(len(GARBAGE)))
@pytest.mark.parametrize("country", [None, "UA"])
def test_garbage_is_not_found_rather_than_matched_far_away(gazetteer, garbage, country):
    assert (
        gazetteer.geocode(Place(name=garbage if garbage.strip() else "?", country=country)) is None
    )


def test_suggestions_for_a_name_that_did_not_match(gazetteer):
    assert gazetteer.geocode(Place(name="Kryvi Rhi", country="UA")) is None
    assert gazetteer.suggestions("Kryvi Rhi", "UA")[0].startswith("Kryvyy Rih")


# -- the index on disk ---------------------------------------------------------------------

SMALL_SOURCE = {
    "703845": {
        "geonameid": 703845, "name": "Kryvyy Rih", "latitude": 47.90572, "longitude": 33.39404,
        "countrycode": "UA", "population": 603904, "admin1code": "04",
        "alternatenames": ["Kryvyi Rih", "Кривий Ріг", "Krivoy Rog"],
    },
    "692194": {
        "geonameid": 692194, "name": "Sumy", "latitude": 50.91741, "longitude": 34.79906,
        "countrycode": "UA", "population": 256474, "admin1code": "21", "alternatenames": ["Суми"],
    },
}  # fmt: skip


def test_index_is_built_atomically_and_opened_read_only(tmp_path):
    source = tmp_path / "cities.json"
    source.write_text(json.dumps(SMALL_SOURCE), encoding="utf-8")
    target = tmp_path / "cache" / "index.sqlite"
    build_index(target, source)
    assert [p.name for p in target.parent.iterdir()] == ["index.sqlite"]  # no temp file left
    gazetteer = Gazetteer(target)
    assert gazetteer.geocode(Place(name="Кривий Ріг")).id == "geonames:703845"
    with pytest.raises(sqlite3.OperationalError):
        gazetteer._db.execute("DELETE FROM places")


def _build(args) -> str:
    target, source = args
    build_index(target, source)
    return str(Gazetteer(target).geocode(Place(name="Суми")).id)


def test_two_processes_building_at_once_both_get_a_whole_index(tmp_path):
    source = tmp_path / "cities.json"
    source.write_text(json.dumps(SMALL_SOURCE), encoding="utf-8")
    target = tmp_path / "index.sqlite"
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        answers = pool.map(_build, [(target, source)] * 4)
    assert answers == ["geonames:692194"] * 4


def test_cache_file_name_changes_with_normalisation_version(monkeypatch, tmp_path):
    import mapping.geocoding.gazetteer as gz

    monkeypatch.setenv("STRIKEMAP_CACHE_DIR", str(tmp_path))
    before = gz.index_path()
    monkeypatch.setattr(gz, "NORMALISATION_VERSION", gz.NORMALISATION_VERSION + 1)
    assert gz.index_path() != before
    assert gz.index_path().parent == tmp_path


@pytest.mark.parametrize(
    ("name", "city"), [("Николаев", "Mykolaiv Oblast"), ("Каменское", "Dnipropetrovsk Oblast")]
)
def test_a_city_s_russian_name_is_the_city_not_a_russian_village_of_that_name(
    gazetteer, name, city
):
    found = gazetteer.geocode(Place(name=name))
    assert (found.country, found.admin1) == ("UA", city)


def test_a_village_a_city_absorbed_is_not_the_city(gazetteer):
    found = gazetteer.geocode(Place(name="Oleksandrivka", admin1="Donetsk", country="UA"))
    assert found.name == "Oleksandrivka"
