"""The geocoding chain: record coordinates, analyst overrides, then the gazetteer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mapping.cli import main
from mapping.errors import RecordError
from mapping.geocoding import GeocoderChain, geocode_incidents
from mapping.geocoding.overrides import OverrideGazetteer, read_overrides
from mapping.model import Place, Precision

OVERRIDES_CSV = """\
name,aliases,lat,lon,precision,radius_m,country,admin1,note
Kryvyi Rih restaurant terrace,Кривий Ріг ресторан|KR restaurant,47.9127,33.3911,site,50,UA,Dnipropetrovsk Oblast,located from video
Sumy,,50.9216,34.8003,area,800,UA,,city-centre street
"""


@pytest.fixture
def overrides_file(tmp_path):
    path = tmp_path / "overrides.csv"
    path.write_text(OVERRIDES_CSV, encoding="utf-8")
    return path


def test_record_coordinates_win_over_everything(gazetteer, overrides_file):
    chain = GeocoderChain([OverrideGazetteer.from_file(overrides_file), gazetteer])
    place = Place(name="Sumy", country="UA", lat=50.9, lon=34.8, precision="site")
    found = chain.geocode(place)
    assert (found.provider, found.lat, found.precision, found.radius_m) == (
        "record",
        50.9,
        Precision.SITE,
        100.0,
    )


def test_overrides_come_before_the_gazetteer(gazetteer, overrides_file):
    chain = GeocoderChain([OverrideGazetteer.from_file(overrides_file), gazetteer])
    found = chain.geocode(Place(name="Sumy", country="UA"))
    assert (found.provider, found.precision, found.radius_m) == ("override", Precision.AREA, 800)
    by_alias = chain.geocode(Place(name="KR Restaurant"))
    assert (by_alias.lat, by_alias.lon, by_alias.radius_m) == (47.9127, 33.3911, 50)
    assert chain.geocode(Place(name="Kyiv", country="UA")).provider == "geonames"


def test_overrides_in_yaml(tmp_path, gazetteer):
    path = tmp_path / "sites.yaml"
    path.write_text(
        "- {name: School No. 5, aliases: [Школа 5], lat: 48.1, lon: 37.2, note: from imagery}\n",
        encoding="utf-8",
    )
    found = OverrideGazetteer.from_file(path).geocode(Place(name="школа 5"))
    assert (found.precision, found.radius_m) == (Precision.SITE, 100.0)


def test_bad_override_names_its_file_line_and_field(tmp_path):
    path = tmp_path / "overrides.csv"
    path.write_text("name,lat,lon\nGood,48,37\nBad,91,37\n", encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        read_overrides(path)
    assert str(caught.value).startswith(f"{path}:3: Bad: lat: ")


def test_seeds_resolve_to_city_centroids_marked_as_settlements(seeds, gazetteer):
    report = geocode_incidents(seeds.incidents, GeocoderChain([gazetteer]))
    assert not report.problems
    places = {i.id: i.place for i in report.incidents}
    kryvyi_rih = places["2025-04-04-kryvyi-rih"]
    assert kryvyi_rih.gazetteer_id == "geonames:703845"
    assert kryvyi_rih.precision == Precision.SETTLEMENT
    assert kryvyi_rih.radius_m > 1_000
    assert places["2025-04-13-sumy"].gazetteer_id == "geonames:692194"


def test_unresolved_and_ambiguous_places_are_listed(seeds, gazetteer):
    base = seeds.incidents[0]
    lost = base.model_copy(
        update={"id": "lost", "place": Place(name="Qwertyuiopville", country="UA")}
    )
    vague = base.model_copy(
        update={"id": "vague", "place": Place(name="Novoselivka", country="UA")}
    )
    report = geocode_incidents([lost, vague], GeocoderChain([gazetteer]))
    problems = {p.record_id: p for p in report.problems}
    assert problems["lost"].severity == "error"
    assert "not found" in problems["lost"].message
    assert problems["vague"].severity == "warning"
    assert "ambiguous" in problems["vague"].message
    assert report.incidents[1].place.ambiguous


def run(*args: str):
    return CliRunner().invoke(main, ["geocode", *args])


def test_cli_geocode_json(gazetteer):
    result = run("Кривий Ріг", "--json")
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert set(answer) == {
        "query", "name", "lat", "lon", "country", "admin1", "precision", "radius_m",
        "provider", "id", "score", "ambiguous", "status", "candidates",
    }  # fmt: skip
    assert (answer["id"], answer["precision"], answer["ambiguous"]) == (
        "geonames:703845",
        "settlement",
        False,
    )


def test_cli_geocode_lists_candidates_of_an_ambiguous_name(gazetteer):
    result = run("Novoselivka", "--country", "UA", "--json")
    answer = json.loads(result.stdout)
    assert answer["ambiguous"] is True
    assert {"name", "lat", "lon", "admin1", "population", "score"} <= set(answer["candidates"][0])


def test_cli_geocode_with_admin1_hint(gazetteer):
    result = run("Mykolaivka", "--country", "UA", "--admin1", "Donetsk Oblast")
    assert result.exit_code == 0
    # the town of 15,000 first, then its namesakes in the oblast, listed or not
    assert result.stdout.startswith("Mykolaivka (Donetsk Oblast, UA) 48.86193, 37.76835")
    assert "AMBIGUOUS" in result.stdout
    assert "Mykolaivka (Donetsk Oblast, UA) 47.69527, 37.50895  not listed: its community's" in (
        result.stdout
    )
    assert "Lviv" not in result.stdout


def test_cli_geocode_not_found_exits_1_with_suggestions(gazetteer):
    result = run("Kryvi Rhi", "--country", "UA")
    assert result.exit_code == 1
    assert "no place matches 'Kryvi Rhi'; did you mean: Kryvyy Rih" in result.stderr


@pytest.mark.parametrize("args", [[], ["Kyiv", "--country", "Ukraine"], ["Kyiv", "--bogus"]])
def test_cli_geocode_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_cli_geocode_cold_start_is_quick(gazetteer):
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mapping", "geocode", "Sumy", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["name"] == "Sumy"
    assert "geopandas" not in done.stderr  # the command loads only what it needs
    assert "geopy" not in done.stderr
