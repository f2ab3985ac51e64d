"""The map page's data: what the script receives, how it is packed, and that report text stays
text (never HTML, never a template)."""

from __future__ import annotations

import base64
import dataclasses
import json
import re
import zlib

import numpy as np
import pytest

from layers import build_layers
from mapping.html import escape_html
from mapping.records import load_yaml_text
from mapping.render.map import MapOptions, map_html, map_payload
from mapping.tables import incident_tables


def _payload_from_page(page: str) -> dict:
    packed = re.search(r'loading = strikemapUnpack\("([A-Za-z0-9+/=]+)"\)', page)
    if packed:
        return json.loads(zlib.decompress(base64.b64decode(packed.group(1))))
    return json.loads(re.search(r"Promise\.resolve\((\{.*?\})\);\n", page, re.S).group(1))


def _layers_of(text: str):
    result = load_yaml_text(text, "report.yaml")
    assert not result.errors, result.errors
    return build_layers(incident_tables(result.incidents))


TEMPLATE_TEXT = """
id: braces
date: 2025-04-04
place: {name: Sumy, country: UA, lat: 50.9077, lon: 34.7981, precision: settlement}
sources:
  - {id: x, name: 'Channel {{ 7*7 }} {% if true %}yes{% endif %}', party: other}
casualties: [{source: x, killed: 3, note: "{{ config }}"}]
"""


def test_report_text_that_looks_like_a_template_stays_as_written():
    page = map_html(_layers_of(TEMPLATE_TEXT), MapOptions(tiles=None))
    strings = _payload_from_page(page)["strings"]
    assert "Channel {{ 7*7 }} {% if true %}yes{% endif %}" in strings
    assert "{{ config }}" in strings
    assert "Channel 49" not in page


def test_packed_data_is_the_same_data(seed_layers):
    plain = map_html(seed_layers, MapOptions(tiles=None, pack_above=None))
    packed = map_html(seed_layers, MapOptions(tiles=None, pack_above=0))
    assert 'loading = strikemapUnpack("' not in plain
    assert 'loading = strikemapUnpack("' in packed
    assert (
        _payload_from_page(packed)
        == _payload_from_page(plain)
        == json.loads(json.dumps(map_payload(seed_layers)))
    )


def test_the_pages_data_written_by_arrow_is_the_python_payload():
    from benchmarks.synthetic import synthetic_tables
    from layers import build_layers
    from mapping.render.map import _payload_json

    layers = build_layers(synthetic_tables(2_000, seed=3))
    text = _payload_json(layers)
    assert "<" not in text
    assert ">" not in text
    assert json.loads(text) == json.loads(json.dumps(map_payload(layers)))


def test_statements_point_at_their_incident(seed_layers):
    payload = map_payload(seed_layers)
    strings = payload["strings"]
    ids = [strings[row[5]] for row in payload["incidents"]]
    owner, pairs = 0, set()
    for row in payload["sources"]:
        owner += row[0]  # each row names its incident by the difference from the row before
        pairs.add((ids[owner], strings[row[1]]))
    expected = {
        (incident_id, escape_html(name))
        for incident_id, name in zip(
            seed_layers.sources["incident_id"], seed_layers.sources["name"], strict=True
        )
    }
    assert pairs == expected


def test_most_used_strings_come_first(seed_layers):
    payload = map_payload(seed_layers)
    uses = [0] * len(payload["strings"])
    for table, text_columns in [("casualties", (1, 2, 8, 9)), ("sources", (1, 2, 3, 4))]:
        for row in payload[table]:
            for column in text_columns:
                if column < len(row) and row[column] >= 0:
                    uses[row[column]] += 1
    top = max(range(len(uses)), key=uses.__getitem__)
    assert top < 5  # the most quoted source/party/date is among the first few entries


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"), ("a & b", "a &amp; b"), ('"q"', "&quot;q&quot;")],
)
def test_strings_are_html_escaped(text, escaped):
    layers = _layers_of(
        TEMPLATE_TEXT.replace("Channel {{ 7*7 }} {% if true %}yes{% endif %}", text)
    )
    strings = map_payload(layers)["strings"]
    assert escaped in strings
    assert text not in strings


def test_the_apps_selection_names_positions_and_the_incident_picked(seed_layers):
    from mapping.render.map import StrikeSelection, map_data, shown_group

    incidents = seed_layers.incidents.copy()
    incidents.index = incidents.index * 10 + 7  # a layer's labels need not be its positions
    unplaced = incidents.index[1]
    incidents.loc[unplaced, "geometry"] = None  # no point: not on the map
    layers = dataclasses.replace(seed_layers, incidents=incidents)
    data = map_data(layers)
    assert list(data.ids) == [incidents["id"].iloc[0], incidents["id"].iloc[2]]
    group = shown_group(data, incidents.index[[2, 1, 0]], selected=incidents["id"].iloc[2])
    (selection,) = [c for c in group._children.values() if isinstance(c, StrikeSelection)]
    bits = np.frombuffer(base64.b64decode(selection.keep_bits), dtype=np.uint8)
    shown = np.flatnonzero(np.unpackbits(bits, bitorder="little"))
    assert shown.tolist() == [0, 1]  # the row without a point is left out
    assert selection.selected == 1
    (nothing,) = [
        c
        for c in shown_group(data, incidents.index[[0]])._children.values()
        if isinstance(c, StrikeSelection)
    ]
    assert nothing.selected == -1


def test_a_served_map_fetches_its_data_and_basemap_instead_of_carrying_them(seed_layers):
    from mapping.render.basemap import deflated_basemap
    from mapping.render.map import data_map, map_data

    data = map_data(seed_layers, MapOptions(pack_above=0))
    given: dict[str, bytes] = {}

    def serve(content: bytes, name: str) -> str:
        given[name] = content
        return f"../../media/{name}.bin"

    page = data_map(data, MapOptions(), serve=serve).get_root().render()
    assert given["incidents"] == data.deflated
    assert given["basemap"] == deflated_basemap(data.countries)
    assert 'strikemapFetch("../../media/incidents.bin")' in page
    assert 'strikemapFetch("../../media/basemap.bin")' in page
    assert "strikemapUnpack(" not in page
    # and the map's scripts and stylesheet: fetched once, not sent again with every run
    assert {"leaflet.js", "supercluster.js", "strikemap_unpack.js", "leaflet.css"} <= set(given)
    assert b"function strikemapFetch" in given["strikemap_unpack.js"]
    assert "data:text/javascript" not in page
    assert "data:text/css" not in page
    assert '<script src="../../media/leaflet.js.bin">' in page
    # without a server (serve gives None), the page carries both
    alone = data_map(data, MapOptions(), serve=lambda content, name: None).get_root().render()
    assert "strikemapFetch(" not in alone
    assert alone.count('strikemapUnpack("') == 2
    assert "data:text/javascript" in alone
    assert len(alone) > len(page) + len(deflated_basemap(data.countries))
