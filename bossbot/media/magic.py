"""What a file is, judged by its first bytes rather than by its name."""

from __future__ import annotations

from pathlib import Path

HEAD_SIZE = 64

# Extensions that name the same kind of content; a file named with any of them is not renamed.
SAME_KIND: dict[str, frozenset[str]] = {
    "jpg": frozenset({"jpg", "jpeg"}),
    "mp4": frozenset({"mp4", "m4v", "mov"}),
    "mov": frozenset({"mov", "mp4"}),
    "m4a": frozenset({"m4a"}),
    "ogg": frozenset({"ogg", "oga", "ogv", "opus"}),
}


def _iso_media(head: bytes) -> str | None:
    """MP4 family: an ``ftyp`` box whose major brand tells video, audio or QuickTime."""
    if head[4:8] != b"ftyp":
        return None
    brand = head[8:12]
    if brand in (b"M4A ", b"M4B "):
        return "m4a"
    if brand == b"qt  ":
        return "mov"
    if brand[:3] in (b"avi", b"avs"):
        return "avif"  # converted to JPEG / PNG when fitting (Discord does not show them)
    if brand[:3] in (b"hei", b"mif", b"msf", b"hev"):
        return "heic"
    return "mp4"


def _mpeg_audio(head: bytes) -> bool:
    """An MP3 frame header: sync bits set, a known MPEG version and a layer (not ADTS AAC)."""
    if len(head) < 2 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    return (head[1] >> 3) & 3 != 1 and (head[1] >> 1) & 3 != 0


def sniff(head: bytes) -> str | None:
    """Return the canonical extension of allowed media, or None for anything else.

    Args:
        head: The first bytes of the file (at least 12, :data:`HEAD_SIZE` is plenty).
    """
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm" if b"webm" in head[:HEAD_SIZE] else "mkv"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE"):
        return "webp" if head[8:12] == b"WEBP" else "wav"
    simple = {
        b"\x89PNG\r\n\x1a\n": "png",
        b"\xff\xd8\xff": "jpg",
        b"GIF87a": "gif",
        b"GIF89a": "gif",
        b"ID3": "mp3",
        b"OggS": "ogg",
        b"fLaC": "flac",
        b"BM": "bmp",
        b"II*\0": "tiff",
        b"MM\0*": "tiff",
    }
    for magic, kind in simple.items():
        if head.startswith(magic):
            return kind
    return _iso_media(head) or ("mp3" if _mpeg_audio(head) else None)


def sniff_file(path: Path) -> str | None:
    """Sniff the first bytes of ``path``."""
    with path.open("rb") as handle:
        return sniff(handle.read(HEAD_SIZE))


def matches(extension: str, kind: str) -> bool:
    """True when a file named ``*.extension`` may keep its name for content ``kind``."""
    return extension == kind or extension in SAME_KIND.get(kind, frozenset())
