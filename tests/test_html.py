"""Making report text safe where it is shown: which addresses become links."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapping.html import _checked_url, safe_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.ukrinform.net/rubric-ato/3977.html", True),
        ("  HTTP://example.org/a?b=1#c  ", True),
        ("https://user:pw@example.org:8443/x", True),
        ("https://пример.укр/новини", True),  # a host that is not ASCII: the full check
        ("javascript:alert(1)", False),
        ("https:///no-host", False),
        ('https://example.org/"onmouseover=alert(1)', False),
        ("https://example.org/<script>", False),
        ("https://[::1/", False),  # urlsplit refuses the bracket
        ("ftp://example.org/file", False),
        ("//example.org/x", False),
        ("t.me/channel/123", False),
    ],
)
def test_only_http_addresses_with_a_host_and_nothing_that_ends_an_attribute(url, expected):
    assert (safe_url(url) is not None) is expected


ADDRESS_PARTS = st.lists(
    st.sampled_from(
        [
            *list("aZ09-._~%!$&()*+,;=:@/?#[]\"'<>`\\ \t\r\n\x00\x01\x0b\x85\xa0é日"),
            "http://",
            "https://",
            "HTTPS://",
            "//",
            "://",
            "javascript:",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["http://", "https://", "HtTp://", "", " https://"]), ADDRESS_PARTS)
def test_the_quick_path_agrees_with_the_full_check(scheme, rest):
    url = scheme + rest
    full = _checked_url(url.strip()) if url.strip() else None
    assert safe_url(url) == full
