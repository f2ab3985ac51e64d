"""The map on SYNTHETIC incidents (1k, 10k, 100k) in headless Debian chromium, next to the naive
folium page (one `folium.Marker` with a `Popup` per incident), and the app's filter → map time.

For each size: time to build the HTML, its size in bytes per incident, and the time from
navigation start until every marker is on the map (strikemap: `window.strikemapReady`; naive:
every marker element in the page). The naive page loads Leaflet and jQuery from CDNs; here those
requests are answered from the same installed packages (the naive page's best case: no network
wait), and its Bootstrap/Font Awesome requests are refused as they would be offline.

The app: `streamlit run app.py` on 10k and 100k incidents typed into its Data box: the time to
open them, from a marker click to its popup, and from a change of the killed box (Enter) to the
new map, twice: as the test driver sees the map drawn (it polls the map's frame, and its polls
wait behind whatever else the page is doing), and in the page's own clock, from the key to the
first animation frame after the map says it is drawn (what a user sees).

Run: `python benchmarks/run.py bench_map` (or with sizes: `... bench_map 1000 10000`).
"""

from __future__ import annotations

import html
import statistics
import sys
import tempfile
import time
from pathlib import Path

import xstatic.pkg.jquery as jquery
import xstatic.pkg.leaflet as leaflet

DEFAULT_SIZES = (1_000, 10_000, 100_000)
NAIVE_LIMIT = 100_000  # the naive page at 100k takes about a minute to build
APP_SIZES = (10_000, 100_000)
PAGE_TIMEOUT_MS = 300_000

# The naive page's CDN assets, answered from installed packages.
_LOCAL_COPIES = {
    "leaflet.js": (Path(leaflet.BASE_DIR) / "leaflet.js", "text/javascript"),
    "leaflet.css": (Path(leaflet.BASE_DIR) / "leaflet.css", "text/css"),
    "jquery-3.7.1.min.js": (Path(jquery.BASE_DIR) / "jquery.min.js", "text/javascript"),
}


def naive_map(incidents):
    """What a first folium script does: one Marker with a Popup and a Tooltip per incident."""
    import folium
    import pandas as pd

    fmap = folium.Map(location=[48.5, 31.5], zoom_start=6)
    for row in incidents.itertuples(index=False):
        killed = "" if pd.isna(row.killed_min) else row.killed_min
        popup = (
            f"<b>{html.escape(row.place)}</b><br>{html.escape(row.date)}"
            f"<br>{html.escape(str(row.weapon_system))}<br>Killed: {killed}"
            f"<br>Sources: {html.escape(str(row.sources))}"
        )
        folium.Marker(
            [row.geometry.y, row.geometry.x],
            popup=folium.Popup(popup, max_width=300),
            tooltip=f"{html.escape(row.place)} {html.escape(row.date)}",
        ).add_to(fmap)
    return fmap


def _serve_locally(route) -> None:
    url = route.request.url
    if url.startswith(("file:", "data:", "http://127.0.0.1")):
        route.continue_()
        return
    name = url.rsplit("/", 1)[-1]
    if name in _LOCAL_COPIES:
        path, mime = _LOCAL_COPIES[name]
        route.fulfill(body=path.read_bytes(), content_type=mime)
    else:
        route.abort()


def _time_to_markers(browser, path: Path, ready: str) -> float:
    """Seconds from navigation start until the JS expression `ready` holds."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*", _serve_locally)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=PAGE_TIMEOUT_MS)
        handle = page.wait_for_function(
            f"() => ({ready}) && performance.now()", polling="raf", timeout=PAGE_TIMEOUT_MS
        )
        if errors:
            raise RuntimeError(f"{path.name}: {errors[0]}")
        return handle.json_value() / 1000
    finally:
        context.close()


def map_rows(sizes: list[int]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from benchmarks.synthetic import synthetic_tables
    from layers import build_layers
    from mapping.extraction.actors import slug
    from mapping.render.map import map_html
    from tests.browser.helpers import launch

    rows: list[dict] = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as folder:
        browser = launch(playwright)

        def measure(n: int, name: str, render, ready: str) -> None:
            started = time.perf_counter()
            page = render()
            built = time.perf_counter() - started
            path = Path(folder) / f"{slug(name)}-{n}.html"
            path.write_text(page, encoding="utf-8")
            shown = _time_to_markers(browser, path, ready)
            rows.append(
                {
                    "n": n,
                    "page": name,
                    "build": built,
                    "bytes": path.stat().st_size,
                    "browser": shown,
                }
            )

        for n in sizes:
            layers = build_layers(synthetic_tables(n, seed=1))
            measure(
                n,
                "strikemap",
                lambda layers=layers: map_html(layers),
                f"window.strikemapReady === true && window.strikemapCount === {n}",
            )
            if n <= NAIVE_LIMIT:
                measure(
                    n,
                    "naive folium Marker+Popup",
                    lambda layers=layers: naive_map(layers.incidents).get_root().render(),
                    f"document.querySelectorAll('.leaflet-marker-icon').length === {n}",
                )
        browser.close()
    return rows


def app_rows(n: int) -> list[dict]:
    """The running app: seconds from the user's action to the drawn map or the open popup."""
    from playwright.sync_api import sync_playwright

    from benchmarks.synthetic import synthetic_tables
    from layers import build_layers
    from mapping.filters import IncidentFilter
    from mapping.formats import export
    from tests.browser.helpers import (
        App,
        click_incident,
        launch,
        map_frame,
        open_path,
        settled,
    )

    layers = build_layers(synthetic_tables(n, seed=1))

    def shown(**criteria) -> int:
        return len(IncidentFilter.create(**criteria).apply(layers).incidents)

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        data = Path(folder) / "synthetic.gpkg"
        export(layers, data)
        app = App(data_folders=(Path(folder),))
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            started = time.perf_counter()
            page.goto(app.url)
            map_frame(page, timeout=120)  # the bundled seeds: the app is up and drawn
            rows.append(
                {"step": "open the app (bundled seeds)", "seconds": time.perf_counter() - started}
            )
            started = time.perf_counter()
            open_path(page, data)
            map_frame(page, expect=n, timeout=600)
            rows.append(
                {
                    "step": f"open {n:,} incidents (typed in Data; read, check, build, draw)",
                    "seconds": time.perf_counter() - started,
                }
            )

            frame = map_frame(page, expect=n)
            point = layers.incidents.geometry.iloc[0]
            frame.evaluate(
                f"void window.map.setView([{point.y}, {point.x}], 15, {{animate: false}})"
            )
            frame.wait_for_timeout(1000)
            started = time.perf_counter()
            click_incident(page, point.y, point.x, frame=frame)
            frame.locator(".leaflet-popup-content").wait_for()
            rows.append(
                {"step": "click a marker → its popup", "seconds": time.perf_counter() - started}
            )
            frame.evaluate("void window.map.closePopup()")
            settled(page)

            # In the page's own clock: from the key press to the frame that shows the new
            # map (the first animation frame after the map says it is drawn). The driver's poll for the
            # drawn map waits behind whatever else the page then does (the table, the chart),
            # so its time is the longer one.
            page.evaluate(
                """document.addEventListener("keydown", function (e) {
                    if (e.key === "Enter") window.benchKey = Date.now(); }, true)"""
            )
            frame.evaluate(
                """void (window.map || window[document.querySelector(".folium-map").id]).on(
                    "strikemap:ready", function () {
                        requestAnimationFrame(function () { window.benchPainted = Date.now(); });
                    })"""
            )

            def timed(step: str, prepare, act, expected: int) -> None:
                prepare()
                started = time.perf_counter()
                act()
                drawn = map_frame(page, expect=expected)
                seconds = time.perf_counter() - started
                drawn.wait_for_function("window.benchPainted !== undefined")
                in_page = drawn.evaluate("window.benchPainted") - page.evaluate("window.benchKey")
                drawn.evaluate("window.benchPainted = undefined")
                rows.append(
                    {
                        "step": f"{step} → map shows {expected:,}",
                        "seconds": seconds,
                        "in_page": in_page / 1000,
                    }
                )
                page.keyboard.press("Escape")
                settled(page)

            # the number box: a multiselect's list may close when a run ends at 100k
            killed = page.get_by_label("At least killed (headline)")
            for k in (1, 2, 0, 3, 5):
                timed(
                    f"at least {k} killed",
                    lambda k=k: killed.fill(str(k)),
                    lambda: killed.press("Enter"),
                    shown(min_killed=k or None),
                )
        finally:
            browser.close()
            app.stop()
    return rows


def main(argv: list[str] | None = None) -> None:
    sizes = [int(a) for a in (argv or [])] or list(DEFAULT_SIZES)
    rows = map_rows(sizes)
    print(
        f"{'incidents':>10}  {'page':<27} {'build s':>8} {'HTML MB':>8} {'bytes/inc':>10} "
        f"{'markers in page s':>18}"
    )
    for row in rows:
        print(
            f"{row['n']:>10,}  {row['page']:<27} {row['build']:>8.2f} {row['bytes'] / 2**20:>8.1f}"
            f" {row['bytes'] / row['n']:>10,.0f} {row['browser']:>18.2f}"
        )
    for n in sizes:
        pair = [r for r in rows if r["n"] == n]
        if len(pair) == 2:
            ours, naive = pair
            print(
                f"{n:>10,}  strikemap vs naive: build {naive['build'] / ours['build']:.1f}x, "
                f"HTML {naive['bytes'] / ours['bytes']:.1f}x smaller, "
                f"markers {naive['browser'] / ours['browser']:.1f}x sooner"
            )
    for n in APP_SIZES:
        print()
        steps = app_rows(n)
        print(f"{'app (streamlit run, headless chromium)':<60} {'seconds':>8} {'in page':>8}")
        for row in steps:
            in_page = f"{row['in_page']:>8.2f}" if "in_page" in row else ""
            print(f"{row['step']:<60} {row['seconds']:>8.2f} {in_page}")
        changes = [r for r in steps if "in_page" in r]
        print(
            f"{'filter → map, median of ' + str(len(changes)):<60} "
            f"{statistics.median(r['seconds'] for r in changes):>8.2f} "
            f"{statistics.median(r['in_page'] for r in changes):>8.2f}"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main(sys.argv[1:])
