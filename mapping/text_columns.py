"""Text columns made and joined with Arrow kernels: one text per row, or per incident, for a
million rows without a Python string per row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from mapping.json_text import joined, runs, text_scalar
from mapping.tables import sorted_runs


def arrow_text(values: pd.Series | pa.Array | pa.ChunkedArray) -> pa.Array:
    """A column as Arrow text (missing values null)."""
    if isinstance(values, pd.Series):
        values = pa.array(values, from_pandas=True)
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    return values.cast(pa.large_string())


def range_texts(low: pd.Series, high: pd.Series) -> pa.Array:
    """`counts.describe_range` of each row's bounds: '14', '18–20', 'at least 16', 'up to 85',
    '' when neither is known."""
    lows, highs = pa.array(low, from_pandas=True), pa.array(high, from_pandas=True)
    low_text, high_text = arrow_text(lows), arrow_text(highs)
    exact = pc.if_else(
        pc.equal(lows, highs), low_text, joined(low_text, text_scalar("–"), high_text)
    )
    return pc.coalesce(
        exact,
        joined(text_scalar("at least "), low_text),
        joined(text_scalar("up to "), high_text),
        text_scalar(""),
    )


def words(*columns: pa.Array) -> pa.Array:
    """Each row's non-empty texts joined by a space ('up to 85 military killed')."""
    parts = [pc.if_else(pc.equal(c, text_scalar("")), pa.scalar(None, c.type), c) for c in columns]
    joined_words = pc.binary_join_element_wise(*parts, text_scalar(" "), null_handling="skip")
    return pc.fill_null(joined_words, text_scalar(""))


def join_per_code(
    codes: np.ndarray, texts: pa.Array, n: int, separator: str
) -> pd.api.extensions.ExtensionArray:
    """For codes 0..n-1, the texts of their rows joined by `separator` in row order (missing
    where a code has none), as pandas text; rows with code -1 or no text are left out."""
    present = np.asarray(pc.is_valid(texts), dtype=bool) & (codes >= 0)
    kept = codes[present]
    order, starts = sorted_runs(kept)
    kept = kept[order]
    values = texts.filter(pa.array(present)).take(pa.array(order))
    text = pc.binary_join(runs(values, np.diff(np.r_[starts, len(kept)])), text_scalar(separator))
    return arrow_text_at(text, kept[starts], n)


def arrow_text_at(texts: pa.Array, codes: np.ndarray, n: int) -> pd.api.extensions.ExtensionArray:
    """Pandas text for codes 0..n-1: `texts[i]` at `codes[i]`, missing elsewhere. Kept in
    Arrow: a column of Python strings would be turned back into Arrow by pandas (~0.15 s a
    million rows)."""
    at = np.full(n, -1)
    at[codes] = np.arange(len(codes))
    return pd.array(texts.take(pa.array(at, mask=at < 0)), dtype="str")
