"""Many reports, one strike: match records about the same strike and merge them."""

from mapping.merging.matching import Pair, match
from mapping.merging.merge import MergeResult, merge_group, merge_incidents

__all__ = ["MergeResult", "Pair", "match", "merge_group", "merge_incidents"]
