"""Driving a real browser (Debian's chromium, headless) on a network that reaches only this
machine, and the app under `streamlit run`: shared by the browser tests and the benchmarks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LOCAL = (
    "http://127.0.0.1",
    "http://localhost",
    "ws://127.0.0.1",
    "ws://localhost",
    "file:",
    "data:",
    "blob:",
    "about:",
)


def _tile(url: str) -> bool:
    return "tile.openstreetmap.org" in url


class Guard:
    """Blocks every request that is not to this machine, and remembers what was asked for."""

    def __init__(self) -> None:
        self.outside: list[str] = []

    def __call__(self, route) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    @property
    def not_tiles(self) -> list[str]:
        return [u for u in self.outside if not _tile(u)]


BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def launch(playwright):
    """Headless Debian chromium (not a downloaded build)."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(
            "Debian's chromium is not installed: `make test` installs it (scripts/system-deps.sh)"
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class App:
    """`streamlit run app.py` on a free 127.0.0.1 port, started and stopped by the tests."""

    def __init__(self, data_folders: tuple[Path, ...] = ()) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        if data_folders:  # the folders the app's path and store boxes may read
            env["STRIKEMAP_DATA_DIRS"] = os.pathsep.join(str(f) for f in (ROOT, *data_folders))
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(ROOT / "app.py"),
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("the app did not start within 60 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def map_frame(page, expect: int | None = None, timeout: float = 60):
    """The app's map frame once its markers are drawn (a changed map comes in a new frame)."""
    condition = "window.strikemapReady === true" + (
        f" && window.strikemapCount === {expect}" if expect is not None else ""
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for handle in page.query_selector_all('iframe[title="streamlit_folium.st_folium"]'):
            frame = handle.content_frame()
            try:
                if frame is not None and frame.evaluate(condition):
                    return frame
            except PlaywrightError:  # the frame went away while we asked
                pass
        page.wait_for_timeout(50)
    raise AssertionError(f"the map never satisfied: {condition}")


def settled(page) -> None:
    """Wait until the app has finished its run (no stale elements from the run before)."""
    page.wait_for_function(
        "document.querySelectorAll('[data-stale=\"true\"]').length === 0", timeout=60_000
    )


def multiselect(page, label: str):
    """The input of the sidebar multiselect labelled `label`, once the app has settled."""
    settled(page)
    return page.locator('[data-testid="stMultiSelect"]').filter(has_text=label).locator("input")


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the sidebar multiselect labelled `label`."""
    multiselect(page, label).click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def open_path(page, path: Path) -> None:
    """Type a file or folder into the app's Data box."""
    page.get_by_text("Data", exact=True).click()
    field = page.get_by_label("…or a file or folder on this machine")
    field.fill(str(path))
    field.press("Enter")


def click_incident(page, lat: float, lon: float, frame=None) -> None:
    """Click the marker at lat/lon (found through Leaflet's own projection)."""
    where = frame or page
    container, x, y = where.evaluate(
        f"""(() => {{
            const map = window.map || window[document.querySelector('.folium-map').id];
            const point = map.latLngToContainerPoint([{lat}, {lon}]);
            return [map.getContainer().id, point.x, point.y];
        }})()"""
    )
    where.locator(f"#{container}").click(position={"x": x, "y": y})
