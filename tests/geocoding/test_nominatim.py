"""The online provider against a local fake Nominatim on 127.0.0.1: answers, limits, failures."""

from __future__ import annotations

import itertools
import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from mapping.errors import GeocodeError
from mapping.geocoding import GeocoderChain
from mapping.geocoding.cache import CachedGeocoder
from mapping.geocoding.nominatim import USER_AGENT, NominatimGeocoder
from mapping.geocoding.online import online_geocoder
from mapping.geocoding.optional import OptionalGeocoder
from mapping.geocoding.rate_limit import RateLimitedGeocoder
from mapping.model import Place, Precision

KRYVYI_RIH_STREET = {
    "place_id": 1,
    "osm_type": "way",
    "osm_id": 4242,
    "lat": "47.9139",
    "lon": "33.3869",
    "name": "Vulytsia Soborna",
    "display_name": "Vulytsia Soborna, Kryvyi Rih, Dnipropetrovsk Oblast, Ukraine",
    "addresstype": "road",
    "boundingbox": ["47.9120", "47.9160", "33.3840", "33.3900"],
    "address": {"country_code": "ua"},
}


class FakeNominatim:
    """Answers /search like Nominatim; `mode` switches to a timeout, 429 or 500."""

    def __init__(self) -> None:
        self.mode = "answer"
        self.requests: list[tuple[float, dict[str, list[str]], str]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = parse_qs(urlparse(self.path).query)
                fake.requests.append((time.monotonic(), query, self.headers.get("User-Agent", "")))
                if fake.mode == "slow":
                    time.sleep(1.5)
                status = {"429": 429, "500": 500}.get(fake.mode, 200)
                found = "soborna" in query.get("q", [""])[0].lower()
                body = json.dumps([KRYVYI_RIH_STREET] if found else []).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.domain = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake():
    server = FakeNominatim()
    yield server
    server.close()


def _online(fake: FakeNominatim, **options) -> NominatimGeocoder:
    return NominatimGeocoder(domain=fake.domain, scheme="http", **options)


STREET = Place(name="Vulytsia Soborna", country="UA", admin1="Dnipropetrovsk Oblast")


def test_answer_becomes_a_location_with_honest_precision(fake):
    found = _online(fake).geocode(STREET)
    assert (found.lat, found.lon) == (47.9139, 33.3869)
    assert found.precision == Precision.AREA
    assert 100 < found.radius_m < 1_000
    assert found.provider == "nominatim"
    assert found.id == "osm:way/4242"
    (_, query, agent) = fake.requests[0]
    assert query["q"] == ["Vulytsia Soborna, Dnipropetrovsk Oblast"]
    assert query["countrycodes"] == ["ua"]
    assert agent == USER_AGENT


def test_requests_are_at_least_a_second_apart(fake):
    online = RateLimitedGeocoder(_online(fake), min_delay_seconds=1.0)
    for _ in range(3):
        online.geocode(STREET)
    times = [t for t, _, _ in fake.requests]
    assert len(times) == 3
    assert all(b - a >= 0.95 for a, b in itertools.pairwise(times))


def test_cached_answers_do_not_wait_for_the_rate_limit(fake, tmp_path):
    online = online_geocoder(fake.domain, "http", tmp_path / "online.sqlite")
    online.geocode(STREET)
    started = time.monotonic()
    for _ in range(3):
        assert online.geocode(STREET).id == "osm:way/4242"
    assert time.monotonic() - started < 0.5
    assert len(fake.requests) == 1


def test_an_unreachable_service_is_an_error_not_a_miss(fake):
    fake.mode = "500"
    with pytest.raises(GeocodeError, match="Nominatim at 127"):
        _online(fake).geocode(STREET)


def test_answers_are_cached_on_disk_across_runs(fake, tmp_path):
    cache = tmp_path / "online.sqlite"
    first = CachedGeocoder(_online(fake), cache)
    assert first.geocode(STREET) is not None
    assert first.geocode(Place(name="Nowhere Street")) is None
    first.close()
    again = CachedGeocoder(_online(fake), cache)
    assert again.geocode(STREET).id == "osm:way/4242"
    assert again.geocode(Place(name="Nowhere Street")) is None
    assert len(fake.requests) == 2  # the second run asked nothing


@pytest.mark.parametrize(
    ("mode", "error"),
    [("slow", "GeocoderTimedOut"), ("429", "GeocoderRateLimited"), ("500", "GeocoderServiceError")],
)
def test_failure_is_reported_once_and_the_run_goes_on(fake, tmp_path, caplog, mode, error):
    fake.mode = mode
    online = _online(fake, timeout=0.5)
    cached = OptionalGeocoder(CachedGeocoder(online, tmp_path / "online.sqlite"))
    with caplog.at_level(logging.WARNING, logger="strikemap"):
        assert cached.geocode(STREET) is None
        assert cached.geocode(STREET) is None
        assert cached.geocode(Place(name="Other")) is None
    assert len(fake.requests) == 1  # no second attempt after the failure
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1
    assert error in warnings[0] or (mode == "500" and "Geocoder" in warnings[0])
    fake.mode = "answer"  # a failure was not cached as "not found"
    assert CachedGeocoder(_online(fake), tmp_path / "online.sqlite").geocode(STREET) is not None


def test_no_network_falls_back_to_the_offline_answer(gazetteer, caplog):
    unreachable = NominatimGeocoder(domain="127.0.0.1:9", scheme="http", timeout=1)
    chain = GeocoderChain([OptionalGeocoder(unreachable), gazetteer])
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="strikemap"):
        found = chain.geocode(Place(name="Kryvyi Rih", country="UA"))
        chain.geocode(Place(name="Sumy", country="UA"))
    assert found.provider == "geonames"
    assert time.monotonic() - started < 3
    assert len(caplog.records) == 1
