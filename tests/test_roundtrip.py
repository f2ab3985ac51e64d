from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from mapping.records import dump_yaml, incident_to_record, load_json_text, load_yaml_text
from tests.strategies import incidents


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(incidents())
def test_yaml_load_dump_load_gives_equal_incidents(incident):
    result = load_yaml_text(dump_yaml([incident]))
    assert not result.errors
    assert result.incidents == [incident]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(incidents())
def test_json_load_dump_load_gives_equal_incidents(incident):
    result = load_json_text(json.dumps(incident_to_record(incident), ensure_ascii=False))
    assert not result.errors
    assert result.incidents == [incident]


def test_seeds_round_trip(seeds):
    again = load_yaml_text(dump_yaml(seeds.incidents))
    assert again.incidents == seeds.incidents
