"""`strikemap extract`: a draft record from a report's text, every figure tied to its source."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.score_extract import CORPUS, TODAY, score, totals
from mapping.cli import main
from mapping.extraction import extract_draft
from mapping.extraction.figures import casualty_figures
from mapping.extraction.numbers import count_range
from mapping.extraction.text import sentences
from mapping.model import Incident
from tests.extraction import figures_by_source

CASES = {case["id"]: case for case in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))}


def _draft(case_id: str, gazetteer):
    case = CASES[case_id]
    return extract_draft(
        case["text"], date_hint=case.get("date_hint"), gazetteer=gazetteer, today=TODAY
    )


def test_corpus_precision_and_recall(gazetteer):
    scores = score(gazetteer)
    precision, recall = totals(scores)
    assert len(scores) >= 20
    assert precision >= 0.90, [(s.id, s.wrong) for s in scores if s.wrong]
    assert recall >= 0.85, [(s.id, s.missed) for s in scores if s.missed]
    assert all(s.place_ok is not False for s in scores), [
        s.id for s in scores if s.place_ok is False
    ]
    assert all(s.date_ok is not False for s in scores), [s.id for s in scores if s.date_ok is False]


def test_reference_case(gazetteer):
    record = _draft("kryvyi-rih-reference", gazetteer).record
    assert record["review"] == "draft"
    assert record["date"] == dt.date(2025, 4, 4)
    place = record["place"]
    assert place["name"] == "Kryvyi Rih"
    assert place["gazetteer_id"] == "geonames:703845"
    assert place["precision"] == "settlement"
    assert record["weapon"]["category"] == "ballistic_missile"
    assert record["weapon"]["system"] == "Iskander-M"
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert parties["russian-mod"] == "russia_government"
    assert parties["president-zelensky"] == "ukraine_government"

    def figures(source):
        return [c for c in record["casualties"] if c["source"] == source]

    authorities = figures("ukrainian-authorities")
    assert {"group": "civilians", "killed": {"min": 16}} in [
        {k: c[k] for k in ("group", "killed") if k in c} for c in authorities
    ]
    assert any(c.get("injured") == {"min": 51} for c in authorities)
    assert all(c["status"] == "reported" for c in authorities)
    president = figures("president-zelensky")
    assert any(c.get("killed") == 14 and c["group"] == "unspecified" for c in president)
    assert any(c.get("killed") == 6 and c["group"] == "children" for c in president)
    (moscow,) = figures("russian-mod")
    assert moscow["killed"] == {"max": 85}
    assert moscow["group"] == "military"
    assert moscow["status"] == "claimed"
    assert "corroborated" in moscow["note"]
    damage = record["damage"]
    assert any(d["object"] == "apartment_block" and d.get("count") == {"min": 5} for d in damage)
    assert any(
        d["source"] == "russian-mod"
        and d["object"] == "vehicle"
        and d["count"] == {"max": 20}
        and d["status"] == "claimed"
        for d in damage
    )
    (claim,) = record["claims"]
    assert claim["source"] == "russian-mod"
    assert claim["about"] == "target"
    assert "meeting of unit commanders and Western instructors" in claim["text"]
    assert claim["status"] == "claimed"
    Incident.model_validate(record)


def test_places_only_mentioned_are_not_the_incident(gazetteer):
    text = CASES["kryvyi-rih-reference"]["text"]
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Kryvyi Rih"
    moved = text.replace("Kryvyi Rih", "the city")
    other = extract_draft(moved, gazetteer=gazetteer, today=TODAY).record
    assert other["place"]["name"] not in ("Kharkiv", "Dnipro", "Odesa")


def test_every_evidence_span_holds_its_quote(gazetteer):
    for case in CASES.values():
        draft = extract_draft(
            case["text"], date_hint=case.get("date_hint"), gazetteer=gazetteer, today=TODAY
        )
        if draft.record is None:
            continue
        text = case["text"]
        for item in draft.record["evidence"]:
            assert " ".join(text[item["start"] : item["end"]].split()) == item["quote"], item
        paths = {item["path"] for item in draft.record["evidence"]}
        for i, entry in enumerate(draft.record.get("casualties", [])):
            category = next(k for k in ("killed", "injured", "missing") if k in entry)
            assert f"casualties[{i}].{category}" in paths
        for i, source in enumerate(draft.record["sources"]):
            if source["id"] != "report":
                assert f"sources[{i}]" in paths, (case["id"], source)


@pytest.mark.parametrize(
    ("qualifier", "number", "expected"),
    [
        (None, "14", (14, 14)),
        ("at least", "16", (16, None)),
        ("more than", "50", (51, None)),
        ("over", "50", (51, None)),
        ("up to", "85", (None, 85)),
        ("nearly", "120", (None, 119)),
        ("about", "two dozen", (24, 24)),
        (None, "Twenty-one", (21, 21)),
        (None, "Dozens", (24, None)),
        ("fewer than", "10", (None, 9)),
    ],
)
def test_qualifiers_make_ranges(qualifier, number, expected):
    count = count_range(qualifier, number)
    assert (count.min, count.max) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"",
        "   \n\n  ",
        bytes(random.Random(7).randrange(256) for _ in range(50_000)),
        "Погода у Львові у вівторок була теплою.",
        "<html><script>alert(1)</script></html>",
        "The weather in Lviv was mild on Tuesday.",
    ],
)
def test_odd_input_finds_nothing_and_does_not_crash(data, gazetteer):
    draft = extract_draft(data, gazetteer=gazetteer, today=TODAY)
    assert draft.found_nothing
    assert draft.messages


@pytest.mark.slow  # a 7 MB text: ~13 s
def test_huge_input_is_read(gazetteer):
    text = CASES["sumy-wire"]["text"] * 20_000  # ~7 MB: read up to the limit, not crash
    draft = extract_draft(text, gazetteer=gazetteer, today=TODAY)
    assert draft.record is not None
    assert draft.record["place"]["name"] == "Sumy"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=400))
def test_any_text_gives_a_valid_draft_or_nothing(gazetteer, text):
    draft = extract_draft(text, gazetteer=gazetteer, today=TODAY)
    if draft.record is not None:
        Incident.model_validate(draft.record)


def test_cli_drafts_validate(tmp_path, gazetteer):
    runner = CliRunner()
    for case_id, case in CASES.items():
        source = tmp_path / f"{case_id}.txt"
        source.write_text(case["text"], encoding="utf-8")
        args = ["extract", str(source)]
        if case.get("date_hint"):
            args += ["--date-hint", str(case["date_hint"])]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        draft = tmp_path / f"{case_id}.yaml"
        draft.write_text(result.stdout, encoding="utf-8")
        checked = runner.invoke(main, ["validate", str(draft)])
        assert checked.exit_code == 0, (case_id, checked.output)
        assert "review: draft" in result.stdout


def test_cli_reads_stdin_and_prints_json(gazetteer):
    text = CASES["sumy-kobzar"]["text"]
    result = CliRunner().invoke(
        main, ["extract", "-", "--json", "--date-hint", "2025-04-13"], input=text
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["date"] == "2025-04-13"
    assert record["review"] == "draft"
    assert any(
        c["source"] == "artem-kobzar" and c.get("killed") == 21 and "group" not in c
        for c in record["casualties"]
    )  # "unspecified" is the default group, left out like every default


def test_draft_with_evidence_survives_exports(tmp_path, gazetteer):
    from layers import build_layers
    from mapping.formats import export
    from mapping.pipeline import load_inputs
    from mapping.tables import incident_tables

    incident = Incident.model_validate(_draft("kryvyi-rih-reference", gazetteer).record)
    layers = build_layers(incident_tables([incident]))
    for name in ("draft.gpkg", "draft.geojson"):
        path = tmp_path / name
        export(layers, path, profile="full") if name.endswith("json") else export(layers, path)
        (back,) = load_inputs([path]).incidents
        assert back.review == incident.review
        assert back.evidence == incident.evidence


@pytest.mark.parametrize(
    "unit",
    [
        "Kharkiv, ", "12 people were killed and ", "3 houses were damaged and ",
        "за даними поліції, ",  # 8 s when each mention searched the sentence from its start
        "Read also:\nThree killed in Kherson\n",
        # each "also" sentence looks its towns up; a page's closing list of headlines
        "A missile hit Uman, killing 14. Also in Dnipro two people were killed. ",
        "- Мирноград знову під обстрілом: загинула людина\n",
    ],
)  # fmt: skip
def test_extraction_takes_linear_time_on_texts_built_to_be_slow(unit, gazetteer):
    import time

    text = unit * (100_000 // len(unit))  # 100 KB in one sentence: 22 s and more before
    started = time.perf_counter()
    extract_draft(text, gazetteer=gazetteer)
    assert time.perf_counter() - started < 5


def _statements(text: str, gazetteer) -> list[tuple[str, str, str, int | None]]:
    """(source party, category, status, min) of each figure the draft has."""
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    found = []
    for entry in record.get("casualties", []):
        for category in ("killed", "injured", "missing"):
            if category in entry:
                value = entry[category]
                low = value if isinstance(value, int) else value.get("min")
                found.append((parties[entry["source"]], category, entry["status"], low))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an official named by office alone, after the figure
        ("A missile hit Sumy on Tuesday, killing at least four people, an adviser to Ukraine's "
         "interior ministry said.", ("ukraine_government", "killed", "reported", 4)),
        # a body that "put the toll at"
        ("A drone hit Odesa on Tuesday. The State Emergency Service put the toll at three dead.",
         ("ukraine_government", "killed", "reported", 3)),
        # a post signed in its header line
        ("Ivan Petrenko | Sumy Regional Military Administration\n\nA missile struck Sumy "
         "this morning. Five people were found dead under the rubble.",
         ("local_authority", "killed", "reported", 5)),
        # a statement on its letterhead
        ("ODESA REGIONAL POLICE\n\nOn Tuesday a drone struck Odesa. Two people were fatally "
         "injured.", ("local_authority", "killed", "reported", 2)),
        # a person named by age
        ("A missile struck Sumy on Tuesday. A two-year-old girl pulled from the ruins died in "
         "hospital, the regional governor said.", ("local_authority", "killed", "reported", 1)),
        # the shapes the extraction issue names
        ("A missile hit Sumy on Tuesday. Forty people sought medical help, the regional "
         "governor said.", ("local_authority", "injured", "reported", 40)),
        ("A missile hit Sumy on Tuesday. \"Nine people are known to have died so far, among "
         "them two children,\" the regional governor said.",
         ("local_authority", "killed", "reported", 9)),
        # "According to" opening the sentence; a body by its abbreviation, after the figure
        ("A missile hit Kyiv on Monday. According to the National Police, five people have "
         "been killed.", ("ukraine_government", "killed", "reported", 5)),
        ("A missile hit Kyiv on Monday. As of 07:00, 19 people have died, the SES says.",
         ("ukraine_government", "killed", "reported", 19)),
        # an office with its place in the possessive; a post headed by a known institution
        ("Two missiles hit Kharkiv on Sunday, killing five people and wounding 16, the city's "
         "mayor said.", ("local_authority", "killed", "reported", 5)),
        ("ДСНС України | State Emergency Service of Ukraine\n\nKharkiv region: the death toll "
         "from the missile strike rises to 7.\n\n28 more people were injured.",
         ("ukraine_government", "injured", "reported", 28)),
        # authorities "were reporting"; the interior ministry; an official who "spoke of"
        ("A missile hit Synelnykove. By evening, the regional authorities were reporting six "
         "people killed.", ("local_authority", "killed", "reported", 6)),
        ("A missile hit Kharkiv. At 9:00 the Interior Ministry reported three dead in Kharkiv.",
         ("ukraine_government", "killed", "reported", 3)),
        ("A missile hit Kharkiv. Oleh Syniehubov, head of the regional military administration, "
         "spoke of two women killed.", ("local_authority", "killed", "reported", 2)),
        # a post signed in two scripts, name - office; a directorate signing for its service
        ("Іван Федоров | Ivan Fedorov - Head of Zaporizhzhia Oblast Military Administration\n\n"
         "A fire broke out in one of the city's districts as a result of a missile attack. "
         "2 people injured.", ("local_authority", "injured", "reported", 2)),
        ("Main Directorate of the State Emergency Service of Ukraine in Poltava Oblast\n\n"
         "A missile struck a residential building in Poltava. 14 people were killed.",
         ("ukraine_government", "killed", "reported", 14)),
        # "he says" is the official who spoke, not the outlet he told; services by name alone;
        # an office that "raises" the toll
        ("A missile hit a recreation area near Kharkiv. Oleksandr Hololobov, head of the "
         "Malodanylivka community, tells Suspilne that the area was hit. Six people were "
         "injured there in the first count, he says.",
         ("local_authority", "injured", "reported", 6)),
        ("A missile hit a village near Kharkiv. Prosecutors: at least 27 people injured.",
         ("ukraine_government", "injured", "reported", 27)),
        ("A missile hit a village near Kharkiv. Police name the village: Cherkaska Lozova. "
         "Five dead, at least 16 wounded.", ("ukraine_government", "killed", "reported", 5)),
        ("A missile hit Kharkiv. The prosecutor's office raises the number of injured to 28.",
         ("ukraine_government", "injured", "reported", 28)),
        # an administration named with its place
        ("Shelling hit Kherson. According to the Kherson Regional Military Administration, "
         "Russian shelling on 3 May killed 23 civilians.",
         ("local_authority", "killed", "reported", 23)),
        # officials unnamed after the figures are the attacked country's
        ("LVIV, Ukraine, Sept 4 - Russian missiles slammed into Lviv on Wednesday, killing seven "
         "people and wounding 64, officials said.",
         ("ukraine_government", "killed", "reported", 7)),
        # people still under the rubble are missing; "now known to be dead"
        ("A missile hit Sloviansk. Seven people, including one child, remain under the rubble, "
         "the regional governor said.", ("local_authority", "missing", "reported", 7)),
        ("A missile hit Sloviansk. The regional governor says eight people are now known to be "
         "dead.", ("local_authority", "killed", "reported", 8)),
        # a speaker with "first" or "then" before the verb
        ("A missile hit Dnipro. President Volodymyr Zelensky first reported one person killed "
         "and 15 wounded.", ("ukraine_government", "injured", "reported", 15)),
        # the speaker and title closing the sentence
        ("A missile hit Kryvyi Rih. The first reports spoke of three residents killed, "
         "according to Serhiy Lysak, governor of the Dnipropetrovsk region.",
         ("local_authority", "killed", "reported", 3)),
        # Ukrainian bodies by what they do, and offices named the first time by office alone
        ("A missile hit Sumy on Tuesday. Five people were killed, Ukraine's health ministry "
         "said.", ("ukraine_government", "killed", "reported", 5)),
        ("A missile hit Sumy on Tuesday. In a Telegram post, the governor said five people were "
         "killed.", ("local_authority", "killed", "reported", 5)),
        ("A missile hit Sumy on Tuesday. Officials said five people were killed.",
         ("ukraine_government", "killed", "reported", 5)),
        ("A missile hit Sumy on Tuesday. Five people were killed, rescuers said.",
         ("ukraine_government", "killed", "reported", 5)),
        ("A missile hit Sumy on Tuesday. Five people were killed, the presidential office said.",
         ("ukraine_government", "killed", "reported", 5)),
        # a body doing the work reports what it finds, for the rest of its paragraph
        ("A missile hit Sumy on Tuesday.\n\nState Emergency Service divers have recovered a "
         "man's body. The death toll rises to seven.",
         ("ukraine_government", "killed", "reported", 7)),
        # a doubt about the other side's claims does not make the officials' figures claims
        ("A missile struck Sumy on Tuesday, killing seven people, the regional governor said. "
         "Moscow said it hit a military target. No evidence was offered.",
         ("local_authority", "killed", "reported", 7)),
    ],
)  # fmt: skip
def test_figures_keep_who_gave_them(text, expected, gazetteer):
    assert expected in _statements(text, gazetteer)


def test_a_time_with_one_digit_hour_is_written_as_records_write_it(gazetteer):
    record = extract_draft(
        "A missile struck Sumy at 6:17 on Tuesday, killing two people, police said.",
        gazetteer=gazetteer,
        today=TODAY,
    ).record
    assert record["time"] == "06:17"


@pytest.mark.parametrize("when", ["On Saturday", "On April 4"])
def test_a_date_read_from_today_is_said_to_be_a_guess(when, gazetteer):
    draft = extract_draft(
        f"{when} a missile hit Sumy, killing three people, the regional governor said.",
        gazetteer=gazetteer,
        today=TODAY,
    )
    (message,) = [m for m in draft.messages if "is a guess" in m]
    assert "--date-hint" in message
    assert "Date guessed" in draft.record["notes"]
    with_hint = extract_draft(
        f"{when} a missile hit Sumy, killing three people, the regional governor said.",
        gazetteer=gazetteer,
        today=TODAY,
        date_hint=TODAY,
    )
    assert not [m for m in with_hint.messages if "is a guess" in m]


def test_a_child_among_the_dead_is_one_child_killed(gazetteer):
    text = "A missile hit Dnipro. 3 people have been killed, among them a child, the governor said."
    casualties = extract_draft(text).record["casualties"]
    assert {(c["group"], c.get("killed")) for c in casualties} == {
        ("unspecified", 3),
        ("children", 1),
    }


def test_children_among_the_dead_are_their_own_figure(gazetteer):
    record = extract_draft(
        "A missile hit Sumy on Tuesday, killing nine people, the regional governor said. Two "
        "children were among the dead.",
        gazetteer=gazetteer,
        today=TODAY,
    ).record
    groups = {(c["group"], c.get("killed")) for c in record["casualties"]}
    assert {("unspecified", 9), ("children", 2)} <= groups


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a wire's dateline without a year: the weekday its lead names fixes the year
        ("KYIV, Oct 10 (Reuters) - Russian missiles tore into Kyiv at the height of Monday's "
         "morning rush hour, killing at least eight people, an adviser said.", "2022-10-10"),
        ("KRYVYI RIH, Ukraine, June 13 (Reuters) - Russian cruise missiles slammed into an "
         "apartment block before dawn on Tuesday, killing at least 11 people, officials said.",
         "2023-06-13"),
        # a dateline with its year is read whole
        ("KYIV, Oct 10, 2023 (Reuters) - A missile hit Kyiv, killing two people, police said.",
         "2023-10-10"),
        # a post's numeric date under its author line, then "yesterday"
        ("Oleh Syniehubov | Kharkiv Regional Military Administration\n18.08.2022\n\nYesterday, "
         "17 August, a Russian missile struck a building in Kharkiv. 7 people were killed.",
         "2022-08-17"),
        # an attack overnight is dated by the morning it ran into
        ("KYIV, Aug 28, 2025 - A massive overnight Russian missile attack on Kyiv killed at "
         "least 15 people, officials said.", "2025-08-28"),
        ("BRUSSELS, 29 August 2025 - Thursday's bombardment: Russia fired 598 drones at Kyiv "
         "overnight into Thursday, killing 23 people, officials said.", "2025-08-28"),
        # a night between two days is dated by its morning
        ("Russian missiles struck Kyiv on the night of 31 January to 1 February 2025, killing "
         "five people, officials said.", "2025-02-01"),
        # a day long before the report is background, not the strike
        ("EXPLAINER | 21 April 2023\n\nOn 2 June 2022, shelling knocked out a power line in "
         "Sloviansk. On Friday, 14 April, Russian forces fired missiles at Sloviansk, killing "
         "15 people, the governor said.", "2023-04-14"),
        # a header dated with slashes, day first (or month first where the day is over 12)
        ("Updated 15/01/2023\n\nA Russian missile struck an apartment block in Dnipro "
         "yesterday, killing 12 people.", "2023-01-14"),
        ("Posted 01/15/2023\n\nA Russian missile struck an apartment block in Dnipro "
         "yesterday, killing 12 people.", "2023-01-14"),
        # a night written as two days; a day before the report's own
        ("A Russian missile struck an apartment block in Dnipro on the night of January 13-14, "
         "2023, killing 12 people.", "2023-01-14"),
        ("January 15, 2023 | Kyiv\n\nTwelve people were killed when a Russian missile struck an "
         "apartment block in Dnipro a day earlier.", "2023-01-14"),
        ("January 15, 2023 | Kyiv\n\nTwo days ago a Russian missile struck an apartment block "
         "in Dnipro, killing 12 people.", "2023-01-13"),
        # "last night" in a morning report: the night ran into the report's day
        ("January 15, 2023 | Kyiv\n\nLast night a Russian missile struck an apartment block in "
         "Dnipro, killing 12 people.", "2023-01-15"),
        # an update's own date heads it; the strike's is read after it
        ("Update, 16 January 2023: the toll from the missile strike on Dnipro on 14 January rose "
         "to 40.", "2023-01-14"),
        ("January 16, 2023 — The toll from a Russian missile strike on Dnipro two days earlier "
         "rose to 40.", "2023-01-14"),
        ("16.01.2023\nКількість загиблих унаслідок учорашнього удару по Дніпру зросла до 40.",
         "2023-01-15"),
        # a relative word gives way to the date it introduces
        ("16.01.2023\nСьогодні, 14 січня, ракета влучила в будинок у Дніпрі. Загинули 40 людей.",
         "2023-01-14"),
        ("15 января 2023\n\nВ ночь на пятницу ракета попала в дом в Днепре. Погибли 12 человек.",
         "2023-01-13"),
    ],
)  # fmt: skip
def test_the_strike_day_read_as_reports_write_it(text, day, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=dt.date(2026, 11, 30)).record
    assert str(record["date"]) == day


def test_a_year_fixed_by_the_weekday_is_said_to_be_inferred(gazetteer):
    draft = extract_draft(
        "KYIV, Oct 10 (Reuters) - Russian missiles hit Kyiv on Monday, killing eight people, an "
        "adviser said.",
        gazetteer=gazetteer,
        today=dt.date(2026, 11, 30),
    )
    assert str(draft.record["date"]) == "2022-10-10"
    (message,) = [m for m in draft.messages if "gives no year" in m]
    assert "Monday" in message
    assert "Date guessed" in draft.record["notes"]


@pytest.mark.parametrize(
    ("text", "category", "system"),
    [
        # the night's nationwide tally is not this strike's weapon when the report names one
        ("A Shahed drone hit a school in Sumy, killing two people, the governor said. Ukraine's "
         "air force said Russia launched 40 drones and 5 Iskander missiles against the country.",
         "loitering_munition", "Shahed-136"),
        # ... and stands in when it names nothing else
        ("Missiles hit Kyiv, killing eight people, police said. Russia fired 81 cruise missiles "
         "across the country.", "cruise_missile", None),
        # several kinds as one attack: the kind is unknown, "shelling" notwithstanding
        ("Kyiv: response to the night shelling completed. On the night of 28 August Russia "
         "carried out a combined strike on the capital. 22 people were killed, the SES said.",
         "unknown", None),
        ("A massive Russian missile and drone attack on Kyiv killed 15 people, officials said.",
         "unknown", None),
        # what was shot down was not used
        ("Russian shelling killed two people in Kherson, the governor said. Air defences "
         "intercepted 12 Shahed drones overnight.", "artillery", None),
        # of several missiles, the first named; a missile before drones
        ("Kharkiv was hit with S-300 and Kh-32 missiles as well as Iskanders, killing five "
         "people, the governor said.", "air_defence_missile", "S-300"),
        ("Shahed drones and Kh-101 missiles hit Lviv, killing two people, the mayor said.",
         "cruise_missile", "Kh-101"),
        # a party's group strike across the country is the night's, not this strike's
        ("A missile and drone attack on Kyiv killed 15 people, officials said. Russia's defence "
         "ministry said it had carried out a group strike with Kinzhal missiles and drones "
         "against air bases in Ukraine.", "unknown", None),
        # a missile strike of no named kind is no shelling, whatever word a later line uses
        ("A missile strike hit a block of flats in Uman, killing 12 people, officials said. Two "
         "people remain missing after the shelling.", "unknown", None),
        # ... but a kind named anywhere is the kind
        ("A Russian missile strike on Sumy killed 20 people, the mayor said.\n\nTwo ballistic "
         "missiles struck the heart of the city.", "ballistic_missile", None),
    ],
)  # fmt: skip
def test_the_weapon_is_the_one_that_struck(text, category, system, gazetteer):
    weapon = extract_draft(text, gazetteer=gazetteer, today=TODAY).record["weapon"]
    assert (weapon["category"], weapon.get("system")) == (category, system)


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        # a weapon's name is not a place ("Iskander" is also a town in Uzbekistan)
        ("A missile, presumably an Iskander, struck a building in Kharkiv. 7 people were killed.",
         "Kharkiv", "settlement"),
        # a place outside the team's theatre does not win on a bare mention
        ("On the morning of 19 April the Russian Federation launched a missile attack. Seven "
         "people were killed.\n\nDNIPRO\nA five-storey building was destroyed.", "Dnipro",
         "settlement"),
        # no town named: the region the attack was on, at the region's precision
        ("The enemy launched a missile attack on Dnipropetrovsk Oblast. Seven people were killed, "
         "the governor said.", "Dnipropetrovsk Oblast", "region"),
        # a number word opening a sentence is no place; "Region" capitalised is a region
        ("One person was killed by a Russian missile strike at Kyiv Region, police said.",
         "Kyiv Oblast", "region"),
        # a city's district named before it; a possessive
        ("A missile hit a building in the Shevchenkivskyi district of Kyiv, killing two people.",
         "Kyiv", "settlement"),
        ("A drone attack on Odesa's port district killed two people.", "Odesa", "settlement"),
    ],
)  # fmt: skip
def test_the_struck_place_as_statements_write_it(text, name, precision, gazetteer):
    place = extract_draft(text, gazetteer=gazetteer, today=TODAY).record["place"]
    assert (place["name"], place.get("precision")) == (name, precision)


@pytest.mark.parametrize(
    ("text", "name", "admin1", "provider"),
    [
        # the region written with the town constrains it: not the Stara Mykolaivka of Rivne
        ("Russian forces shelled the village of Stara Mykolaivka in Donetsk region on Tuesday, "
         "killing two civilians, the governor said.", "Stara Mykolaivka", "Donetsk Oblast",
         "katottg"),
        ("Російські війська обстріляли село Стара Миколаївка на Донеччині. Загинули двоє "
         "цивільних.", "Стара Миколаївка", "Donetsk Oblast", "katottg"),
        # a village GeoNames does not list, named as one, is placed at its community's centre
        ("A Russian missile struck a cafe in the village of Hroza in Kharkiv region on 5 October "
         "2023, killing 59 people, the governor said.", "Hroza", "Kharkiv Oblast", "katottg"),
        ("Ракета влучила у кафе в селі Гроза Харківської області 5 жовтня 2023 року. Загинули "
         "59 людей.", "Гроза", "Kharkiv Oblast", "katottg"),
    ],
)  # fmt: skip
def test_the_struck_place_lies_in_the_region_the_report_names(
    text, name, admin1, provider, gazetteer
):
    place = extract_draft(text, gazetteer=gazetteer, today=TODAY).record["place"]
    assert (place["name"], place["admin1"], place["precision"]) == (name, admin1, "area")
    assert place["gazetteer_id"].startswith(f"{provider}:")


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # people counted by where they lived or who they were are civilians
        ("The strike took the lives of 22 residents of the building.", [("killed", "civilians", 22)]),
        ("A 69-year-old woman was killed.", [("killed", "civilians", 1)]),
        # the dead as officials mourn them
        ("We have already lost seven people tonight, including three children.",
         [("killed", "unspecified", 7), (None, "children", 3)]),
        # those who needed help were hurt
        ("More than 35 had needed medical help, five of them children.",
         [("injured", "unspecified", 36), (None, "children", 5)]),
        # taken to hospital, then died; pulled from beneath the rubble is not under it
        ("Two women taken to hospital had died.", [("killed", "civilians", 2)]),
        ("Rescuers pulled a 21-year-old woman from beneath the rubble.", []),
        # more of the words reports use
        ("The toll of injured rose to 91.", [("injured", "unspecified", 91)]),
        ("At least 12 people were reported killed.", [("killed", "unspecified", 12)]),
        ("Up to 85 servicemen were eliminated.", [("killed", "military", None)]),
        ("32 people needed hospital treatment.", [("injured", "unspecified", 32)]),
        ("The dead include a nine-year-old girl.", [("killed", "children", 1)]),
        ("Among the dead were two children.", [("killed", "children", 2)]),
        # the number given "as", the fate unknown, "considered missing", parts after counts
        ("He gave the number of injured as 53 and said the fate of eight people was still "
         "unknown.", [("injured", "unspecified", 53), ("missing", "unspecified", 8)]),
        ("Ten more people were considered missing, he said.", [("missing", "unspecified", 10)]),
        ("Klitschko counted 63 injured, 35 of whom - six children among them - were in hospital.",
         [("injured", "unspecified", 63), (None, "children", 6)]),
        ("He added that three of the dead were children aged 2, 14 and 17.",
         [("killed", "children", 3)]),
        # a count of the injured, adults and children apart; no count of things
        ("Lysak put the provisional count of injured at 28 adults and 10 children.",
         [("injured", "unspecified", 28), ("injured", "children", 10)]),
        ("The count of damaged buildings rose to 30.", []),
        # a second count sharing the first one's verb
        ("Four people had died in the apartment block and six at a food warehouse.",
         [("killed", "unspecified", 4), ("killed", "unspecified", 6)]),
        # the group a figure's context gives
        ("HRMMU recorded 24 civilian casualties (5 killed and 19 injured).",
         [("killed", "civilians", 5), ("injured", "civilians", 19)]),
        ("It killed 18 civilians and wounded 60 more.",
         [("killed", "civilians", 18), ("injured", "civilians", 60)]),
        ("The strike killed a 14-year-old boy and wounded his mother.", [("killed", "children", 1)]),
        # one person, no number
        ("A woman was killed and 12 people were injured.",
         [("killed", "civilians", 1), ("injured", "unspecified", 12)]),
        ("A man died and six were injured.", [("killed", "civilians", 1), ("injured", "civilians", 6)]),
        ("First the governor reported a single injured woman.", [("injured", "civilians", 1)]),
        # parts that say what they count; employees of a named workplace
        ("Twelve of them died in the city of Kherson.", [("killed", "unspecified", 12)]),
        ("Three employees of the regional energy company were killed.",
         [("killed", "civilians", 3)]),
        ("In Ivanivka, a 61-year-old local resident was wounded.", [("injured", "civilians", 1)]),
        # a person's rank in the toll; the people named after a dash are civilians
        ("Unfortunately, a fifth person has died.", [("killed", "unspecified", 5)]),
        ("Three people were known to have died - two women and a man.",
         [("killed", "civilians", 3)]),
        ("Six patients remain in a serious condition in hospital, including two children.", []),
        # a count of people no figure counts, and its part, are no casualty
        ("Eleven people, four of them children, were pulled from the rubble.", []),
        # the state before the people; ages are not counts
        ("Information was received about two injured children.", [("injured", "children", 2)]),
        ("Three young men aged 16, 18 and 20 were hospitalised.", []),
        # the missing, and a hedge that only bounds the count from above
        ("The search goes on for four more people.", [("missing", "unspecified", 4)]),
        # the rescued alive are no casualty; the dead's child counts
        ("In total 15 people were pulled out from under the rubble: five of them alive, "
         "including a 14-year-old girl, and ten dead, including a two-year-old boy.",
         [("killed", "unspecified", 10), (None, "children", 1)]),
        ("The number of people who had sought treatment reached 64, among them eight children, "
         "including a 10-year-old boy.", [("injured", "unspecified", 64), (None, "children", 8)]),
        # people counted by what they were doing are civilians; police are not said to be
        ("Two rescuers were killed by a second missile.", [("killed", "civilians", 2)]),
        ("A paramedic was killed.", [("killed", "civilians", 1)]),
        ("Three police officers were injured.", [("injured", "unspecified", 3)]),
        ("Among the 12 dead were three children.", [("killed", "children", 3),
                                                     ("killed", "unspecified", 12)]),
        # people by their work; "more" of a group are more of it; one soldier named by nation
        ("Two night watchmen and three guards were killed.", [("killed", "civilians", 3)]),
        ("One Ukrainian serviceman died and six more were hurt.",
         [("killed", "military", 1), ("injured", "military", 6)]),
        ("A girl was killed and three more were injured.",
         [("killed", "children", 1), ("injured", "children", 3)]),
        ("Four people were killed and two more were injured.",
         [("killed", "unspecified", 4), ("injured", "unspecified", 2)]),
        # a child among "those killed"; a bare age is a child's under 18
        ("A boy was also among those hurt.", [("injured", "children", 1)]),
        ("Eight people, including a 16-year-old, were hurt.",
         [("injured", "unspecified", 8), (None, "children", 1)]),
        # the toll far from its verb; injuries counted as such
        ("The number of people killed in the attack on the market square of the old town "
         "near the river port has climbed to 14.", [("killed", "unspecified", 14)]),
        ("One injury has been recorded so far.", [("injured", "unspecified", 1)]),
        # people listed one by one are counted together, the children among them apart
        ("A 9-year-old boy, his grandmother and a neighbour were killed.",
         [("killed", "civilians", 3), (None, "children", 1)]),
        ("A father and his two daughters were injured.", [("injured", "civilians", 3)]),
        ("Two girls and their mother died.", [("killed", "civilians", 3), (None, "children", 2)]),
        ("A boy and a girl were wounded.", [("injured", "children", 2)]),
        ("Odesa and Kherson were struck overnight.", []),
        ("Three Filipino crew members and a port worker were injured.",
         [("injured", "civilians", 4)]),
        ("The missile hit a field, killing a 64-year-old man and his wife.",
         [("killed", "civilians", 2)]),
        ("The dead were a woman and her 8-year-old son.",
         [("killed", "civilians", 2), (None, "children", 1)]),
        # a year is no count; a qualified "one" keeps its range
        ("A guard born in 1979 died in the strike.", []),
        ("At least one person was killed.", [("killed", "unspecified", 1)]),
        # an aside between the verb and its count; injuries sustained; a part of the hurt
        ("The strike injured, according to the city council, at least 14 people.",
         [("injured", "unspecified", 14)]),
        ("Seven people are known to have sustained injuries.", [("injured", "unspecified", 7)]),
        ("Six people are known to have been injured.", [("injured", "unspecified", 6)]),
        ("Four of the people injured are rescuers.", []),
        # a place between the people and their verb; the toll inside a part; yet to be found
        ("Another four people in the region were wounded.", [("injured", "unspecified", 4)]),
        ("Six of the 31 confirmed dead are children.", [("killed", "children", 6)]),
        ("At least 16 minors were among the 66 wounded.",
         [("injured", "children", 16), ("injured", "unspecified", 66)]),
        ("More than a dozen people are yet to be located.", [("missing", "unspecified", 13)]),
        # a party's counts: "the deaths of"; the hurt joined to troops are troops
        ("The strike caused the deaths of 50 mercenaries.", [("killed", "military", 50)]),
        ("More than 60 fighters were killed, and more than 20 were taken to health facilities.",
         [("killed", "military", 61), ("injured", "military", 21)]),
        # a correction's count; a part of a group that is no toll; the treated are the hurt
        ("Not two but three children were among the dead.", [("killed", "children", 3)]),
        ("85 of the meeting participants were killed.", [("killed", "unspecified", 85)]),
        ("Over 30 people are being treated in medical facilities.",
         [("injured", "unspecified", 31)]),
        # a day after a month name is no count; citizens are civilians; injuries incompatible
        # with life are death
        ("A drone strike on Odesa late on April 13 injured at least five people.",
         [("injured", "unspecified", 5)]),
        ("Three citizens were injured.", [("injured", "civilians", 3)]),
        ("Tens of people were injured.", [("injured", "unspecified", 20)]),
        # the toll a person is among; "a further"; "left dead"; adults among the hurt split
        # no group off
        ("A 14-year-old girl was among the 34 injured.",
         [("injured", "children", 1), ("injured", "unspecified", 34)]),
        ("The strike killed five people and injured a further 47.",
         [("killed", "unspecified", 5), ("injured", "unspecified", 47)]),
        ("At least five people have been left dead.", [("killed", "unspecified", 5)]),
        ("Five adults are also among the injured.", []),
        ("A man sustained injuries incompatible with life.", [("killed", "civilians", 1)]),
        # "victims" a Ukrainian official counts are the hurt; "those injured"; the one named
        # before has died; two children listed by age
        ("The number of victims has increased to 18.", [("injured", "unspecified", 18)]),
        ("The number of those injured is 17.", [("injured", "unspecified", 17)]),
        ("Later, he reported that the woman had died.", [("killed", "civilians", 1)]),
        ("Among them is a 12-year-old boy and an 8-year-old girl.", [(None, "children", 2)]),
        # a count as others gave it; the present tense of a strike that kills
        ("The strike in which seven were said to have died.", [("killed", "unspecified", 7)]),
        ("Nine people are known to have died so far.", [("killed", "unspecified", 9)]),
        ("Seven people are currently known to have been injured.", [("injured", "unspecified", 7)]),
        ("Zelensky condemned missile strikes that kill at least 20 people, including three "
         "children.", [("killed", "unspecified", 20), (None, "children", 3)]),
    ],
)  # fmt: skip
def test_figures_in_the_words_reports_use(text, figures):
    found = casualty_figures(sentences(text)[0])
    assert [(f.category, f.group, f.count.min) for f in found] == figures


@pytest.mark.parametrize(
    ("text", "low", "high", "quoted"),
    [
        ("Between 10 and 15 people were killed.", 10, 15, "Between 10 and 15 people were killed"),
        ("Ten to 15 people were killed.", 10, 15, "Ten to 15 people were killed"),
        ("The death toll rose from 10 to 15.", 15, 15, "toll rose from 10 to 15"),  # before, after
        ("The death toll climbed past 20.", 21, None, "toll climbed past 20"),
        ("The number of injured exceeded 60.", 61, None, "number of injured exceeded 60"),
        ("Upwards of 30 people were injured.", 31, None, "Upwards of 30 people were injured"),
    ],
)
def test_ranges_as_reports_write_them(text, low, high, quoted):
    (figure,) = casualty_figures(sentences(text)[0])
    assert (figure.count.min, figure.count.max) == (low, high)
    assert quoted in text[figure.start : figure.end]


def test_figures_of_other_incidents_stay_out():
    text = (
        "A missile hit a recreation centre in Kharkiv on Sunday, killing five people, police "
        "said.\n\nSeparately, rocket fire killed two people in Novoosynove. One person was "
        "killed in Vovchansk.\n\nELSEWHERE IN THE REGION\nFour were killed in Kivsharivka."
        "\n\nMONDAY, 20 MAY\nThe death toll in Kharkiv rose to seven, police said."
    )
    killed = [c.get("killed") for c in extract_draft(text, today=TODAY).record["casualties"]]
    assert killed == [5, 7]


def test_a_hedged_count_is_an_upper_bound():
    (figure,) = casualty_figures(sentences("Five people may still be under the rubble.")[0])
    assert (figure.category, figure.count.min, figure.count.max) == ("missing", None, 5)


def test_an_outlet_citing_a_service_gives_the_service_s_figure(gazetteer):
    text = (
        "A missile hit Sloviansk on Friday. Rescuers recovered a body, Suspilne reports, citing "
        "the State Emergency Service. The death toll rose to nine."
    )
    assert ("ukraine_government", "killed", "reported", 9) in _statements(text, gazetteer)


def test_a_letterhead_speaks_for_the_text_and_a_headline_does_not(gazetteer):
    letterhead = (
        "UNITED NATIONS | Human Rights Monitoring Mission in Ukraine\nBriefing note\n\n"
        "A missile struck Sumy on Tuesday. Five civilians were killed."
    )
    headline = (
        "Cold and dark: UN monitors log a deadly January\n\n"
        "A missile struck Sumy on Tuesday. Five civilians were killed."
    )
    parties = []
    for text in (letterhead, headline):
        record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
        sources = {s["id"]: s for s in record["sources"]}
        parties.append(sources[record["casualties"][0]["source"]]["party"])
    assert parties == ["international_org", "other"]


def test_an_update_restating_a_figure_is_a_statement_of_its_own(gazetteer):
    text = (
        "Ivan Fedorov | Head of Zaporizhzhia Oblast Military Administration\n\n"
        "A missile hit Zaporizhzhia. 22 wounded. Four children are among the wounded.\n\n"
        "Update. The number of injured has risen to 33, including 4 children. Four children "
        "are among the injured."
    )
    casualties = extract_draft(text, gazetteer=gazetteer, today=TODAY).record["casualties"]
    children = [c["injured"] for c in casualties if c["group"] == "children"]
    assert children == [4, 4]


def test_a_part_after_another_count_is_not_the_figure_s(gazetteer):
    text = (
        "A missile hit Poltava on Saturday. The State Emergency Service reports: 20 people were "
        "injured, among them 4 children; 22 people were rescued, including 11 children."
    )
    casualties = extract_draft(text, gazetteer=gazetteer, today=TODAY).record["casualties"]
    assert [(c["group"], c["injured"]) for c in casualties] == [
        ("unspecified", 20),
        ("children", 4),
    ]


def test_a_headline_figure_the_body_repeats_is_the_body_s(gazetteer):
    repeated = (
        "Missile strike on Dnipro clinic kills four\n\n"
        "A missile struck a clinic in Dnipro on Friday. The attack killed four people, "
        "regional governor Serhii Lysak said."
    )
    title_only = (
        "State Emergency Service of Ukraine\n\nKharkiv region: death toll from strike on "
        "recreation centre rises to 7\n\nDivers found the body of a man in the reservoir."
    )
    first = extract_draft(repeated, gazetteer=gazetteer, today=TODAY).record["casualties"]
    assert [c["killed"] for c in first] == [4]
    second = extract_draft(title_only, gazetteer=gazetteer, today=TODAY).record["casualties"]
    assert [c["killed"] for c in second] == [7]


@pytest.mark.parametrize(
    ("said", "party"),
    [
        ("Kyiv's military administration said", "local_authority"),
        ("Zaporizhzhia's governor, Ivan Fedorov, said", "local_authority"),
        ("according to the Kharkiv regional prosecutor's office", "ukraine_government"),
        ("the local administration said", "local_authority"),
        ("officials in Kharkiv said", "local_authority"),
        ("the mayor's office said", "local_authority"),
        ("Ukraine's prosecutor-general said", "ukraine_government"),
        ("the head of the Kharkiv region said", "local_authority"),
        ("the Dnipropetrovsk regional council head said", "local_authority"),
        ("the head of the city's military administration, Oleksandr Lysenko, said",
         "local_authority"),
        ("Ukraine said", "ukraine_government"),
        ("officials told AFP", "ukraine_government"),
        ("according to officials", "ukraine_government"),
        ("rescue workers said", "ukraine_government"),
        ("the governor of the Kharkiv region said", "local_authority"),
        ("the region's military administration said", "local_authority"),
        ("a local official said", "local_authority"),
        ("the Kharkiv regional governor said", "local_authority"),
        ("the village head said", "local_authority"),
        ("according to the authorities", "ukraine_government"),
        ("the authorities in Kharkiv said", "local_authority"),
        ("the health ministry said", "ukraine_government"),
        ("Ukraine's general staff said", "ukraine_government"),
        ("presidential office deputy head Kyrylo Tymoshenko said", "ukraine_government"),
    ],
)  # fmt: skip
def test_officials_by_office_and_place(said, party, gazetteer):
    text = f"A missile hit Kharkiv on Tuesday. Five people were killed, {said}."
    assert (party, "killed", "reported", 5) in _statements(text, gazetteer)


def test_an_office_of_a_named_town_with_its_holder_speaks(gazetteer):
    text = (
        "A missile hit Kharkiv on Tuesday. The mayor of Kharkiv, Ihor Terekhov, said five "
        "people were killed."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [s["name"] for s in record["sources"] if s["party"] == "local_authority"] == [
        "Ihor Terekhov"
    ]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A missile hit Kharkiv on Tuesday. Rescuers have recovered 12 bodies, the emergency "
         "service said.", [12]),
        ("A missile hit Kharkiv on Tuesday. The bodies of five people were found under the "
         "rubble, police said.", [5]),
        # how a toll was reached is no figure of its own; an increment neither
        ("A missile hit Kharkiv on Tuesday. The bodies of seven people were recovered, bringing "
         "the death toll to eleven, the governor said.", [11]),
        ("A missile hit Kharkiv on Tuesday. Two more bodies were found, police said.", []),
    ],
)  # fmt: skip
def test_bodies_recovered_are_the_dead(text, killed, gazetteer):
    found = [low for _, category, _, low in _statements(text, gazetteer) if category == "killed"]
    assert found == killed


@pytest.mark.parametrize(
    ("post", "speaker"),
    [
        ("A missile struck Kharkiv last night. Seven people were killed and 17 injured.\n\n"
         "Oleh Syniehubov, Head of the Kharkiv Regional Military Administration",
         "Oleh Syniehubov"),
        ("Telegram, Kharkiv Regional Military Administration, 18 August 2022, 08:12\n\n"
         "A missile struck Kharkiv last night. Seven people were killed and 17 injured.",
         "Kharkiv Regional Military Administration"),
        ("Source: Telegram channel of the Zaporizhzhia Regional Military Administration\n\n"
         "A missile struck Zaporizhzhia this morning. Seven people were killed.",
         "Zaporizhzhia Regional Military Administration"),
        ("Posted by Ivan Fedorov on Telegram:\n\nA missile struck Zaporizhzhia this morning. "
         "Seven people were killed.", "Ivan Fedorov"),
        ("Dear residents of Dnipro!\n\nToday a Russian missile hit an apartment block. Seven "
         "people were killed.\n\nMayor Borys Filatov", "Borys Filatov"),
        ("Kharkiv RMA: a missile struck a dormitory in Kharkiv. Seven people were killed.",
         "Regional military administration"),
    ],
)  # fmt: skip
def test_a_post_headed_or_signed_by_an_official_is_theirs(post, speaker, gazetteer):
    record = extract_draft(post, gazetteer=gazetteer, today=TODAY).record
    names = {s["id"]: s["name"] for s in record["sources"]}
    assert {names[c["source"]] for c in record["casualties"]} == {speaker}


@pytest.mark.parametrize(
    ("said", "party"),
    [
        ("Seven people were killed, said Serhiy Lysak.", "local_authority"),
        ("Per the regional governor, seven people were killed.", "local_authority"),
        ("Seven people are confirmed dead, per the local military administration.",
         "local_authority"),
        ("Seven people were killed, the Dnipro OVA reported.", "local_authority"),
        ('"Seven people were killed," said the governor.', "local_authority"),
        ("Seven people were killed, Lysak's office said.", "local_authority"),
        ("Seven people were killed, according to a statement from the regional administration.",
         "local_authority"),
        ("Seven people were killed, according to an update posted by the emergency service.",
         "ukraine_government"),
        # headlines name their speaker bare, after a dash or a colon
        ("Seven killed in Dnipro strike - governor", "local_authority"),
        ("Death toll in Dnipro rises to 7 - officials", "ukraine_government"),
        ("Seven killed in Dnipro strike, governor says", "local_authority"),
        ("Governor: seven people killed in Dnipro", "local_authority"),
        # the state's count
        ("According to the latest official figures, seven people were killed.",
         "ukraine_government"),
        ("Official data show seven people were killed.", "ukraine_government"),
        # whose the count is, after it
        ("The strike killed seven people, in the regional administration's count.",
         "local_authority"),
        ("The strike killed seven people. The figures come from the regional military "
         "administration.", "local_authority"),
        ("Killed: 7 (regional administration)", "local_authority"),
        # the office first, the holder's name set off after it
        ("Seven people were killed, the acting mayor, Petro Ivanenko, said.", "local_authority"),
        ("Seven people were killed, the head of the regional police, Petro Ivanenko, has said.",
         "local_authority"),
        # an outlet carrying the officials' figure: the officials' it is
        ("Seven people were killed, the city council reported, according to Reuters.",
         "local_authority"),
        ("City officials raised the death toll to seven, the Associated Press reported.",
         "local_authority"),
        ("The national emergencies service said seven people were killed.",
         "ukraine_government"),
        # a place and a clause after a comma are no person and office
        ("Seven people were killed, the official said.", "other"),
        ("Seven people were killed, Reuters reported.", "independent_media"),
        ("Seven people were killed, according to media reports.", "independent_media"),
        ("Seven people were killed, according to Dnipropetrovsk Governor Serhiy Lysak.",
         "local_authority"),
        ("An earlier report said seven people were killed.", "independent_media"),
        ("Ukraine has confirmed that seven people were killed.", "ukraine_government"),
        ("Seven people were killed, Ukraine's military officials said.", "ukraine_government"),
        ("Seven people were killed, the Ukrainian Ministry of Emergency Situations reported.",
         "ukraine_government"),
        # a dash signing off the paragraph's words
        ("Russian forces shelled the city. Seven people were killed. The oldest was 80 - Prokudin "
         "wrote on social media.", "local_authority"),
        # a post quoted with its author's handle and date after a dash
        ("As of now, seven people are confirmed dead. — Volodymyr Zelenskyy (@ZelenskyyUa) "
         "April 4, 2025", "ukraine_government"),
        # of two speakers, the one whose words hold the casualties
        ("Police said a school was damaged, and the Dnipro military administration said seven "
         "people were killed.", "local_authority"),
        ("Seven people were killed. The regional governor reported this on Telegram.",
         "local_authority"),
        ("Seven people were killed, the Dnipro Oblast Prosecutor's Office said.",
         "ukraine_government"),
        # a news site's "Source:" line under its lead names who the report is from
        ("Seven people were killed.\n\nSource: Serhiy Lysak, Head of Dnipropetrovsk Oblast "
         "Military Administration, on Telegram", "local_authority"),
    ],
)  # fmt: skip
def test_speakers_wires_name_after_the_figure(said, party, gazetteer):
    text = f"In Dnipro, a Russian missile hit a nine-storey block on Saturday. {said}"
    assert (party, "killed", "reported", 7) in _statements(text, gazetteer)


def test_police_in_a_city_say(gazetteer):
    text = "A missile hit Odesa on Tuesday. Police in Odesa said five people were killed."
    assert ("ukraine_government", "killed", "reported", 5) in _statements(text, gazetteer)


def test_a_speaker_who_says_the_victims_were_civilians_gives_civilians_figures(gazetteer):
    text = (
        "Oleh Syniehubov | Kharkiv Regional Military Administration\n\n"
        "A missile struck a building in Kharkiv. 7 people have been found dead.\n\n"
        "There was no military facility. Only civilians - pensioners and children."
    )
    casualties = extract_draft(text, gazetteer=gazetteer, today=TODAY).record["casualties"]
    assert [(c["group"], c["killed"]) for c in casualties] == [("civilians", 7)]


def test_a_month_s_totals_are_no_figure_of_the_strike(gazetteer):
    text = (
        "A missile hit Kharkiv on 23 January, killing eight people, the State Emergency Service "
        "said, the deadliest attack on the city since the full-scale invasion began. HRMMU "
        "verified at least 641 civilians killed or injured in January, a figure 37 per cent "
        "higher than in November."
    )
    casualties = extract_draft(text, gazetteer=gazetteer, today=TODAY).record["casualties"]
    assert [c.get("killed") for c in casualties] == [8]


def test_explain_says_for_each_figure_who_said_it_how_and_by_which_rule(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(
        "KYIV, Oct 10 (Reuters) - Russian missiles hit Kyiv on Monday, killing at least eight "
        'people, an adviser to the interior ministry said.\n\n"The toll rose to 11. Two of them '
        'are children," he wrote.\x1b[31m',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", "--explain", str(report)])
    assert result.exit_code == 0, result.output
    blocks = {block.split(":")[0]: block for block in result.stdout.split("\n\n")}
    first = blocks["casualties[0].killed"]
    assert "killing at least eight people" in first
    assert (
        "speaker:  Adviser to the interior ministry (ukraine_government): named next to a" in first
    )
    assert "rule:     a casualty verb before a count" in first
    assert "status:   reported" in first
    quoted = blocks["casualties[1].killed"]
    assert "a quotation over several sentences, its speaker named at its close" in quoted
    part = blocks["casualties[2].killed"]
    assert "part of:  'toll rose to 11'" in part
    # a terminal's escape in the report is no character of the draft (no record can hold it)
    assert "\x1b" not in result.stdout


def test_explain_on_a_text_with_no_strike_finds_nothing(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("The weather in Lviv was mild all week.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--explain", str(report)])
    assert result.exit_code == 1
    assert "found nothing" in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        # a speaker introducing the next paragraph
        "A missile hit Kharkiv on Tuesday.\n\nRegional governor Oleh Syniehubov wrote on "
        'Telegram:\n\n"Five people were killed and 16 injured."',
        # a live blog's source line, time stamps, data from a body, an office and its holder
        "A missile hit Kharkiv on Tuesday.\n\nFive people were killed and 16 injured. (Source: "
        "Kharkiv Regional Military Administration)",
        "A missile hit Kharkiv on Tuesday.\n\n14:05 - Syniehubov: five people were killed.",
        "A missile hit Kharkiv on Tuesday.\n\nAccording to preliminary data from the regional "
        "administration, five people were killed.",
        "A missile hit Kharkiv on Tuesday.\n\nThe city's mayor, Ihor Terekhov, said five people "
        "were killed.",
    ],
)
def test_live_blog_and_wire_attributions(text, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    sources = {s["id"]: s for s in record["sources"]}
    figure = record["casualties"][0]
    assert figure["killed"] == 5
    assert sources[figure["source"]]["party"] == "local_authority"


@pytest.mark.parametrize(
    ("text", "about", "words"),
    [
        ('A missile hit Kyiv on Monday. President Vladimir Putin said Russia had used '
         'high-precision weapons against "energy infrastructure, and military command and '
         'communication targets."', "target", "military command"),
        ("A missile hit Lviv on Wednesday. Russia's Defence Ministry said its forces had carried "
         "out a group strike with missiles against military-industrial facilities and air bases "
         "in Ukraine.", "target", "military-industrial facilities"),
        ("A missile hit Lviv on Wednesday. Russia's defence ministry said all designated targets "
         "were hit.", "result", "all designated targets were hit"),
        ("A missile hit Lviv on Wednesday. Russian officials claimed the building was used by "
         "Ukrainian troops.", "target", "Ukrainian troops"),
        ("A missile hit Lviv on Wednesday. Konashenkov said the strike destroyed a HIMARS "
         "launcher.", "target", "HIMARS launcher"),
        ("A missile hit Lviv on Wednesday. Russian state media, citing the defence ministry, said "
         "the strike hit a Ukrainian army command post.", "target", "command post"),
        ("A missile hit Lviv on Wednesday. The Russian military said it had destroyed an "
         "ammunition depot.", "target", "ammunition depot"),
        ("A missile hit Lviv on Wednesday. TASS, citing the ministry, reported that all designated "
         "targets were hit.", "result", "all designated targets were hit"),
        ("A missile hit Lviv on Wednesday. Russia denied targeting civilians and said it struck a "
         "military target.", "target", "military target"),
        ("A missile hit Lviv on Wednesday. Russia's ambassador to the UN, Vasily Nebenzya, claimed "
         "the damage was caused by a Ukrainian air defence missile.", "cause", "air defence"),
        ("A missile hit Lviv on Wednesday. Russian forces struck a Ukrainian army unit, the "
         "ministry in Moscow said.", "target", "Ukrainian army unit"),
        ("A missile hit Lviv on Wednesday. Russia says it only hits military targets.", "target",
         "military targets"),
        ("A missile hit Lviv on Wednesday. Russia's defence ministry said the target was a "
         "gathering of Ukrainian commanders.", "target", "a gathering of Ukrainian commanders"),
        ("A missile hit Lviv on Wednesday. Moscow said the building was a base for Ukrainian "
         "nationalists.", "target", "a base for Ukrainian nationalists"),
        ("A missile hit Odesa on Friday. Vladimir Rogov, a Russian-installed official, told RIA "
         "Novosti that the hotel had housed a command post of Ukrainian forces.", "target",
         "a command post of Ukrainian forces"),
        ("A missile hit Kharkiv on Tuesday. The Russian Defence Ministry said its forces had "
         'delivered a "group strike" on 23 January against facilities of Ukraine\'s '
         "military-industrial complex.", "target", "military-industrial complex"),
        ("A missile hit Kyiv on Thursday. Kremlin spokesman Dmitry Peskov said the targets were "
         "being destroyed.", "result", "the targets were being destroyed"),
        ("A missile hit Starokostiantyniv on Monday. Moscow said it had struck Ukrainian military "
         "airfields.", "target", "Ukrainian military airfields"),
        ("A missile hit Kyiv on Monday. Putin said the strikes were retaliation for the attack on "
         "the Crimea bridge.", "other", "the attack on the Crimea bridge"),
        # a Moscow-side text's bare "Defense Ministry"; "reported by"; "quoted ... as saying";
        # "a blow to"
        ("MOSCOW (Wire) - A missile hit Kharkiv. \"Russian forces carried out a strike on a "
         "deployment point of foreign fighters,\" the Defense Ministry said.", "target",
         "a deployment point of foreign fighters"),
        ("A missile strike, reported by the Russian Defense Ministry, has destroyed a fuel "
         "depot near Kharkiv.", "target", "a fuel depot near Kharkiv"),
        ("A missile hit Kyiv. Russia has destroyed an armoured vehicle plant in Kyiv, the "
         "Interfax news agency quoted Russia's defence ministry as saying.", "target",
         "an armoured vehicle plant in Kyiv"),
        ("A missile hit Pavlohrad. The Russian defence ministry meanwhile said it had launched "
         "precision strikes on Ukrainian ammunition production facilities.", "target",
         "Ukrainian ammunition production facilities"),
        ("A missile hit Pavlohrad, Russia's defence ministry said. \"All assigned facilities "
         "were hit,\" the defence ministry said.", "result", "All assigned facilities were hit"),
        ("A missile hit Pavlohrad. Russia's defence ministry said its forces had carried out "
         "missile strikes overnight against Ukrainian military sites.", "target",
         "Ukrainian military sites"),
        ("A missile hit Kharkiv. The Russian armed forces inflicted a high-precision blow to "
         "the point of temporary deployment of militants, the Russian Defence Ministry said.",
         "target", "the point of temporary deployment of militants"),
    ],
)  # fmt: skip
def test_a_russian_claim_about_the_strike_is_found_and_claimed(text, about, words, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert any(
        c["about"] == about
        and words in c["text"]
        and c["status"] == "claimed"
        and parties[c["source"]] == "russia_government"
        for c in record["claims"]
    ), record.get("claims")


@pytest.mark.parametrize(
    "text",
    [
        "According to the Russian Defence Ministry, up to 85 servicemen and 20 pieces of "
        "equipment were destroyed.",
        "Russia's defence ministry said its strike on the plant had destroyed up to 85 Ukrainian "
        "servicemen.",
        # a translated statement: "this is stated in the message of ...", "the department noted"
        "A blow was struck at a deployment point in Kharkov. This is stated in the message of the "
        "Ministry of Defense of the Russian Federation.\n\nThe department noted that the "
        "building was destroyed. Up to 85 servicemen were destroyed, the report said.",
    ],
)
def test_troops_a_party_says_it_destroyed_are_its_claim_of_dead(text, gazetteer):
    text = f"A missile hit Lviv on Wednesday. {text}"
    assert ("russia_government", "killed", "claimed", None) in _statements(text, gazetteer)


def test_occupation_officials_speak_for_russia(gazetteer):
    text = (
        "A missile hit Kherson on Wednesday. Russian-installed officials in the occupied part of "
        "the region said Ukrainian shelling killed three people."
    )
    assert ("russia_government", "killed", "claimed", 3) in _statements(text, gazetteer)


def test_a_russian_statement_named_as_the_source_of_a_translation_speaks_for_it(gazetteer):
    text = (
        "[Unofficial translation from Russian. Source: Ministry of Defence of the Russian "
        "Federation, daily summary, 4 September 2024]\n\nThis morning a group strike was "
        "delivered in Lviv. The goals of the strike have been achieved. All designated objects "
        "have been hit."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    results = [c for c in record["claims"] if c["about"] == "result"]
    assert results
    assert {parties[c["source"]] for c in results} == {"russia_government"}


def test_two_claims_of_one_source_are_two_claims(gazetteer):
    text = (
        "A missile hit Kramatorsk on Sunday. Russia's defence ministry said it had struck a "
        "temporary deployment point of Ukrainian units. The ministry said the strike hit a "
        "dormitory used by foreign mercenaries."
    )
    claims = extract_draft(text, gazetteer=gazetteer, today=TODAY).record["claims"]
    texts = [c["text"] for c in claims if c["about"] == "target"]
    assert len(texts) == 2, texts


def test_a_part_counts_its_whole_s_group(gazetteer):
    text = (
        "A missile hit Kherson on Wednesday. According to the regional prosecutor's office, 16 "
        "civilians have been killed. Twelve of them died in the city of Kherson."
    )
    casualties = extract_draft(text, gazetteer=gazetteer, today=TODAY).record["casualties"]
    assert [(c["group"], c["killed"]) for c in casualties] == [("civilians", 16), ("civilians", 12)]


def test_officials_by_office_where_the_strike_was_in_russia_speak_for_russia(gazetteer):
    text = (
        "A Ukrainian drone hit a house in Belgorod on Saturday. Two people were killed, the "
        "regional governor said. Kyiv said it had struck a military airfield."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["country"] == "RU"
    assert ("russia_government", "killed", "claimed", 2) in _statements(text, gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        # a war's totals
        "A missile hit Dnipro, killing two people, the governor said. The war has killed at "
        "least 485 children in Ukraine, prosecutors said. Seventeen children have died in the "
        "region since the invasion began, the council head said.",
        # a running total, the note under it, and an earlier report's strike
        "A missile hit Kramatorsk, killing two people, the governor said. He said Russian forces "
        "had killed at least 1,933 civilians in the region. The figures do not include Mariupol.",
        "A missile hit Kramatorsk, killing two people, the governor said. As of Sunday, the UN "
        "has verified 10,287 civilians killed since the invasion began.",
        "A missile hit Kramatorsk, killing two people, the governor said.\n\nAs reported, on "
        "April 6, five residents of the region were killed by shelling.",
    ],
)
def test_running_totals_and_earlier_strikes_are_no_figures_of_this_one(text, gazetteer):
    assert [s[1:] for s in _statements(text, gazetteer)] == [("killed", "reported", 2)]


def test_a_vague_headline_count_the_body_states_exactly_goes(gazetteer):
    text = (
        "Several dead, dozens injured in missile attack on Dnipro\n\nA missile killed five "
        "people and wounded 27 in Dnipro, the regional governor said."
    )
    assert sorted(s[1:] for s in _statements(text, gazetteer)) == [
        ("injured", "reported", 27),
        ("killed", "reported", 5),
    ]


def test_a_headline_figure_the_body_bounds_is_the_body_s(gazetteer):
    text = (
        "Death toll in Ternopil climbs to twenty-five\n(Wire) At least 25 people were killed in "
        "a missile strike on Ternopil, officials said."
    )
    assert _statements(text, gazetteer) == [("ukraine_government", "killed", "reported", 25)]


def test_the_only_body_a_note_names_speaks_for_its_figures(gazetteer):
    text = (
        "UNITED NATIONS - The UN Human Rights Monitoring Mission in Ukraine deplored strikes on "
        "Kyiv that killed at least 13 civilians.\nAccording to the UN mission, the attack hit "
        "homes in 10 regions."
    )
    assert ("international_org", "killed", "reported", 13) in _statements(text, gazetteer)


def test_two_people_by_age_in_one_paragraph_are_two_figures(gazetteer):
    text = (
        "A missile hit Kherson on Friday, the governor said. A 55-year-old man was killed on the "
        "spot, he said. A 43-year-old man later died of his wounds in hospital, he said."
    )
    killed = [s for s in _statements(text, gazetteer) if s[1] == "killed"]
    assert len(killed) == 2


def test_other_strikes_a_report_recalls_give_no_figures_and_no_place(gazetteer):
    text = (
        "A drone strike on Odesa injured five people, Governor Oleh Kiper said.\n\nIn the past "
        "week alone, Russia struck Sumy, killing 34 people, and Mykolaiv, injuring 10.\n\nThe "
        "strike follows Tuesday's attack on Kharkiv that killed three people."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Odesa"
    assert [s[1:] for s in _statements(text, gazetteer)] == [("injured", "reported", 5)]


def test_people_among_the_injured_are_a_figure_only_where_no_total_is_given(gazetteer):
    alone = (
        "Governor Oleh Kiper said a 63-year-old man was killed. Among the injured are two women."
    )
    record = extract_draft(alone, gazetteer=gazetteer, today=TODAY).record
    assert [(c["group"], c.get("killed"), c.get("injured")) for c in record["casualties"]] == [
        ("civilians", 1, None),
        ("civilians", None, 2),
    ]
    with_total = (
        "Governor Oleh Kiper said three people were injured. Among the injured are two women."
    )
    record = extract_draft(with_total, gazetteer=gazetteer, today=TODAY).record
    assert [c.get("injured") for c in record["casualties"]] == [3]


def test_how_badly_some_were_hurt_is_no_second_figure_beside_the_total(gazetteer):
    text = (
        "Governor Oleh Syniehubov said 17 people were injured. He added that one civilian was in a "
        "serious condition, 11 people suffered moderate injuries and 5 were in a fair condition."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [c.get("injured") for c in record["casualties"]] == [17]
    alone = "Governor Oleh Syniehubov said two people suffered serious injuries."
    record = extract_draft(alone, gazetteer=gazetteer, today=TODAY).record
    assert [c.get("injured") for c in record["casualties"]] == [2]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a country's possessive before its city; a clock's city is no place
        (
            "Two Russian missiles struck the centre of Ukraine's Pokrovsk, killing seven people. All "
            "times are Paris time.",
            "Pokrovsk",
        ),
        (
            "Dozens of Russian missiles struck targets across Ukraine's capital Kyiv, killing one.",
            "Kyiv",
        ),
        # a city named as a landmark is not the place struck
        (
            "Deadly strike on city near Kyiv\n\nThe death toll from the Russian missile attack on "
            "Chernihiv has risen to 13.",
            "Chernihiv",
        ),
    ],
)
def test_the_struck_city_behind_its_country_s_name_or_near_a_landmark(text, place, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == place


def test_a_body_s_building_struck_is_no_speaker(gazetteer):
    text = (
        "A missile hit the regional government headquarters in Mykolaiv. Seven people were killed."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert [parties[c["source"]] for c in record["casualties"]] == ["other"]


def test_a_region_struck_before_a_town_named_in_passing(gazetteer):
    text = (
        "23 civilians were killed by Russia's strike on the Zaporizhzhia region, the "
        "governor says.\n\nLocal authorities also reported strikes on Dnipro earlier today."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Zaporizhzhia Oblast"


def test_an_occupation_official_blaming_ukraine_is_a_claim_of_responsibility(gazetteer):
    text = (
        "Russia struck a convoy near Zaporizhzhia, killing 23 civilians. Vladimir Rogov, the "
        "Russian-installed official, claims that the strike had been executed by Ukraine's army."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert [(c["about"], parties[c["source"]], c["status"]) for c in record["claims"]] == [
        ("responsibility", "russia_government", "claimed")
    ]


def test_an_earlier_day_s_strike_under_a_lead_about_another_day_gives_no_figure(gazetteer):
    text = (
        "Russia's defence ministry said on Monday its forces had hit military sites overnight.\n"
        "Ukrainian officials said the strikes had caused a fire in Pavlohrad, wounding at least 34 "
        "people.\n"
        "On Friday, Russia killed 23 civilians with a missile that hit a building in Uman."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [c.get("injured") or c.get("killed") for c in record["casualties"]] == [{"min": 34}]
    assert record["place"]["name"] == "Pavlohrad"


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("The Russian Defense Ministry has revealed that it carried out a strike on Ukraine, "
         "targeting key components of Kiev's military infrastructure.", "target"),
        ('The Russian defence ministry confirmed that "all intended targets were successfully hit."',
         "result"),
        ('Several Ukrainian brigades "completely lost their combat capabilities," Russian Defence '
         "Ministry spokesman Igor Konashenkov said.", "result"),
    ],
)  # fmt: skip
def test_the_ministry_s_claims_as_english_copy_carries_them(text, about, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert (about, "russia_government") in {
        (c["about"], parties[c["source"]]) for c in record["claims"]
    }


def test_a_denial_blaming_ukraine_s_air_defence_is_russia_s_claim_of_cause(gazetteer):
    text = (
        "A missile hit the Okhmatdyt children's hospital in Kyiv on Monday, the UN mission said on "
        "Tuesday.\n\nOn Monday, the Kremlin stated that Russia did not hit a children's hospital "
        "in Kyiv, but that it was a Ukrainian anti-missile fire that caused the damage."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert ("cause", "russia_government", "claimed") in {
        (c["about"], parties[c["source"]], c["status"]) for c in record["claims"]
    }
    assert "on-monday" not in parties  # a day opening a sentence is no person


@pytest.mark.parametrize(
    ("text", "about", "words"),
    [
        # a denial of this strike is the party's claim of responsibility
        ("A missile hit a Kyiv block on Sunday. Russia's defence ministry on Monday denied "
         "responsibility for the missile.", "responsibility", "denied responsibility"),
        ("A missile hit a Kyiv clinic on Monday. Peskov repeated that Russia does not attack "
         "civilian targets.", "responsibility", "does not attack civilian targets"),
        ('A missile hit Kyiv on Monday. "Not a single strike was made on the city," the Russian '
         "defence ministry said.", "responsibility", "Not a single strike"),
        ("A missile hit Kyiv on Monday. Russia's defence ministry said claims by Kyiv officials "
         "were completely untrue.", "responsibility", "completely untrue"),
        # air defence blamed, however put
        ("A missile hit Kyiv on Monday. The Russian defence ministry said the damage was caused "
         "by a falling Ukrainian air defence missile.", "cause", "air defence missile"),
        ("A missile hit Kyiv on Monday. Russia's defence ministry said any damage was the result "
         "of interceptors fired from the city.", "cause", "interceptors"),
        ("A missile hit Kyiv on Monday. Peskov said Ukrainian anti-missile fire was to blame.",
         "cause", "to blame"),
        # the ministry's result formulas without "all"
        ("A missile hit Kyiv on Monday. Russia's defence ministry said the target of the strike "
         "had been achieved.", "result", "target of the strike had been achieved"),
        ('A missile hit Kyiv on Monday. "The assigned objects are hit," the Russian defence '
         "ministry said.", "result", "assigned objects are hit"),
        ("A missile hit Kyiv on Monday. The Russian Federation claims the alleged targets were "
         "military objects.", "target", "military objects"),
        ('A missile hit Kyiv on Monday. The Russian Federation claims that "drone workshops and '
         'ammunition depots" were attacked.', "target", "ammunition depots"),
        # "Russia's Defence Ministry, ..." is the ministry, no person of that name
        ("A missile hit Kyiv on Monday. According to Russia's Defence Ministry, the strike "
         "targeted Ukrainian military sites.", "target", "Ukrainian military sites"),
        # what Russia's side charges the other with, and what it says it fired at
        ("Missiles hit Sumy on Sunday. Russia's defence ministry accused Ukraine of using "
         "civilians as human shields.", "other", "human shields"),
        ("Missiles hit Sumy on Sunday. Russia's Defense Ministry said it fired two Iskander-M "
         'ballistic missiles at a "meeting place of command staff."', "target",
         "meeting place of command staff"),
        ("Ракети влучили в Суми. У Міноборони РФ заявили, що Київ використовує цивільних як живий "
         "щит.", "other", "живий щит"),
    ],
)  # fmt: skip
def test_denials_blame_and_formulas_of_russia_s_side_are_its_claims(text, about, words, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert any(
        c["about"] == about and words in c["text"] and c["status"] == "claimed"
        and parties[c["source"]] == "russia_government"
        for c in record["claims"]
    ), record.get("claims")  # fmt: skip


def test_the_war_long_denial_is_no_claim_and_speaks_for_no_victim(gazetteer):
    text = (
        "A Russian missile killed two people in Kyiv on Monday. Moscow denies targeting "
        "civilians. Russia has repeatedly denied targeting civilian areas."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record.get("claims", []) == []
    assert _statements(text, gazetteer) == [("other", "killed", "reported", 2)]


def test_a_quoted_paragraph_goes_on_quoting_the_speaker_before_it(gazetteer):
    text = (
        "A missile hit Kyiv on Monday.\n\n"
        '"Our forces struck air bases," the Russian defence ministry said.\n\n'
        '"The objectives of the strike have been achieved."'
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert ("result", "russian-mod") in {(c["about"], c["source"]) for c in record["claims"]}


def test_a_sentence_with_two_speakers_gives_each_its_own_words(gazetteer):
    text = (
        "The Russian Defence Ministry said its forces had struck defence industry targets in "
        "Ukraine, where officials said missiles had killed at least 29 people."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert [(c["about"], parties[c["source"]]) for c in record["claims"]] == [
        ("target", "russia_government")
    ]
    assert _statements(text, gazetteer) == [("ukraine_government", "killed", "reported", 29)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Russia struck Sumy. Russia's Foreign Ministry said the strike hit a gathering of "
         "Ukrainian troops.", "russian-foreign-ministry"),
        ("Russia struck Sumy. The Russian embassy in London said the strike hit a military "
         "target.", "russian-diplomatic-mission"),
        ("Russia struck Sumy. Russia's mission to the UN said the strike hit a military target.",
         "russian-diplomatic-mission"),
        ("Росія вдарила по Сумах. У МЗС Росії заявили, що удар було завдано по військовому "
         "об'єкту.", "russian-foreign-ministry"),
        ("Россия ударила по Сумам. Постпред РФ при ООН Василий Небензя заявил, что удар был "
         "нанесен по месту сбора военных ВСУ.", None),
    ],
)  # fmt: skip
def test_russia_s_diplomats_speak_for_its_side(text, source, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    (claim,) = record["claims"]
    assert (claim["about"], parties[claim["source"]], claim["status"]) == (
        "target", "russia_government", "claimed"
    )  # fmt: skip
    assert source is None or claim["source"] == source


def test_an_earlier_strike_the_attack_followed_is_no_figure_of_it(gazetteer):
    text = (
        "Russian missiles struck Sumy on Sunday, killing at least 34 people, officials said.\n"
        "The attack on Sumy followed a deadly April 4 missile strike on Kryvyi Rih that killed "
        "some 20 people, including nine children."
    )
    assert _statements(text, gazetteer) == [("ukraine_government", "killed", "reported", 34)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Missiles hit Chernihiv on Wednesday, resulting in the loss of at least 13 lives.",
         [("other", "killed", "reported", 13)]),
        ("Missiles hit Chernihiv on Wednesday: 11 people were killed, 22 injured and at least "
         "three people listed as missing.",
         [("other", "killed", "reported", 11), ("other", "injured", "reported", 22),
          ("other", "missing", "reported", 3)]),
        ("Missiles hit Chernihiv on Wednesday. The number of dead rose to 14, and injured to 61.",
         [("other", "killed", "reported", 14), ("other", "injured", "reported", 61)]),
        # speakers by title and office, however introduced
        ("Missiles hit Chernihiv on Wednesday. Acting Mayor of Chernihiv Oleksandr Lomako "
         "disclosed that four people were killed.", [("local_authority", "killed", "reported", 4)]),
        ("Missiles hit Chernihiv on Wednesday. The toll rose to 11 killed, according to the "
         "Minister of Internal Affairs Ihor Klymenko.",
         [("ukraine_government", "killed", "reported", 11)]),
        ("Missiles hit Chernihiv on Wednesday. Acting Mayor Oleksandr Lomako first reported four "
         "deaths. "
         "However, he later clarified that there were eight deaths.",
         [("local_authority", "killed", "reported", 4),
          ("local_authority", "killed", "reported", 8)]),
        ("Missiles hit Chernihiv on Wednesday. Eleven people were killed.\n\nThis was announced "
         "by Interior Minister Ihor Klymenko, Censor.NET reports.",
         [("ukraine_government", "killed", "reported", 11)]),
        ("Missiles hit Kherson on Saturday.\n\nAccording to detailed information, as reported by "
         "the head of the Kherson CMA Roman Mrochko, a 49-year-old man died.",
         [("local_authority", "killed", "reported", 1)]),
        # a figure passed on as reported is the report's, not the body's that condemns it
        ("The United Nations has condemned the Russian attack on the city of Sumy on Sunday "
         "which reportedly killed at least 34 people.",
         [("other", "killed", "reported", 34)]),
        ("The United Nations condemned the attack on Uman on Friday, which is reported to have "
         "killed 17 civilians.", [("other", "killed", "reported", 17)]),
        # an organisation's short name in brackets before its verb
        ("Human Rights Watch (HRW) says a Russian cruise missile strike on Lviv on July 6, which "
         "killed 10 civilians, should be investigated as a possible war crime.",
         [("ngo", "killed", "reported", 10)]),
        # a sum over several incidents is none of them
        ("Amnesty International said today, after documenting three incidents it believes have "
         "killed at least six civilians. In the deadliest, a ballistic missile struck near a "
         "hospital in Vuhledar, killing four civilians.", [("ngo", "killed", "reported", 4)]),
        # one person by name or by office; the one hurt is no speaker
        ("Drones struck Kherson on Friday. Serhii Peretiatko, head of the Novotroitske village "
         "military administration, has been wounded in a drone attack.",
         [("other", "injured", "reported", 1)]),
        ("Drones struck Kherson on Friday. A local official was killed in the strike, the "
         "governor said.", [("local_authority", "killed", "reported", 1)]),
        ("UN denounces deadly attack in Sumy\nThe UN has condemned the attack on Sumy on Sunday, "
         "which reportedly killed 34 people.", [("other", "killed", "reported", 34)]),
        # the second count of "killed seven people in X and one person in Y" shares the verb
        ("According to Ukrainian authorities, shelling on Saturday killed seven people in Kherson "
         "and at least one person in Odesa.",
         [("ukraine_government", "killed", "reported", 7),
          ("ukraine_government", "killed", "reported", 1)]),
        # officials and services as live blogs word them
        ("Missiles hit Kyiv on Monday. Officials in the capital have so far announced that 8 "
         "people have been killed and 24 injured.",
         [("local_authority", "killed", "reported", 8),
          ("local_authority", "injured", "reported", 24)]),
        ("Missiles hit Kyiv on Monday. City officials announced that 8 people were killed.",
         [("local_authority", "killed", "reported", 8)]),
        ("Missiles hit Kyiv on Monday. The emergency services said the death toll had reached 19, "
         "with 105 now known to be injured.",
         [("ukraine_government", "killed", "reported", 19),
          ("ukraine_government", "injured", "reported", 105)]),
        ("Missiles hit Kyiv on Monday, Ukraine's emergency services said. Mayor Vitali Klitschko "
         "said the metro was closed.\n\nThe latest "
         "information from the services found that 19 people were killed and 105 were injured.",
         [("ukraine_government", "killed", "reported", 19),
          ("ukraine_government", "injured", "reported", 105)]),
        # a page's links to other news give no figure
        ("A missile hit Izium on Tuesday, killing four people, Governor Oleh Syniehubov said.\n"
         "Read also:\nThree killed in a drone attack on Kherson\nSix injured in Odesa overnight",
         [("local_authority", "killed", "reported", 4)]),
    ],
)  # fmt: skip
def test_tolls_and_speakers_as_english_copy_words_them(text, expected, gazetteer):
    assert _statements(text, gazetteer) == expected


def test_a_photo_credit_under_the_lead_signs_nothing(gazetteer):
    text = (
        "Russian Missile Attack on Chernihiv Kills 18\n\n"
        "A Russian missile attack struck the city of Chernihiv in northern Ukraine, killing at "
        "least 18 people.\n\nDSNS via Telegram\n\nRescuers worked through the night to clear the "
        "rubble of the damaged hotel."
    )
    assert _statements(text, gazetteer) == [("other", "killed", "reported", 18)]


def test_iskander_cruise_missiles_are_cruise_missiles(gazetteer):
    text = "Russian troops attacked Chernihiv with three Iskander cruise missiles on Wednesday."
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["weapon"] == {"system": "Iskander-K", "category": "cruise_missile"} | {
        k: v for k, v in record["weapon"].items() if k == "source"
    }


def test_soldiers_listed_before_their_verb_are_each_a_claimed_figure(gazetteer):
    text = (
        "Russia struck Kramatorsk on Tuesday. Russian Defence Ministry spokesman Igor Konashenkov "
        "said two generals and up to 50 officers of the armed forces of Ukraine as well as up to "
        "20 foreign mercenaries were destroyed. The Kremlin said the Russian Federation does not "
        "strike at civilian infrastructure."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [(c["group"], c["killed"], c["status"]) for c in record["casualties"]] == [
        ("military", 2, "claimed"),
        ("military", {"max": 50}, "claimed"),
        ("military", {"max": 20}, "claimed"),
    ]
    assert "responsibility" in {c["about"] for c in record["claims"]}


def test_servicepeople_are_soldiers(gazetteer):
    text = (
        "Russian forces hit a meeting in Sumy with missiles, killing 60 servicepeople, the "
        "Russian Defense Ministry said."
    )
    assert _statements(text, gazetteer) == [("russia_government", "killed", "claimed", 60)]
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["casualties"][0]["group"] == "military"


def test_a_post_s_channel_name_with_its_region_is_its_speaker(gazetteer):
    text = (
        "SES Kharkiv region\n\nThe enemy struck Kharkiv. Three people were killed and 12 injured. "
        "Russia's Defence Ministry claimed it hit a military facility."
    )
    assert _statements(text, gazetteer)[:2] == [
        ("ukraine_government", "killed", "reported", 3),
        ("ukraine_government", "injured", "reported", 12),
    ]


def test_a_post_tagged_with_one_body_is_that_body_s(gazetteer):
    text = (
        "The enemy struck Kharkiv. Three people were killed and 12 injured.\n\n"
        "#Kharkivshchyna #DSNS #russianterror"
    )
    assert {party for party, *_ in _statements(text, gazetteer)} == {"ukraine_government"}


def test_attacks_warned_of_date_no_strike(gazetteer):
    text = (
        "Ukraine's emergency services warned citizens of the likelihood of more Russian attacks "
        "on Tuesday.\n\nThe death toll from Monday's mass shelling of Kyiv had reached 19."
    )
    record = extract_draft(
        text, date_hint=dt.date(2022, 10, 11), gazetteer=gazetteer, today=TODAY
    ).record
    assert record["date"] == dt.date(2022, 10, 10)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("According to Moscow, the strikes were aimed at disrupting Ukraine's aviation, missile, "
         "and space sectors.", "aviation, missile, and space sectors"),
        ("According to the department, the country's energy complex facilities, which ensure the "
         "operation of the military-industrial complex, were hit.",
         "which ensure the operation of the military-industrial complex"),
        ('"Only military facilities are subject to attack," the Russian defence ministry added.',
         "military facilities are subject to attack"),
        ("Russian forces strike exclusively at military facilities in Ukraine, Kremlin "
         "spokesman Dmitry Peskov said.", "military facilities in Ukraine"),
        ('"Strikes are carried out against critical infrastructure facilities," Peskov said.',
         "critical infrastructure facilities"),
    ],
)  # fmt: skip
def test_a_target_as_russia_s_statements_put_it(sentence, words, gazetteer):
    text = (
        "Missiles hit Kyiv on Thursday, killing nine.\n\nThe Russian Defense Ministry said it "
        f"carried out a strike overnight. {sentence}"
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    targets = [c["text"] for c in record["claims"] if c["about"] == "target"]
    assert words in targets or any(words in t and "said" not in t for t in targets), targets


def test_a_day_s_totals_told_separately_are_no_figure_of_the_strike(gazetteer):
    text = (
        "Missiles hit energy facilities in Kyiv, the Russian Defense Ministry said. It is "
        "separately reported that in one day the Armed Forces of Ukraine lost about two thousand "
        "servicemen."
    )
    assert extract_draft(text, gazetteer=gazetteer, today=TODAY).record.get("casualties") in (
        None,
        [],
    )


def test_a_capital_that_speaks_is_no_place_struck(gazetteer):
    text = "Moscow reveals specifics of its strike on Ukraine. Nine people were killed in Kyiv."
    assert extract_draft(text, gazetteer=gazetteer, today=TODAY).record["place"]["name"] == "Kyiv"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A missile struck Kyiv's Okhmatdyt children's hospital on Monday, killing two.", "Kyiv"),
        ("The director of Kiev's Okhmatdyt children's hospital said two people died.", "Kiev"),
    ],
)
def test_a_city_that_owns_the_name_after_it_is_the_place(text, place, gazetteer):
    assert extract_draft(text, gazetteer=gazetteer, today=TODAY).record["place"]["name"] == place


def test_the_target_a_ministry_says_it_had_been_is_its_claim(gazetteer):
    text = (
        "A missile hit Kharkiv on Monday, killing 3. Russia's defence ministry claimed the target "
        "had been a Ukrainian military intelligence facility."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    (claim,) = record["claims"]
    assert (claim["about"], claim["status"]) == ("target", "claimed")
    assert "military intelligence facility" in claim["text"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Between five and eight people have been killed.", {"min": 5, "max": 8}),
        ("From five to eight people were killed.", {"min": 5, "max": 8}),
        ("Five to eight people were killed.", {"min": 5, "max": 8}),
        ("The toll rose from five to eight.", 8),
        ("One hundred and five people were killed.", 105),
    ],
)
def test_ranges_in_words(sentence, expected, gazetteer):
    text = f"Missiles hit Kyiv on Monday. {sentence}"
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [c["killed"] for c in record["casualties"]] == [expected]


@pytest.mark.parametrize(
    ("text", "hint", "day"),
    [
        ("Russian missiles struck Kyiv on the 17th of June, killing 3.", "2025-06-20", "2025-06-17"),
        ("Russian missiles struck Kyiv on 17th June, killing 3.", "2025-06-20", "2025-06-17"),
        ("Russian missiles struck Kyiv the day before yesterday, killing 3.", "2025-06-19",
         "2025-06-17"),
        ("Росія вдарила по Дніпру в ніч проти п'ятниці, загинули 3 людини.", "2024-04-20",
         "2024-04-19"),
        ("Позавчора російські ракети вдарили по Києву, загинули 3 людини.", "2025-06-19",
         "2025-06-17"),
        ("Позавчера российские ракеты ударили по Киеву, погибли 3 человека.", "2025-06-19",
         "2025-06-17"),
    ],
)  # fmt: skip
def test_strike_dates_as_reports_write_them(text, hint, day, gazetteer):
    record = extract_draft(
        text, date_hint=dt.date.fromisoformat(hint), gazetteer=gazetteer, today=TODAY
    ).record
    assert record["date"] == dt.date.fromisoformat(day)


def test_a_bomb_with_a_glide_kit_is_a_glide_bomb(gazetteer):
    text = "Russia struck Kharkiv on Monday with a FAB-500 bomb with a UMPK module, killing 3."
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["weapon"]["category"] == "glide_bomb"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a syndicated page's stamp, day first with hyphens, under the lead
        ("A Russian missile attack killed one civilian in Ukraine's Dnipropetrovsk region on "
         "Friday, the region's governor, Serhiy Lysak, said. \"Unfortunately, one person is "
         "dead,\" Lysak said on the Telegram messaging app, adding that the wounded were in "
         "hospital and that rescuers were still at work at the scene of the strike.\n\n"
         "Reuters | Kyiv | Updated: 08-12-2023 12:37 IST | Created: 08-12-2023 12:32 IST",
         "2023-12-08"),
        ("Eight killed in Lysychansk - governor\nReuters | Updated: 28-06-2022 00:41 IST\n"
         "At least eight civilians were killed in a Russian missile attack on Lysychansk on "
         "Monday, the governor said.", "2022-06-27"),
    ],
)  # fmt: skip
def test_a_page_s_stamp_dates_the_report(text, day, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["date"] == dt.date.fromisoformat(day)


def test_the_day_of_a_strike_this_one_follows_is_not_its_own(gazetteer):
    text = (
        "Two Iskander missiles struck Kharkiv, killing a boy and his grandmother, the governor "
        "said. These strikes follow yesterday's missile attack on the village of Hroza.\n"
        "Lysychansk burned after the Friday night attack, killing 4."
    )
    record = extract_draft(text, date_hint=dt.date(2023, 10, 6), today=TODAY).record
    assert record["date"] == dt.date(2023, 10, 6)
    # (the night the fire followed is this strike's: "after the Friday night attack")
    later = extract_draft(
        "A restaurant caught fire following the Friday night attack on Dnipro, killing 4.",
        date_hint=dt.date(2025, 6, 14),
        today=TODAY,
    ).record
    assert later["date"] == dt.date(2025, 6, 13)


def test_a_sentence_a_page_prints_twice_is_read_once(gazetteer):
    teaser = "The governor said later that 19 people had been wounded in the strike."
    text = (
        f"Russian missile strike kills three in central Ukraine - governor\n\n{teaser}\n\n"
        "Russian missile strike kills three in central Ukraine - governor\n\n"
        "Three people were killed when missiles hit an airfield in the Kirovohrad region on "
        f"Saturday, Governor Andriy Raikovych said. {teaser}"
    )
    assert sorted(figures_by_source(text, gazetteer, TODAY)) == [
        ("andriy-raikovych", "unspecified", "injured", 19),
        ("andriy-raikovych", "unspecified", "killed", 3),
    ]


def test_a_title_and_subtitle_stating_one_figure_state_it_once(gazetteer):
    text = (
        "Two Killed in Kharkiv, Port Damaged in the South\n\nRussian Strikes Kill Two in "
        "Ukraine\n\nTwo Iskander missiles struck Kharkiv overnight. Regional governor Oleh "
        "Synehubov reported that 28 people were wounded, including an 11-month-old baby."
    )
    assert sorted(figures_by_source(text, gazetteer, TODAY)) == [
        ("oleh-synehubov", "children", "injured", 1),
        ("oleh-synehubov", "unspecified", "injured", 28),
        ("oleh-synehubov", "unspecified", "killed", 2),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the closing comma of a title left out
        ("At least eight civilians were killed in a missile attack on Lysychansk on Monday, "
         "Serhiy Gaidai, governor of the Luhansk region said on the Telegram messaging app.",
         "serhiy-gaidai"),
        # ... but a person named after a place is no title of it
        ("Missiles hit Kyiv on Monday. At a meeting of his Security Council, President "
         "Volodymyr Zelensky said eight people were killed.", "president-zelensky"),
        # "he" with a tense of its own, a paragraph after he spoke
        ("A missile hit Shevchenkove on Monday. \"A 60-year-old woman died,\" Oleh Synehubov, "
         "governor of the Kharkiv region, wrote.\n\nHe had said earlier that at least seven "
         "people had been wounded.", "oleh-synehubov"),
    ],
)  # fmt: skip
def test_speakers_as_wires_name_them(text, speaker, gazetteer):
    assert {source for source, *_ in figures_by_source(text, gazetteer, TODAY)} == {speaker}


def test_authorities_revising_a_toll_are_the_attacked_side_s(gazetteer):
    text = (
        "KOSTIANTYNIVKA, Ukraine (AP) — Wednesday's attack on the market in Kostiantynivka "
        "killed 16 people. Authorities initially put the death toll at 17, but the Interior "
        "Ministry revised that number on Thursday."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    seventeen = next(c for c in record["casualties"] if c["killed"] == 17)
    assert parties[seventeen["source"]] == "ukraine_government"


@pytest.mark.parametrize(
    "who",
    ["a six-month-old baby", "an 11-month-old girl", "a 3-week-old boy", "a 23-day-old infant"],
)
def test_an_age_in_months_weeks_or_days_is_a_child_s(who, gazetteer):
    text = f"A missile hit Kharkiv on Monday. Five people were injured, including {who}."
    found = figures_by_source(text, gazetteer, TODAY)
    assert ("children", "injured", 1) in {(g, cat, v) for _s, g, cat, v in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a translation's passive
        ("A missile hit Taganrog. 'Different injuries were received by another 10 residents of "
         "Taganrog,' the governor wrote.", [("injured", 10)]),
        # "about" what was written, no hedge; victims are the hurt
        ("A missile hit Kharkiv. The mayor, Igor Terekhov, wrote about three victims in the "
         "Saltovsky district.", [("injured", 3)]),
        # a toll of casualties counts the dead and the hurt together: neither
        ("A missile hit Taganrog. The toll has climbed to 10 confirmed casualties, the governor "
         "said.", []),
        # the toll as nouns; people counted with their ages listed
        ("A missile hit Kramatorsk, which led to the death of a British journalist and the injury "
         "of six other people, the prosecutor's office said.", [("killed", 1), ("injured", 6)]),
        ("A missile hit Kramatorsk. Two local women, aged 32 and 34, were injured, the "
         "prosecutor's office said.", [("injured", 2)]),
        # (one of a count given before, by age, is no count of its own)
        ("A bomb hit Kharkiv, killing two boys, the governor said. The governor said one of the "
         "boys, aged 12, was fatally injured.", [("killed", 2)]),
        # a guess with a modal, and a count of the dead and hurt together, are no figures; the
        # buried are missing
        ("Missiles hit Poltava. Rogov said hundreds could be killed. TASS reported that more than "
         "300 servicemen were killed or wounded. Up to 18 people may be buried under the rubble, "
         "Governor Filip Pronin said.", [("missing", {"max": 18})]),
        ("Missiles hit Poltava. Dozens military men were killed, Governor Filip Pronin said.",
         [("killed", {"min": 24})]),
        # a caption in the present; one of a count given before; history a year back
        ("Missiles hit Kyiv on Monday. Kyiv city administrators said that two adults were killed "
         "at the hospital. A wounded child is carried to safety after the strike. The mayor added "
         "that one of the adults killed there was a doctor. In November 2022, a Ukrainian S-300 "
         "missile landed on Polish soil, killing two farmers.", [("killed", 2)]),
        ("Missiles hit Kyiv on Monday. Eight children were wounded at the hospital, health "
         "authorities said.", [("injured", 8)]),
        # "He subsequently reported" continues the one named before
        ("A missile hit Kharkiv. Oleg Sinegubov, head of the regional administration, wrote "
         "on Telegram.\n\nHe subsequently reported that fires broke out. Two men were "
         "hospitalized with shrapnel injuries.", [("injured", 2)]),
    ],
)  # fmt: skip
def test_figures_as_translated_copy_gives_them(text, expected, gazetteer):
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(category, value) for _s, _g, category, value in found] == expected
    assert all(source != "report" for source, *_ in found)
    assert all(group == "military" for _s, group, *_ in found if "military men" in text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kremlin said, without providing evidence, it was Ukrainian anti-missile fire, not "
        "Russia, that hit the children's hospital.",
        "Maria Zakharova, the Russian foreign ministry's spokeswoman, said it was a NASAMS "
        "surface-to-air missile launched by Ukraine that hit the hospital.",
    ],
)
def test_air_defence_russia_says_it_was_is_its_cause_claim(sentence, gazetteer):
    text = f"A missile hit a children's hospital in Kyiv on Monday, killing two. {sentence}"
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    causes = [c for c in record["claims"] if c["about"] == "cause"]
    assert causes
    assert {parties[c["source"]] for c in causes} == {"russia_government"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts of two groups share one verb, before it or after it
        ("A missile hit Kryvyi Rih on Friday. Three soldiers and two civilians were killed, the "
         "governor said.", [("military", "killed", 3), ("civilians", "killed", 2)]),
        ("A missile hit Kryvyi Rih on Friday, killing 11 children and nine adults, the governor "
         "said.", [("children", "killed", 11), ("unspecified", "killed", 9)]),
        # (not a count before the next verb: "atleast" glued, the count is no one's)
        ("A missile hit Bila Tserkva on Friday. Interior minister Ihor Klymenko said the attack "
         "killed atleast 13 people and injured more than 60.",
         [("unspecified", "injured", {"min": 61})]),
        # the dead as a statement mourns them; the dead counted in a relative clause
        ("A missile hit Ternopil on Wednesday. Ukraine will highlight Russia's murder of at least "
         "25 people in Ternopil, Foreign Minister Andriy Sybiha said.",
         [("unspecified", "killed", {"min": 25})]),
        ("A missile hit Kryvyi Rih on Friday. \"A single explosion ended 18 lives,\" Governor "
         "Serhiy Lysak said.", [("unspecified", "killed", 18)]),
        ("A missile hit Kryvyi Rih on Friday. Governor Serhiy Lysak named all nine children who "
         "were killed.", [("children", "killed", 9)]),
        # one of the dead set off by a dash is no count of its own
        ("A missile hit Kryvyi Rih on Friday, killing 11 children, the governor said. One of the "
         "children killed was buried today - a nine-year-old boy who died on a swing.",
         [("children", "killed", 11)]),
        # a running total over a period is not the strike's
        ("A missile hit Kryvyi Rih on Friday, killing 19 people, the governor said. The UN has now "
         "verified the killing of at least 12,910 civilians across Ukraine from 24 February 2022 "
         "to 31 March 2025.", [("unspecified", "killed", 19)]),
    ],
)  # fmt: skip
def test_figures_of_groups_listed_and_the_dead_as_statements_count_them(text, expected, gazetteer):
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(group, category, value) for _s, group, category, value in found] == expected


@pytest.mark.parametrize(
    ("text", "speaker", "party"),
    [
        # a name with accents is a name; the UN's spokesperson speaks for the UN
        ("A missile hit Ternopil on Wednesday. \"The attack reportedly killed at least 25 "
         "people,\" Guterres' spokesperson Stéphane Dujarric told a news conference.",
         "stephane-dujarric", "international_org"),
        ("A missile hit Kryvyi Rih on Friday. UN High Commissioner for Human Rights Volker Türk "
         "visited the site.\n\n\"Nine children were killed,\" Türk said.",
         "volker-turk", "international_org"),
        # "the minister" is the minister named before
        ("A missile hit Ternopil on Wednesday. Foreign Minister Andriy Sybiha condemned it.\n\n"
         "At least 25 people were killed, the minister said.", "andrii-sybiha",
         "ukraine_government"),
        # a post a page embeds is its author's, every sentence of it
        ("A missile hit Kryvyi Rih on Friday.\n\nRescue operations are underway in Kryvyi Rih. "
         "As of now, 16 people are confirmed dead. pic.twitter.com/7TbgHQYfEI — Volodymyr "
         "Zelenskyy / Володимир Зеленський (@ZelenskyyUa) April 4, 2025",
         "president-zelensky", "ukraine_government"),
    ],
)  # fmt: skip
def test_speakers_of_international_bodies_ministers_and_posts(text, speaker, party, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert [c["source"] for c in record["casualties"]] == [speaker]
    assert parties[speaker] == party


def test_a_date_opening_a_sentence_is_no_target_of_the_weapon(gazetteer):
    text = (
        "On April 4, a Russian Iskander-M ballistic missile struck Kryvyi Rih, killing 18 people. "
        "In Kharkiv, rescuers worked all day after an attack by six Shahed drones."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["weapon"]["system"] == "Iskander-M"


def test_a_day_to_come_does_not_date_the_report(gazetteer):
    text = (
        "A meeting of the UN Security Council will be held on Thursday, November 20, following "
        "the Russian attack on Ternopil, which killed at least 25 people, Foreign Minister Andriy "
        "Sybiha announced."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record.get("date") != dt.date(2025, 11, 20)


def test_the_strike_these_ones_follow_is_another_s(gazetteer):
    text = (
        "Yesterday's attack on Ternopil killed at least 26 people, including three children, "
        "she continued. These incidents follow the massive 14 November strike on Kyiv, which "
        "killed at least six people and damaged the Embassy of Azerbaijan."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Ternopil"
    assert [c["killed"] for c in record["casualties"]] == [{"min": 26}, 3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part named before or after the toll, in the ways wires write it
        ("A missile hit Ternopil, the SES said. Among the 26 people killed were three children.",
         [("children", "killed", 3), ("unspecified", "killed", 26)]),
        ("A missile hit Ternopil, the SES said. The confirmed dead include three children.",
         [("children", "killed", 3)]),
        ("A missile hit Ternopil, police said. As of 10:00: 10 dead; 37 injured (12 of whom were "
         "children).", [("unspecified", "killed", 10), ("unspecified", "injured", 37),
                        ("children", "injured", 12)]),
        # no casualties: survivors pulled out, the missing found, a part of a subset
        ("A missile hit Ternopil, the SES said. 95 people were injured. Rescuers have pulled 46 "
         "survivors from the debris, including seven children. Six people who were reported "
         "missing have been contacted and are safe. 52 of them, including 17 children, were "
         "hospitalized.", [("unspecified", "injured", 95)]),
    ],
)  # fmt: skip
def test_parts_of_a_toll_and_what_counts_no_casualty(text, expected, gazetteer):
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(group, category, value) for _s, group, category, value in found] == expected


def test_a_kh_101_in_german_or_polish_transliteration(gazetteer):
    text = (
        "The missile that hit Ternopil was identified by the air force as a Ch-101 cruise missile."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["weapon"]["system"] == "Kh-101"


@pytest.mark.parametrize(
    ("sentence", "about", "words"),
    [
        ("The stated objectives included Ukrainian defense industry facilities and military "
         "airfield assets, the Russian Defense Ministry said.", "target", "defense industry"),
        ("The targets included both energy and defense-industry facilities, the Russian Defense "
         "Ministry said.", "target", "defense-industry"),
        ("The Russian Defense Ministry stated that all planned targets were successfully hit.",
         "result", "all planned targets"),
        # a cleft; "the targets of ... strikes are"; a diplomat by office, as translated copy
        # has him explain; what brought the missile down
        ('"It is military targets that get struck - either obvious or camouflaged ones," Dmitry '
         "Peskov said.", "target", "military targets"),
        ("Russian media quoted Peskov as saying that the targets of Russian military strikes are "
         "Ukrainian military targets.", "target", "Ukrainian military targets"),
        ('"A Russian missile launched at an infrastructure facility was shot down by Ukrainian air '
         'defense forces," the Russian envoy explained.', "cause",
         "shot down by Ukrainian air defense"),
        ("The Russian Ministry of Defense underscored that its missile was brought down by "
         "Ukrainian anti-aircraft defense.", "cause", "brought down by Ukrainian anti-aircraft"),
    ],
)  # fmt: skip
def test_russia_s_targets_as_its_statements_list_them(sentence, about, words, gazetteer):
    text = f"Missiles and drones hit Kyiv overnight. {sentence}"
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert any(
        c["about"] == about and c["status"] == "claimed" and words in c["text"]
        for c in record["claims"]
    )


def test_moscow_that_states_is_no_place_and_kyiv_s_officials_report(gazetteer):
    text = (
        "Moscow states Russia attacks Ukrainian defense industry facilities in sudden assault\n"
        "Russian forces conducted a large-scale precision strike overnight, the Russian Defense "
        "Ministry announced. Earlier, Ukrainian authorities reported a severe attack on Kiev with "
        "multiple explosions and fires. Officials said seven people were killed and 64 injured."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert record["place"]["admin1"] == "Kyiv City"
    assert {parties[c["source"]] for c in record["casualties"]} == {"ukraine_government"}


def test_an_investigation_s_own_account_is_its_author_s(gazetteer):
    text = (
        "A Human Rights Watch and SITU Research Investigation\n"
        "Despite calls by local authorities to evacuate, Tamara was reluctant to leave. \"It's "
        'too late today," she told her daughter.\n'
        "On April 8, a ballistic missile dispersed 50 submunitions over the station in "
        "Kramatorsk. At least 58 people were killed and over 100 others were injured."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    assert {parties[c["source"]] for c in record["casualties"]} == {"ngo"}


def test_troops_a_ministry_destroyed_after_things_are_its_claimed_dead(gazetteer):
    text = (
        "The Russian Defence Ministry said the strike on Kyiv destroyed an ammunition depot and up "
        "to 40 servicemen."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert [(c["group"], c["killed"], c["status"]) for c in record["casualties"]] == [
        ("military", {"max": 40}, "claimed")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # victims of the attack taken to hospital; the affected as a calque of "постраждали"
        ("A bomb hit Zaporizhzhia. Thirty victims of the enemy attack have been taken to regional "
         "hospitals, Ivan Fedorov reported.", [("injured", 30)]),
        ("A bomb hit Zaporizhzhia. The police reported that 63 people were known to be affected "
         "by the Russian attack.", [("injured", 63)]),
        # how badly some were hurt, and the rest of a count, are no counts of their own
        ("A bomb hit Zaporizhzhia, injuring 67 people, the SES said. At least four people are "
         "hospitalized in serious condition.", [("injured", 67)]),
        ("A missile hit Taganrog, injuring ten, the governor said. Two of the injured received "
         "medical attention on site, while the remaining eight were rushed to local hospitals.",
         [("injured", 10)]),
    ],
)  # fmt: skip
def test_hurt_as_translated_news_counts_them(text, expected, gazetteer):
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(category, value) for _s, _g, category, value in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph opening on an earlier date is another strike's
        ("On January 8, the Russian army attacked Zaporizhzhia, according to Ivan Fedorov, head "
         "of the regional military administration.\n\nInitial reports indicate that one person "
         "was killed.\n\nOn December 25, 2024, Russia attacked Ukraine with over 70 missiles, "
         "killing two people in Kharkiv. Zelensky said the date was no coincidence.",
         [("ivan-fedorov", "killed", 1)]),
        # an office named again is the person named in it, the only one the page names
        ("On the afternoon of January 8, the invaders struck Zaporizhzhia.\n\nThis was reported "
         "by the head of the Zaporizhzhia Regional Military Administration Ivan Fedorov.\n\nAt "
         "16:15, the head of the Regional Military Administration reported repeated explosions."
         "\n\nUPD: The number of people injured in the shelling has risen to six.",
         [("ivan-fedorov", "injured", 6)]),
    ],
)  # fmt: skip
def test_live_updates_keep_their_one_official(text, expected, gazetteer):
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(s, c, v) for s, _g, c, v in found] == expected


def test_a_place_struck_at_the_same_time_is_another_s(gazetteer):
    text = (
        "In Zaporizhzhia, after the Russian strike by guided aerial bombs, 13 people are known to "
        "have died, Ivan Fedorov said.\n\nAt the same time as Zaporizhzhia, the Russians shelled "
        "the city of Stepnohirsk with guided aerial bombs. Two people were rescued, two more died."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Zaporizhzhia"
    assert [c.get("killed") for c in record["casualties"]] == [13]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname misspelt a line after it was given is the same person
        ("A missile hit Dnipro, killing 12, Governor Valentyn Reznichenko reported.\n\nEarlier, "
         "Reznicheno reported that 64 people were wounded.",
         [("valentyn-reznichenko", "unspecified", "killed", 12),
          ("valentyn-reznichenko", "unspecified", "injured", 64)]),
        # the children among a count, said as translated copy says it
        ("A missile hit Dnipro. Mykola Lukashuk, head of the regional council, said 73 people "
         "were injured, of which 14 were children.",
         [("mykola-lukashuk", "unspecified", "injured", 73),
          ("mykola-lukashuk", "children", "injured", 14)]),
        ("A missile hit Dnipro. Mykola Lukashuk, head of the regional council, said 21 were "
         "killed and that among the injured there are 14 children.",
         [("mykola-lukashuk", "unspecified", "killed", 21),
          ("mykola-lukashuk", "children", "injured", 14)]),
        ("The death toll from a missile strike on Dnipro has risen to 23. The dead includes a "
         "15-year-old girl. Seven children, one just three years old, are among the wounded.",
         [("report", "unspecified", "killed", 23), ("report", "children", "killed", 1),
          ("report", "children", "injured", 7)]),
        # lives taken; people searched for; the fate of residents of a building
        ('A missile hit Dnipro. Governor Serhiy Lysak wrote: "44 lives were claimed by a Russian '
         'rocket. 35 people are searched."',
         [("serhiy-lysak", "unspecified", "killed", 44),
          ("serhiy-lysak", "unspecified", "missing", 35)]),
        ("A missile hit Dnipro, Governor Serhiy Lysak said. The fate of another 35 residents of "
         "the building is unknown.", [("serhiy-lysak", "civilians", "missing", 35)]),
        # victims killed are the dead; a hospital count "of them" is a part of the hurt
        ("A missile hit Dnipro, Governor Serhiy Lysak said. The number of victims killed has "
         "increased to 35 people. 64 people were injured. Of them, 59 are hospitalized.",
         [("serhiy-lysak", "unspecified", "killed", 35),
          ("serhiy-lysak", "unspecified", "injured", 64)]),
    ],
)  # fmt: skip
def test_figures_as_translated_wires_give_them(text, expected, gazetteer):
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(s, g, c, v) for s, g, c, v in found] == expected


def test_a_strike_a_record_is_compared_with_gives_no_figure(gazetteer):
    found = figures_by_source(
        "A missile hit Dnipro, killing 21, Governor Valentyn Reznichenko said. It was the deadliest "
        "strike since September, 2022, when a strike on a convoy in Zaporizhzhia killed 32 people.",
        gazetteer,
        TODAY,
    )
    assert [(c, v) for _s, _g, c, v in found] == [("killed", 21)]


def test_a_speaker_stressing_no_statement_is_no_second_source(gazetteer):
    found = figures_by_source(
        "Two Killed in Kharkiv\n\nThe city of Kharkiv witnessed the deaths of a boy and his "
        "grandmother as two Iskander missiles struck the area. Regional governor Oleh Synehubov "
        "reported that 28 others were wounded.\n\nIn response to this terror, President "
        "Volodymyr Zelenskiy emphasized the importance of resilience.",
        gazetteer,
        TODAY,
    )
    assert [(s, c, v) for s, _g, c, v in found] == [
        ("oleh-synehubov", "killed", 2),
        ("oleh-synehubov", "injured", 28),
    ]


def test_an_outlet_s_reporter_and_a_source_line_say_who_gave_the_figures(gazetteer):
    reporter = figures_by_source(
        "A missile hit Dnipro, killing 35, Governor Serhiy Lysak said.\n\nEarlier, the Rubryka "
        "reporter reported from the scene that 39 people were rescued, and 75 were injured.",
        gazetteer,
        TODAY,
    )
    assert [(s, c, v) for s, _g, c, v in reporter] == [
        ("serhiy-lysak", "killed", 35),
        ("rubryka-reporter", "injured", 75),
    ]
    sourced = figures_by_source(
        "What happened? After the missile attack on Dnipro on January 14, 17 people remain "
        "missing.\nSource. Natalia Babachenko, Advisor to the Head of the Dnipro Oblast Military "
        "Administration, on the air of the national TV marathon.",
        gazetteer,
        TODAY,
    )
    assert [(s, c, v) for s, _g, c, v in sourced] == [("natalia-babachenko", "missing", 17)]


@pytest.mark.parametrize(
    "text",
    [
        # a landmark the village is found by, however often it is named
        "At least 21 people have been killed in missile attacks on a village near the Ukrainian "
        "port city of Odesa, authorities said. Video showed the charred remains of buildings in "
        "Serhiivka, located about 50 kilometers southwest of Odesa. The withdrawal was expected "
        "to ease the threat to nearby Odesa.",
        # a district named for its seat is no town
        "Russian invaders launched three missiles on Serhiivka, a small resort town in the "
        "Bilhorod-Dnistrovsky district, Odesa Oblast, killing 21 civilians. The third missile "
        "hit the agricultural areas of the Bilhorod-Dnistrovsky district.",
    ],
)
def test_the_village_struck_not_the_city_it_is_near(text, gazetteer):
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Serhiivka"
    assert record["place"]["admin1"] == "Odesa Oblast"


def test_the_city_a_syndicated_story_was_filed_from_is_not_the_place(gazetteer):
    text = (
        "Russian missile attack kills 23, wounds 28 in southern Ukraine\n\n"
        "Reuters | Kyiv | Updated: 30-09-2022 12:20 IST\n"
        "At least 23 people were killed in a Russian missile strike that hit a convoy near the "
        "southern Ukrainian city of Zaporizhzhia on Friday, the regional governor said."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    assert record["place"]["name"] == "Zaporizhzhia"


def test_the_kremlin_s_spokesman_by_title_and_what_he_went_on_to_claim(gazetteer):
    text = (
        "A missile hit a residential building in Serhiivka, killing 19.\n\nThe Russian military "
        "does not strike at civilian infrastructure, presidential spokesman Dmitry Peskov told "
        "reporters.\n\nMoreover, Peskov went on to claim that Russia's targets in Ukraine include "
        "ammunition and arms depots."
    )
    record = extract_draft(text, gazetteer=gazetteer, today=TODAY).record
    parties = {s["id"]: s["party"] for s in record["sources"]}
    claims = [(c["about"], c["text"], parties[c["source"]]) for c in record["claims"]]
    assert claims == [
        ("responsibility", "does not strike at civilian infrastructure", "russia_government"),
        ("target", "ammunition and arms depots", "russia_government"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part after its count; people considered missing; the nth dead person
        ("A drone hit a building in Odesa, Governor Oleh Kiper said. Eight people were injured. "
         "One of them is a three-year-old child.",
         [("unspecified", "injured", 8), ("children", "injured", 1)]),
        ("A drone hit a building in Odesa, Governor Oleh Kiper said. They added that six residents "
         "of the house are considered missing.", [("civilians", "missing", 6)]),
        ("A drone hit a building in Odesa, Governor Oleh Kiper said. At 12:47, the State Emergency "
         "Service was informed about the fourth dead person.", [("unspecified", "killed", 4)]),
        # children counted by their ages; two bodies of children found
        ("A drone hit a building in Odesa, killing 10, Governor Oleh Kiper said. Among the 10 "
         "killed were four-month-old and three-year-old boys.",
         [("unspecified", "killed", 10), ("children", "killed", 2)]),
        ("A drone hit a building in Odesa, Governor Oleh Kiper said. The bodies of a 10-year-old "
         "boy and his 8-year-old sister were found under the rubble.",
         [("children", "killed", 2)]),
    ],
)  # fmt: skip
def test_a_toll_found_body_by_body(text, expected, gazetteer):
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(g, c, v) for _s, g, c, v in found] == expected


def test_a_previously_paragraph_is_the_report_s_own_account(gazetteer):
    text = (
        "The bodies of two children were found in Odesa. The death toll currently stands at 12."
        "\n\nSource: Oleh Kiper, the Head of Odesa Oblast Military Administration, on Telegram"
        "\n\nPreviously: Emergency workers discovered two more bodies under the rubble, bringing "
        "the death toll to 10."
    )
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(s, v) for s, _g, c, v in found if c == "killed"] == [
        ("oleh-kiper", 2),
        ("oleh-kiper", 12),
        ("report", 10),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a total of; a toll past an abbreviated month; people by where they lived
        ("A bomb hit Kharkiv, Governor Oleh Syniehubov said. The attack killed a total of four "
         "people and injured 34.", [("killed", 4), ("injured", 34)]),
        ("A bomb hit Kharkiv. The death toll in the Sept. 24 Russian attack on Kharkiv has risen "
         "to four people, Mayor Ihor Terekhov reported on Sept. 25.", [("killed", 4)]),
        ("A bomb hit Kharkiv, Governor Oleh Syniehubov said. Two people living in this high-rise "
         "died because of the attack.", [("killed", 2)]),
    ],
)  # fmt: skip
def test_kharkiv_tolls_as_wires_give_them(text, expected, gazetteer):
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(c, v) for _s, _g, c, v in found] == expected


def test_a_story_s_lead_printed_again_after_its_dateline_is_one_statement(gazetteer):
    lead = (
        "A Russian glide bomb struck a five-story apartment block in Kharkiv, injuring at least 12 "
        "people including a 3-year-old girl, local officials said Thursday."
    )
    text = f"12 injured in Kharkiv\n\n{lead}\n\nBy HANNA ARHIROVA\n\nKYIV, Ukraine - {lead}"
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(c, v) for _s, _g, c, v in found] == [("injured", {"min": 12}), ("injured", 1)]


def test_bombs_named_with_glide_kits_are_glide_bombs(gazetteer):
    record = extract_draft(
        "Russia bombarded Kharkiv. Russia reportedly used FAB-250 and FAB-500 guided aerial bombs.",
        gazetteer=gazetteer,
        today=TODAY,
    ).record
    assert record["weapon"]["category"] == "glide_bomb"
    assert record["weapon"]["system"] == "FAB-250"


def test_an_earlier_statement_recalled_and_people_whose_whereabouts_are_unknown(gazetteer):
    text = (
        "A missile hit a printing house in Kharkiv. Oleh Syniehubov, the head of the Kharkiv "
        "Oblast Military Administration, stated that seven employees were killed.\n\nEarlier, it "
        'was stated that 16 people had been wounded.\n\n"Early reports indicate there is one '
        'dead, six wounded, and the whereabouts of three more people cannot be determined," '
        "Mayor Ihor Terekhov said."
    )
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(s, c, v) for s, _g, c, v in found] == [
        ("oleh-syniehubov", "killed", 7),
        ("report", "injured", 16),
        ("ihor-terekhov", "killed", 1),
        ("ihor-terekhov", "injured", 6),
        ("ihor-terekhov", "missing", 3),
    ]


def test_a_toll_retold_with_its_earlier_reports_and_how_badly_some_are_hurt(gazetteer):
    text = (
        "The death toll from the Russian attack on Zaporizhzhia has risen to nine. The Russian "
        "bombardment claimed the life of a one-year-old toddler.\n\nSource: Ivan Fedorov, Head "
        "of Zaporizhzhia Oblast Military Administration, on Telegram\n\nBackground: On 7 November, "
        "Russian forces attacked the city. Earlier reports indicated that 4 people had been killed "
        "and 18 injured.\n\nAbout 30 people are in hospitals in a medium condition."
    )
    found = figures_by_source(text, gazetteer, TODAY)
    assert [(s, g, c, v) for s, g, c, v in found] == [
        ("ivan-fedorov", "unspecified", "killed", 9),
        ("ivan-fedorov", "children", "killed", 1),
        ("report", "unspecified", "killed", 4),
        ("report", "unspecified", "injured", 18),
    ]


def test_an_american_page_date_with_a_twelve_hour_clock_is_month_first(gazetteer):
    record = extract_draft(
        "Death Toll From Russia's Attack On Zaporizhzhia Rises To Nine\n11/8/2024 5:11:35 AM\n"
        "The death toll from Russia's attack on Zaporizhzhia on November 7 has risen to nine, "
        "Ivan Fedorov said.",
        gazetteer=gazetteer,
        today=TODAY,
    ).record
    assert record["date"] == dt.date(2024, 11, 7)
