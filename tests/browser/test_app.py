"""The Streamlit app, driven as a user would in a real browser with no internet."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pyogrio
import pytest

from tests.browser.helpers import App, choose, click_incident, map_frame, open_path
from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]
SCREENSHOT = ROOT / "docs" / "app.png"


def open_app(page, url: str):
    """Load the app and return the map's frame once its markers are drawn."""
    page.goto(url)
    return map_frame(page)


def test_app_opens_the_seeds_on_a_map_offline(page, app):
    frame = open_app(page, app.url)
    assert frame.evaluate("window.strikemapCount") == 3
    assert "3 of 3" in page.get_by_test_id("stMetric").inner_text()
    assert page.guard.not_tiles == [], page.guard.not_tiles
    # the tiles are refused: the offline basemap is drawn instead, and says so
    frame.wait_for_function("window.strikemapBasemap === true", timeout=10_000)
    assert "Map tiles could not be loaded" in frame.locator(".sm-notice").inner_text()
    assert frame.locator(".sm-place").count() > 5
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ROOT / "tests" / "app-screenshot.png"))
    if os.environ.get("STRIKEMAP_UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / "tests" / "app-screenshot.png", SCREENSHOT)


RING = """(() => { let at = null;
    window.map.eachLayer(l => { if (l.options && l.options.className === "sm-selected") at = l.getLatLng(); });
    return at && [at.lat, at.lng]; })()"""


def _ringed(frame, lat: float, lon: float) -> None:
    """Wait until the map rings the incident at lat/lon as the one picked."""
    frame.wait_for_function(
        f"(() => {{ const at = {RING}; return at && Math.abs(at[0] - {lat}) < 1e-4"
        f" && Math.abs(at[1] - {lon}) < 1e-4; }})()",
        timeout=30_000,
    )


def test_weapon_filter_changes_the_markers(page, app):
    before = open_app(page, app.url)
    before.evaluate("window.strikemapStays = true")
    choose(page, "Weapon category", "cruise missile")  # labels, not the files' values
    frame = map_frame(page, expect=1)
    assert frame.evaluate("window.strikemapCount") == 1
    # the map's page stays (not reloaded, though the address changed); only the selection was sent
    assert frame.evaluate("window.strikemapStays") is True
    assert "1 of 3" in page.get_by_test_id("stMetric").inner_text()


def test_dates_by_preset_and_typed_with_an_empty_state(page, app):
    open_app(page, app.url)
    page.get_by_label("Dates").click()  # the seeds are from 2023 and 2025
    page.get_by_role("option", name="Last 30 days").click()
    map_frame(page, expect=0)
    assert (
        "No incident passes these filters (3 loaded)"
        in page.get_by_test_id("stAlert").first.inner_text()
    )
    page.get_by_label("Dates").click()
    page.get_by_role("option", name="Between dates…").click()
    for field, digits in (("From", "20250401"), ("To", "20250430")):  # typed, segment by segment
        page.get_by_label(field, exact=True).get_by_role("spinbutton").first.click()
        page.keyboard.type(digits)
        page.keyboard.press("Enter")
    map_frame(page, expect=2)  # Kryvyi Rih on 4 April, Sumy on 13 April
    assert "2 of 3" in page.get_by_test_id("stMetric").inner_text()
    assert page.get_by_text("Filters combine").is_visible()


def test_a_link_carries_the_filters_and_the_incident_shown(page, app):
    open_app(page, app.url)
    choose(page, "Weapon category", "ballistic missile")
    map_frame(page, expect=2)
    page.wait_for_function("location.search.includes('category=ballistic_missile')")
    linked = f"{app.url}?category=ballistic_missile&dates=All+dates&incident=2025-04-13-sumy"
    page.goto(linked)
    map_frame(page, expect=2)
    page.get_by_role("heading", name="Sumy · 2025-04-13").wait_for(timeout=30_000)
    assert "2 of 3" in page.get_by_test_id("stMetric").inner_text()
    page.goto(f"{app.url}?category=no_such_weapon&killed=abc&dates=someday")  # ignored, no error
    map_frame(page, expect=3)
    assert page.get_by_test_id("stException").count() == 0


def test_clicking_kryvyi_rih_shows_both_sides_marked(page, app):
    frame = open_app(page, app.url)
    frame.evaluate("void window.map.setView([47.90572, 33.39404], 9, {animate: false})")
    click_incident(page, 47.90572, 33.39404, frame=frame)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    # the incident clicked is ringed, and the map stays where the user put it
    _ringed(frame, 47.90572, 33.39404)
    assert frame.evaluate("window.map.getZoom()") == 9
    # short: the headline, the claim outside it, and where the rest is
    assert "Killed: at least 16" in text
    assert "Russian Ministry of Defence (Telegram) (claimed): up to 85 military killed" in text
    assert "in the panel beside the map" in text
    assert "Casualty statements" not in text
    # The click also selects the incident: its statements appear side by side by source.
    page.get_by_text("Contested: the parties' accounts of this strike conflict.").wait_for(
        timeout=30_000
    )
    assert page.get_by_role("heading", name="Kryvyi Rih · 2025-04-04").is_visible()
    assert page.get_by_text("Latest credible killed figure:").is_visible()
    assert page.get_by_text("Killed: at least 16 · Injured: at least 51").is_visible()
    # the panel's source blocks render one by one: wait for them (a busy machine is slow)
    page.get_by_text("Russian Ministry of Defence (Telegram) · Russian government").wait_for(
        timeout=30_000
    )
    page.get_by_text("• up to 85 military killed [claimed]").first.wait_for(timeout=30_000)
    link = page.get_by_role("link", name="Open the source").first
    assert link.get_attribute("href").startswith("https://")


def test_enter_on_a_focused_incident_opens_its_detail(page, app):
    frame = open_app(page, app.url)
    frame.evaluate("void window.map.setView([47.90572, 33.39404], 14, {animate: false})")
    twin = frame.locator(".sm-key[aria-label*='Kryvyi Rih']")
    twin.focus()  # reached by Tab as in the standalone page's test
    page.keyboard.press("Enter")
    assert "Kryvyi Rih" in frame.locator(".leaflet-popup-content").inner_text()
    page.get_by_role("heading", name="Kryvyi Rih · 2025-04-04").wait_for(timeout=30_000)


def test_a_row_picked_in_the_table_centres_the_map_on_it(page, app):
    frame = open_app(page, app.url)
    grid = page.get_by_test_id("stDataFrame").first
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)  # the first row (newest): Sumy
    page.get_by_role("heading", name="Sumy · 2025-04-13").wait_for(timeout=30_000)
    _ringed(map_frame(page), 50.91741, 34.79906)
    frame = map_frame(page)
    frame.wait_for_function(
        """(() => { const map = window.map;
                   const c = map.getCenter();
                   return Math.abs(c.lat - 50.917) < 0.05 && Math.abs(c.lng - 34.799) < 0.05; })()""",
        timeout=30_000,
    )


def _contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb()/rgba() colours (the background taken as opaque)."""

    def luminance(colour: str) -> float:
        channels = [float(c) / 255 for c in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_in_dark_mode_the_legend_and_notices_stay_readable(browser, app):
    from tests.browser.helpers import Guard

    context = browser.new_context(viewport={"width": 1400, "height": 1000}, color_scheme="dark")
    context.route("**/*", Guard())
    page = context.new_page()
    try:
        frame = open_app(page, app.url)
        app_background = page.locator(".stApp").evaluate("e => getComputedStyle(e).backgroundColor")
        assert _contrast(app_background, "rgb(255, 255, 255)") > 10  # the app is dark
        frame.wait_for_function("window.strikemapBasemap === true", timeout=10_000)
        texts = frame.locator(".sm-legend div, .sm-legend b, .sm-notice")
        assert texts.count() > 5
        for colours in texts.evaluate_all(
            """elements => elements.map(e => {
                let box = e;
                while (!box.matches(".sm-legend, .sm-notice")) box = box.parentElement;
                return [getComputedStyle(e).color, getComputedStyle(box).backgroundColor];
            })"""
        ):
            assert _contrast(*colours) >= 4.5, colours
    finally:
        context.close()


def test_download_returns_valid_geojson(page, app, tmp_path):
    open_app(page, app.url)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="GeoJSON (flat)").click()
    path = tmp_path / "download.geojson"
    download.value.save_as(path)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection
    read = pyogrio.read_dataframe(path)
    assert sorted(read["id"]) == ["2023-01-14-dnipro", "2025-04-04-kryvyi-rih", "2025-04-13-sumy"]


def test_hostile_record_is_text_in_the_app(page, tmp_path, gazetteer):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "hostile.yaml").write_text(
        "id: hostile\ndate: 2025-04-04\nplace: {name: Sumy, country: UA}\n"
        "sources:\n  - {id: x, name: '<img src=x onerror=alert(1)>', party: other, url: 'javascript:alert(1)'}\n"
        "casualties: [{source: x, killed: 3}]\n",
        encoding="utf-8",
    )
    running = App(data_folders=(tmp_path,))
    try:
        page.goto(running.url)
        open_path(page, folder)
        frame = map_frame(page, expect=1)
        click_incident(page, 50.91741, 34.79906, frame=frame)
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for()
        assert "<img src=x onerror=alert(1)>" in popup.inner_text()
        assert popup.locator("img, a").count() == 0
        page.wait_for_timeout(500)
        assert page.dialogs == []
        assert frame.locator("img[src='x']").count() == 0
    finally:
        running.stop()


REPORT = """4 April 2025
KYIV, April 4 (Reuters) - A Russian ballistic missile struck a residential district of
Kryvyi Rih on Friday evening, killing at least 16 civilians, Ukrainian authorities said.
Russia's Ministry of Defense said it had hit a meeting of unit commanders and Western
instructors, killing up to 85 servicemen. It provided no evidence."""


def test_pasted_report_becomes_a_draft_on_the_map(page, app):
    open_app(page, app.url)
    page.get_by_text("Draft an incident from a report", exact=True).click()
    page.get_by_label("Paste a report (English, Ukrainian or Russian)").fill(REPORT)
    page.get_by_role("button", name="Draft", exact=True).click()
    frame = map_frame(page, expect=4)
    assert frame.evaluate("window.strikemapCount") == 4
    code = page.locator('[data-testid="stCode"]').first
    code.wait_for()
    text = code.inner_text()
    assert "review: draft" in text
    assert "date: 2025-04-04" in text
    assert "status: claimed" in text
    assert page.get_by_role("button", name="Download the draft (YAML)").is_visible()
    # the draft is offered to the incident it matches, with the evidence
    offer = page.get_by_text("Looks like the same strike as 2025-04-04-kryvyi-rih")
    offer.wait_for()
    assert "same day" in offer.inner_text()
    merged = "Download 2025-04-04-kryvyi-rih with this draft merged in (YAML)"
    assert page.get_by_role("button", name=merged).is_visible()
    page.get_by_text("Find reports of the same strike", exact=True).click()
    page.get_by_text("Reports of the same strike: 1 merge(s) proposed", exact=False).wait_for()
    download = "Download the records with the merges (YAML)"
    page.get_by_role("button", name=download).wait_for()
    page.get_by_role("button", name="Discard the draft").click()
    map_frame(page, expect=3)


def test_app_opens_a_team_store(page, app, tmp_path, resolved):
    from mapping.store import open_store

    store_path = tmp_path / "team.gpkg"
    with open_store(store_path) as store:
        store.put(resolved[:2], author="tester")
    page.goto(app.url)
    map_frame(page)
    page.get_by_text("Data", exact=True).click()
    field = page.get_by_label("…or a team store")
    field.fill(str(store_path))
    field.press("Enter")
    frame = map_frame(page, expect=2)
    assert frame.evaluate("window.strikemapCount") == 2
    assert str(store_path) in page.get_by_role("heading", name="Strikes").first.inner_text()


def test_app_opens_a_postgis_store_typed_in_the_sidebar(page, app, resolved, postgres):
    from mapping.store import open_store

    with open_store(postgres.url) as store:
        store.put(resolved[:2], author="tester")
    page.goto(app.url)
    map_frame(page)
    page.get_by_text("Data", exact=True).click()
    field = page.get_by_label("…or a team store")
    field.fill(postgres.url)  # a URL, not a path: its "//" must survive
    field.press("Enter")
    frame = map_frame(page, expect=2)
    assert frame.evaluate("window.strikemapCount") == 2
    heading = page.get_by_role("heading", name="Strikes").first.inner_text()
    assert f"127.0.0.1:{postgres.port}" in heading
    assert not page.locator('[data-testid="stException"]').count()


def test_markdown_in_record_text_is_shown_as_written(page, tmp_path, gazetteer):
    beacon = "![t](http://tracker.invalid/x.png)"
    (tmp_path / "beacon.yaml").write_text(
        f"id: beacon\ndate: 2025-04-04\nplace: {{name: '{beacon} [go](javascript:alert(1))', "
        "lat: 50.91741, lon: 34.79906, precision: settlement}\n"
        "sources: [{id: x, name: X, party: other}]\ncasualties: [{source: x, killed: 3}]\n",
        encoding="utf-8",
    )
    running = App(data_folders=(tmp_path,))
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    try:
        page.goto(running.url)
        open_path(page, tmp_path / "beacon.yaml")
        frame = map_frame(page, expect=1)
        click_incident(page, 50.91741, 34.79906, frame=frame)
        heading = page.locator('[data-testid="stHeading"]', has_text="tracker.invalid").last
        heading.wait_for()
        # shown as written (an invisible break after "http:" keeps it from becoming a link)
        assert beacon in heading.inner_text().replace("\u200b", "")
        assert heading.locator("img").count() == 0
        # only the heading's own anchor is a link: nothing the record wrote
        links = [a.get_attribute("href") for a in heading.locator("a").all()]
        assert all(link.startswith("#") for link in links), links
        assert not [url for url in asked if "tracker.invalid" in url]
    finally:
        running.stop()


def test_the_path_box_reads_only_the_data_folders(page, app, tmp_path):
    open_app(page, app.url)
    open_path(page, Path("/etc"))
    page.get_by_text("Only files inside the data folders can be read").wait_for()


def test_an_upload_is_kept_privately_and_its_problems_name_the_file_given(page, app, tmp_path):
    bad = tmp_path / "my records.yaml"
    bad.write_text(
        "id: fine\ndate: 2025-04-04\nplace: {name: Sumy, lat: 50.9, lon: 34.8, precision: "
        "settlement}\nsources: [{id: a, name: A, party: other}]\n---\n"
        "id: broken\ndate: 2025-02-30\nplace: {name: Sumy}\nsources: [{id: a, name: A, party: other}]\n",
        encoding="utf-8",
    )
    open_app(page, app.url)
    page.get_by_text("Data", exact=True).click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bad))
    map_frame(page, expect=1)
    problems = page.get_by_text("problem(s) in the data")
    problems.wait_for()
    table = page.locator('[data-testid="stDataFrame"]').first
    table.wait_for()
    table.locator('[role="gridcell"]', has_text="broken").wait_for(state="attached")
    cells = table.locator('[role="gridcell"]').all_inner_texts()
    assert cells[:4] == ["my records.yaml", "7", "broken", "date"]  # not the server's path
    folders = [p for p in Path(tempfile.gettempdir()).glob("strikemap-session-*") if p.is_dir()]
    assert folders
    assert all(oct(folder.stat().st_mode)[-3:] == "700" for folder in folders)
