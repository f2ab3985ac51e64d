"""Rebuild `mapping/geocoding/data/ua-katottg.tsv.gz`, Ukraine's codifier of administrative
units and settlements (KATOTTG, the order of 2024-01-19), from a copy of it as JSON.

The source is `data/kattog.json` of the public repository github.com/0G3RA/ua-geo-set (MIT;
commit dff913862f721069272ea7b7d2edadc375a18e7c), itself built from the codifier the Ministry
for Communities and Territories Development publishes. Each row keeps the unit's code, its
category letter and its name exactly as written there; nothing is corrected.

Run: `python scripts/update_codifier.py path/to/kattog.json`.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import tempfile
from pathlib import Path

TARGET = (
    Path(__file__).resolve().parents[1] / "mapping" / "geocoding" / "data" / "ua-katottg.tsv.gz"
)


def main(argv: list[str]) -> None:
    source = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    rows = sorted(
        (code, item["k"], item["n"])
        for code, item in zip(source["indexToCode"], source["items"], strict=True)
    )
    lines = [f"# KATOTTG, order of {source['orderDate']}\n", "code\tcategory\tname\n"]
    lines += [f"{code}\t{category}\t{name}\n" for code, category, name in rows]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=TARGET.parent, suffix=".tmp")
    os.close(handle)
    with open(temp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write("".join(lines).encode("utf-8"))  # mtime 0: the same input, the same bytes
    os.chmod(temp, 0o644)
    os.replace(temp, TARGET)
    print(f"{TARGET}: {len(rows)} units")


if __name__ == "__main__":
    main(sys.argv[1:])
