"""The offline basemap the page carries: recognised borders, labelled places, escaped names."""

from __future__ import annotations

import base64
import json
import zlib

import shapely
from shapely.geometry import shape

from mapping.render.basemap import LABELS_EVERYWHERE, packed_basemap


def _unpacked(countries: tuple[str, ...]) -> dict:
    return json.loads(zlib.decompress(base64.b64decode(packed_basemap(countries))))


def _country(data: dict, name: str):
    (feature,) = [f for f in data["countries"]["features"] if f["properties"]["name"] == name]
    return shape(feature["geometry"])


def test_borders_are_the_internationally_recognised_ones(gazetteer):
    data = _unpacked(())
    ukraine, russia = _country(data, "Ukraine"), _country(data, "Russia")
    simferopol, sevastopol, kyiv = (34.10, 44.95), (33.52, 44.60), (30.52, 50.45)
    assert ukraine.contains(shapely.Point(simferopol))
    assert ukraine.contains(shapely.Point(sevastopol))
    assert not russia.contains(shapely.Point(simferopol))
    # Crimea joins the mainland in one shape: no border drawn across the isthmus
    mainland = [p for p in shapely.get_parts(ukraine) if p.contains(shapely.Point(kyiv))]
    assert mainland[0].contains(shapely.Point(simferopol))
    assert len(data["countries"]["features"]) > 200


def test_towns_are_labelled_only_in_the_data_countries(gazetteer):
    everywhere = _unpacked(())["places"]
    in_ukraine = _unpacked(("UA",))["places"]
    assert {"Kyiv", "Kharkiv", "Odesa", "Warsaw"} <= {p[0] for p in everywhere}
    assert all(p[3] >= LABELS_EVERYWHERE for p in everywhere)
    assert "Pokrovsk" not in {p[0] for p in everywhere}  # ~60,000 people
    assert "Pokrovsk" in {p[0] for p in in_ukraine}
    populations = [p[3] for p in in_ukraine]
    assert populations == sorted(populations, reverse=True)  # the page labels the largest first


def test_place_names_reach_the_page_escaped(monkeypatch, gazetteer):
    from mapping.render import basemap

    class Hostile:
        def larger_places(self, *args):
            return [("<img src=x onerror=alert(1)>", 50.0, 30.0, 10_000_000)]

        def close(self):
            pass

    monkeypatch.setattr(basemap, "Gazetteer", Hostile)
    (name, *_), *_ = basemap.place_labels(("UA",))
    assert name == "&lt;img src=x onerror=alert(1)&gt;"
