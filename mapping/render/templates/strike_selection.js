{#- The incidents the app shows, as positions in the data the map already holds, and the one
    picked in the table or on the map (-1 for none). -#}
{% macro script(this, kwargs) %}
(function () {
  var group = {{ this._parent.get_name() }};
  var keep = strikemapPositions("{{ this.keep_bits }}");
  window.strikemapReady = false;
  var selected = {{ this.selected }};
  function show() { window.strikemap.then(function (view) { view.draw(group, keep, selected); }); }
  if (window.strikemap) show(); else window.addEventListener("strikemap:data", show, {once: true});
})();
{% endmacro %}
