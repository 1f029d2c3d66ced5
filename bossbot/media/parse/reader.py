"""A file read through a memory map: walkers seek and slice without loading it whole."""

from __future__ import annotations

import mmap
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Malformed(ValueError):
    """The file breaks its format's structure; the text says where (for logs only)."""


class Bytes:
    """Bounds-checked reads of a mapped file."""

    def __init__(self, data: mmap.mmap | bytes) -> None:
        self.data = data
        self.size = len(data)

    def take(self, offset: int, count: int) -> bytes:
        """``count`` bytes at ``offset``; Malformed when the file ends first."""
        if offset < 0 or count < 0 or offset + count > self.size:
            raise Malformed(f"needs {count} bytes at {offset}, the file has {self.size}")
        return bytes(self.data[offset : offset + count])

    def unpack(self, fmt: str, offset: int) -> tuple[int, ...]:
        """``struct.unpack`` at ``offset``, bounds-checked."""
        return struct.unpack(fmt, self.take(offset, struct.calcsize(fmt)))

    def find(self, needle: bytes, start: int) -> int:
        """Offset of ``needle`` at or after ``start``, or -1."""
        return self.data.find(needle, start)

    def only_padding_after(self, end: int) -> None:
        """Refuse anything but zero bytes after ``end`` (the format's last byte + 1)."""
        if end > self.size:
            raise Malformed(f"ends at {end}, past the file's {self.size} bytes")
        tail = self.data[end:]
        if tail.strip(b"\0"):
            raise Malformed(f"{len(tail)} bytes of something else after the end at {end}")


@contextmanager
def mapped(path: Path) -> Iterator[Bytes]:
    """The file at ``path``, mapped read-only."""
    with path.open("rb") as handle:
        if path.stat().st_size == 0:
            yield Bytes(b"")
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            yield Bytes(data)
