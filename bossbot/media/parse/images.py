"""PNG, GIF and JPEG, walked chunk by chunk, block by block, segment by segment."""

from __future__ import annotations

import zlib

from bossbot.media.parse.reader import Bytes, Malformed


def png(data: Bytes) -> None:
    """Chunks with valid CRCs, IHDR first, nothing after IEND."""
    offset, first = 8, True
    while True:
        (length,) = data.unpack(">I", offset)
        kind = data.take(offset + 4, 4)
        body = data.take(offset + 4, 4 + length)
        (crc,) = data.unpack(">I", offset + 8 + length)
        if zlib.crc32(body) != crc:
            raise Malformed(f"PNG chunk {kind!r} at {offset} has a wrong CRC")
        if first and kind != b"IHDR":
            raise Malformed("PNG does not start with IHDR")
        offset, first = offset + 12 + length, False
        if kind == b"IEND":
            return data.only_padding_after(offset)


def _sub_blocks(data: Bytes, offset: int) -> int:
    """Skip GIF data sub-blocks; the offset after their zero terminator."""
    while size := data.take(offset, 1)[0]:
        offset += 1 + size
    return offset + 1


def gif(data: Bytes) -> None:
    """Screen descriptor, colour table, extensions and images, then the trailer."""
    packed = data.take(10, 1)[0]
    offset = 13 + (3 << ((packed & 7) + 1) if packed & 0x80 else 0)
    while True:
        block = data.take(offset, 1)[0]
        if block == 0x3B:
            return data.only_padding_after(offset + 1)
        if block == 0x21:
            offset = _sub_blocks(data, offset + 2)
        elif block == 0x2C:
            local = data.take(offset + 9, 1)[0]
            offset += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0)
            offset = _sub_blocks(data, offset + 1)  # after the LZW code size
        else:
            raise Malformed(f"GIF block {block:#x} at {offset}")


STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


def _scan_end(data: Bytes, offset: int) -> int:
    """The offset of the marker ending entropy-coded data that starts at ``offset``."""
    while True:
        offset = data.find(b"\xff", offset)
        if offset < 0:
            raise Malformed("JPEG scan data runs to the end of the file")
        following = data.take(offset + 1, 1)[0]
        if following != 0 and following not in STANDALONE and following != 0xFF:
            return offset
        offset += 1 if following == 0xFF else 2


def jpeg(data: Bytes) -> None:
    """Segments from SOI to EOI (scans skipped by their markers), nothing after EOI."""
    offset = 2
    while True:
        if data.take(offset, 1) != b"\xff":
            raise Malformed(f"JPEG expected a marker at {offset}")
        while data.take(offset + 1, 1) == b"\xff":  # fill bytes
            offset += 1
        marker = data.take(offset + 1, 1)[0]
        if marker == 0xD9:
            return data.only_padding_after(offset + 2)
        if marker in STANDALONE:
            offset += 2
            continue
        (length,) = data.unpack(">H", offset + 2)
        if length < 2:
            raise Malformed(f"JPEG segment {marker:#x} at {offset} has length {length}")
        offset += 2 + length
        if marker == 0xDA:
            offset = _scan_end(data, offset)
