"""The map renderer: layers + options → a folium.Map, for the app and for standalone HTML.

Incidents are shipped to the page once, as compact arrays, and drawn by one small script:
canvas circle markers in a marker-cluster group, sized by headline killed and coloured by
weapon category, with the location-uncertainty circles, damage and claims as toggleable
overlays. Every text from reports is HTML-escaped here, in Python, before it enters the page;
the script only joins escaped strings, numbers and fixed labels. Only http(s) URLs become links.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import folium
import numpy as np
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from mapping.html import escape_html, safe_url
from mapping.map_assets import scripts, stylesheets
from mapping.weapons import WeaponCategory

CATEGORY_COLOURS = {
    "ballistic_missile": "#d62728",
    "cruise_missile": "#ff7f0e",
    "air_defence_missile": "#8c564b",
    "glide_bomb": "#9467bd",
    "aircraft_bomb": "#e377c2",
    "loitering_munition": "#1f77b4",
    "drone": "#17becf",
    "rocket_artillery": "#bcbd22",
    "artillery": "#7f7f7f",
    "unknown": "#333333",
}
CATEGORIES = [c.value for c in WeaponCategory]
STATUSES = ["confirmed", "reported", "claimed", "disputed", "retracted"]
GROUPS = ["unspecified", "civilians", "children", "military"]
KINDS = ["killed", "injured", "missing"]
SEVERITIES = ["destroyed", "severe", "moderate", "possible", "damaged"]
PRECISIONS = ["site", "area", "settlement", "region"]
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


class OfflineMap(folium.Map):
    """A folium.Map whose page needs nothing from the internet but basemap tiles."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default_js = scripts()
        self.default_css = stylesheets()


class _Strings:
    """The page's string table: each distinct text once, HTML-escaped, the most used first so
    that the texts which recur (sources, parties, dates) get the shortest numbers."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}
        self._uses: list[int] = []
        self._columns: list[np.ndarray] = []

    def codes(self, values: pd.Series) -> np.ndarray:
        """A column as table positions (-1 where missing); final once `finish` has run."""
        factor, uniques = pd.factorize(values, use_na_sentinel=True)
        uses = np.bincount(factor[factor >= 0], minlength=len(uniques))
        lookup = np.empty(len(uniques), dtype=np.int64)
        for k, value in enumerate(uniques.tolist()):
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
    lookup = {v: i for i, v in enumerate(vocabulary)}
    return np.fromiter(
        (lookup.get(v, -1) for v in values.tolist()), dtype=np.int64, count=len(values)
    )


def _coordinates(values: pd.Series | np.ndarray) -> list[float]:
    return np.round(np.asarray(values, dtype="float64"), 5).tolist()


def _rows(*columns: np.ndarray | list[Any]) -> list[list[Any]]:
    """Row arrays without their trailing 'missing' (-1) values: the script reads those as
    undefined, and most optional fields are missing."""
    rows = []
    for row in zip(*(c.tolist() if isinstance(c, np.ndarray) else c for c in columns), strict=True):
        end = len(row)
        while end and row[end - 1] == -1:
            end -= 1
        rows.append(list(row[:end]))
    return rows


def map_payload(layers) -> dict[str, Any]:
    """The compact, escaped data the page's script draws from.

    Text columns are positions in one string table; statements (casualties, damage, claims,
    sources) name their incident by the difference from the previous statement's incident,
    which is 0 or 1 for nearly every row."""
    incidents = layers.incidents
    located = incidents[~(incidents.geometry.isna() | incidents.geometry.is_empty)].reset_index(
        drop=True
    )
    position = pd.Index(located["id"])
    text = _Strings()
    flags = (
        located["contested"].astype(bool).to_numpy() * 1
        + located["ambiguous"].astype(bool).to_numpy() * 2
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

    casualties = statements(layers.casualties, lambda c: [
        text.codes(c["source"]), text.codes(c["party"]), _index_of(c["status"], STATUSES),
        _index_of(c["group"], GROUPS), _index_of(c["category"], KINDS), _ints(c["min"]),
        _ints(c["max"]), text.codes(c["as_of"]), text.codes(c["note"]),
    ])  # fmt: skip

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
    claims = statements(layers.claims, lambda c: [
        text.codes(c["source"]), text.codes(c["party"]), _index_of(c["status"], STATUSES),
        text.codes(c["about"]), text.codes(c["text"]), text.codes(c["as_of"]),
        text.codes(c["note"]),
    ])  # fmt: skip
    sources = statements(layers.sources, lambda s: [
        text.codes(s["name"]), text.codes(s["party"]),
        text.codes(pd.Series([safe_url(u) if isinstance(u, str) else None for u in s["url"].tolist()],
                             dtype=object)),
        text.codes(s["published"]),
    ])  # fmt: skip
    strings = text.finish()
    return {
        "strings": strings,
        "incidents": _rows(*incident_columns),
        "casualties": _rows(casualties[0], *casualties[1]),
        "damage": _rows(damage[0], *damage[1]),
        "claims": _rows(claims[0], *claims[1]),
        "sources": _rows(sources[0], *sources[1]),
        "unlocated": int(len(incidents) - len(located)),
    }


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element (no '</script>', no HTML comment openers)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class StrikeLayer(MacroElement):
    """Incidents, their uncertainty, damage and claims, drawn from one data array."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var O = {{ this.options_json }};
  {% if this.packed %}
  // The data, deflated and base64-encoded: a large map is several times smaller this way.
  var packed = "{{ this.packed }}";
  function inflate(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }
  if (typeof DecompressionStream === "undefined") {
    var warning = L.control({position: "topright"});
    warning.onAdd = function () {
      var div = L.DomUtil.create("div", "sm-legend");
      div.textContent = "This browser cannot unpack the map's data: use a current Chrome, Edge, Firefox or Safari.";
      return div;
    };
    warning.addTo(map);
    return;
  }
  inflate(packed).then(draw);
  {% else %}
  draw({{ this.payload_json }});
  {% endif %}

  function draw(D) {
  var S = D.strings;
  var CATS = O.categories, COLOURS = O.colours, STATUSES = O.statuses, GROUPS = O.groups,
      KINDS = O.kinds, SEVERITIES = O.severities, PRECISIONS = O.precisions;
  function s(i) { return (i === undefined || i < 0) ? "" : S[i]; }
  function num(i) { return (i === undefined || i < 0) ? null : i; }
  function range(lo, hi) {
    lo = num(lo); hi = num(hi);
    if (lo !== null && lo === hi) return String(lo);
    if (lo !== null && hi !== null) return lo + "\u2013" + hi;
    if (lo !== null) return "at least " + lo;
    if (hi !== null) return "up to " + hi;
    return "";
  }
  var byIncident = {casualties: [], damage: [], claims: [], sources: []};
  ["casualties", "damage", "claims", "sources"].forEach(function (kind) {
    var list = byIncident[kind];
    var owner = 0;  // rows name their incident by the difference from the row before
    D[kind].forEach(function (row) { owner += row[0]; row[0] = owner; (list[owner] = list[owner] || []).push(row); });
  });
  function statusText(code) {
    var status = STATUSES[code] || "";
    var note = (status === "claimed") ? "; not corroborated" : (status === "disputed") ? "; contradicted by other evidence" : (status === "retracted") ? "; withdrawn" : "";
    return '<span class="sm-status sm-' + status + '">' + status + '</span>' + note;
  }
  function who(row) { return '<b>' + s(row[1]) + '</b> <span class="sm-party">(' + s(row[2]).replace(/_/g, " ") + ')</span>'; }
  function when(i) { return (i === undefined || i < 0) ? "" : ' <span class="sm-when">as of ' + s(i) + '</span>'; }
  function headline(r) {
    var parts = [];
    var killed = range(r[6], r[7]), injured = range(r[8], r[9]), children = range(r[10], r[11]);
    if (killed) parts.push("Killed: <b>" + killed + "</b>");
    if (injured) parts.push("Injured: <b>" + injured + "</b>");
    if (children) parts.push("Children killed: <b>" + children + "</b>");
    return parts.length ? parts.join(" &middot; ") : "No casualty figures from credible sources";
  }
  function tooltip(i) {
    var r = D.incidents[i];
    return '<b>' + s(r[3]) + '</b> &middot; ' + s(r[4]) + '<br><span class="sm-id">' + s(r[5]) + '</span>';
  }
  function popup(i) {
    var r = D.incidents[i], flags = r[12] || 0, html = [];
    html.push('<div class="sm-popup" data-incident="' + s(r[5]) + '">');
    html.push('<div class="sm-title">' + s(r[3]) + (s(r[15]) ? ', ' + s(r[15]) : '') + '</div>');
    html.push('<div>' + s(r[4]) + (s(r[17]) ? ' ' + s(r[17]) : '') + ' &middot; ' + (s(r[16]) || CATS[r[2]].replace(/_/g, " ")) + '</div>');
    var precision = PRECISIONS[r[14]] || "unknown";
    html.push('<div class="sm-where">Location: ' + precision + (num(r[13]) !== null ? ' (&plusmn;' + r[13].toLocaleString("en") + ' m)' : '') +
              (precision === "settlement" || precision === "region" ? ' &mdash; the centre of the place, not the impact point' : '') +
              (flags & 2 ? ' &mdash; <b>ambiguous place name</b>' : '') + '</div>');
    if (flags & 1) html.push('<div class="sm-contested">Contested: the parties\\' accounts conflict</div>');
    html.push('<div class="sm-headline">' + headline(r) + '</div>');
    if (s(r[18])) html.push('<div class="sm-outside">Not in the headline: ' + s(r[18]) + '</div>');
    var cas = byIncident.casualties[i] || [];
    if (cas.length) {
      html.push('<div class="sm-section">Casualty statements</div><ul>');
      cas.forEach(function (c) {
        var group = GROUPS[c[4]] === "unspecified" ? "" : " " + GROUPS[c[4]];
        html.push('<li>' + who(c) + ' &mdash; ' + statusText(c[3]) + ': ' + range(c[6], c[7]) + group + ' ' + KINDS[c[5]] + when(c[8]) +
                  (s(c[9]) ? ' <span class="sm-note">(' + s(c[9]) + ')</span>' : '') + '</li>');
      });
      html.push('</ul>');
    }
    var dmg = byIncident.damage[i] || [];
    if (dmg.length) {
      html.push('<div class="sm-section">Damage</div><ul>');
      dmg.forEach(function (d) {
        html.push('<li>' + who(d) + ' &mdash; ' + statusText(d[3]) + ': ' + (range(d[5], d[6]) ? range(d[5], d[6]) + ' ' : '') + s(d[4]) + ', ' + (SEVERITIES[d[7]] || "") + when(d[8]) + '</li>');
      });
      html.push('</ul>');
    }
    var cl = byIncident.claims[i] || [];
    if (cl.length) {
      html.push('<div class="sm-section">Claims</div><ul>');
      cl.forEach(function (c) {
        html.push('<li>' + who(c) + ' &mdash; ' + statusText(c[3]) + ' (' + s(c[4]) + '): &ldquo;' + s(c[5]) + '&rdquo;' + when(c[6]) +
                  (s(c[7]) ? ' <span class="sm-note">' + s(c[7]) + '</span>' : '') + '</li>');
      });
      html.push('</ul>');
    }
    var src = byIncident.sources[i] || [];
    if (src.length) {
      html.push('<div class="sm-section">Sources</div><ul>');
      src.forEach(function (c) {
        var name = s(c[1]);
        var link = (c[3] !== undefined && c[3] >= 0) ? '<a href="' + s(c[3]) + '" target="_blank" rel="noopener noreferrer">' + name + '</a>' : name;
        html.push('<li>' + link + ' <span class="sm-party">(' + s(c[2]).replace(/_/g, " ") + ')</span>' + (s(c[4]) ? ' <span class="sm-when">' + s(c[4]) + '</span>' : '') + '</li>');
      });
      html.push('</ul>');
    }
    html.push('</div>');
    return html.join("");
  }
  if (D.incidents.length) {  // the final view first, so nothing is drawn twice
    map.fitBounds(L.latLngBounds(D.incidents.map(function (r) { return [r[0], r[1]]; })).pad(0.2),
                  {maxZoom: 8, animate: false});
  }
  var renderer = L.canvas({padding: 0.5});
  var clusters = L.markerClusterGroup({chunkedLoading: true, chunkInterval: 150, chunkDelay: 20,
    showCoverageOnHover: false, maxClusterRadius: 50, disableClusteringAtZoom: 13,
    chunkProgress: function (done, total) {
      // called just before the last chunk's clusters go on the map: flag readiness after it
      if (done === total) setTimeout(function () { window.strikemapReady = true; map.fire("strikemap:ready"); }, 0);
    }});
  var markers = D.incidents.map(function (r, i) {
    var killed = num(r[6]) || 0;
    var contested = (r[12] || 0) & 1;
    var marker = L.circleMarker([r[0], r[1]], {
      renderer: renderer, radius: Math.min(24, 5 + 2.2 * Math.sqrt(killed)),
      color: contested ? "#000000" : "#ffffff", weight: contested ? 3 : 1.5, dashArray: contested ? "4 3" : null,
      fillColor: COLOURS[CATS[r[2]]] || COLOURS.unknown, fillOpacity: 0.85});
    marker.strikemapIndex = i;
    return marker;
  });
  // Content as an element: streamlit-folium reads a clicked marker's tooltip text from it.
  clusters.bindTooltip(function (layer) {
    var div = document.createElement("div");
    div.innerHTML = tooltip(layer.strikemapIndex);
    return div;
  }, {sticky: false});
  clusters.bindPopup(function (layer) { return popup(layer.strikemapIndex); }, {maxWidth: 440, maxHeight: 380});
  // On the map first: markercluster's addLayers off the map checks each marker against all the
  // others (quadratic), on the map it clusters them in timed chunks.
  clusters.addTo(map);
  clusters.addLayers(markers);
  window.strikemapCount = markers.length;

  // Overlays are filled when first shown: nothing is built for a layer nobody turns on.
  function lazy(fill) { var group = L.layerGroup(); group.once("add", function () { fill(group); }); return group; }
  var precision = lazy(function (precision) {
  D.incidents.forEach(function (r) {
    var p = PRECISIONS[r[14]];
    if (p && p !== "site" && num(r[13])) {
      precision.addLayer(L.circle([r[0], r[1]], {renderer: renderer, radius: r[13], color: COLOURS[CATS[r[2]]] || "#333",
        weight: 1, dashArray: "3 4", fillOpacity: 0.06, interactive: false}));
    }
  });
  });
  if (O.showPrecision) precision.addTo(map);

  var damage = lazy(function (damage) {
  D.damage.forEach(function (d) {
    var r = D.incidents[d[0]];
    var at = (d[9] !== undefined && d[9] !== -1) ? [d[9], d[10]] : [r[0], r[1]];
    var mark = L.circleMarker(at, {renderer: renderer, radius: 4, color: "#222", weight: 1, fillColor: "#ffd700", fillOpacity: 0.9});
    mark.bindPopup(function () {
      return '<div class="sm-popup">' + who(d) + ' &mdash; ' + statusText(d[3]) + ': ' + (range(d[5], d[6]) ? range(d[5], d[6]) + ' ' : '') + s(d[4]) + ', ' + (SEVERITIES[d[7]] || "") + when(d[8]) + '<br>' + s(r[3]) + ' &middot; ' + s(r[4]) + '</div>';
    });
    damage.addLayer(mark);
  });
  });

  var claims = lazy(function (claims) {
  var seen = {};
  D.claims.forEach(function (c) {
    if (seen[c[0]]) return;
    seen[c[0]] = true;
    var r = D.incidents[c[0]];
    var mark = L.circleMarker([r[0], r[1]], {renderer: renderer, radius: 9, color: "#000", weight: 1.5, dashArray: "2 3", fill: false});
    mark.bindPopup(function () { return popup(c[0]); }, {maxWidth: 440, maxHeight: 380});
    claims.addLayer(mark);
  });

  });
  var density = L.layerGroup();
  (O.grid || []).forEach(function (g) {
    density.addLayer(L.circleMarker([g[0], g[1]], {renderer: renderer, radius: Math.min(30, 3 + 2 * Math.sqrt(g[2])),
      color: "#7a0000", weight: 1, fillColor: "#b30000", fillOpacity: 0.35}).bindTooltip(g[2] + " incidents, at least " + g[3] + " killed"));
  });
  if (O.showGrid) density.addTo(map);

  var base = {};
  {% if this.tiles_name %}base["Basemap"] = {{ this.tiles_name }};{% endif %}
  var overlays = {"Incidents": clusters, "Location uncertainty": precision, "Damage reports": damage, "Claims": claims};
  if (O.grid && O.grid.length) overlays["Density (" + O.gridDegrees + "\u00b0 grid)"] = density;
  L.control.layers(base, overlays, {collapsed: false, position: "topright"}).addTo(map);

  var legend = L.control({position: "bottomright"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "sm-legend");
    var rows = ['<b>Weapon</b>'];
    O.present.forEach(function (cat) {
      rows.push('<div><i style="background:' + COLOURS[cat] + '"></i>' + cat.replace(/_/g, " ") + '</div>');
    });
    rows.push('<div><i class="sm-contested-key"></i>contested</div>');
    rows.push('<div><i class="sm-circle-key"></i>location uncertainty</div>');
    rows.push('<div class="sm-legend-note">size: headline killed</div>');
    div.innerHTML = rows.join("");
    return div;
  };
  legend.addTo(map);
  }
})();
{% endmacro %}
"""
    )

    def __init__(
        self,
        payload: dict[str, Any],
        options: dict[str, Any],
        tiles_name: str | None,
        pack_above: int | None = None,
    ) -> None:
        super().__init__()
        self._name = "StrikeLayer"
        self.payload_json = _script_json(payload)
        self.options_json = _script_json(options)
        self.tiles_name = tiles_name
        self.packed = ""
        if pack_above is not None and len(self.payload_json) > pack_above:
            deflated = zlib.compress(self.payload_json.encode("utf-8"), 6)
            self.packed = base64.b64encode(deflated).decode("ascii")
            self.payload_json = ""

    def render(self, **kwargs: Any) -> None:
        """Add the script to the page as it is. (branca would compile the rendered script as a
        template of its own, so text from a report such as `{{ 7*7 }}` would be evaluated.)"""
        script = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(_Verbatim(script), name=self.get_name())


class _Verbatim(Element):
    """Page content that is never read as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


_STYLE = """
<style>
.sm-popup { font: 13px/1.35 system-ui, sans-serif; max-width: 420px; }
.sm-popup ul { margin: 2px 0 6px 16px; padding: 0; }
.sm-title { font-weight: 600; font-size: 14px; }
.sm-where, .sm-when, .sm-party, .sm-note, .sm-id { color: #555; }
.sm-contested { color: #8a0000; font-weight: 600; }
.sm-headline { margin: 4px 0; }
.sm-outside { color: #8a0000; }
.sm-section { margin-top: 6px; font-weight: 600; border-bottom: 1px solid #ddd; }
.sm-status { font-weight: 600; }
.sm-claimed, .sm-disputed, .sm-retracted { color: #8a0000; }
.sm-confirmed { color: #00650f; }
.sm-legend { background: rgba(255,255,255,.92); padding: 6px 8px; font: 12px system-ui, sans-serif; border-radius: 4px; }
.sm-legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 5px; vertical-align: -1px; }
.sm-legend .sm-contested-key { border: 2px dashed #000; width: 8px; height: 8px; }
.sm-legend .sm-circle-key { border: 1px dashed #333; background: rgba(0,0,0,.06); }
.sm-legend-note { color: #555; margin-top: 2px; }
</style>
"""


def density_grid(incidents, degrees: float) -> list[list[float]]:
    """[lat, lon, incidents, killed] per grid cell with incidents (cell centres)."""
    located = incidents[~(incidents.geometry.isna() | incidents.geometry.is_empty)]
    if located.empty:
        return []
    cell_x = np.floor(located.geometry.x.to_numpy() / degrees)
    cell_y = np.floor(located.geometry.y.to_numpy() / degrees)
    frame = pd.DataFrame(
        {
            "x": cell_x,
            "y": cell_y,
            "killed": located["killed_min"].fillna(0).astype("int64").to_numpy(),
        }
    )
    cells = (
        frame.groupby(["y", "x"])
        .agg(count=("killed", "size"), killed=("killed", "sum"))
        .reset_index()
    )
    return [
        [round((y + 0.5) * degrees, 4), round((x + 0.5) * degrees, 4), int(n), int(k)]
        for y, x, n, k in cells.itertuples(index=False)
    ]


def render_map(layers, options: MapOptions | None = None) -> folium.Map:
    """A folium map of the (already filtered) layers; standalone with `.save()` or embedded."""
    options = options or MapOptions()
    incidents = layers.incidents
    fmap = OfflineMap(location=[48.5, 31.5], zoom_start=6, tiles=None, max_zoom=18,
                      prefer_canvas=True, control_scale=True, height=options.height)  # fmt: skip
    tiles_name = None
    if options.tiles:
        tiles = folium.TileLayer(tiles=options.tiles, attr=options.attribution, name="Basemap",
                                 max_zoom=19, control=False)  # fmt: skip
        tiles.add_to(fmap)
        tiles_name = tiles.get_name()
    fmap.get_root().header.add_child(Element(_STYLE), name="strikemap_style")
    n = len(incidents)
    grid = density_grid(incidents, options.grid_degrees) if n > options.aggregate_threshold else []
    present: Sequence[str] = [
        c for c in CATEGORIES if c in set(incidents["weapon_category"].tolist())
    ]
    show_precision = (
        options.precision_circles
        if options.precision_circles is not None
        else n <= options.circles_limit
    )
    StrikeLayer(
        map_payload(layers),
        {
            "categories": CATEGORIES,
            "colours": CATEGORY_COLOURS,
            "statuses": STATUSES,
            "groups": GROUPS,
            "kinds": KINDS,
            "severities": SEVERITIES,
            "precisions": PRECISIONS,
            "present": list(present),
            "showPrecision": bool(show_precision),
            "grid": grid,
            "showGrid": bool(grid),
            "gridDegrees": options.grid_degrees,
        },
        tiles_name,
        options.pack_above,
    ).add_to(fmap)
    return fmap


def map_html(layers, options: MapOptions | None = None) -> str:
    """The standalone HTML page of the map."""
    return render_map(layers, options).get_root().render()


def clicked_incident(tooltip_text: str | None, ids: Sequence[str]) -> str | None:
    """The incident id a map click reported: the tooltip text ends with it (its last line;
    the line break may be lost when the browser reads the text of a detached element)."""
    if not tooltip_text:
        return None
    text = tooltip_text.strip()
    matches = [i for i in ids if text.endswith(i)]
    return max(matches, key=len) if matches else None
