"""RIFF files (WebP, WAV): a size that covers the file, chunks that tile it."""

from __future__ import annotations

from bossbot.media.parse.reader import Bytes, Malformed


def riff(data: Bytes) -> None:
    """The RIFF size matches the file (a pad byte allowed), chunks tile the body."""
    (size,) = data.unpack("<I", 4)
    end = 8 + size
    if end > data.size:
        raise Malformed(f"RIFF says {end} bytes, the file has {data.size}")
    offset = 12
    while offset + 8 <= end:
        (length,) = data.unpack("<I", offset + 4)
        offset += 8 + length + (length & 1)
    if offset not in (end, end + 1):  # some writers leave out the last chunk's pad byte
        raise Malformed(f"RIFF chunks end at {offset}, not at {end}")
    data.only_padding_after(end)
