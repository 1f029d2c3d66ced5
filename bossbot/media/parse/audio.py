"""Ogg pages, MP3 frames and FLAC metadata, walked from the first byte."""

from __future__ import annotations

from bossbot.media.parse.reader import Bytes, Malformed

# MPEG audio: kbit/s by (version is MPEG-1, layer) and index; sample rates by version.
BITRATES = {
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
TAILS = (b"TAG", b"APETAGEX", b"LYRICSBEGIN")  # ID3v1, APEv2, Lyrics3 after the frames


def ogg(data: Bytes) -> None:
    """Pages from the first byte to the last."""
    offset = 0
    while offset < data.size:
        if data.take(offset, 4) != b"OggS":
            raise Malformed(f"no Ogg page at {offset}")
        count = data.take(offset + 26, 1)[0]
        offset += 27 + count + sum(data.take(offset + 27, count))


def _frame(data: Bytes, offset: int) -> int | None:
    """The length of the MPEG audio frame at ``offset``, or None when there is none."""
    head = data.data[offset : offset + 4]
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return None
    version, layer = (head[1] >> 3) & 3, 4 - ((head[1] >> 1) & 3)
    rate_index, index = (head[2] >> 2) & 3, head[2] >> 4
    if version == 1 or layer == 4 or rate_index == 3 or index in (0, 15):
        return None
    mpeg1 = version == 3
    kbps = BITRATES[(mpeg1, layer if mpeg1 or layer == 1 else 2)][index]
    rate, padding = RATES[version][rate_index], (head[2] >> 1) & 1
    if layer == 1:
        return (12 * kbps * 1000 // rate + padding) * 4
    return (144 if mpeg1 or layer == 2 else 72) * kbps * 1000 // rate + padding


def mp3(data: Bytes) -> None:
    """An optional ID3v2 tag, at least one frame, then frames to the end (tags allowed)."""
    offset = 0
    if data.take(0, 3) == b"ID3":
        size = data.take(6, 4)
        offset = 10 + (size[0] << 21 | size[1] << 14 | size[2] << 7 | size[3])
        offset += 10 if data.take(5, 1)[0] & 0x10 else 0
    frames = 0
    while (length := _frame(data, offset)) is not None:
        offset, frames = offset + length, frames + 1
    if not frames:
        raise Malformed("no MPEG audio frame")
    if offset > data.size:
        raise Malformed(f"the last MPEG audio frame is cut short at {data.size}")
    rest = data.data[offset : offset + 16]
    if offset < data.size and not any(tail in rest for tail in TAILS):
        data.only_padding_after(offset)


def flac(data: Bytes) -> None:
    """Metadata blocks (STREAMINFO first), then a frame."""
    offset, first = 4, True
    while True:
        header = data.take(offset, 1)[0]
        if first and header & 0x7F != 0:
            raise Malformed("FLAC does not start with STREAMINFO")
        offset += 4 + int.from_bytes(data.take(offset + 1, 3), "big")
        first = False
        if header & 0x80:
            break
    if data.take(offset, 2) not in (b"\xff\xf8", b"\xff\xf9"):
        raise Malformed(f"no FLAC frame after the metadata, at {offset}")
