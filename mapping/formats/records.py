"""strikemap's own record files (YAML or JSON), as a format of the registry.

Reading and validating records is the core's (`mapping.records`); this module declares them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from mapping.atomic import atomic_path
from mapping.formats.base import Format
from mapping.model import Incident
from mapping.records import RECORD_SUFFIXES, dump_yaml, incident_to_record, load_file

FORMAT = Format("records", RECORD_SUFFIXES, read=load_file)


def write_records(batches: Iterable[list[Incident]], path: str | Path) -> int:
    """Incidents as a record file (YAML, or JSON for .json), written a batch at a time so any
    number fits in memory; returns how many were written."""
    as_json = Path(path).suffix.lower() == ".json"
    written = 0
    with atomic_path(path) as temp, temp.open("w", encoding="utf-8") as handle:
        handle.write("[\n" if as_json else "")
        for batch in batches:
            if as_json:
                records = [json.dumps(incident_to_record(i), ensure_ascii=False) for i in batch]
                handle.write((",\n" if written else "") + ",\n".join(records))
            else:
                handle.write(dump_yaml(batch))
            written += len(batch)
        handle.write("\n]\n" if as_json else "")
    return written
