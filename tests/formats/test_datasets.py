"""Public data sets as found: ACLED (export tool, HDX copy, older capitals), UCDP GED
(Windows-1252), Bellingcat's civilian-harm api.json and CIR's Eyes on Russia CSV."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from mapping.cli import main
from mapping.countries import country_code
from mapping.formats import read_file, reader_for
from mapping.formats.dataset import column_dates
from mapping.pipeline import load_inputs
from mapping.records import load_records
from tests.conftest import DATA

SETS = DATA / "datasets"


def by_id(result):
    return {incident.id: incident for incident in result.incidents}


@pytest.mark.parametrize(
    ("name", "format_name"),
    [
        ("acled_export.csv", "acled"),
        ("acled_hdx.csv", "acled"),
        ("acled_uppercase.csv", "acled"),
        ("ucdp_ged.csv", "ucdp"),
        ("bellingcat_api.json", "bellingcat"),
        ("cir_eyes_on_russia.csv", "cir"),
    ],
)
def test_each_data_set_is_recognised_by_content_and_loads_without_errors(
    name, format_name, tmp_path
):
    renamed = tmp_path / f"download{(SETS / name).suffix}"  # the file name says nothing
    shutil.copy(SETS / name, renamed)
    assert reader_for(renamed).name == format_name
    result = read_file(renamed)
    assert result.incidents
    assert not result.errors, result.errors
    (summary,) = result.summaries
    assert summary.incidents == len(result.incidents)
    assert summary.rows == summary.incidents + sum(summary.skipped.values())


def test_acled_strikes_only_by_default_with_the_rest_counted():
    result = read_file(SETS / "acled_export.csv")
    assert sorted(by_id(result)) == ["UKR900001", "UKR900002", "UKR900006", "UKR900007"]
    assert result.summaries[0].skipped == {
        "not a strike: Battles": 1,
        "not a strike: Protests": 1,
        "not a strike: Strategic developments": 1,
    }
    everything = by_id(read_file(SETS / "acled_export.csv", all_events=True))
    assert len(everything) == 7
    assert "not-a-strike" in everything["UKR900003"].tags
    assert "not-a-strike" not in everything["UKR900001"].tags


def test_acled_weapon_only_where_the_notes_say_it_was_used():
    everything = by_id(read_file(SETS / "acled_export.csv", all_events=True))
    # "destroyed a radar used for an anti-aircraft S-300": the S-300 is what was hit
    assert everything["UKR900004"].weapon is None
    # "attacked … with Shahed drones … air defence shot down 3 other drones"
    assert everything["UKR900006"].weapon.canonical_system == "Shahed-136"
    assert everything["UKR900001"].weapon.canonical_system == "Iskander-M"
    assert everything["UKR900002"].weapon.category == "ballistic_missile"


def test_acled_keeps_ids_country_dates_and_precision_faithfully():
    incidents = by_id(read_file(SETS / "acled_export.csv"))
    kryvyi_rih = incidents["UKR900001"]  # ids keep their case: they join back to ACLED
    assert kryvyi_rih.date.isoformat() == "2025-04-04"  # "04 April 2025"
    assert (kryvyi_rih.place.country, kryvyi_rih.place.admin1) == ("UA", "Dnipropetrovsk")
    assert (kryvyi_rih.place.lat, kryvyi_rih.place.lon) == (47.9105, 33.3918)
    odesa, kupiansk = incidents["UKR900006"], incidents["UKR900007"]
    # geo_precision 2 (near a town) is less precise than 1 (the town), 3 (a region) least
    assert kryvyi_rih.place.radius_m < odesa.place.radius_m < kupiansk.place.radius_m
    assert kupiansk.date_precision == "week"  # time_precision 2
    assert kupiansk.place.name == "49.7100, 37.6150"  # no location, coordinates given
    (killed,) = kryvyi_rih.casualties
    assert (killed.source, killed.killed.min) == ("acled", 16)
    assert killed.note == "ACLED sources: Suspilne; Ukrainska Pravda"
    assert kryvyi_rih.claims[0].text == "Military Forces of Russia (2000-)"


def test_acled_hdx_copy_skips_the_hashtag_row_and_counts_lines_after_it():
    result = read_file(SETS / "acled_hdx.csv")
    (dnipro,) = result.incidents
    assert (dnipro.id, dnipro.date.isoformat()) == ("UKR900101", "2023-01-14")
    assert result.origins["UKR900101"].line == 3  # header, hashtag row, then this row
    assert dnipro.weapon.canonical_system == "Kh-22"


def test_acled_older_files_in_capitals_with_day_first_date_times():
    incidents = by_id(read_file(SETS / "acled_uppercase.csv"))
    kharkiv, mykolaiv = incidents["UKR900201"], incidents["UKR900202"]
    assert kharkiv.date.isoformat() == "2022-08-14"  # "14/08/2022 00:00:00"
    assert mykolaiv.date.isoformat() == "2022-08-03"  # "03/08/2022": day first, like the column
    assert kharkiv.place.country == "UA"  # iso 804
    assert kharkiv.weapon.canonical_system == "BM-21 Grad"


def test_a_bad_row_is_reported_with_its_line_and_the_others_load():
    result = read_file(DATA / "acled_format.csv")
    assert [i.id for i in result.incidents] == ["UKR-TEST-1", "UKR-TEST-2"]
    (bad,) = result.errors
    assert (bad.line, bad.record_id, bad.field) == (4, "UKR-TEST-3", "date")
    assert result.summaries[0].skipped == {"invalid (see problems)": 1}


def test_ucdp_reads_windows_1252_with_ranges_and_precision():
    result = read_file(SETS / "ucdp_ged.csv")
    incidents = by_id(result)
    dnipro = incidents["900301"]
    assert dnipro.place.admin1 == "Dnipropetrovs’ka oblast"  # 0x92 in Windows-1252
    assert (dnipro.place.name, dnipro.place.country) == ("Dnipro", "UA")
    assert dnipro.place.precision == "settlement"
    killed = {c.group: c for c in dnipro.casualties}
    assert (killed["unspecified"].killed.min, killed["unspecified"].killed.max) == (45, 46)
    assert killed["unspecified"].note == "UCDP best estimate: 46"
    assert killed["civilians"].killed.min == 46
    oblast = incidents["900302"]  # where_prec 4, date_prec 3
    assert (oblast.place.precision, oblast.place.radius_m) == ("region", 100_000.0)
    assert oblast.date_precision == "week"
    assert {c.group: c.killed.min for c in oblast.casualties}["military"] == 8
    assert "state-based conflict" in oblast.tags


def test_bellingcat_events_with_their_evidence_links():
    result = read_file(SETS / "bellingcat_api.json")
    incidents = by_id(result)
    assert sorted(incidents) == ["CIV9001", "CIV9002", "CIV9004"]  # small arms skipped
    kryvyi_rih = incidents["CIV9001"]
    assert kryvyi_rih.date.isoformat() == "2025-04-04"  # MM/DD/YYYY
    assert kryvyi_rih.place.country == "UA"
    assert kryvyi_rih.weapon.category == "ballistic_missile"
    assert "area: Residential" in kryvyi_rih.tags
    evidence = [s for s in kryvyi_rih.sources if s.id != "bellingcat"]
    assert [(s.name, s.party, s.url) for s in evidence] == [
        ("t.me", "social_media", "https://t.me/example_channel/1001"),
        ("twitter.com", "social_media", "https://twitter.com/example_user/status/1001"),
    ]
    assert incidents["CIV9002"].weapon.warhead == "cluster"
    assert incidents["CIV9004"].place.name == "49.9935, 36.2304"
    assert not result.warnings


def test_cir_rows_with_coordinates_need_no_town():
    incidents = by_id(read_file(SETS / "cir_eyes_on_russia.csv"))
    sumy, kryvyi_rih, kharkiv = incidents["EOR9001"], incidents["EOR9002"], incidents["EOR9003"]
    assert sumy.date.isoformat() == "2025-04-13"
    assert (sumy.place.precision, kryvyi_rih.place.precision) == ("site", "settlement")
    assert sumy.weapon.category == "ballistic_missile"
    assert sumy.weapon.system == "Iskander-M ballistic missile"  # the words as written
    assert kharkiv.place.name == "49.9935, 36.2304"
    assert kharkiv.place.admin1 == "Kharkiv"
    assert [s.url for s in sumy.sources if s.id == "cir-evidence"] == [
        "https://t.me/example_channel/2001"
    ]


def test_a_date_column_that_fits_both_orders_is_read_as_the_data_set_writes_and_flagged(
    tmp_path,
):
    path = tmp_path / "cir.csv"
    path.write_text(
        "entry,date,lat,lon,country,province,town/city,arms/munition,violence level,link,"
        "geolocation\nEOR1,04/03/2025,50.45,30.52,Ukraine,Kyiv,Kyiv,drone,2,,Geolocated\n",
        encoding="utf-8",
    )
    result = read_file(path)
    assert result.incidents[0].date.isoformat() == "2025-03-04"
    (warning,) = result.warnings
    assert "fit either order of day and month read day first" in warning.message


def test_column_dates_choose_one_format_for_the_whole_column():
    dates = column_dates(["03/04/2024", "13/04/2024", ""])
    assert [d and d.isoformat() for d in dates.values] == ["2024-04-03", "2024-04-13", None]
    assert not dates.guessed


@pytest.mark.parametrize(
    ("value", "code"),
    [("UA", "UA"), ("UKR", "UA"), ("804", "UA"), (804.0, "UA"), ("Ukraine", "UA"),
     ("Russia (Soviet Union)", "RU"), ("ukraine", "UA"), ("", None), ("Atlantis", None)],
)  # fmt: skip
def test_country_from_any_code_or_name(value, code):
    assert country_code(value) == code


def test_import_command_prints_what_it_read_made_and_skipped(tmp_path):
    out = tmp_path / "imported.yaml"
    result = CliRunner().invoke(main, ["import", str(SETS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "acled_export.csv: ACLED: 7 row(s) read, 4 incident(s), 3 skipped" in result.stderr
    assert "ucdp_ged.csv: UCDP GED: 3 row(s) read, 3 incident(s)" in result.stderr
    assert "wrote 28 incident(s)" in result.stderr
    reread = load_records([out])
    assert not reread.errors
    assert len(reread.incidents) == 28
    assert "UKR900001" in by_id(reread)


def test_the_python_api_reads_data_sets_like_the_cli():
    loaded = load_inputs([SETS], all_events=True)
    assert len(loaded.incidents) == 35
    assert len(loaded.summaries) == 8


def test_the_record_file_reader_points_data_sets_to_load_inputs():
    (problem,) = load_records([SETS / "acled_export.csv"]).problems
    assert "load_inputs" in problem.message


def test_imported_rows_keep_their_country_through_filters_and_hxl(tmp_path):
    out = tmp_path / "ua.csv"
    result = CliRunner().invoke(
        main, ["export", str(SETS / "acled_export.csv"), "-o", str(out), "--hxl", "--country", "UA"]
    )
    assert result.exit_code == 0, result.output
    assert "wrote 4 incident(s)" in result.stderr


def test_bellingcat_events_as_published_load_with_withheld_and_defanged_links():
    result = read_file(SETS / "bellingcat_published.json")
    assert not result.errors, result.errors
    assert not result.warnings, result.warnings
    incidents = by_id(result)
    assert result.summaries[0].skipped == {"not a strike: Small arms": 2}
    assert len(incidents) == 7
    withheld = [s for s in incidents["CIV0003"].sources if s.id != "bellingcat"]
    assert [(s.name, s.url) for s in withheld] == [("link withheld by Bellingcat", None)]
    defanged = {s.name for s in incidents["CIV0400"].sources}
    assert "https://www.youtube[.]com/watch?v=Lg3JYn2JukA" in defanged  # no host to name it by
    assert incidents["CIV0001"].weapon is None  # "Unknown"
    assert incidents["CIV0004"].weapon.warhead == "cluster"
    assert incidents["CIV0021"].place.name == "Bucha, Kyiv vicinity"
    assert incidents["CIV0001"].date.isoformat() == "2022-02-24"


def test_ucdp_as_published_with_dates_a_spreadsheet_rewrote():
    """A real copy of UCDP's Ukraine events whose date columns mix '1/22/2014 12:00:00 AM'
    with '05/02/2014 00:00' (2 May: the column's other dates are month first)."""
    result = read_file(SETS / "ucdp_published.csv")
    assert not result.errors, result.errors
    incidents = by_id(result)
    assert incidents["147997"].date.isoformat() == "2014-01-22"
    assert incidents["153027"].date.isoformat() == "2014-05-02"
    assert "UCDP dates the event" not in (incidents["153027"].notes or "")
    (warning, _end) = result.warnings
    assert "read month first like the dates in it that fit only one order" in warning.message
    road = incidents["149868"]  # where_prec 5: a road between two towns
    assert (road.place.name, road.place.precision) == (
        "M03 road between Sloviansk and Artemivsk",
        "region",
    )
    airfield = {c.group: c for c in incidents["149879"].casualties}["unspecified"]
    assert (airfield.killed.min, airfield.killed.max, airfield.note) == (
        0,
        4,
        "UCDP best estimate: 0",
    )


def test_column_dates_in_a_mixed_column_follow_the_unambiguous_ones():
    dates = column_dates(["1/22/2014 12:00:00 AM", "05/02/2014 00:00", "4/13/2014 12:00:00 AM"])
    assert [d.isoformat() for d in dates.values] == ["2014-01-22", "2014-05-02", "2014-04-13"]
    assert (dates.format, dates.order, dates.guessed) == (None, "month first", True)


ALL_SETS = [*sorted(p.name for p in SETS.iterdir() if p.suffix in (".csv", ".json"))]


@pytest.mark.parametrize("name", ALL_SETS)
def test_each_data_set_read_as_tables_gives_the_record_paths_incidents_without_records(
    name, monkeypatch
):
    import mapping.record_tables as spreading
    import mapping.table_checks as checks
    from mapping.formats import read_file_tables
    from mapping.tables import incident_tables
    from tests.test_table_checks import assert_same_tables

    as_records = read_file(SETS / name)
    expected = incident_tables(as_records.incidents)

    def no_records(*args, **kwargs):
        raise AssertionError("a valid data set row went through the record model")

    monkeypatch.setattr(checks, "validated_rows", no_records)
    monkeypatch.setattr(spreading, "add_row", no_records)
    as_tables = read_file_tables(SETS / name)
    assert as_tables.problems == as_records.problems
    assert_same_tables(as_tables.tables, expected)
    assert as_tables.tables.incidents["id"].tolist() == [i.id for i in as_records.incidents]


def test_a_bad_data_set_row_read_as_tables_is_named_by_its_line():
    from mapping.formats import read_file_tables

    as_tables = read_file_tables(DATA / "acled_format.csv")
    assert as_tables.tables.incidents["id"].tolist() == ["UKR-TEST-1", "UKR-TEST-2"]
    (bad,) = [p for p in as_tables.problems if p.severity == "error"]
    assert (bad.line, bad.record_id, bad.field) == (4, "UKR-TEST-3", "date")
    assert sorted(map(str, as_tables.problems)) == sorted(
        map(str, read_file(DATA / "acled_format.csv").problems)
    )
