"""strikemap: map missile, drone and bomb strikes from the reports about them.

The Python API for notebooks; the CLI and the app call the same functions.
"""

from mapping.counts import CountRange, parse_count
from mapping.errors import ExportError, GeocodeError, RecordError, StrikemapError
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
from mapping.records import LoadResult, Problem, dump_yaml, load_records
from mapping.weapons import WeaponCategory, lookup_weapon

__version__ = "0.1.0"

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
    "LoadResult",
    "Party",
    "Place",
    "Precision",
    "Problem",
    "RecordError",
    "Severity",
    "Source",
    "Status",
    "StrikemapError",
    "Weapon",
    "WeaponCategory",
    "__version__",
    "dump_yaml",
    "load_records",
    "lookup_weapon",
    "parse_count",
]
