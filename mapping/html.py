"""The one place report text is made safe for HTML: escaping and link checks."""

from __future__ import annotations

import html
from urllib.parse import urlsplit


def escape_html(text: object) -> str:
    """Text (any value) escaped for HTML element content and attribute values."""
    return "" if text is None else html.escape(str(text), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) address with a host, else None (never a link)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch in url for ch in "\"'<>`\\ \t\r\n"):
        return None
    return url
