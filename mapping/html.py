"""The one place report text is made safe where it is shown: HTML, Markdown, spreadsheets."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

# Every ASCII character Markdown (and Streamlit's extensions: colour and icon directives,
# LaTeX) gives a meaning; a backslash makes each literal.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=])")


def escape_html(text: object) -> str:
    """Text (any value) escaped for HTML element content and attribute values."""
    return "" if text is None else html.escape(str(text), quote=True)


# What GitHub-flavoured Markdown turns into a link even when escaped: "http://", "www.", "@";
# an invisible break (a zero-width space) after each stops it.
_AUTOLINK = re.compile(r"\\:(?=//)|www(?=\\\.)|@", re.IGNORECASE)


def escape_markdown(text: object) -> str:
    """Text shown literally where Markdown is rendered (the app's headings and captions): no
    links, images, emphasis or directives from a record's text or a file's name."""
    if text is None:
        return ""
    escaped = _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))
    return _AUTOLINK.sub(lambda found: found.group() + "&#8203;", escaped)


# An http(s) address whose host is plain ASCII and which holds no character that could end an
# attribute: what `safe_url` accepts, recognised without urlsplit (a page of 100k sources
# spent 1.6 s there). Anything else takes the full check.
_PLAIN_WEB_ADDRESS = re.compile(
    r"https?://[A-Za-z0-9\-._~%!$&()*+,;=:@]+(?:[/?#][^\s\"'<>`\\]*)?", re.IGNORECASE
)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) address with a host, else None (never a link)."""
    if not url:
        return None
    url = url.strip()
    if _PLAIN_WEB_ADDRESS.fullmatch(url):
        return url
    return _checked_url(url)


def _checked_url(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch in url for ch in "\"'<>`\\ \t\r\n"):
        return None
    return url


def markdown_url(url: str) -> str:
    """A `safe_url` address for the target of a Markdown link: the characters Markdown reads
    in a link target (brackets, parentheses, '*', '_') percent-encoded."""
    return url.translate({ord(c): f"%{ord(c):02X}" for c in "()[]*_"})


# A cell a spreadsheet would run as a formula (OWASP's CSV injection rule).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: object) -> object:
    """A text cell that Excel or LibreOffice will show, not run: one that starts like a formula
    gets a leading apostrophe. Numbers ("-3.5") and non-text values pass unchanged."""
    if not isinstance(text, str) or not text.startswith(_FORMULA_START):
        return text
    try:
        float(text)
    except ValueError:
        return "'" + text
    return text


def from_spreadsheet_cell(text: str) -> str:
    """The text a `spreadsheet_cell` stood for (the apostrophe it added taken off)."""
    if text.startswith("'") and text[1:].startswith(_FORMULA_START):
        return text[1:]
    return text
