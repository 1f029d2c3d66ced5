"""ISO base media files (MP4, MOV, M4A, HEIF, AVIF): boxes that tile the file exactly."""

from __future__ import annotations

from bossbot.media.parse.reader import Bytes, Malformed

NEEDED = {"video": b"moov", "image": b"meta"}


def _box(data: Bytes, offset: int) -> tuple[bytes, int]:
    """Type and total size of the box at ``offset`` (64-bit and to-the-end sizes too)."""
    size, kind = data.unpack(">I", offset)[0], data.take(offset + 4, 4)
    if not all(32 <= c < 127 for c in kind):
        raise Malformed(f"box type {kind!r} at {offset} is not a box")
    if size == 1:
        (size,) = data.unpack(">Q", offset + 8)
    elif size == 0:
        size = data.size - offset
    if size < 8 or offset + size > data.size:
        raise Malformed(f"box {kind!r} at {offset} claims {size} bytes past the end")
    return kind, size


def iso(data: Bytes, role: str = "video") -> None:
    """Top-level boxes from ``ftyp`` to the file's last byte; ``moov`` (or ``meta``) present."""
    offset, seen = 0, set()
    while offset < data.size:
        kind, size = _box(data, offset)
        if offset == 0 and kind != b"ftyp":
            raise Malformed("no ftyp box first")
        seen.add(kind)
        offset += size
    if NEEDED[role] not in seen and b"moof" not in seen:
        raise Malformed(f"no {NEEDED[role]!r} box")
