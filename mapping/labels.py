"""Human labels for the vocabulary's values, as the app shows them ('ukraine_government' →
'Ukrainian government'); files keep the values themselves."""

from __future__ import annotations

_LABELS = {
    "ukraine_government": "Ukrainian government",
    "russia_government": "Russian government",
    "international_org": "international organisation",
    "ngo": "NGO",
}


def human_label(value: str) -> str:
    """The label of a vocabulary value (party, status, weapon category, precision…)."""
    return _LABELS.get(value, value.replace("_", " "))
