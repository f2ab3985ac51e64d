"""Shared fixtures: the bundled seeds and small record files written per test."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from mapping.records import LoadResult, load_records

# The tests see no learned places and no theatre but their own, whatever the machine has set.
os.environ["STRIKEMAP_DATA_HOME"] = tempfile.mkdtemp(prefix="strikemap-test-data-")
atexit.register(shutil.rmtree, os.environ["STRIKEMAP_DATA_HOME"], ignore_errors=True)
os.environ.pop("STRIKEMAP_COUNTRIES", None)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds() -> LoadResult:
    result = load_records([SEEDS])
    assert not result.errors, result.errors
    return result


@pytest.fixture(scope="session")
def kryvyi_rih(seeds: LoadResult):
    return next(i for i in seeds.incidents if i.id == "2025-04-04-kryvyi-rih")


@pytest.fixture(scope="session")
def gazetteer():
    """The real offline gazetteer (built into the user cache on first use, ~10 s)."""
    from mapping.geocoding.gazetteer import Gazetteer

    return Gazetteer()


@pytest.fixture(scope="session")
def resolved(seeds, gazetteer):
    """The seeds with places resolved by the offline gazetteer."""
    from mapping.geocoding import GeocoderChain, geocode_incidents

    report = geocode_incidents(seeds.incidents, GeocoderChain([gazetteer]))
    assert not report.problems
    return report.incidents


@pytest.fixture(scope="session")
def seed_layers(resolved):
    from layers import build_layers
    from mapping.tables import incident_tables

    return build_layers(incident_tables(resolved))


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL + PostGIS server of our own for the session (scripts/postgres_server.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from postgres_server import PostgresServer

    with PostgresServer() as server:
        yield server
