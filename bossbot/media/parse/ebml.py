"""Matroska and WebM: the EBML header, then one Segment whose elements reach its end."""

from __future__ import annotations

from bossbot.media.parse.reader import Bytes, Malformed

EBML, SEGMENT, CLUSTER = 0x1A45DFA3, 0x18538067, 0x1F43B675
TOP = frozenset(
    {0x114D9B74, 0x1549A966, 0x1654AE6B, CLUSTER, 0x1C53BB6B, 0x1941A469, 0x1043A770,
     0x1254C367, 0xEC, 0xBF}
)  # fmt: skip
"""Elements a Segment holds: seek head, info, tracks, clusters, cues, attachments,
chapters, tags, void and CRC-32."""


def _vint(data: Bytes, offset: int) -> tuple[int, int, bool]:
    """An EBML variable-size integer: (value without its marker, length, all ones)."""
    first = data.take(offset, 1)[0]
    if first == 0:
        raise Malformed(f"EBML number at {offset} is longer than 8 bytes")
    length = 9 - first.bit_length()
    value = int.from_bytes(data.take(offset, length), "big") & ((1 << (7 * length)) - 1)
    return value, length, value == (1 << (7 * length)) - 1


def _element(data: Bytes, offset: int) -> tuple[int, int, int | None]:
    """(id, offset of the body, size or None when unknown) of the element at ``offset``."""
    first = data.take(offset, 1)[0]
    id_length = 9 - first.bit_length() if first else 9
    if id_length > 4:
        raise Malformed(f"EBML id at {offset} is longer than 4 bytes")
    element = int.from_bytes(data.take(offset, id_length), "big")
    size, size_length, unknown = _vint(data, offset + id_length)
    return element, offset + id_length + size_length, None if unknown else size


def _children(data: Bytes, offset: int, end: int, allowed: frozenset[int] | None) -> int:
    """Walk elements from ``offset`` to ``end``; the offset where the walk stopped.

    With ``allowed`` (a Segment's body) every element must be one of them; without (the
    body of a cluster of unknown size) the walk stops at the next Segment-level element.
    """
    while offset < end:
        element, body, size = _element(data, offset)
        if allowed is None and element in TOP:
            return offset
        if allowed is not None and element not in allowed:
            raise Malformed(f"element {element:#x} at {offset} does not belong in a Segment")
        if size is None:  # live recordings: a cluster whose size was never written
            offset = _children(data, body, end, None) if element == CLUSTER else end
        else:
            offset = body + size
        if offset > end:
            raise Malformed(f"element {element:#x} runs past its parent's end")
    return offset


def matroska(data: Bytes) -> None:
    """The EBML header, one Segment, nothing but padding after it."""
    element, body, size = _element(data, 0)
    if element != EBML or size is None:
        raise Malformed("no EBML header")
    element, body, size = _element(data, body + size)
    if element != SEGMENT:
        raise Malformed("no Segment after the EBML header")
    end = data.size if size is None else body + size
    if end > data.size:
        raise Malformed(f"the Segment claims {end} bytes, the file has {data.size}")
    data.only_padding_after(_children(data, body, end, TOP))
