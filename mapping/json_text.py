"""JSON text made column by column with Arrow kernels: each value of a column as its JSON
encoding, as Python's `json.dumps` writes it (`ensure_ascii=False`), for writers that build
documents from tables without a Python object per row."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_CONTROL = r"[\x00-\x1f]"
_SPECIAL = r'[\x00-\x1f"\\]'  # what a JSON string cannot hold as it is
NULL_TEXT = pa.scalar(None, pa.large_string())


def text_scalar(value: str) -> pa.Scalar:
    """A piece of literal text to join with columns."""
    return pa.scalar(value, pa.large_string())


def json_values(series: pd.Series | pa.Array | pa.ChunkedArray) -> pa.Array:
    """Each value of a column as JSON text; missing values and NaN as null."""
    values = (
        series
        if isinstance(series, pa.Array | pa.ChunkedArray)
        else pa.array(series, from_pandas=True)
    )
    kind = values.type
    if pa.types.is_boolean(kind):
        text = pc.if_else(values, text_scalar("true"), text_scalar("false"))
    elif pa.types.is_integer(kind):
        text = values.cast(pa.large_string())
    elif pa.types.is_floating(kind):
        finite = pc.is_finite(values)
        text = values.cast(pa.large_string())
        whole = pc.invert(pc.match_substring_regex(text, r"[.eE]"))
        text = pc.if_else(whole, joined(text, text_scalar(".0")), text)
        text = pc.if_else(finite, text, NULL_TEXT)
    else:
        text = joined(text_scalar('"'), escaped(values), text_scalar('"'))
    return pc.fill_null(text, text_scalar("null"))


def joined(*parts) -> pa.Array:
    """Columns and literal pieces joined row by row (null where any part is null)."""
    return pc.binary_join_element_wise(*parts, text_scalar(""))


def runs(values: pa.Array, counts: np.ndarray) -> pa.ListArray:
    """Consecutive runs of `values`, `counts[i]` of them in the i-th, as one list each."""
    offsets = np.zeros(len(counts) + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), values)


def json_arrays(values: pa.Array, counts: np.ndarray, separator: str) -> pa.Array:
    """Each run of JSON texts (see `runs`) as the text of a JSON array."""
    inner = pc.binary_join(runs(values, counts), text_scalar(separator))
    return joined(text_scalar("["), inner, text_scalar("]"))


def escaped(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Text escaped for a JSON string (the rare control characters through json.dumps)."""
    text = values.cast(pa.large_string())
    if not pc.any(pc.match_substring_regex(text, _SPECIAL)).as_py():
        return text  # most columns (ids, names of categories, dates) hold nothing to escape
    if pc.any(pc.match_substring_regex(text, _CONTROL)).as_py():
        return pa.array(
            [
                None if v is None else json.dumps(v, ensure_ascii=False)[1:-1]
                for v in text.to_pylist()
            ],
            pa.large_string(),
        )
    text = pc.replace_substring(text, "\\", "\\\\")
    return pc.replace_substring(text, '"', '\\"')


def write_texts(handle, texts: pa.Array | pa.ChunkedArray, separator: bytes) -> None:
    """The texts written one after another with a separator between them, straight from
    Arrow's buffers."""
    if not len(texts):
        return
    texts = joined(texts, text_scalar(separator.decode()))
    if isinstance(texts, pa.ChunkedArray):  # columns read from Parquet come in chunks
        texts = texts.combine_chunks()
    _validity, offsets, data = texts.buffers()
    ends = np.frombuffer(offsets, dtype=np.int64)[texts.offset : texts.offset + len(texts) + 1]
    handle.write(memoryview(data)[ends[0] : ends[-1] - len(separator)])  # not the last one
