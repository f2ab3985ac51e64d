"""Layer builders: resolved incident tables → the GeoDataFrames that map, app and exports share.

All layers are in EPSG:4326; statements follow their incident when filtered.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd

from layers.casualties import casualties_layer
from layers.claims import claims_layer
from layers.damage import damage_layer
from layers.incidents import incidents_layer
from layers.precision import precision_layer
from layers.sources import sources_layer
from mapping.tables import IncidentTables

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
        keep = set(ids) if not hasattr(ids, "isin") else ids
        tables = self.tables.subset(keep)
        return Layers(
            tables,
            self.incidents[self.incidents["id"].isin(keep)],
            self.precision[self.precision["id"].isin(keep)],
            self.damage[self.damage["incident_id"].isin(keep)],
            self.casualties[self.casualties["incident_id"].isin(keep)],
            self.claims[self.claims["incident_id"].isin(keep)],
            self.sources[self.sources["incident_id"].isin(keep)],
        )


def build_layers(tables: IncidentTables) -> Layers:
    """All layers from incident tables whose places are resolved."""
    return Layers(
        tables,
        incidents_layer(tables),
        precision_layer(tables),
        damage_layer(tables),
        casualties_layer(tables),
        claims_layer(tables),
        sources_layer(tables),
    )


__all__ = ["LAYER_NAMES", "Layers", "build_layers"]
