"""Upload batches: the files of one message, within Discord's count and byte total."""

from __future__ import annotations

from pathlib import Path


def batches(files: list[Path], size: int = 10, total: int | None = None) -> list[list[Path]]:
    """Split ``files``, in order, into groups of one message each.

    Args:
        files: Files to post, in the order they should appear.
        size: At most this many files per message (Discord: 10).
        total: At most this many bytes per message, or None for no byte bound. A file
            larger than ``total`` alone makes its own message (the per-file cap rules it).

    Raises:
        ValueError: ``size`` or ``total`` below 1.
    """
    if size < 1:
        raise ValueError("batch size must be at least 1")
    if total is not None and total < 1:
        raise ValueError("message total must be at least 1 byte")
    groups: list[list[Path]] = []
    used = 0
    for path in files:
        weight = path.stat().st_size if total is not None else 0
        if not groups or len(groups[-1]) >= size or (total is not None and used + weight > total):
            groups.append([])
            used = 0
        groups[-1].append(path)
        used += weight
    return groups
