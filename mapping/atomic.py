"""Atomic file output: write beside the target, then rename; a failure leaves the old file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path in the target's folder that replaces the target when the block succeeds.

    The temporary name keeps the target's suffix, so drivers that choose a format by suffix
    (GDAL) see the right one.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent
    )
    os.close(handle)
    temp = Path(name)
    temp.unlink()  # writers create the file themselves (GDAL refuses to overwrite some formats)
    try:
        yield temp
        if not temp.exists():
            raise FileNotFoundError(f"nothing was written to {temp}")
        _flush_to_disk(temp)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    finally:
        for leftover in (temp, Path(f"{temp}-journal"), Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            leftover.unlink(missing_ok=True)


def _flush_to_disk(path: Path) -> None:
    """Make the written bytes durable before they replace the old file: a full disk or a
    failing device shows here as an error (some writers do not report it themselves)."""
    if path.is_dir():
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
