"""Small real media for tests: PNG and GIF made here, MP4 and JPEG shipped in tests/fixtures."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def clip_mp4() -> bytes:
    """A one-second 64x48 H.264/AAC MP4 (about 5 KB), made by tests/fixtures/make_media.py."""
    return (FIXTURES / "clip.mp4").read_bytes()


def still_jpeg() -> bytes:
    """A 16x16 JPEG (about 500 bytes), made by tests/fixtures/make_media.py."""
    return (FIXTURES / "still.jpg").read_bytes()


def png(width: int = 8, height: int = 8, seed: int = 0) -> bytes:
    """A valid RGB PNG with a gradient; ``seed`` changes the pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\0" + bytes((x * 31 + seed) % 256 for x in range(width) for _ in range(3))
        for _ in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def gif(width: int = 4, height: int = 4) -> bytes:
    """A valid two-colour GIF; its LZW data sends a clear code before every pixel."""
    codes = []
    for index in range(width * height):
        codes += [4, index % 2]  # clear, then a literal: the code size never grows
    codes.append(5)  # end of information
    bits = "".join(format(code, "03b")[::-1] for code in codes)
    bits += "0" * (-len(bits) % 8)
    data = bytes(int(bits[i : i + 8][::-1], 2) for i in range(0, len(bits), 8))
    blocks = b"".join(
        bytes([len(data[i : i + 255])]) + data[i : i + 255] for i in range(0, len(data), 255)
    )
    return (
        b"GIF89a"
        + struct.pack("<HHBBB", width, height, 0x80, 0, 0)
        + b"\xff\x00\x00\x00\x00\xff"
        + b","
        + struct.pack("<HHHHB", 0, 0, width, height, 0)
        + b"\x02"
        + blocks
        + b"\x00;"
    )


def noise(size: int, seed: int = 1) -> bytes:
    """``size`` bytes that are no media at all (for caps and type checks)."""
    return bytes((i * 7 + seed) % 251 for i in range(size))


def big_mp4(size: int) -> bytes:
    """The clip made about ``size`` bytes long by a ``free`` box of noise: a valid MP4."""
    filler = max(0, size - len(clip_mp4()) - 8)
    return clip_mp4() + struct.pack(">I", filler + 8) + b"free" + noise(filler)
