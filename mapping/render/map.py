"""The map renderer: layers + options → a folium.Map, for the app and for standalone HTML.

Incidents are shipped to the page once, as compact arrays, and drawn by one small script:
canvas circle markers grouped where they crowd (supercluster; only what is in view is drawn),
sized by headline killed and coloured by weapon category, with the location-uncertainty
circles, damage and claims as toggleable overlays. Every text from reports is HTML-escaped
here, in Python, before it enters the page; the script only joins escaped strings, numbers and
fixed labels. Only http(s) URLs become links.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pandas as pd
import pyarrow as pa
from branca.element import Element, MacroElement
from jinja2 import Template

from layers import Layers
from mapping.html import escape_html, safe_url
from mapping.json_text import json_arrays
from mapping.labels import human_label
from mapping.model import CasualtyCategory, Group, Party, Precision, Severity, Status
from mapping.render.assets import Serve, scripts, stylesheets
from mapping.render.basemap import deflated_basemap, packed_basemap
from mapping.weapons import CATEGORY_COLOURS, WeaponCategory

CATEGORIES = [c.value for c in WeaponCategory]
# The vocabularies the page decodes statements with (each value ships as its index).
STATUSES = [s.value for s in Status]
GROUPS = [g.value for g in Group]
KINDS = [c.value for c in CasualtyCategory]
SEVERITIES = [s.value for s in Severity]
PRECISIONS = [p.value for p in Precision]
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


@dataclass(frozen=True)
class MapOptions:
    """How to draw the map."""

    tiles: str | None = OSM_TILES  # a URL template; None for no basemap
    attribution: str = OSM_ATTRIBUTION
    precision_circles: bool | None = None  # None: on for up to `circles_limit` incidents
    circles_limit: int = 5_000
    aggregate_threshold: int = 20_000  # above this, a density grid is shown as well
    grid_degrees: float = 0.5
    height: str = "100%"
    pack_above: int | None = 2_000_000  # data larger than this (characters) ships deflated
    # the app's popups: the headline, the latest figure and what is outside the headline; every
    # statement and source is in its detail panel
    short_popups: bool = False


class OfflineMap(folium.Map):
    """A folium.Map whose page needs nothing from the internet but basemap tiles."""

    def __init__(self, *args: Any, serve: Serve | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default_js = scripts(serve)
        self.default_css = stylesheets(serve)


class _Strings:
    """The page's string table: each distinct text once, HTML-escaped, the most used first so
    that the texts which recur (sources, parties, dates) get the shortest numbers."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}
        self._uses: list[int] = []
        self._columns: list[np.ndarray] = []

    def codes(self, values: pd.Series, transform: Any = None) -> np.ndarray:
        """A column as table positions (-1 where missing, or where `transform` gives None);
        final once `finish` has run."""
        factor, uniques = pd.factorize(values, use_na_sentinel=True)
        uses = np.bincount(factor[factor >= 0], minlength=len(uniques))
        lookup = np.empty(len(uniques), dtype=np.int64)
        for k, value in enumerate(uniques.tolist()):
            if transform is not None and (value := transform(value)) is None:
                lookup[k] = -1
                continue
            text = escape_html(value)
            position = self._index.get(text)
            if position is None:
                position = self._index[text] = len(self.items)
                self.items.append(text)
                self._uses.append(0)
            self._uses[position] += int(uses[k])
            lookup[k] = position
        column = np.full(len(factor), -1, dtype=np.int64)
        present = factor >= 0
        column[present] = lookup[factor[present]]
        self._columns.append(column)
        return column

    def finish(self) -> list[str]:
        """Reorder the table by use, renumber every column handed out, and return the table."""
        order = np.argsort(-np.asarray(self._uses, dtype=np.int64), kind="stable")
        renumber = np.empty(len(order), dtype=np.int64)
        renumber[order] = np.arange(len(order))
        for column in self._columns:
            present = column >= 0
            column[present] = renumber[column[present]]
        return [self.items[i] for i in order]


def _ints(values: pd.Series) -> np.ndarray:
    """Whole numbers with -1 for missing."""
    return pd.array(values, dtype="Int64").fillna(-1).to_numpy(dtype="int64")


def _index_of(values: pd.Series, vocabulary: list[str]) -> np.ndarray:
    """Positions in a fixed vocabulary (-1 for missing or unknown values)."""
    return pd.Categorical(values, categories=vocabulary).codes.astype(np.int64)


def _coordinates(values: pd.Series | np.ndarray) -> np.ndarray:
    return np.round(np.asarray(values, dtype="float64"), 5)


class _Rows:
    """Rows given as columns of numbers, written without their trailing 'missing' (-1)
    values: the script reads those as undefined, and most optional fields are missing."""

    def __init__(self, columns: list[np.ndarray | list[Any]]) -> None:
        self.columns = [np.asarray(c) for c in columns]
        present = np.column_stack([c != -1 for c in self.columns]) if len(columns[0]) else None
        self.lengths = np.zeros(len(columns[0]), dtype=np.int64)
        if present is not None:  # the length of each row: one past its last present value
            self.lengths = present.shape[1] - np.argmax(present[:, ::-1], axis=1)
            self.lengths[~present.any(axis=1)] = 0

    def lists(self) -> list[tuple[Any, ...]]:
        """The rows as Python tuples."""
        lists = [c.tolist() for c in self.columns]
        rows = zip(*lists, strict=True)
        return [row[:n] for row, n in zip(rows, self.lengths.tolist(), strict=True)]

    def json(self) -> str:
        """The rows as a JSON array of arrays, made by Arrow's kernels."""
        count, width = len(self.lengths), len(self.columns)
        if not count:
            return "[]"
        texts = pa.concat_arrays([pa.array(c).cast(pa.large_string()) for c in self.columns])
        # row by row, each row's values up to its length
        cell = np.arange(count)[:, None] + np.arange(width)[None, :] * count
        kept = np.arange(width)[None, :] < self.lengths[:, None]
        rows = json_arrays(texts.take(pa.array(cell[kept])), self.lengths, ",")
        return json_arrays(rows, np.array([count]), ",")[0].as_py()


def _has_point(incidents: pd.DataFrame) -> pd.Series:
    return ~(incidents.geometry.isna() | incidents.geometry.is_empty)


def _located(incidents: pd.DataFrame) -> pd.DataFrame:
    """The incidents that have a point, in order: the page's incidents."""
    return incidents[_has_point(incidents)].reset_index(drop=True)


def _payload_parts(layers: Layers) -> dict[str, Any]:
    """The page's data: the string table, and the columns of each kind of row."""
    incidents = layers.incidents
    located = _located(incidents)
    position = pd.Index(located["id"])
    text = _Strings()
    flags = (
        located["contested"].astype(bool).to_numpy() * 1
        + located["ambiguous"].astype(bool).to_numpy() * 2
        + (located["review"] == "draft").fillna(False).to_numpy(dtype=bool) * 4
    )
    incident_columns = [
        _coordinates(located.geometry.y),
        _coordinates(located.geometry.x),
        _index_of(located["weapon_category"], CATEGORIES),
        text.codes(located["place"]),
        text.codes(located["date"]),
        text.codes(located["id"]),
        _ints(located["killed_min"]),
        _ints(located["killed_max"]),
        _ints(located["injured_min"]),
        _ints(located["injured_max"]),
        _ints(located["children_killed_min"]),
        _ints(located["children_killed_max"]),
        flags,
        _ints(located["radius_m"].round()),
        _index_of(located["precision"], PRECISIONS),
        text.codes(located["admin1"]),
        text.codes(located["weapon_system"]),
        text.codes(located["time"]),
        text.codes(located["outside_headline"]),
    ]

    def statements(layer, make_columns) -> tuple[np.ndarray, list]:
        owner = position.get_indexer(layer["incident_id"])
        keep = owner >= 0
        kept = layer[keep]
        owners = owner[keep]
        return np.diff(owners, prepend=0), make_columns(kept)

    casualties = statements(
        layers.casualties,
        lambda c: [
            text.codes(c["source"]),
            text.codes(c["party"]),
            _index_of(c["status"], STATUSES),
            _index_of(c["group"], GROUPS),
            _index_of(c["category"], KINDS),
            _ints(c["min"]),
            _ints(c["max"]),
            text.codes(c["as_of"]),
            text.codes(c["note"]),
            # 1: superseded by the same source's later figure; 2: the latest credible figure
            c["superseded"].astype(bool).to_numpy() * 1
            + c["latest_credible"].astype(bool).to_numpy() * 2,
        ],
    )

    def damage_columns(d) -> list:
        own = (d["located_at"] == "own").to_numpy()
        return [
            text.codes(d["source"]), text.codes(d["party"]), _index_of(d["status"], STATUSES),
            text.codes(d["object"].str.replace("_", " ")), _ints(d["count_min"]),
            _ints(d["count_max"]), _index_of(d["severity"], SEVERITIES), text.codes(d["as_of"]),
            np.where(own, np.round(d.geometry.y.to_numpy(dtype="float64"), 5), -1),
            np.where(own, np.round(d.geometry.x.to_numpy(dtype="float64"), 5), -1),
            text.codes(d["note"]),
        ]  # fmt: skip

    damage = statements(layers.damage, damage_columns)
    claims = statements(
        layers.claims,
        lambda c: [
            text.codes(c["source"]),
            text.codes(c["party"]),
            _index_of(c["status"], STATUSES),
            text.codes(c["about"]),
            text.codes(c["text"]),
            text.codes(c["as_of"]),
            text.codes(c["note"]),
        ],
    )
    sources = statements(
        layers.sources,
        lambda s: [
            text.codes(s["name"]),
            text.codes(s["party"]),
            text.codes(s["url"], transform=safe_url),
            text.codes(s["published"]),
        ],
    )
    strings = text.finish()
    return {
        "strings": strings,
        "incidents": _Rows(incident_columns),
        "casualties": _Rows([casualties[0], *casualties[1]]),
        "damage": _Rows([damage[0], *damage[1]]),
        "claims": _Rows([claims[0], *claims[1]]),
        "sources": _Rows([sources[0], *sources[1]]),
        "unlocated": int(len(incidents) - len(located)),
    }


def map_payload(layers: Layers) -> dict[str, Any]:
    """The compact, escaped data the page's script draws from, as Python values.

    Text columns are positions in one string table; statements (casualties, damage, claims,
    sources) name their incident by the difference from the previous statement's incident,
    which is 0 or 1 for nearly every row."""
    parts = _payload_parts(layers)
    return {k: v.lists() if isinstance(v, _Rows) else v for k, v in parts.items()}


def _payload_json(layers: Layers) -> str:
    """`map_payload` as JSON safe inside a <script> element, its rows written by Arrow
    (json.dumps of the Python rows took 2 s of the first load at 100k incidents)."""
    parts = _payload_parts(layers)
    members = [
        f"{json.dumps(k)}:{v.json() if isinstance(v, _Rows) else _script_json(v)}"
        for k, v in parts.items()
    ]
    return "{" + ",".join(members) + "}"


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element (no '</script>', no HTML comment openers)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True, eq=False)
class MapData:
    """The page's data for a set of layers, escaped and compact, built once and reused: the
    standalone page draws all of it; the app's map holds it and is told which incidents to
    show."""

    ids: pd.Index  # the located incidents, in the data's order
    rows: pd.Index  # their index labels in the incidents layer the data was made from
    payload_json: str  # empty when deflated
    deflated: bytes  # the JSON deflated (zlib), or empty
    countries: tuple[str, ...] = ()  # where the incidents are (ISO alpha-2)

    @property
    def packed(self) -> str:
        """The deflated JSON in base64, for inside a page."""
        return base64.b64encode(self.deflated).decode("ascii")


def map_data(layers: Layers, options: MapOptions | None = None) -> MapData:
    """The page's data for these layers."""
    options = options or MapOptions()
    located = _located(layers.incidents)
    # `_located` renumbers its rows; the layer's own labels say which rows those were
    rows = layers.incidents.index[_has_point(layers.incidents)]
    ids = pd.Index(located["id"])
    countries = tuple(sorted(located["country"].dropna().astype(str).unique()))
    text = _payload_json(layers)
    if options.pack_above is not None and len(text) > options.pack_above:
        # zlib's default level: at 100k incidents (35 MB of JSON) 1.8 s for 7.3 MB, once per
        # data set. The fastest level (0.3 s for 9.3 MB) made each filter change in the app
        # ~0.5 s slower, since the page goes to the browser again on every run.
        return MapData(ids, rows, "", zlib.compress(text.encode("utf-8"), 6), countries)
    return MapData(ids, rows, text, b"", countries)


def _template(name: str) -> Template:
    return Template((Path(__file__).parent / "templates" / name).read_text(encoding="utf-8"))


class _Script(MacroElement):
    """A MacroElement whose script is added to the page as rendered: branca would compile it
    again as a template of its own, so report text such as `{{ 7*7 }}` would be evaluated."""

    def render(self, **kwargs: Any) -> None:
        script = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(_Verbatim(script), name=self.get_name())


class _Verbatim(Element):
    """Page content that is never read as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class OfflineBasemap(_Script):
    """Country shapes and larger places from data inside the page: the map's basemap when it
    has no tiles or they fail to load, and a choice in its layer list."""

    _template = _template("offline_basemap.js")

    def __init__(
        self,
        tiles: folium.TileLayer | None,
        label_countries: tuple[str, ...],
        serve: Serve | None = None,
    ) -> None:
        super().__init__()
        self._name = "OfflineBasemap"
        self.tiles_name = tiles.get_name() if tiles else None
        # where the page can fetch it (the app), else inside the page
        url = serve(deflated_basemap(label_countries), "basemap") if serve else None
        self.url_json = _script_json(url) if url else ""
        self.packed = "" if url else packed_basemap(label_countries)


class StrikeLayer(_Script):
    """The incidents' data on a map, and the script that draws them: all at once
    (`draw_all`), or the ones a `StrikeSelection` names."""

    _template = _template("strike_layer.js")

    def __init__(
        self,
        data: MapData,
        options: MapOptions,
        basemaps: dict[str, str],
        draw_all: bool,
        serve: Serve | None = None,
    ) -> None:
        super().__init__()
        self._name = "StrikeLayer"
        # the deflated data where the page can fetch it (the app), else inside the page
        data_url = serve(data.deflated, "incidents") if serve and data.deflated else None
        self.data_url_json = _script_json(data_url) if data_url else ""
        self.payload_json = data.payload_json
        self.packed = "" if self.data_url_json else data.packed
        # the layer list's basemaps: label → the page's variable
        self.basemaps = "{" + ",".join(f"{json.dumps(k)}: {v}" for k, v in basemaps.items()) + "}"
        self.draw_all = draw_all
        self.options_json = _script_json(
            {
                "categories": CATEGORIES,
                "colours": CATEGORY_COLOURS,
                "statuses": STATUSES,
                "groups": GROUPS,
                "kinds": KINDS,
                "severities": SEVERITIES,
                "precisions": PRECISIONS,
                "precisionCircles": options.precision_circles,
                "circlesLimit": options.circles_limit,
                "aggregateThreshold": options.aggregate_threshold,
                "gridDegrees": options.grid_degrees,
                "shortPopups": options.short_popups,
                # the app's words for parties and weapons, so that popup and sidebar agree
                "labels": {v: human_label(v) for v in [*CATEGORIES, *(p.value for p in Party)]},
            }
        )


class StrikeSelection(_Script):
    """Which of the map's incidents to show (positions in its `MapData`)."""

    _template = _template("strike_selection.js")

    def __init__(self, positions: np.ndarray, size: int, selected: int = -1) -> None:
        super().__init__()
        self._name = "StrikeSelection"
        # one bit per incident of the data, in base64: 12.5 KB for 100k incidents, where their
        # positions as JSON took up to 600 KB, sent on every filter change
        bits = np.zeros(size, dtype=bool)
        bits[positions] = True
        self.keep_bits = base64.b64encode(np.packbits(bits, bitorder="little")).decode("ascii")
        self.selected = int(selected)  # the position of the incident to ring, or -1


_STYLE = """
<style>
.sm-popup { font: 13px/1.35 system-ui, sans-serif; max-width: 420px; }
.sm-popup ul { margin: 2px 0 6px 16px; padding: 0; }
.sm-title { font-weight: 600; font-size: 14px; }
.sm-where, .sm-when, .sm-party, .sm-note, .sm-id { color: #555; }
.sm-contested { color: #8a0000; font-weight: 600; }
.sm-draft { color: #7a4b00; background: #fff3cd; font-weight: 600; padding: 1px 4px; }
.sm-headline { margin: 4px 0; }
.sm-outside { color: #8a0000; }
.sm-more { color: #555; margin-top: 4px; font-style: italic; }
.sm-selected { filter: drop-shadow(0 0 2px #fff); }
.sm-key { pointer-events: none !important; border-radius: 50%; }
.sm-key:focus, .sm-key:focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; }
.sm-superseded { color: #777; }
.sm-section { margin-top: 6px; font-weight: 600; border-bottom: 1px solid #ddd; }
.sm-status { font-weight: 600; }
.sm-claimed, .sm-disputed, .sm-retracted { color: #8a0000; }
.sm-confirmed { color: #00650f; }
.sm-legend, .sm-notice { background: rgba(255,255,255,.92); color: #222; padding: 6px 8px; font: 12px system-ui, sans-serif; border-radius: 4px; }
.sm-notice { max-width: 260px; color: #7a4b00; }
.leaflet-container.sm-offline { background: #c9dde9; }
.sm-place { color: #333; font: 11px system-ui, sans-serif; white-space: nowrap; text-shadow: 0 0 2px #fff, 0 0 2px #fff; }
.sm-place i { display: inline-block; width: 4px; height: 4px; background: #555; border-radius: 50%; margin-right: 3px; vertical-align: 1px; }
.sm-legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 5px; vertical-align: -1px; }
.sm-legend .sm-contested-key { border: 2px dashed #000; width: 8px; height: 8px; }
.sm-legend .sm-circle-key { border: 1px dashed #333; background: rgba(0,0,0,.06); }
.sm-cluster div { width: 100%; height: 100%; box-sizing: border-box; border-radius: 50%; border: 2px solid #fff; background: rgba(55, 60, 72, .82); color: #fff; display: flex; align-items: center; justify-content: center; font: 600 11px system-ui, sans-serif; box-shadow: 0 0 3px rgba(0,0,0,.4); }
.sm-legend .sm-cluster-key { background: rgba(55, 60, 72, .82); border: 1.5px solid #fff; box-shadow: 0 0 2px rgba(0,0,0,.5); }
.sm-legend .sm-damage-key { width: 7px; height: 7px; background: #ffd700; border: 1px solid #222; }
.sm-legend .sm-claims-key { border: 1.5px dashed #000; width: 9px; height: 9px; }
.sm-legend .sm-density-key { background: rgba(179,0,0,.35); border: 1px solid #7a0000; }
.sm-legend-note { color: #555; margin-top: 2px; }
</style>
"""


def base_map(
    options: MapOptions | None = None,
    label_countries: Iterable[str] = (),
    serve: Serve | None = None,
) -> folium.Map:
    """The map without data: basemaps (tiles, and the offline one with places of
    `label_countries` labelled down to towns), page style and view."""
    options = options or MapOptions()
    fmap = OfflineMap(
        location=[48.5, 31.5],
        zoom_start=6,
        tiles=None,
        max_zoom=18,
        prefer_canvas=True,
        control_scale=True,
        height=options.height,
        serve=serve,
    )
    # the map's own zoom limit: without a basemap nothing else sets one
    fmap.options["maxZoom"] = 19
    tiles = None
    if options.tiles:
        tiles = folium.TileLayer(
            tiles=options.tiles,
            attr=options.attribution,
            name="Basemap",
            max_zoom=19,
            control=False,
        ).add_to(fmap)
    OfflineBasemap(tiles, tuple(sorted(set(label_countries))), serve).add_to(fmap)
    fmap.get_root().header.add_child(Element(_STYLE), name="strikemap_style")
    return fmap


def _with_data(
    data: MapData, options: MapOptions | None, draw_all: bool, serve: Serve | None = None
) -> folium.Map:
    options = options or MapOptions()
    fmap = base_map(options, data.countries, serve)
    basemaps = {}
    for child in fmap._children.values():
        if isinstance(child, folium.TileLayer):
            basemaps["Map tiles"] = child.get_name()
        elif isinstance(child, OfflineBasemap):
            basemaps["Offline basemap"] = child.get_name()
    StrikeLayer(data, options, basemaps, draw_all, serve).add_to(fmap)
    return fmap


def render_map(layers: Layers, options: MapOptions | None = None) -> folium.Map:
    """A folium map of the (already filtered) layers; standalone with `.save()` or embedded."""
    return _with_data(map_data(layers, options), options, draw_all=True)


def data_map(
    data: MapData, options: MapOptions | None = None, serve: Serve | None = None
) -> folium.Map:
    """A map that holds `data` and draws what a `shown_group` names: the app keeps this map
    (and its page) while the filters change, and sends only the selection. With `serve`
    (content and a name → where the server serves it, or None), the deflated data and the
    offline basemap are fetched from there rather than carried in the page, which the app
    sends again on every run (at 100k, 7.3 MB of data; the basemap alone is ~0.6 MB)."""
    return _with_data(data, options, draw_all=False, serve=serve)


def shown_group(data: MapData, rows: pd.Index, selected: str | None = None) -> folium.FeatureGroup:
    """The incidents to show on a `data_map` (`rows`: their labels in the incidents layer the
    data was made from, as a filter's `mask` picks them), and the one picked (ringed), for
    streamlit-folium's `feature_group_to_add`."""
    # by the rows' labels: at 100k, hashing the ids again cost ~30 ms of every filter change
    positions = data.rows.get_indexer(rows)
    picked = data.ids.get_indexer(pd.Index([selected]))[0] if selected is not None else -1
    group = folium.FeatureGroup(name="strikemap", control=False)
    StrikeSelection(positions[positions >= 0], len(data.ids), picked).add_to(group)
    return group


def map_html(layers: Layers, options: MapOptions | None = None) -> str:
    """The standalone HTML page of the map."""
    return render_map(layers, options).get_root().render()


FOCUS_ZOOM = 11  # the zoom a map opens at on one incident picked in a table or by a link


def incident_point(incidents: pd.DataFrame, incident_id: str | None) -> tuple[float, float] | None:
    """(lat, lon) of an incident on the map, or None if it is not there or has no point."""
    if incident_id is None:
        return None
    rows = _located(incidents[incidents["id"] == incident_id])
    if rows.empty:
        return None
    point = rows.geometry.iloc[0]
    return (point.y, point.x)


def clicked_incident(tooltip_text: str | None, ids: Sequence[str]) -> str | None:
    """The incident id a map click reported: the tooltip text ends with it (its last line;
    the line break may be lost when the browser reads the text of a detached element)."""
    if not tooltip_text:
        return None
    text = tooltip_text.strip()
    matches = [i for i in ids if text.endswith(i)]
    return max(matches, key=len) if matches else None
