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
