{#- The incidents the app shows, as positions in the data the map already holds. -#}
{% macro script(this, kwargs) %}
(function () {
  var group = {{ this._parent.get_name() }};
  var keep = {{ this.keep_json }};
  window.strikemapReady = false;
  function show() { window.strikemap.then(function (view) { view.draw(group, keep); }); }
  if (window.strikemap) show(); else window.addEventListener("strikemap:data", show, {once: true});
})();
{% endmacro %}
