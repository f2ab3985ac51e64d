{#- The map's script. Rendered by Jinja in strike_map.py; every value it receives is JSON or a
    base64 string made there, and all report text in it is HTML-escaped already. -#}
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var O = {{ this.options_json }};
  var basemaps = {{ this.basemaps }};
  {% if this.data_url_json %}
  // The data, deflated, fetched from the server that serves the page (the app): the page itself
  // stays small, and the app sends it again on every run.
  var loading = strikemapFetch({{ this.data_url_json }});
  {% elif this.packed %}
  // The data, deflated and base64-encoded: a large map is several times smaller this way.
  var loading = strikemapUnpack("{{ this.packed }}");
  {% else %}
  var loading = Promise.resolve({{ this.payload_json }});
  {% endif %}
  window.strikemap = loading.then(views);
  window.strikemap.catch(function (error) {
    var warning = L.control({position: "topright"});
    warning.onAdd = function () {
      var div = L.DomUtil.create("div", "sm-legend");
      div.textContent = "The map's data could not be read (" + error + "). A current Chrome, Edge, Firefox or Safari can.";
      return div;
    };
    warning.addTo(map);
  });
  window.dispatchEvent(new Event("strikemap:data"));
  {% if this.draw_all %}
  window.strikemap.then(function (view) { view.draw(map, null); });
  {% endif %}

  // Everything that reads the data; `draw(parent, keep)` puts the incidents at positions `keep`
  // (all when null) on a map, or into a feature group that the app swaps on every filter change.
  function views(D) {
  var S = D.strings;
  var CATS = O.categories, COLOURS = O.colours, STATUSES = O.statuses, GROUPS = O.groups,
      KINDS = O.kinds, SEVERITIES = O.severities, PRECISIONS = O.precisions;
  var byIncident = {casualties: [], damage: [], claims: [], sources: []};
  ["casualties", "damage", "claims", "sources"].forEach(function (kind) {
    var list = byIncident[kind];
    var owner = 0;  // rows name their incident by the difference from the row before
    D[kind].forEach(function (row) { owner += row[0]; row[0] = owner; (list[owner] = list[owner] || []).push(row); });
  });
  function s(i) { return (i === undefined || i < 0) ? "" : S[i]; }
  function label(value) {
    return Object.prototype.hasOwnProperty.call(O.labels, value) ? O.labels[value] : value.replace(/_/g, " ");
  }
  function num(i) { return (i === undefined || i < 0) ? null : i; }
  function range(lo, hi) {
    lo = num(lo); hi = num(hi);
    if (lo !== null && lo === hi) return String(lo);
    if (lo !== null && hi !== null) return lo + "\u2013" + hi;
    if (lo !== null) return "at least " + lo;
    if (hi !== null) return "up to " + hi;
    return "";
  }
  function statusText(code) {
    var status = STATUSES[code] || "";
    var note = (status === "claimed") ? "; not corroborated" : (status === "disputed") ? "; contradicted by other evidence" : (status === "retracted") ? "; withdrawn" : "";
    return '<span class="sm-status sm-' + status + '">' + status + '</span>' + note;
  }
  function who(row) { return '<b>' + s(row[1]) + '</b> <span class="sm-party">(' + label(s(row[2])) + ')</span>'; }
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
  // What a screen reader says for an incident: place, date, weapon and id, as plain text.
  function spoken(i) {
    var r = D.incidents[i], plain = document.createElement("div");
    plain.innerHTML = [s(r[3]), s(r[4]), s(r[16]) || label(CATS[r[2]]), "incident " + s(r[5])]
      .filter(Boolean).join(", ");  // escaped already; read back as plain text
    return plain.textContent;
  }
  function popup(i) {
    var r = D.incidents[i], flags = r[12] || 0, html = [];
    html.push('<div class="sm-popup" data-incident="' + s(r[5]) + '">');
    html.push('<div class="sm-title">' + s(r[3]) + (s(r[15]) ? ', ' + s(r[15]) : '') + '</div>');
    html.push('<div>' + s(r[4]) + (s(r[17]) ? ' ' + s(r[17]) : '') + ' &middot; ' + (s(r[16]) || label(CATS[r[2]])) + '</div>');
    var precision = PRECISIONS[r[14]] || "unknown";
    html.push('<div class="sm-where">Location: ' + precision + (num(r[13]) !== null ? ' (&plusmn;' + r[13].toLocaleString("en") + ' m)' : '') +
              (precision === "settlement" || precision === "region" ? ' &mdash; the centre of the place, not the impact point' : '') +
              (flags & 2 ? ' &mdash; <b>ambiguous place name</b>' : '') + '</div>');
    if (flags & 4) html.push('<div class="sm-draft">Draft: extracted from report text, not yet reviewed</div>');
    if (flags & 1) html.push('<div class="sm-contested">Contested: the parties\' accounts conflict</div>');
    html.push('<div class="sm-headline">' + headline(r) + '</div>');
    var cas = byIncident.casualties[i] || [];
    cas.forEach(function (c) {  // marked latest in Python
      if ((c[10] & 2) && KINDS[c[5]] === "killed" && (GROUPS[c[4]] === "unspecified" || GROUPS[c[4]] === "civilians")) {
        html.push('<div class="sm-latest">Latest credible killed figure: <b>' + range(c[6], c[7]) + '</b> <span class="sm-when">(' +
                  s(c[1]) + (s(c[8]) ? ', ' + s(c[8]) : '') + ')</span></div>');
      }
    });
    if (s(r[18])) html.push('<div class="sm-outside">Not in the headline: ' + s(r[18]) + '</div>');
    if (O.shortPopups) {
      html.push('<div class="sm-more">Every statement and source, and how the figures moved: in the panel beside the map.</div></div>');
      return html.join("");
    }
    if (cas.length) {
      html.push('<div class="sm-section">Casualty statements</div><ul>');
      cas.forEach(function (c) {
        var group = GROUPS[c[4]] === "unspecified" ? "" : " " + GROUPS[c[4]];
        html.push('<li' + (c[10] & 1 ? ' class="sm-superseded"' : '') + '>' + who(c) + ' &mdash; ' + statusText(c[3]) + ': ' + range(c[6], c[7]) + group + ' ' + KINDS[c[5]] + when(c[8]) +
                  (s(c[9]) ? ' <span class="sm-note">(' + s(c[9]) + ')</span>' : '') +
                  (c[10] & 1 ? ' <span class="sm-note">&mdash; superseded by this source\'s later figure</span>' : '') + '</li>');
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
        html.push('<li>' + link + ' <span class="sm-party">(' + label(s(c[2])) + ')</span>' + (s(c[4]) ? ' <span class="sm-when">' + s(c[4]) + '</span>' : '') + '</li>');
      });
      html.push('</ul>');
    }
    html.push('</div>');
    return html.join("");
  }

  function densityGrid(rows) {
    var cells = {}, degrees = O.gridDegrees, out = [];
    rows.forEach(function (i) {
      var r = D.incidents[i], y = Math.floor(r[0] / degrees), x = Math.floor(r[1] / degrees), key = y + "," + x;
      var cell = cells[key] || (cells[key] = [(y + 0.5) * degrees, (x + 0.5) * degrees, 0, 0]);
      cell[2] += 1;
      cell[3] += num(r[6]) || 0;
    });
    for (var key in cells) out.push(cells[key]);
    return out;
  }

  // Incidents drawn one by one are dots on a canvas, which a keyboard cannot reach: each one in
  // view (up to KEYS) gets a focusable, click-through twin; Enter on it does what a click on
  // the dot does (the popup, and in the app the detail panel). Groups are markers already.
  var KEYS = 150;
  function keyboardTwins(map, incidents) {
    var twins = L.layerGroup().addTo(map), pending = false;
    function refresh() {
      pending = false;
      // a redraw must not take the focus from a keyboard user: the twin of the incident that
      // had it gets it back
      var active = document.activeElement;
      var held = active && active.classList && active.classList.contains("sm-key") ?
        active.getAttribute("data-incident") : null;
      twins.clearLayers();
      if (!incidents._map) return;
      var bounds = map.getBounds(), count = 0;
      incidents.points.eachLayer(function (layer) {
        var i = layer.strikemapIndex;
        if (count >= KEYS || !bounds.contains(layer.getLatLng())) return;
        count += 1;
        var size = 2 * layer.options.radius + 4;
        var twin = L.marker(layer.getLatLng(), {keyboard: true, zIndexOffset: -1000,
          icon: L.divIcon({className: "sm-key", iconSize: [size, size]})});
        twin.on("add", function () {
          var element = twin.getElement();
          element.setAttribute("aria-label", spoken(i));
          element.setAttribute("data-incident", String(i));
          if (held === String(i)) element.focus();
        });
        twin.on("keydown", function (e) {
          var key = e.originalEvent.key;
          if (key !== "Enter" && key !== " ") return;
          L.DomEvent.preventDefault(e.originalEvent);
          layer.fire("click", {latlng: layer.getLatLng()}, true);
        });
        twins.addLayer(twin);
      });
    }
    function later() { if (!pending) { pending = true; setTimeout(refresh, 0); } }
    map.on("moveend", later);
    map.on("strikemap:ready", later);
    later();
    twins.stop = function () {
      map.off("moveend", later);
      map.off("strikemap:ready", later);
      map.removeLayer(twins);
    };
    return twins;
  }

  // Overlays are filled when first shown: nothing is built for a layer nobody turns on.
  function lazy(fill) { var group = L.layerGroup(); group.once("add", function () { fill(group); }); return group; }

  function newMarker(i, renderer) {
    var r = D.incidents[i];
    var killed = num(r[6]) || 0;
    var contested = (r[12] || 0) & 1;
    var marker = L.circleMarker([r[0], r[1]], {
      renderer: renderer, radius: Math.min(24, 5 + 2.2 * Math.sqrt(killed)),
      color: contested ? "#000000" : "#ffffff", weight: contested ? 3 : 1.5, dashArray: contested ? "4 3" : null,
      fillColor: COLOURS[CATS[r[2]]] || COLOURS.unknown, fillOpacity: 0.85});
    marker.strikemapIndex = i;
    return marker;
  }

  // The incidents shown, in groups where they crowd. Supercluster indexes the selection's
  // positions for every zoom at once (a fraction of a second at 100,000; a marker-cluster
  // group made one object per incident and took seconds to add or remove tens of thousands),
  // and only the groups and incidents in view are drawn, again after each move. Incidents are
  // canvas dots in `points`, which carries their popups, tooltips and, in the app, clicks;
  // groups are markers in `groups` that zoom in when clicked.
  var GROUPED_UP_TO_ZOOM = 12;  // from zoom 13 every incident is drawn on its own
  var features = [];  // supercluster's input, one per incident, made when first shown
  function feature(i) {
    return features[i] || (features[i] = {type: "Feature", properties: {i: i},
      geometry: {type: "Point", coordinates: [D.incidents[i][1], D.incidents[i][0]]}});
  }
  function groupSize(n) { return n < 100 ? 30 : n < 1000 ? 36 : n < 10000 ? 42 : 48; }

  var Incidents = L.Layer.extend({
    initialize: function (renderer) {
      this.renderer = renderer;
      this.points = L.featureGroup();
      this.groups = L.layerGroup();
      this.markers = [];  // an incident's dot, made when it is first in view
      this.groupMarkers = {};  // a group's marker by its id in the current index
      this.drawn = {};  // what is on the map: "p" + incident or "g" + group id -> its layer
      this.index = null;
      this.points.bindPopup(function (layer) { return popup(layer.strikemapIndex); }, {maxWidth: 440, maxHeight: 380});
    },
    // Index the incidents at `rows`; drawn on the next refresh.
    select: function (rows) {
      this.index = new Supercluster({radius: 50, extent: 256, maxZoom: GROUPED_UP_TO_ZOOM}).load(rows.map(feature));
      // a group's id means another group in another index
      this.groups.clearLayers();
      this.groupMarkers = {};
      for (var key in this.drawn) if (key[0] === "g") delete this.drawn[key];
    },
    onAdd: function (map) { map.addLayer(this.points).addLayer(this.groups); this.refresh(); },
    onRemove: function (map) {
      map.removeLayer(this.points).removeLayer(this.groups);
      this.points.clearLayers();
      this.groups.clearLayers();
      this.drawn = {};
    },
    getEvents: function () { return {moveend: this.refresh}; },
    // Draw what is in view (and a margin around it), taking away what no longer is.
    refresh: function () {
      var map = this._map;
      if (!map || !this.index) return;
      var view = map.getBounds().pad(0.25), zoom = Math.max(0, Math.floor(map.getZoom()));
      var found = this.index.getClusters([view.getWest(), Math.max(-90, view.getSouth()),
                                          view.getEast(), Math.min(90, view.getNorth())], zoom);
      var drawn = this.drawn, next = {};
      for (var k = 0; k < found.length; k++) {
        var f = found[k], key, layer;
        if (f.properties.cluster) {
          key = "g" + f.id;
          layer = drawn[key] || this.groupMarkers[f.id] || (this.groupMarkers[f.id] = this.groupMarker(f));
          if (!drawn[key]) this.groups.addLayer(layer);
        } else {
          var i = f.properties.i;
          key = "p" + i;
          layer = drawn[key] || this.markers[i] || (this.markers[i] = newMarker(i, this.renderer));
          if (!drawn[key]) this.points.addLayer(layer);
        }
        next[key] = layer;
      }
      for (var gone in drawn) {
        if (!next[gone]) (gone[0] === "g" ? this.groups : this.points).removeLayer(drawn[gone]);
      }
      this.drawn = next;
    },
    // A group: its count in one neutral colour (never a weapon's); a click or Enter zooms to
    // where it splits.
    groupMarker: function (f) {
      var n = f.properties.point_count, size = groupSize(n), index = this.index;
      var at = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
      var marker = L.marker(at, {keyboard: true, title: n.toLocaleString("en") + " incidents: zoom in",
        icon: L.divIcon({html: '<div><span>' + n.toLocaleString("en") + '</span></div>',
                         className: "sm-cluster", iconSize: L.point(size, size)})});
      function zoomIn() {
        if (marker._map) marker._map.setView(at, index.getClusterExpansionZoom(f.id), {animate: false});
      }
      marker.on("click", zoomIn);
      marker.on("keydown", function (e) {
        var key = e.originalEvent.key;
        if (key === "Enter" || key === " ") { L.DomEvent.preventDefault(e.originalEvent); zoomIn(); }
      });
      return marker;
    }
  });

  // The app's map keeps its incidents layer (and the dots made) across filter changes; a new
  // selection is indexed again.
  var kept = null;  // {map, incidents, shown, parent}

  function sameIncidents(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function draw(parent, keep, selected) {
    var map = (parent instanceof L.Map) ? parent : parent._map;
    if (!map) { parent.once("add", function () { draw(parent, keep, selected); }); return; }
    window.strikemapReady = false;
    var rows = keep || D.incidents.map(function (r, i) { return i; });
    var shown = new Uint8Array(D.incidents.length);
    rows.forEach(function (i) { shown[i] = 1; });
    var reuse = kept && kept.map === map && parent !== map;
    // only another pick (the same incidents): the view the user has stays
    var samePicks = reuse && sameIncidents(kept.shown, shown);
    if (kept && !reuse && kept.incidents._map) kept.incidents.remove();
    if (!reuse) kept = {map: map, incidents: new Incidents(L.canvas({padding: 0.5})), shown: null, parent: null};
    var incidents = kept.incidents, renderer = incidents.renderer;
    if (!samePicks) incidents.select(rows);
    kept.shown = shown;
    if (rows.length && !samePicks) {  // the final view first, so nothing is drawn twice
      map.fitBounds(L.latLngBounds(rows.map(function (i) { return [D.incidents[i][0], D.incidents[i][1]]; })).pad(0.2),
                    {maxZoom: 8, animate: false});
    }
    if (incidents._map) incidents.refresh(); else incidents.addTo(map);
    // Content as an element: streamlit-folium reads a clicked marker's tooltip text from it, on
    // the layers that exist when the group arrives, so in the app the group carries the tooltip
    // (the dots' events reach it through `points`).
    if (kept.parent) incidents.points.removeEventParent(kept.parent);
    kept.parent = (parent !== map) ? parent : null;
    if (kept.parent) incidents.points.addEventParent(kept.parent);
    (parent === map ? incidents.points : parent).bindTooltip(function (layer) {
      var div = document.createElement("div");
      div.innerHTML = layer.strikemapIndex === undefined ? "" : tooltip(layer.strikemapIndex);
      return div;
    }, {sticky: false});
    window.strikemapCount = rows.length;
    var twins = keyboardTwins(map, incidents);
    if (selected >= 0 && shown[selected]) {  // the incident picked, ringed (it goes with `parent`)
      L.circleMarker([D.incidents[selected][0], D.incidents[selected][1]], {radius: 16, color: "#1a73e8", weight: 4,
        fill: false, interactive: false, className: "sm-selected"}).addTo(parent);
    }

    var precision = lazy(function (group) {
      rows.forEach(function (i) {
        var r = D.incidents[i], p = PRECISIONS[r[14]];
        if (p && p !== "site" && num(r[13])) {
          group.addLayer(L.circle([r[0], r[1]], {renderer: renderer, radius: r[13], color: COLOURS[CATS[r[2]]] || "#333",
            weight: 1, dashArray: "3 4", fillOpacity: 0.06, interactive: false}));
        }
      });
    });
    var showPrecision = (O.precisionCircles === null) ? rows.length <= O.circlesLimit : O.precisionCircles;
    if (showPrecision) precision.addTo(map);

    var damage = lazy(function (group) {
      D.damage.forEach(function (d) {
        if (!shown[d[0]]) return;
        var r = D.incidents[d[0]];
        var at = (d[9] !== undefined && d[9] !== -1) ? [d[9], d[10]] : [r[0], r[1]];
        var mark = L.circleMarker(at, {renderer: renderer, radius: 4, color: "#222", weight: 1, fillColor: "#ffd700", fillOpacity: 0.9});
        mark.bindPopup(function () {
          return '<div class="sm-popup">' + who(d) + ' &mdash; ' + statusText(d[3]) + ': ' + (range(d[5], d[6]) ? range(d[5], d[6]) + ' ' : '') + s(d[4]) + ', ' + (SEVERITIES[d[7]] || "") + when(d[8]) + '<br>' + s(r[3]) + ' &middot; ' + s(r[4]) + '</div>';
        });
        group.addLayer(mark);
      });
    });

    var claims = lazy(function (group) {
      var seen = {};
      D.claims.forEach(function (c) {
        if (!shown[c[0]] || seen[c[0]]) return;
        seen[c[0]] = true;
        var r = D.incidents[c[0]];
        var mark = L.circleMarker([r[0], r[1]], {renderer: renderer, radius: 9, color: "#000", weight: 1.5, dashArray: "2 3", fill: false});
        mark.bindPopup(function () { return popup(c[0]); }, {maxWidth: 440, maxHeight: 380});
        group.addLayer(mark);
      });
    });

    var density = L.layerGroup();
    var grid = rows.length > O.aggregateThreshold ? densityGrid(rows) : [];
    grid.forEach(function (g) {
      density.addLayer(L.circleMarker([g[0], g[1]], {renderer: renderer, radius: Math.min(30, 3 + 2 * Math.sqrt(g[2])),
        color: "#7a0000", weight: 1, fillColor: "#b30000", fillOpacity: 0.35}).bindTooltip(g[2] + " incidents, at least " + g[3] + " killed"));
    });
    if (grid.length) density.addTo(map);

    var overlays = {"Incidents": incidents, "Location uncertainty": precision, "Damage reports": damage, "Claims": claims};
    if (grid.length) overlays["Density (" + O.gridDegrees + "\u00b0 grid)"] = density;
    var control = L.control.layers(basemaps, overlays, {collapsed: true, position: "topright"}).addTo(map);

    var present = {};
    rows.forEach(function (i) { present[CATS[D.incidents[i][2]]] = true; });
    var legend = L.control({position: "bottomright"});
    legend.onAdd = function () {
      var div = L.DomUtil.create("div", "sm-legend");
      var lines = ['<b>Weapon</b>'];
      CATS.forEach(function (cat) {
        if (present[cat]) lines.push('<div><i style="background:' + COLOURS[cat] + '"></i>' + label(cat) + '</div>');
      });
      lines.push('<div><i class="sm-cluster-key"></i>group of incidents (how many)</div>');
      lines.push('<div><i class="sm-contested-key"></i>contested</div>');
      lines.push('<div><i class="sm-circle-key"></i>location uncertainty' +
                 (showPrecision ? '' : ' <span class="sm-legend-note">(off above ' + O.circlesLimit.toLocaleString("en") +
                  ' incidents: tick it in the layer list)</span>') + '</div>');
      lines.push('<div><i class="sm-damage-key"></i>damage report (overlay)</div>');
      lines.push('<div><i class="sm-claims-key"></i>claims about it (overlay)</div>');
      if (grid.length) lines.push('<div><i class="sm-density-key"></i>incidents per ' + O.gridDegrees + '\u00b0 cell</div>');
      lines.push('<div class="sm-legend-note">size: headline killed</div>');
      div.innerHTML = lines.join("");
      return div;
    };
    legend.addTo(map);
    if (parent !== map) {
      parent.once("remove", function () {  // overlays the user turned on sit on the map itself
        [precision, damage, claims, density].forEach(function (layer) { map.removeLayer(layer); });
        twins.stop();
        control.remove();
        legend.remove();
      });
    }
    // drawn: the canvas shows it at the next frame
    window.strikemapReady = true;
    map.fire("strikemap:ready");
  }

  // `Incidents`, the layer type, and `incidents()`, the layer drawn last: for tests and the console
  return {draw: draw, Incidents: Incidents, incidents: function () { return kept && kept.incidents; }};
  }
})();
{% endmacro %}
