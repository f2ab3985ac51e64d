from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from mapping.records import dump_yaml, incident_to_record, load_json_text, load_yaml_text
from tests.strategies import incidents

# A few dozen examples in the fast suite, many more in the full one.
SOME = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(SOME, max_examples=200)


def yaml_round_trip(incident) -> None:
    result = load_yaml_text(dump_yaml([incident]))
    assert not result.errors
    assert result.incidents == [incident]


def json_round_trip(incident) -> None:
    result = load_json_text(json.dumps(incident_to_record(incident), ensure_ascii=False))
    assert not result.errors
    assert result.incidents == [incident]


@SOME
@given(incidents())
def test_yaml_load_dump_load_gives_equal_incidents(incident):
    yaml_round_trip(incident)


@pytest.mark.slow
@MANY
@given(incidents())
def test_many_yaml_load_dump_load_gives_equal_incidents(incident):
    yaml_round_trip(incident)


@SOME
@given(incidents())
def test_json_load_dump_load_gives_equal_incidents(incident):
    json_round_trip(incident)


@pytest.mark.slow
@MANY
@given(incidents())
def test_many_json_load_dump_load_gives_equal_incidents(incident):
    json_round_trip(incident)


def test_seeds_round_trip(seeds):
    again = load_yaml_text(dump_yaml(seeds.incidents))
    assert again.incidents == seeds.incidents
