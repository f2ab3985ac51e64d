"""The map's scripts and stylesheets, from installed packages, as data: URLs or where a server
puts them.

folium's default page loads Leaflet, jQuery, Bootstrap, Font Awesome and awesome-markers from
CDNs, so an analyst without internet sees a blank map. strikemap's maps use only Leaflet, from
the `xstatic-leaflet` package, and supercluster, which groups the incidents (npm only; its
minified build ships in `scripts/` with its licence), embedded as data: URLs (images inside
the CSS too). The same URLs work in a standalone HTML file and inside streamlit-folium, which
loads each script by its URL; the app serves them instead, so that they are not sent again
with the map on every run.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import xstatic.pkg.leaflet as leaflet

_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[^'\")]+)\1\)")
_SCRIPTS = Path(__file__).parent / "scripts"
_JS, _CSS = "text/javascript", "text/css"
# (content, a file name) → a URL the page can fetch the content from, or None
Serve = Callable[[bytes, str], str | None]


def _folder(package) -> Path:
    return Path(package.BASE_DIR)


def _data_url(mime: str, content: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def _script_text(path: Path) -> bytes:
    return _SOURCE_MAP.sub("", path.read_text(encoding="utf-8")).encode("utf-8")


def _stylesheet_text(path: Path) -> bytes:
    def inline(match: re.Match[str]) -> str:
        image = path.parent / match.group(2)
        return f"url({_data_url('image/png', image.read_bytes())})"

    return _CSS_URL.sub(inline, path.read_text(encoding="utf-8")).encode("utf-8")


@cache
def _files() -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    """(file name, content) of every script, in load order, and of every stylesheet."""
    scripts = [
        ("leaflet.js", _script_text(_folder(leaflet) / "leaflet.js")),
        ("supercluster.js", _script_text(_SCRIPTS / "supercluster.min.js")),
        ("strikemap_unpack.js", _script_text(_SCRIPTS / "unpack.js")),
    ]
    return scripts, [("leaflet.css", _stylesheet_text(_folder(leaflet) / "leaflet.css"))]


def _urls(files: list[tuple[str, bytes]], mime: str, serve: Serve | None) -> list[tuple[str, str]]:
    urls = []
    for name, content in files:
        url = serve(content, name) if serve else None
        urls.append((name.replace(".", "_"), url or _data_url(mime, content)))
    return urls


@cache
def _inline(kind: int, mime: str) -> list[tuple[str, str]]:
    return _urls(_files()[kind], mime, None)


def scripts(serve: Serve | None = None) -> list[tuple[str, str]]:
    """(name, URL) of every script the map needs, in load order: data: URLs, or where `serve`
    puts them."""
    return _urls(_files()[0], _JS, serve) if serve else _inline(0, _JS)


def stylesheets(serve: Serve | None = None) -> list[tuple[str, str]]:
    """(name, URL) of every stylesheet the map needs, as `scripts` gives them."""
    return _urls(_files()[1], _CSS, serve) if serve else _inline(1, _CSS)
