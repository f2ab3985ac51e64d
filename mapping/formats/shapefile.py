"""ESRI Shapefile, for the GIS tools that still ask for one: the incidents layer with column
names cut to the format's 10 characters by one documented rule, so no two collide.

Text longer than 254 characters is cut (a limit of the format's dBASE table); the GeoPackage
keeps it whole.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pyogrio

from layers import Layers
from mapping.formats.base import Format
from mapping.headline import CATEGORIES, LATEST_FIGURES

SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
_PREFIX = {"": "", "children_": "ch_", "military_": "ml_"}
_CATEGORY = {"killed": "kil", "injured": "inj", "missing": "mis"}
# Incident layer column → Shapefile field name (at most 10 characters, all different).
FIELD_NAMES = {
    "gazetteer_id": "gaz_id",
    "weapon_system": "wpn_system",
    "weapon_category": "wpn_cat",
    "weapon_warhead": "wpn_warhd",
    "outside_headline": "outside_hl",
    **{
        f"{prefix}{category}_{bound}": f"{short}{_CATEGORY[category]}_{bound}"
        for prefix, short in _PREFIX.items()
        for category in CATEGORIES
        for bound in ("min", "max")
    },
    # the latest credible figures: kil_lt_min … ckil_lt_by
    **{
        f"{figure}_latest_{part}": f"{short}_lt{'_' if len(short) + len(part) < 7 else ''}{part}"
        for figure, short in zip(LATEST_FIGURES, ("kil", "inj", "ckil"), strict=True)
        for part in ("min", "max", "by")
    },
}


TEXT_BYTES = 254  # a dBASE text field's limit


def _cut(text: object) -> object:
    """Text cut to the field limit in UTF-8 bytes, never inside a character, ending in '…'."""
    if not isinstance(text, str) or len(text.encode("utf-8")) <= TEXT_BYTES:
        return text
    ellipsis = "…".encode()
    kept = text.encode("utf-8")[: TEXT_BYTES - len(ellipsis)]
    return kept.decode("utf-8", errors="ignore") + "…"


def shapefile_table(layers: Layers) -> pd.DataFrame:
    """The incidents layer with Shapefile field names, a real date column and text cut to the
    field limit."""
    data = layers.incidents.rename(columns=FIELD_NAMES)
    text = data.select_dtypes(include=["object", "string"]).columns.drop(
        "geometry", errors="ignore"
    )
    data[text] = data[text].map(_cut)
    data["date"] = pd.to_datetime(data["date"], format="ISO8601").dt.date
    return data


def write_shapefile(layers: Layers, path: str | Path) -> int:
    """The incidents layer as a Shapefile (.shp with its .shx, .dbf, .prj and .cpg). Written in
    a temporary folder beside the target, then each file moved into place."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = shapefile_table(layers)
    with tempfile.TemporaryDirectory(prefix=f".{target.stem}.", dir=target.parent) as folder:
        temp = Path(folder) / target.name
        pyogrio.write_dataframe(
            data, temp, driver="ESRI Shapefile", encoding="UTF-8", use_arrow=True
        )
        for suffix in SIDECARS:
            part = temp.with_suffix(suffix)
            if part.exists():
                os.chmod(part, 0o644)
                os.replace(part, target.with_suffix(suffix))
    return len(data)


FORMAT = Format("shp", (".shp",), write=write_shapefile)
