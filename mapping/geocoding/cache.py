"""A wrapper that keeps any provider's answers on disk (used for the online one)."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from mapping.geocoding.base import Geocoder, Location
from mapping.model import Place, Precision


class CachedGeocoder:
    """Wraps any provider with an on-disk cache of its answers (found and not found)."""

    def __init__(self, inner: Geocoder, path: Path, namespace: str | None = None) -> None:
        """`namespace` keeps answers of different services apart (default: the provider)."""
        self.inner = inner
        self.provider = inner.provider
        self.namespace = namespace or inner.provider
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=10)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS answers (provider TEXT, query TEXT, answer TEXT, "
            "PRIMARY KEY (provider, query))"
        )
        self._db.commit()

    def geocode(self, place: Place) -> Location | None:
        key = json.dumps([place.name, place.country, place.admin1], ensure_ascii=False)
        with self._lock:
            row = self._db.execute(
                "SELECT answer FROM answers WHERE provider = ? AND query = ?",
                (self.namespace, key),
            ).fetchone()
        if row is not None:
            return _decode(row[0])
        # A failure raises past this point, so it is never cached as "not found".
        location = self.inner.geocode(place)
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                (self.namespace, key, _encode(location)),
            )
            self._db.commit()
        return location

    def close(self) -> None:
        self._db.close()


def _encode(location: Location | None) -> str:
    if location is None:
        return "null"
    data = location.as_json()
    data.pop("candidates")
    data.pop("status")  # follows from `ambiguous`
    return json.dumps(data, ensure_ascii=False)


def _decode(text: str) -> Location | None:
    data = json.loads(text)
    if data is None:
        return None
    data["precision"] = Precision(data["precision"])
    return Location(**data)
