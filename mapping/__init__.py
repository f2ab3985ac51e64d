"""strikemap: map missile, drone and bomb strikes from the reports about them.

The Python API's front door, for notebooks; the CLI and the app call the same functions:

    import mapping
    prepared = mapping.prepare(["seeds/"], mapping.default_geocoder())   # load, resolve, layers
    chosen = mapping.IncidentFilter.create(weapons=["ballistic_missile"]).apply(prepared.layers)
    mapping.export(chosen, "strikes.geojson")
    html = mapping.map_html(chosen)

Names are imported when first used, so `import mapping` stays cheap (the CLI's geocoder
starts without pandas) and `layers` can import the core vocabulary without a cycle.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name → the module that owns it
_API = {
    # vocabulary
    **dict.fromkeys(("CountRange", "parse_count"), "mapping.counts"),
    **dict.fromkeys(
        ("ExportError", "GeocodeError", "Origin", "Problem", "RecordError", "StrikemapError"),
        "mapping.errors",
    ),
    **dict.fromkeys(
        (
            "CasualtyCategory",
            "CasualtyReport",
            "Claim",
            "ClaimTopic",
            "DamageObject",
            "DamageReport",
            "Group",
            "Incident",
            "Party",
            "Place",
            "Precision",
            "Severity",
            "Source",
            "Status",
            "Weapon",
        ),
        "mapping.model",
    ),
    **dict.fromkeys(("LoadResult", "dump_yaml", "load_records"), "mapping.records"),
    **dict.fromkeys(("WeaponCategory", "lookup_weapon"), "mapping.weapons"),
    "IncidentFilter": "mapping.filters",
    # the flow
    **dict.fromkeys(("load_inputs", "prepare", "Prepared"), "mapping.pipeline"),
    **dict.fromkeys(("default_geocoder", "geocode_incidents"), "mapping.geocoding"),
    **dict.fromkeys(("Layers", "build_layers"), "layers"),
    **dict.fromkeys(("export", "export_bytes"), "mapping.formats"),
    **dict.fromkeys(("MapOptions", "map_html"), "mapping.render.map"),
    "extract_draft": "mapping.extraction",
}

__all__ = [
    "CasualtyCategory",
    "CasualtyReport",
    "Claim",
    "ClaimTopic",
    "CountRange",
    "DamageObject",
    "DamageReport",
    "ExportError",
    "GeocodeError",
    "Group",
    "Incident",
    "IncidentFilter",
    "Layers",
    "LoadResult",
    "MapOptions",
    "Origin",
    "Party",
    "Place",
    "Precision",
    "Prepared",
    "Problem",
    "RecordError",
    "Severity",
    "Source",
    "Status",
    "StrikemapError",
    "Weapon",
    "WeaponCategory",
    "__version__",
    "build_layers",
    "default_geocoder",
    "dump_yaml",
    "export",
    "export_bytes",
    "extract_draft",
    "geocode_incidents",
    "load_inputs",
    "load_records",
    "lookup_weapon",
    "map_html",
    "parse_count",
    "prepare",
]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'mapping' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # what the names are, for type checkers and editors
    from layers import Layers, build_layers
    from mapping.counts import CountRange, parse_count
    from mapping.errors import (
        ExportError,
        GeocodeError,
        Origin,
        Problem,
        RecordError,
        StrikemapError,
    )
    from mapping.extraction import extract_draft
    from mapping.filters import IncidentFilter
    from mapping.formats import export, export_bytes
    from mapping.geocoding import default_geocoder, geocode_incidents
    from mapping.model import (
        CasualtyCategory,
        CasualtyReport,
        Claim,
        ClaimTopic,
        DamageObject,
        DamageReport,
        Group,
        Incident,
        Party,
        Place,
        Precision,
        Severity,
        Source,
        Status,
        Weapon,
    )
    from mapping.pipeline import Prepared, load_inputs, prepare
    from mapping.records import LoadResult, dump_yaml, load_records
    from mapping.render.map import MapOptions, map_html
    from mapping.weapons import WeaponCategory, lookup_weapon
