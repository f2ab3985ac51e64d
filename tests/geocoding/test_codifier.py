"""Ukraine's codifier of settlements: read as shipped, and its villages placed honestly."""

from __future__ import annotations

from collections import Counter

from mapping.geocoding.codifier import ID_BASE, code_of, units
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
