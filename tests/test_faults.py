"""Faults while writing: a run killed at any point leaves the previous output whole, and the
temporary file it left is never read as input."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pyogrio
import pytest

from mapping.pipeline import load_inputs
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow


def _export(target) -> subprocess.Popen:
    # the full GeoJSON profile, so that the folder read at the end can read the export back
    extra = ["--profile", "full"] if target.suffix == ".geojson" else []
    return subprocess.Popen(
        [sys.executable, "-m", "mapping", "export", str(SEEDS), "-o", str(target), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _readable(path) -> bool:
    if path.suffix == ".geojson":
        return len(json.loads(path.read_text(encoding="utf-8"))["features"]) == 3
    return len(pyogrio.read_dataframe(path, layer="incidents")) == 3


@pytest.mark.parametrize("name", ["incidents.geojson", "incidents.gpkg"])
def test_an_export_killed_at_any_moment_leaves_the_previous_file_whole(tmp_path, name, gazetteer):
    target = tmp_path / name
    assert _export(target).wait(timeout=120) == 0
    before = target.read_bytes()
    rng = random.Random(5)
    for _ in range(6):
        process = _export(target)
        time.sleep(rng.uniform(0.2, 3.0))  # start-up, reading, resolving or writing
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert _readable(target)  # the old file, or a complete new one: never half of one
    assert _export(target).wait(timeout=120) == 0
    assert target.read_bytes() == before or _readable(target)
    # whatever temporary files the killed runs left are hidden: a folder read skips them
    loaded = load_inputs([tmp_path])
    assert not loaded.errors, loaded.errors
    assert len(loaded.incidents) == 3


def test_two_processes_building_the_gazetteer_index_at_once_both_succeed(tmp_path):
    environment = {**os.environ, "STRIKEMAP_CACHE_DIR": str(tmp_path)}
    build = [sys.executable, "-c", "from mapping.geocoding.gazetteer import Gazetteer; Gazetteer()"]
    first = subprocess.Popen(build, env=environment, stderr=subprocess.PIPE)
    second = subprocess.Popen(build, env=environment, stderr=subprocess.PIPE)
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert second.wait(timeout=300) == 0, second.stderr.read()
    assert [p.suffix for p in tmp_path.iterdir()] == [".sqlite"]  # one index, no leftovers


def _many_records(path, prefix: str, n: int = 3_000) -> None:
    records = [
        {
            "id": f"{prefix}-{k}",
            "date": "2025-04-04",
            "place": {"name": "Kyiv", "country": "UA", "lat": 50.45 + k * 1e-4, "lon": 30.52,
                      "precision": "site", "radius_m": 100},
            "sources": [{"id": "a", "name": "A", "party": "other"}],
            "casualties": [{"source": "a", "killed": k % 7}],
        }
        for k in range(n)
    ]  # fmt: skip
    path.write_text(json.dumps(records), encoding="utf-8")


def _push(records, store: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mapping", "push", str(records), "--store", store],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _count(store: str) -> int:
    from mapping.store import open_store

    with open_store(store) as opened:
        return opened.count()


def test_a_push_killed_at_any_moment_leaves_the_store_whole(tmp_path, gazetteer):
    store = str(tmp_path / "team.gpkg")
    seeded = _push(SEEDS, store)
    assert seeded.wait(timeout=120) == 0, seeded.stdout.read()
    rng = random.Random(11)
    for attempt in range(5):
        records = tmp_path / f"batch-{attempt}.json"
        _many_records(records, f"batch{attempt}")
        process = _push(records, store)
        time.sleep(rng.uniform(0.5, 6.0))  # reading, resolving, or inside the transaction
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        # all of a push or none of it; the store opens and reads
        assert _count(store) % 3_000 == 3
    assert len(pyogrio.read_dataframe(store, layer="incidents")) == _count(store)


def _wait_for_a_write(url: str, process: subprocess.Popen) -> None:
    """Return once another session holds a transaction open on the database (the push)."""
    import psycopg

    deadline = time.monotonic() + 120
    with psycopg.connect(url, autocommit=True) as watcher:
        while time.monotonic() < deadline and process.poll() is None:
            busy = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
            ).fetchone()[0]
            if busy:
                time.sleep(0.2)
                return
            time.sleep(0.05)


def test_a_postgresql_server_stopped_mid_push_loses_nothing(tmp_path, gazetteer):
    sys.path.insert(0, str(SEEDS.parent / "scripts"))
    from postgres_server import PostgresServer

    with PostgresServer(durable=True) as server:
        seeded = _push(SEEDS, server.url)
        assert seeded.wait(timeout=120) == 0, seeded.stdout.read()
        records = tmp_path / "batch.json"
        _many_records(records, "batch", 10_000)
        process = _push(records, server.url)
        _wait_for_a_write(server.url, process)
        server.halt()  # inside the push's transaction
        output = process.communicate(timeout=120)[0]
        server.resume()
        count = _count(server.url)
        if process.returncode == 0:  # the push finished before the stop: all of it is there
            assert count == 10_003
        else:  # one clear line, and none of the push
            assert "Traceback" not in output, output
            assert "stopped answering during the write" in output, output
            assert count == 3
        # pushed again, everything lands
        again = _push(records, server.url)
        out = again.communicate(timeout=300)[0]
        assert _count(server.url) == 10_003, out


def test_online_geocoding_with_no_network_says_so_once_and_goes_on_offline(caplog, gazetteer):
    from mapping.geocoding import default_geocoder, geocode_incidents
    from mapping.model import Incident

    # a closed port on this machine: refused at once, as an unreachable service is refused
    geocoder = default_geocoder(online=True, online_domain="127.0.0.1:9", online_scheme="http")
    places = ["Zzyzxqville", "Qwxyzborough", "Kyiv", "Plughton"]
    incidents = [
        Incident.model_validate(
            {"id": f"r{n}", "date": "2025-04-04", "place": {"name": name},
             "sources": [{"id": "a", "name": "A", "party": "other"}]}
        )
        for n, name in enumerate(places)
    ]  # fmt: skip
    started = time.monotonic()
    with caplog.at_level("WARNING", logger="strikemap"):
        report = geocode_incidents(incidents, geocoder, {})
    assert time.monotonic() - started < 10
    said = [r for r in caplog.records if "online geocoding failed" in r.getMessage()]
    assert len(said) == 1
    resolved = {i.id: i.place.lat is not None for i in report.incidents}
    assert resolved == {"r0": False, "r1": False, "r2": True, "r3": False}


@pytest.mark.parametrize("damage", ["cut short", "overwritten"])
def test_a_damaged_gazetteer_cache_is_found_and_rebuilt(tmp_path, gazetteer, damage, caplog):
    import shutil

    from mapping.geocoding.gazetteer import Gazetteer
    from mapping.model import Place

    copy = tmp_path / "gazetteer.sqlite"
    shutil.copy(gazetteer.path, copy)
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 3] if damage == "cut short" else b"garbage" * 1_000)
    with caplog.at_level("WARNING", logger="strikemap"):
        rebuilt = Gazetteer(copy)
    assert "damaged" in caplog.text
    assert rebuilt.geocode(Place(name="Kyiv", country="UA")).name == "Kyiv"
    rebuilt.close()
    assert copy.stat().st_size == len(data)


def test_a_read_only_place_gives_a_clear_error_and_no_file(tmp_path, gazetteer):
    from click.testing import CliRunner

    from mapping.cli import main

    target = "/sys/strikemap-out.geojson"  # sysfs: read-only to every user
    if os.access("/sys", os.W_OK) and not os.path.ismount("/sys"):
        pytest.skip("/sys is writable here")
    run = CliRunner().invoke(main, ["export", str(SEEDS), "-o", target])
    assert run.exit_code == 1
    assert "strikemap-out.geojson" in run.output
    assert "Traceback" not in run.output
    assert not os.path.exists(target)


def _archive(*args: str) -> subprocess.Popen:
    # a session of its own: killing it kills its dask workers too, as a crash would
    return subprocess.Popen(
        [sys.executable, "-m", "mapping", "archive", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def test_an_archive_killed_while_adding_or_building_stays_readable(tmp_path, gazetteer):
    folder = tmp_path / "archive"
    first = _archive("add", str(SEEDS), "--to", str(folder))
    assert first.wait(timeout=120) == 0, first.stdout.read()
    rng = random.Random(17)
    for attempt in range(3):
        records = tmp_path / f"batch-{attempt}.json"
        _many_records(records, f"batch{attempt}")
        process = _archive("add", str(records), "--to", str(folder))
        time.sleep(rng.uniform(0.5, 5.0))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    for _ in range(2):
        process = _archive("build", str(folder))
        time.sleep(rng.uniform(2.0, 12.0))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    built = _archive("build", str(folder))
    assert built.wait(timeout=600) == 0, built.stdout.read()
    out = tmp_path / "all.geojson"
    exported = _archive("export", str(folder), "-o", str(out))
    assert exported.wait(timeout=600) == 0, exported.stdout.read()
    count = len(json.loads(out.read_text(encoding="utf-8"))["features"])
    assert count % 3_000 == 3  # every partition whole, or not there at all
