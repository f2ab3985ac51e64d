"""The map's scripts and stylesheets, from installed packages, as data: URLs.

folium's default page loads Leaflet, jQuery, Bootstrap, Font Awesome and awesome-markers from
CDNs, so an analyst without internet sees a blank map. strikemap's maps use only Leaflet, from
the `xstatic-leaflet` package, and supercluster, which groups the incidents (npm only; its
minified build ships in `scripts/` with its licence), embedded as data: URLs (images inside
the CSS too). The same URLs work in a
standalone HTML file and inside streamlit-folium, which loads each script by its URL.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path

import xstatic.pkg.leaflet as leaflet

_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[^'\")]+)\1\)")
_SCRIPTS = Path(__file__).parent / "scripts"


def _folder(package) -> Path:
    return Path(package.BASE_DIR)


def _data_url(mime: str, content: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def _script(path: Path) -> str:
    text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
    return _data_url("text/javascript", text.encode("utf-8"))


def _stylesheet(path: Path) -> str:
    def inline(match: re.Match[str]) -> str:
        image = path.parent / match.group(2)
        return f"url({_data_url('image/png', image.read_bytes())})"

    text = _CSS_URL.sub(inline, path.read_text(encoding="utf-8"))
    return _data_url("text/css", text.encode("utf-8"))


@cache
def scripts() -> list[tuple[str, str]]:
    """(name, data: URL) of every script the map needs, in load order."""
    return [
        ("leaflet", _script(_folder(leaflet) / "leaflet.js")),
        ("supercluster", _script(_SCRIPTS / "supercluster.min.js")),
        ("strikemap_unpack", _script(_SCRIPTS / "unpack.js")),
    ]


@cache
def stylesheets() -> list[tuple[str, str]]:
    """(name, data: URL) of every stylesheet the map needs."""
    return [("leaflet_css", _stylesheet(_folder(leaflet) / "leaflet.css"))]
