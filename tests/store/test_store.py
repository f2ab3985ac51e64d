"""The team store, the same tests on both engines: a GeoPackage file and a real PostgreSQL +
PostGIS server started for the suite (scripts/postgres_server.py)."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pyogrio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layers import build_layers
from mapping.filters import IncidentFilter
from mapping.model import Incident
from mapping.store import ConflictError, open_store
from mapping.tables import incident_tables
from tests.conftest import ROOT
from tests.strategies import incidents
from tests.test_table_checks import assert_same_tables

pytestmark = pytest.mark.slow


_DATABASES = iter(range(1, 10_000))


@pytest.fixture(params=["gpkg", "postgis"])
def url(request, tmp_path):
    """A new, empty store of each engine."""
    if request.param == "gpkg":
        return str(tmp_path / "incidents.gpkg")
    server = request.getfixturevalue("postgres")
    name = f"store{next(_DATABASES)}"
    subprocess.run(
        [
            "/usr/lib/postgresql/15/bin/psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(server.port),
            "-U",
            server.user,
            "-d",
            server.database,
            "-c",
            f"CREATE DATABASE {name}",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            "/usr/lib/postgresql/15/bin/psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(server.port),
            "-U",
            server.user,
            "-d",
            name,
            "-c",
            "CREATE EXTENSION postgis",
        ],
        check=True,
        capture_output=True,
    )
    return server.url.rsplit("/", 1)[0] + "/" + name


def _edit(incident: Incident, **changes) -> Incident:
    return incident.model_copy(update=changes)


def test_seeds_round_trip(url, resolved):
    with open_store(url) as store:
        revisions = store.put(resolved, author="tester", origin="seeds/")
        assert set(revisions.values()) == {1}
        back = {i.id: i for i in store.get([i.id for i in resolved])}
    for incident in resolved:
        assert back[incident.id] == _edit(incident, revision=1)


@pytest.mark.parametrize(
    "criteria",
    [
        {"since": "2025-01-01"},
        {"until": "2024-01-01"},
        {"weapons": ["ballistic_missile"]},
        {"weapons": ["Kh-22"]},
        {"min_killed": 20},
        {"statuses": ["claimed"]},
        {"parties": ["russia_government"]},
        {"bbox": "33,47,36,52"},
        {"countries": ["UA"], "text": "sumy"},
        {"admin1": ["Dnipropetrovsk Oblast"], "since": "2024-01-01"},
    ],
)
def test_query_pushdown_equals_the_in_memory_filter(url, resolved, criteria):
    selection = IncidentFilter.create(**criteria)
    expected = set(selection.apply(build_layers(incident_tables(resolved))).incidents["id"])
    with open_store(url) as store:
        store.put(resolved)
        assert {i.id for i in store.query(selection)} == expected
        assert set(store.tables(selection).tables.incidents["id"]) == expected


def test_sql_looking_text_stays_text(url, resolved):
    hostile = "Robert'); DROP TABLE incidents; -- 50% \\ _ %"
    incident = _edit(resolved[0], notes=hostile, tags=(hostile,))
    with open_store(url) as store:
        store.put([incident])
        (back,) = store.get([incident.id])
        assert back.notes == hostile
        assert store.count() == 1
        found = store.query(IncidentFilter.create(text="DROP TABLE"))
        assert found == []  # text search covers place, region, sources and id, not notes


def test_any_incidents_come_back_as_written(url, resolved):
    """Bulk loading (COPY in CSV on PostgreSQL) keeps every value: quotes, commas, other
    scripts, a line that reads `\\.`, empty statements, missing coordinates."""
    numbers = iter(range(1_000_000))
    hostile = _edit(resolved[0], notes='a "quoted", comma\n\\.\nnext \\N line', tags=("\\.", ","))
    with open_store(url) as store:
        store.put([hostile])
        assert store.get([hostile.id]) == [_edit(hostile, revision=1)]

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(st.lists(incidents(), min_size=1, max_size=4))
        def round_trip(drawn):
            batch = [_edit(i, id=f"{i.id}-{next(numbers)}") for i in drawn]
            store.put(batch)
            back = store.get([i.id for i in batch])
            assert back == sorted((_edit(i, revision=1) for i in batch), key=lambda i: i.id)
            checked = store.tables()  # spread from the stored records, no object each
            assert [p for p in checked.problems if p.severity == "error"] == []
            assert_same_tables(checked.tables.subset([i.id for i in batch]), incident_tables(back))
            layers = build_layers(incident_tables(batch))
            for table, columns in (("incidents", ["id", "place", "sources"]),
                                   ("casualties", ["incident_id", "source", "note"]),
                                   ("claims", ["incident_id", "text"])):  # fmt: skip
                written = getattr(layers, table)[columns].astype(object)
                written = written.where(written.notna(), None).itertuples(index=False)
                expected = sorted((tuple(row) for row in written), key=repr)
                assert _stored(store, table, columns, batch) == expected

        round_trip()


def _spoil(store, url: str, incident_id: str, record: dict) -> None:
    """Write a record over the stored one behind the store's back (an old version, an edit
    in a database tool)."""
    cast = "::jsonb" if url.startswith("postgresql") else ""
    with store._cursor() as cur:
        cur.execute(
            f"UPDATE incidents SET record = ?{cast} WHERE id = ?",
            [json.dumps(record), incident_id],
        )
    store.connection.commit()


def test_a_stored_record_gone_bad_is_named_and_the_others_are_read(url, resolved, tmp_path):
    from click.testing import CliRunner

    from mapping.cli import main
    from mapping.records import load_records

    with open_store(url) as store:
        store.put(resolved)
        spoiled = resolved[0].model_dump(mode="json", exclude_none=True)
        spoiled["casualties"][0]["group"] = "aliens"
        _spoil(store, url, resolved[0].id, spoiled)
        short = resolved[1].model_dump(mode="json", exclude_none=True)
        short["revision"] = 1
        _spoil(store, url, resolved[1].id, short)  # another form of a valid record
        checked = store.tables()
    assert [(p.record_id, p.field) for p in checked.problems] == [
        (resolved[0].id, "casualties[0].group")
    ]
    assert "'civilians'" in checked.problems[0].message
    assert sorted(checked.tables.incidents["id"]) == sorted(i.id for i in resolved[1:])
    pulled = tmp_path / "pulled.gpkg"
    result = CliRunner().invoke(main, ["pull", "--store", url, "-o", str(pulled)])
    assert result.exit_code == 1, result.output
    assert f"{resolved[0].id}: casualties[0].group" in result.output
    assert f"pulled {len(resolved) - 1} incident(s)" in result.output
    assert len(pyogrio.read_dataframe(pulled, layer="incidents")) == len(resolved) - 1
    as_records = tmp_path / "pulled.yaml"
    result = CliRunner().invoke(main, ["pull", "--store", url, "-o", str(as_records)])
    assert result.exit_code == 1, result.output
    assert f"{resolved[0].id}: casualties[0].group" in result.output
    written = load_records([as_records])
    assert sorted(i.id for i in written.incidents) == sorted(i.id for i in resolved[1:])


def _stored(store, table: str, columns: list[str], batch: list[Incident]) -> list[tuple]:
    """A store table's rows for these incidents, as the flat columns GIS tools read."""
    key = "id" if table == "incidents" else "incident_id"
    marks = ", ".join("?" for _ in batch)
    with store._cursor() as cur:
        quoted = ", ".join(f'"{c}"' for c in columns)
        cur.execute(f"SELECT {quoted} FROM {table} WHERE {key} IN ({marks})", [i.id for i in batch])
        return sorted((tuple(row) for row in cur.fetchall()), key=repr)


def test_stale_write_is_refused_and_nothing_is_written(url, resolved):
    first, second = resolved[0], resolved[1]
    with open_store(url) as store:
        store.put([first, second])
        alice = _edit(store.get([first.id])[0], notes="alice")
        bob = _edit(store.get([first.id])[0], notes="bob")
        assert store.put([alice]) == {first.id: 2}
        with pytest.raises(ConflictError, match=r"holds revision 2, this copy is revision 1"):
            store.put([bob, _edit(store.get([second.id])[0], notes="also bob")])
        assert store.get([first.id])[0].notes == "alice"
        assert store.get([second.id])[0].revision == 1  # the batch did not half-land
        with pytest.raises(ConflictError, match="this copy is new"):
            store.put([first])  # a new copy of an incident the store already holds


def test_history_keeps_every_revision(url, resolved):
    incident = resolved[0]
    with open_store(url) as store:
        store.put([incident], author="alice", origin="reports/a.yaml")
        current = store.get([incident.id])[0]
        store.put([_edit(current, notes="checked")], author="bob", origin="reports/b.yaml")
        history = store.history(incident.id)
    assert [h.revision for h in history] == [1, 2]
    assert [h.author for h in history] == ["alice", "bob"]
    assert [h.origin for h in history] == ["reports/a.yaml", "reports/b.yaml"]
    assert history[1].changed == ("notes",)
    assert history[0].record.get("notes") == incident.notes


def test_history_compares_figures_not_how_a_revision_wrote_them(url, resolved):
    """A store written before records were kept in the full form holds `killed: 12`; the
    next revision holds `killed: {min: 12, max: 12}`: that is no change."""
    incident = resolved[0]
    compact = json.dumps(
        {"revision": 1, **json.loads(incident.model_dump_json(exclude_defaults=True))}
    )
    with open_store(url) as store:
        store.put([incident], author="alice")
        with store._cursor() as cur:
            cur.execute("UPDATE revisions SET record = ? WHERE id = ?", [compact, incident.id])
        store.connection.commit()
        current = store.get([incident.id])[0]
        store.put([_edit(current, notes="checked")], author="bob")
        history = store.history(incident.id)
    # the two revisions write the same figures differently ...
    assert history[0].record["casualties"] != history[1].record["casualties"]
    assert history[1].changed == ("notes",)


def _writer(url: str, incident_id: str, worker: int, rounds: int, results) -> None:
    store = open_store(url)
    for round_ in range(rounds):
        current = store.get([incident_id])[0]
        edited = current.model_copy(update={"notes": f"worker {worker} round {round_}"})
        try:
            revision = store.put([edited], author=f"worker-{worker}")[incident_id]
            results.put(("landed", worker, revision, edited.notes))
        except ConflictError:
            results.put(("refused", worker, None, None))
    store.close()


def test_concurrent_editors_lose_no_update(url, resolved):
    incident = resolved[0]
    with open_store(url) as store:
        store.put([incident])
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [
        context.Process(target=_writer, args=(url, incident.id, w, 5, results)) for w in range(8)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in range(8 * 5)]
    for worker in workers:
        worker.join(timeout=60)
    landed = sorted((o for o in outcomes if o[0] == "landed"), key=lambda o: o[2])
    assert landed, "no update landed"
    assert [o[2] for o in landed] == list(range(2, 2 + len(landed)))  # one writer per revision
    with open_store(url) as store:
        final = store.get([incident.id])[0]
        history = store.history(incident.id)
    assert final.revision == landed[-1][2]
    assert final.notes == landed[-1][3]
    assert [h.revision for h in history] == list(range(1, final.revision + 1))
    assert [h.record["notes"] for h in history[1:]] == [o[3] for o in landed]


_CRASHING_WRITER = """
import sys, time
sys.path.insert(0, {root!r})
from mapping import store as store_module
from mapping.store import open_store
from mapping.records import load_records
incidents = load_records([{seeds!r}]).incidents
store = open_store({url!r})
current = {{i.id: i for i in store.get([i.id for i in incidents])}}
original = store_module.Store._write
def slow_write(self, cur, *args):
    original(self, cur, *args)
    print("written, not committed", flush=True)
    time.sleep(60)
store_module.Store._write = slow_write
store.put([current[i.id].model_copy(update={{"notes": "half"}}) for i in incidents])
"""


def test_a_writer_killed_mid_put_leaves_the_previous_state(url, resolved):
    with open_store(url) as store:
        store.put(resolved)
        before = {i.id: i for i in store.get([i.id for i in resolved])}
    script = _CRASHING_WRITER.format(root=str(ROOT), seeds=str(ROOT / "seeds"), url=url)
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "written, not committed"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    time.sleep(0.5)
    with open_store(url) as store:
        after = {i.id: i for i in store.get(list(before))}
        assert after == before
        assert all(len(store.history(i)) == 1 for i in before)


def test_gis_tools_read_the_flat_view(url, resolved, postgres, tmp_path):
    with open_store(url) as store:
        store.put(resolved)
    if url.endswith(".gpkg"):
        frame = pyogrio.read_dataframe(url, layer="incidents_flat")
        assert sorted(frame["id"]) == sorted(i.id for i in resolved)
        assert frame.crs.to_epsg() == 4326
        assert "incidents_flat" in [name for name, _ in pyogrio.list_layers(url)]
    else:  # as QGIS opens it: GDAL's PostgreSQL driver (Debian's gdal-bin; pyogrio's lacks it)
        subprocess.run(["bash", str(ROOT / "scripts" / "system-deps.sh"), "gdal-bin"], check=True)
        host, database = url.split("@", 1)[1].split("/")
        address, port = host.split(":")
        connection = f"PG:host={address} port={port} dbname={database} user={postgres.user}"
        out = tmp_path / "view.geojson"
        subprocess.run(
            ["ogr2ogr", "-f", "GeoJSON", str(out), connection, "incidents_flat"],
            check=True,
            capture_output=True,
        )
        info = subprocess.run(
            ["ogrinfo", "-ro", "-so", connection, "incidents_flat"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert "Feature Count: 3" in info
        assert "Point" in info
        frame = pyogrio.read_dataframe(out)
        assert sorted(frame["id"]) == sorted(i.id for i in resolved)
    kryvyi_rih = frame[frame["id"] == "2025-04-04-kryvyi-rih"].iloc[0]
    assert kryvyi_rih["killed_min"] == 16
    assert abs(kryvyi_rih.geometry.x - 33.39404) < 1e-6


def test_push_pull_edit_push_and_history_from_the_command_line(url, tmp_path, gazetteer):
    from click.testing import CliRunner

    from mapping.cli import main
    from mapping.records import dump_yaml, load_records

    runner = CliRunner()
    pushed = runner.invoke(main, ["push", str(ROOT / "seeds"), "--store", url, "--author", "ana"])
    assert pushed.exit_code == 0, pushed.output
    assert "pushed 3 incident(s)" in pushed.output
    assert "3 new, 0 updated" in pushed.output
    pulled = tmp_path / "pulled.yaml"
    result = runner.invoke(
        main, ["pull", "--store", url, "--weapon", "ballistic_missile", "-o", str(pulled)]
    )
    assert result.exit_code == 0, result.output
    assert "pulled 2 incident(s)" in result.output
    text = pulled.read_text(encoding="utf-8")
    assert text.count("revision: 1") == 2
    edited = tmp_path / "edited.yaml"
    copies = load_records([pulled]).incidents
    edited.write_text(
        dump_yaml(i.model_copy(update={"notes": "checked against footage"}) for i in copies),
        encoding="utf-8",
    )
    again = runner.invoke(main, ["push", str(edited), "--store", url, "--author", "ben"])
    assert again.exit_code == 0, again.output
    assert "0 new, 2 updated" in again.output
    stale = runner.invoke(main, ["push", str(pulled), "--store", url])  # still says revision 1
    assert stale.exit_code == 1
    assert "conflict" in stale.output
    assert "nothing written" in stale.output
    first_id = next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("id: "))
    shown = runner.invoke(main, ["history", first_id, "--store", url])
    assert shown.exit_code == 0, shown.output
    lines = shown.output.strip().splitlines()
    assert lines[0].split()[0] == "r1"
    assert lines[0].split()[2:] == ["ana", str(ROOT / "seeds"), "created"]
    assert lines[1].split()[0] == "r2"
    assert lines[1].split()[2:] == ["ben", str(edited), "changed", "notes"]
    as_json = tmp_path / "pulled.json"
    result = runner.invoke(main, ["pull", "--store", url, "-o", str(as_json)])
    assert result.exit_code == 0, result.output
    assert sorted(r["id"] for r in json.loads(as_json.read_text(encoding="utf-8"))) == sorted(
        i.id for i in load_records([ROOT / "seeds"]).incidents
    )
    exported = tmp_path / "from-store.geojson"
    result = runner.invoke(main, ["export", "--store", url, "-o", str(exported)])
    assert result.exit_code == 0, result.output
    assert len(pyogrio.read_dataframe(exported)) == 3


def test_a_store_path_with_hash_and_percent_is_the_path(tmp_path, resolved):
    path = tmp_path / "team #2 100%.gpkg"
    with open_store(path) as store:
        store.put(resolved, author="analyst")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team #2 100%.gpkg"]
    with open_store(f"gpkg:{path}") as store:
        assert store.count() == len(resolved)
    from mapping.pipeline import load_inputs

    loaded = load_inputs([path])  # told apart from an export by reading it: as a store
    assert not loaded.errors
    assert len(loaded.incidents) == len(resolved)


def test_a_read_only_store_is_read_and_refuses_writes(tmp_path, resolved, monkeypatch):
    from mapping.errors import StrikemapError

    path = tmp_path / "shared.gpkg"
    with open_store(path) as store:
        store.put(resolved, author="analyst")
    # as on a read-only share (the tests may run as root, whom permissions do not stop)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    with open_store(path) as store:
        assert store.read_only
        assert len(store.query()) == len(resolved)
        with pytest.raises(StrikemapError, match="read-only"):
            store.put(resolved, author="analyst")


def test_push_merge_makes_a_report_of_a_stored_strike_its_next_revision(url, tmp_path, gazetteer):
    from click.testing import CliRunner

    from mapping.cli import main

    runner = CliRunner()
    assert runner.invoke(main, ["push", str(ROOT / "seeds"), "--store", url]).exit_code == 0
    report = tmp_path / "later-report.yaml"
    report.write_text(
        "id: ukrinform-kryvyi-rih\n"
        "date: 2025-04-04\n"
        "place: {name: Kryvyi Rih, country: UA}\n"
        "weapon: {system: Iskander-M, source: ukrinform}\n"
        "sources: [{id: ukrinform, name: Ukrinform, party: state_media}]\n"
        "casualties: [{source: ukrinform, killed: 20, group: unspecified}]\n",
        encoding="utf-8",
    )
    pushed = runner.invoke(main, ["push", str(report), "--store", url, "--merge"])
    assert pushed.exit_code == 0, pushed.output
    assert "0 new, 1 updated" in pushed.output
    history = runner.invoke(main, ["history", "2025-04-04-kryvyi-rih", "--store", url, "--json"])
    assert history.exit_code == 0, history.output
    revisions = json.loads(history.output)
    assert [r["revision"] for r in revisions] == [1, 2]
    assert "merged_from" in revisions[1]["changed"]
    pulled = tmp_path / "pulled.yaml"
    assert runner.invoke(main, ["pull", "--store", url, "-o", str(pulled)]).exit_code == 0
    text = pulled.read_text(encoding="utf-8")
    assert text.count("\nid: ") + text.startswith("id: ") == 3  # still three incidents
    assert "ukrinform-kryvyi-rih" in text  # in merged_from
    assert "name: Ukrinform" in text


@pytest.mark.parametrize(
    "criteria",
    [
        {"text": "x'); DROP TABLE incidents; --"},
        {"statuses": ["reported' OR '1'='1"]},
        {"parties": ["other'); DELETE FROM incidents; --"]},
        {"countries": ["UA' OR 1=1 --"]},
        {"admin1": ["%' OR admin1 LIKE '%"]},
        {"weapons": ["'; UPDATE incidents SET id = 'x'; --"]},
    ],
)
def test_sql_looking_values_in_every_store_filter_match_nothing_and_change_nothing(
    url, resolved, criteria
):
    with open_store(url) as store:
        store.put(resolved)
        assert store.query(IncidentFilter.create(**criteria)) == []
        assert store.count() == len(resolved)
        assert {i.id for i in store.query()} == {i.id for i in resolved}


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        (
            "postgresql://ana:s3cret@db.example.org:5432/strikes",
            "postgresql://ana@db.example.org:5432/strikes",
        ),
        ("postgresql://ana:p%40ss@10.0.0.1/strikes", "postgresql://ana@10.0.0.1/strikes"),
        ("postgresql://ana@db/strikes", "postgresql://ana@db/strikes"),
        ("postgresql://db/strikes", "postgresql://db/strikes"),
    ],
)
def test_a_store_is_named_without_its_password(given, shown):
    from mapping.store.postgis import without_password

    assert without_password(given) == shown
