"""Layer builders: resolved incident tables → the GeoDataFrames that map, app and exports share.

All layers are in EPSG:4326; statements follow their incident when filtered.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd

from layers._common import casualty_marks
from layers.casualties import casualties_layer
from layers.claims import claims_layer
from layers.damage import damage_layer
from layers.incidents import incidents_layer
from layers.precision import precision_layer
from layers.sources import sources_layer
from mapping.tables import IncidentTables, id_series, member_of

LAYER_NAMES = ("incidents", "precision", "damage", "casualties", "claims", "sources")


@dataclass
class Layers:
    """The six layers built from one set of incident tables (kept for lossless exports)."""

    tables: IncidentTables
    incidents: gpd.GeoDataFrame
    precision: gpd.GeoDataFrame
    damage: gpd.GeoDataFrame
    casualties: gpd.GeoDataFrame
    claims: gpd.GeoDataFrame
    sources: gpd.GeoDataFrame

    def items(self) -> list[tuple[str, gpd.GeoDataFrame]]:
        return [(name, getattr(self, name)) for name in LAYER_NAMES]

    def subset(self, ids) -> Layers:
        """Every layer restricted to some incident ids."""
        keep = id_series(ids)
        return Layers(
            self.tables.subset(keep),
            self.incidents[member_of(self.incidents["id"], keep)],
            self.precision[member_of(self.precision["id"], keep)],
            self.damage[member_of(self.damage["incident_id"], keep)],
            self.casualties[member_of(self.casualties["incident_id"], keep)],
            self.claims[member_of(self.claims["incident_id"], keep)],
            self.sources[member_of(self.sources["incident_id"], keep)],
        )


def build_layers(tables: IncidentTables) -> Layers:
    """All layers from incident tables whose places are resolved."""
    marks = casualty_marks(tables)  # the incidents and casualties layers both show them
    return Layers(
        tables,
        incidents_layer(tables, marks),
        precision_layer(tables),
        damage_layer(tables),
        casualties_layer(tables, marks),
        claims_layer(tables),
        sources_layer(tables),
    )


__all__ = ["LAYER_NAMES", "Layers", "build_layers"]
