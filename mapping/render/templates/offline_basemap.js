{#- The offline basemap's script. Rendered by Jinja in map.py; `packed` is base64 made there
    (place names in it are HTML-escaped already), `url_json` a JSON string. -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  // Country shapes and larger places, drawn from data inside the page: shown when the map has
  // no tiles, when its tiles fail to load (offline), or when chosen in the layer list.
  var map = {{ this._parent.get_name() }};
  var tiles = {{ this.tiles_name or "null" }};
  var basemap = L.layerGroup(), labels = L.layerGroup(), world = null, places = [];
  map.createPane("strikemapLand").style.zIndex = 150;  // where tiles would be
  var labelPane = map.createPane("strikemapLabels");
  labelPane.style.zIndex = 350;  // over the land, under incidents and popups
  labelPane.style.pointerEvents = "none";

  // The smallest place labelled at a zoom: the largest cities first, towns when close.
  function smallest(zoom) { return zoom >= 8 ? 0 : zoom >= 7 ? 100000 : zoom >= 6 ? 250000 : zoom >= 5 ? 700000 : 2000000; }
  // A label that would cover a larger place's is left out (a city's districts, its suburbs).
  function label() {
    labels.clearLayers();
    var bounds = map.getBounds(), least = smallest(map.getZoom()), taken = [];
    for (var i = 0; i < places.length && taken.length < 150 && places[i][3] >= least; i++) {
      var p = places[i];
      if (!bounds.contains([p[1], p[2]])) continue;
      var at = map.latLngToContainerPoint([p[1], p[2]]);
      var box = [at.x - 4, at.y - 8, at.x + 10 + 6.5 * p[0].length, at.y + 8];
      if (taken.some(function (t) { return box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]; })) continue;
      taken.push(box);
      labels.addLayer(L.marker([p[1], p[2]], {pane: "strikemapLabels", interactive: false, keyboard: false,
        icon: L.divIcon({className: "sm-place", html: "<i></i>" + p[0], iconSize: null, iconAnchor: [3, 7]})}));
    }
  }
  basemap.on("add", function () {
    map.getContainer().classList.add("sm-offline");
    labels.addTo(map);
    map.on("moveend", label);
    if (world) { label(); return; }
    world = L.geoJSON(null, {pane: "strikemapLand", interactive: false,
      style: {color: "#8d8d8d", weight: 0.8, fillColor: "#f2efe9", fillOpacity: 1}});
    basemap.addLayer(world);
    {% if this.url_json %}
    var shapes = strikemapFetch({{ this.url_json }});  // from the server that serves the page
    {% else %}
    var shapes = strikemapUnpack("{{ this.packed }}");
    {% endif %}
    shapes.then(function (data) {
      world.addData(data.countries);
      places = data.places;
      if (map.hasLayer(basemap)) label();
      window.strikemapBasemap = true;
      map.fire("strikemap:basemap");
    });
  });
  basemap.on("remove", function () {
    map.getContainer().classList.remove("sm-offline");
    map.off("moveend", label);
    map.removeLayer(labels);
  });

  if (!tiles) {
    basemap.addTo(map);
  } else {
    // Tiles that fail before any has loaded mean no internet (or a blocked tile server).
    // Once only: a user who then picks the tiles again keeps them.
    var loaded = false, failures = 0, fellBack = false;
    var notice = L.control({position: "bottomleft"});
    notice.onAdd = function () {
      var div = L.DomUtil.create("div", "sm-notice");
      div.textContent = "Map tiles could not be loaded: showing the offline basemap (country borders, larger places).";
      return div;
    };
    tiles.on("tileload", function () { loaded = true; });
    tiles.on("tileerror", function () {
      if (loaded || fellBack || ++failures < 2 || !map.hasLayer(tiles)) return;
      fellBack = true;
      map.removeLayer(tiles);
      basemap.addTo(map);
      notice.addTo(map);
    });
    map.on("baselayerchange", function (event) { if (event.layer === tiles) notice.remove(); });
  }
  return basemap;
})();
{% endmacro %}
