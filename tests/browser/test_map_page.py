"""The standalone HTML map in a real browser with no internet: markers, popups, escaping."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mapping.cli import main
from tests.browser.helpers import click_incident
from tests.conftest import SEEDS

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _map_file(tmp_path, *paths, **options) -> str:
    out = tmp_path / "map.html"
    args = ["map", *map(str, paths), "-o", str(out)]
    for key, value in options.items():
        args += [f"--{key.replace('_', '-')}", value]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return out.as_uri()


def _open(page, uri: str) -> None:
    page.goto(uri)
    page.wait_for_function("window.strikemapReady === true", timeout=30_000)


def test_seed_map_draws_offline_and_asks_only_for_tiles(page, tmp_path, gazetteer):
    _open(page, _map_file(tmp_path, SEEDS))
    assert page.evaluate("window.strikemapCount") == 3
    assert page.guard.not_tiles == []
    assert page.locator(".leaflet-control-layers").is_visible()  # layer control works offline
    assert "ballistic missile" in page.locator(".sm-legend").inner_text()
    assert not page.errors


def test_a_map_without_basemap_still_draws_its_markers(page, tmp_path, gazetteer):
    _open(page, _map_file(tmp_path, SEEDS, tiles="none"))
    assert page.evaluate("window.strikemapCount") == 3
    assert page.guard.outside == []  # nothing asked of the internet, tiles neither
    assert not page.errors


def _open_layer_list(page) -> None:
    page.locator(".leaflet-control-layers").hover()
    page.locator(".leaflet-control-layers-expanded").wait_for()


def _colour_at(page, lat: float, lon: float) -> tuple[int, int, int]:
    """The colour the page shows at lat/lon."""
    import io

    from PIL import Image

    x, y = page.evaluate(
        f"""(() => {{
            const map = window[document.querySelector('.folium-map').id];
            const point = map.latLngToContainerPoint([{lat}, {lon}]);
            const box = map.getContainer().getBoundingClientRect();
            return [box.left + point.x, box.top + point.y];
        }})()"""
    )
    shot = Image.open(io.BytesIO(page.screenshot(clip={"x": x, "y": y, "width": 1, "height": 1})))
    return shot.convert("RGB").getpixel((0, 0))


def _view(page, lat: float, lon: float, zoom: int) -> None:
    page.evaluate(
        f"void window[document.querySelector('.folium-map').id].setView([{lat}, {lon}], {zoom}, {{animate: false}})"
    )
    page.wait_for_timeout(300)


def _near(colour: tuple[int, int, int], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(colour, expected, strict=True))


LAND, SEA = (0xF2, 0xEF, 0xE9), (0xC9, 0xDD, 0xE9)


def test_without_internet_the_map_falls_back_to_the_offline_basemap(page, tmp_path, gazetteer):
    _open(page, _map_file(tmp_path, SEEDS))  # tiles asked for, and refused
    page.wait_for_function("window.strikemapBasemap === true", timeout=10_000)
    notice = page.locator(".sm-notice")
    assert "Map tiles could not be loaded" in notice.inner_text()
    _view(page, 47.0, 32.0, 6)
    assert _near(_colour_at(page, 49.0, 25.0), LAND)  # Ternopil Oblast
    assert _near(_colour_at(page, 43.8, 33.0), SEA)  # the Black Sea
    labels = page.locator(".sm-place").all_inner_texts()
    assert "Kyiv" in labels
    _open_layer_list(page)
    assert page.get_by_label("Offline basemap").is_checked()
    assert not page.get_by_label("Map tiles").is_checked()
    page.get_by_label("Map tiles").check()  # the user may still choose the tiles
    assert notice.count() == 0
    assert page.locator(".sm-place").count() == 0
    assert not page.errors


def test_a_map_made_without_tiles_draws_the_offline_basemap_quietly(page, tmp_path, gazetteer):
    _open(page, _map_file(tmp_path, SEEDS, tiles="none"))
    page.wait_for_function("window.strikemapBasemap === true", timeout=10_000)
    assert page.locator(".sm-notice").count() == 0
    _view(page, 47.0, 32.0, 6)
    assert _near(_colour_at(page, 49.0, 25.0), LAND)
    assert page.guard.outside == []


def _box(locator) -> tuple[float, float, float, float]:
    box = locator.bounding_box()
    return box["x"], box["y"], box["x"] + box["width"], box["y"] + box["height"]


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_at_375_px_the_layer_list_stays_folded_off_the_popup(page, tmp_path, gazetteer):
    page.set_viewport_size({"width": 375, "height": 740})
    _open(page, _map_file(tmp_path, SEEDS))
    assert page.locator(".leaflet-control-layers-expanded").count() == 0
    click_incident(page, 47.90572, 33.39404)
    popup = page.locator(".leaflet-popup-content-wrapper")
    popup.wait_for()
    assert not _overlap(_box(popup), _box(page.locator(".leaflet-control-layers")))
    legend = page.locator(".sm-legend").inner_text()
    for key in ("location uncertainty", "damage report", "claims about it", "contested"):
        assert key in legend
    assert not page.errors


def test_popup_shows_the_russian_claim_beside_the_ukrainian_figures(page, tmp_path, gazetteer):
    _open(page, _map_file(tmp_path, SEEDS))
    click_incident(page, 47.90572, 33.39404)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Kryvyi Rih" in text
    assert "Killed: at least 16" in text
    assert "Russian Ministry of Defence (Telegram) (Russian government)" in text  # the app's words
    assert "claimed; not corroborated: up to 85 military killed" in text
    assert "Ukrainian authorities" in text
    assert "at least 16 civilians killed" in text
    assert "Contested" in text
    assert "the centre of the place, not the impact point" in text
    assert "Latest credible killed figure: at least 18 (Novinite, 2025-04-07)" in text
    assert "superseded by this source's later figure" in text  # Zelensky's 14
    link = popup.locator("a[href^='https://euromaidanpress.com']")
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("target") == "_blank"


def test_hostile_report_text_is_shown_as_text(page, tmp_path, gazetteer):
    record = tmp_path / "hostile.yaml"
    record.write_text(
        "id: hostile\ndate: 2025-04-04\nplace: {name: Sumy, country: UA}\n"
        "sources:\n"
        "  - {id: x, name: '<img src=x onerror=alert(1)>', party: other, url: 'javascript:alert(1)'}\n"
        "casualties: [{source: x, killed: 3, note: '</script><script>alert(2)</script>'}]\n"
        'notes: "<b onmouseover=alert(3)>"\n',
        encoding="utf-8",
    )
    _open(page, _map_file(tmp_path, record))
    click_incident(page, 50.91741, 34.79906)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "<img src=x onerror=alert(1)>" in popup.inner_text()  # shown, not interpreted
    assert popup.locator("img").count() == 0
    assert popup.locator("a").count() == 0  # a javascript: URL never becomes a link
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert not page.errors


def test_packed_map_draws_and_opens_popups(page, tmp_path, seed_layers):
    from mapping.render.map import MapOptions, map_html

    out = tmp_path / "packed.html"
    out.write_text(map_html(seed_layers, MapOptions(pack_above=0)), encoding="utf-8")
    assert 'loading = strikemapUnpack("' in out.read_text(encoding="utf-8")
    _open(page, out.as_uri())
    assert page.evaluate("window.strikemapCount") == 3
    click_incident(page, 47.90572, 33.39404)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "claimed; not corroborated: up to 85 military killed" in popup.inner_text()
    _open_layer_list(page)
    for overlay in ("Location uncertainty", "Damage reports", "Claims"):  # filled when first shown
        page.get_by_label(overlay).check()
    page.wait_for_timeout(300)
    assert not page.errors


def test_every_popup_lists_its_own_sources(page, tmp_path, seed_layers):
    _open(page, _map_file(tmp_path, SEEDS))
    for incident in seed_layers.incidents.itertuples():
        click_incident(page, incident.geometry.y, incident.geometry.x)
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        text = popup.inner_text()
        assert incident.place in text
        names = seed_layers.sources.loc[seed_layers.sources["incident_id"] == incident.id, "name"]
        for name in names:
            assert name in text, (incident.id, name)
        page.keyboard.press("Escape")
        popup.wait_for(state="detached")


PAYLOAD = '<img src=x onerror="window.pwned=1">'


def test_a_payload_in_every_text_field_stays_text(page, tmp_path, gazetteer):
    p = PAYLOAD.replace('"', '\\"')
    record = tmp_path / "every-field.yaml"
    record.write_text(
        f"id: every-field\ndate: 2025-04-04\n"
        f'place: {{name: "Sumy {p}", country: UA, lat: 50.91741, lon: 34.79906, '
        f'precision: settlement, note: "{p}"}}\n'
        f'weapon: {{system: "{p}", category: drone, warhead: "{p}", note: "{p}", source: x}}\n'
        f'sources:\n  - {{id: x, name: "{p}", party: other, url: "data:text/html,{p}", '
        f'note: "{p}"}}\n'
        f'casualties: [{{source: x, killed: 3, note: "{p}"}}]\n'
        f'damage: [{{source: x, object: house, note: "{p}"}}]\n'
        f'claims: [{{source: x, about: target, text: "{p}", note: "{p}"}}]\n'
        f'notes: "{p}"\ntags: ["{p}"]\n',
        encoding="utf-8",
    )
    _open(page, _map_file(tmp_path, record))
    click_incident(page, 50.91741, 34.79906)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert PAYLOAD in popup.inner_text()
    assert popup.locator("img").count() == 0
    assert popup.locator("a[href^='data:']").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert page.dialogs == []
    # and in KML, the text Google Earth shows as HTML holds no tag
    kml = tmp_path / "every-field.kml"
    assert CliRunner().invoke(main, ["export", str(record), "-o", str(kml)]).exit_code == 0
    import xml.etree.ElementTree as ET

    # as a KML reader gets them; <name> is a plain-text label, the rest may be shown as HTML
    texts = [e.text or "" for e in ET.parse(kml).iter() if not e.tag.endswith("}name")]
    assert not any("<img" in t for t in texts)
    assert any("&lt;img" in t for t in texts)  # HTML-escaped inside the XML


def _large_map(page, tmp_path, n: int = 20_000) -> None:
    """Open the standalone map of `n` synthetic incidents, drawn; `window.strikemapMap` is its
    map and `window.strikemapView` what reads its data."""
    from benchmarks.synthetic import synthetic_tables
    from layers import build_layers
    from mapping.render.map import map_html

    out = tmp_path / "large.html"
    out.write_text(map_html(build_layers(synthetic_tables(n, seed=5))), encoding="utf-8")
    page.goto(out.as_uri())
    page.wait_for_function(
        f"window.strikemapReady === true && window.strikemapCount === {n}", timeout=30_000
    )
    page.evaluate(
        """() => window.strikemap.then(view => {
            window.strikemapView = view;
            for (var k in window) if (window.L && window[k] instanceof L.Map) window.strikemapMap = window[k];
        })"""
    )


def test_incidents_hidden_and_shown_again_are_all_drawn_again(page, tmp_path):
    _large_map(page, tmp_path)
    groups = page.locator(".sm-cluster")
    assert groups.count() > 0
    drawn = page.evaluate(
        """() => { var total = 0; document.querySelectorAll('.sm-cluster span').forEach(
            s => total += Number(s.textContent.replace(/,/g, ''))); return total; }"""
    )
    assert 0 < drawn <= 20_000  # the groups in view (and a margin) hold at most all of them
    page.evaluate(
        """() => { var layer = window.strikemapView.incidents();
            window.strikemapMap.removeLayer(layer); window.strikemapMap.addLayer(layer); }"""
    )
    assert groups.count() > 0  # drawn again
    # groups in one neutral colour, never a weapon's
    colour = groups.first.locator("div").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgba(55, 60, 72, 0.82)"
    assert not page.errors


def test_a_group_clicked_or_entered_zooms_in_to_where_it_splits(page, tmp_path):
    _large_map(page, tmp_path)
    zoom = page.evaluate("window.strikemapMap.getZoom()")
    page.locator(".sm-cluster").first.click()
    after = page.evaluate("window.strikemapMap.getZoom()")
    assert after > zoom
    # by keyboard: a group is a focusable marker whose name says what Enter does
    group = page.locator(".sm-cluster").first
    assert group.get_attribute("title").endswith(" incidents: zoom in")
    group.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.strikemapMap.getZoom()") > after
    # close enough, every incident is drawn on its own: no group is left in view
    page.evaluate("void window.strikemapMap.setZoom(13, {animate: false})")
    bounds = page.evaluate(
        """() => { var b = window.strikemapMap.getBounds();
            return window.strikemapView.incidents().points.getLayers()
              .filter(m => b.contains(m.getLatLng())).length; }"""
    )
    assert bounds > 0
    assert page.locator(".sm-cluster").count() == 0
    assert not page.errors


def test_incidents_at_one_point_stay_one_group_until_drawn_apart(page, tmp_path):
    # a town located by its centre holds many incidents at one point: a group that no zoom
    # splits, until zoom 13 draws each incident
    _large_map(page, tmp_path, 2_000)
    lat, lon, n = page.evaluate(
        """() => { var layer = window.strikemapView.incidents(), at = {}, best = null;
            layer.index.getClusters([-180, -90, 180, 90], 20).forEach(function (f) {
              var c = f.geometry.coordinates, key = c.join(",");
              at[key] = at[key] || [c[1], c[0], 0];
              at[key][2] += 1;  // each point the index gives at full zoom is one incident
              if (!best || at[key][2] > best[2]) best = at[key];
            });
            return best; }"""
    )
    assert n >= 2
    dots_there = f"""() => window.strikemapView.incidents().points.getLayers().filter(m =>
        Math.abs(m.getLatLng().lat - {lat}) < 1e-9 && Math.abs(m.getLatLng().lng - {lon}) < 1e-9
    ).length"""
    page.evaluate(f"void window.strikemapMap.setView([{lat}, {lon}], 12, {{animate: false}})")
    assert page.evaluate(dots_there) == 0
    counts = page.locator(".sm-cluster span").all_inner_texts()
    assert max(int(c.replace(",", "")) for c in counts) >= n
    page.evaluate(f"void window.strikemapMap.setView([{lat}, {lon}], 13, {{animate: false}})")
    assert page.evaluate(dots_there) == n
    assert not page.errors


def test_a_new_selection_shows_exactly_it_on_one_layer(page, tmp_path):
    # The app's map holds every incident and is told, on each filter change, which to show (in
    # a new feature group, as streamlit-folium sends it): one incidents layer stays, the dots
    # made stay, and what is shown at full zoom is exactly the selection.
    from benchmarks.synthetic import synthetic_tables
    from layers import build_layers
    from mapping.render.map import data_map, map_data

    out = tmp_path / "app-map.html"
    data = map_data(build_layers(synthetic_tables(20_000, seed=6)))
    out.write_text(data_map(data).get_root().render(), encoding="utf-8")
    page.goto(out.as_uri())
    page.wait_for_function("window.strikemap !== undefined", timeout=30_000)
    show = """keep => window.strikemap.then(view => {
        var map;
        for (var k in window) if (window.L && window[k] instanceof L.Map) map = window[k];
        if (window.shownGroup) map.removeLayer(window.shownGroup);
        window.shownGroup = L.featureGroup().addTo(map);
        view.draw(window.shownGroup, keep);
        window.strikemapMap = map;
        window.strikemapView = view;
    })"""
    shown = """() => {
        var layers = [], view = window.strikemapView;
        window.strikemapMap.eachLayer(l => { if (l instanceof view.Incidents) layers.push(l); });
        var all = layers[0].index.getClusters([-180, -90, 180, 90], 20);
        return [layers.length, all.map(f => f.properties.i).sort((a, b) => a - b)];
    }"""
    everything = list(range(20_000))
    page.evaluate(show, everything)
    page.wait_for_function("window.strikemapReady === true && window.strikemapCount === 20000")
    page.evaluate("void window.strikemapMap.setZoom(13, {animate: false})")
    first = page.evaluate(
        """() => { window.firstLayer = window.strikemapView.incidents();
            window.firstDot = window.firstLayer.points.getLayers()[0];
            return window.firstDot.strikemapIndex; }"""
    )
    for keep in (everything[::2], everything[5:9_000], [], everything[::3], everything):
        page.evaluate(show, keep)
        page.wait_for_function(
            f"window.strikemapReady === true && window.strikemapCount === {len(keep)}"
        )
        layers, indices = page.evaluate(shown)
        assert layers == 1
        assert indices == keep
    assert page.evaluate(
        f"""() => window.strikemapView.incidents() === window.firstLayer
            && window.firstLayer.markers[{first}] === window.firstDot"""
    )
    assert not page.errors


def test_the_legend_says_when_uncertainty_circles_are_off(page, tmp_path, seed_layers):
    from mapping.render.map import MapOptions, map_html

    out = tmp_path / "few-circles.html"
    out.write_text(map_html(seed_layers, MapOptions(circles_limit=2)), encoding="utf-8")
    _open(page, out.as_uri())
    legend = page.locator(".sm-legend").inner_text()
    assert "location uncertainty (off above 2 incidents: tick it in the layer list)" in legend
    _open(page, _map_file(tmp_path, SEEDS))  # 3 incidents, under the usual limit
    assert "off above" not in page.locator(".sm-legend").inner_text()


def test_an_incident_is_reached_and_opened_with_the_keyboard(page, tmp_path, gazetteer):
    _open(page, _map_file(tmp_path, SEEDS))
    page.evaluate("""() => { for (var k in window) if (window.L && window[k] instanceof L.Map)
        window[k].setView([47.90572, 33.39404], 14, {animate: false}); }""")
    twin = page.locator(".sm-key[aria-label*='Kryvyi Rih']")
    twin.wait_for(state="attached")
    for _ in range(40):  # Tab through the page as a keyboard user does
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('sm-key')"):
            break
    spoken = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert spoken == "Kryvyi Rih, 2025-04-04, Iskander-M, incident 2025-04-04-kryvyi-rih"
    # the twins are drawn again after a move: the focus stays on the same incident
    page.evaluate("""() => { for (var k in window) if (window.L && window[k] instanceof L.Map)
        window[k].fire("moveend"); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == spoken
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Kryvyi Rih" in popup.inner_text()
    assert not page.errors


def test_the_apps_selection_bits_give_back_its_positions(page, tmp_path):
    import base64

    import numpy as np

    from mapping.render.map import StrikeSelection

    _open(page, _map_file(tmp_path, SEEDS))
    rng = np.random.default_rng(3)
    for size, positions in [
        (20_003, np.flatnonzero(rng.random(20_003) < 0.3)),
        (9, np.array([0, 8])),
        (16, np.arange(16)),
        (5, np.array([], dtype=int)),
    ]:
        bits = StrikeSelection(positions, size).keep_bits
        assert len(base64.b64decode(bits)) == (size + 7) // 8
        assert page.evaluate("b => strikemapPositions(b)", bits) == positions.tolist()
