"""Which walker judges which kind of file (the kinds :func:`bossbot.media.sniff` names)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bossbot.media.parse.audio import flac, mp3, ogg
from bossbot.media.parse.boxes import iso
from bossbot.media.parse.ebml import matroska
from bossbot.media.parse.images import gif, jpeg, png
from bossbot.media.parse.reader import Bytes, Malformed, mapped
from bossbot.media.parse.riff import riff

WALKERS: dict[str, Callable[[Bytes], None]] = {
    "png": png, "gif": gif, "jpg": jpeg, "webp": riff, "wav": riff,
    "mp4": iso, "mov": iso, "m4a": iso, "heic": lambda d: iso(d, "image"),
    "avif": lambda d: iso(d, "image"), "mkv": matroska, "webm": matroska,
    "ogg": ogg, "mp3": mp3, "flac": flac,
}  # fmt: skip

__all__ = ["WALKERS", "Malformed", "walk"]


def walk(path: Path, kind: str) -> None:
    """Follow the structure of the file at ``path`` as a ``kind`` file to its end.

    Raises:
        Malformed: The structure breaks, or something else follows it.
    """
    walker = WALKERS.get(kind)
    if walker is None:
        return  # kinds without a walker (BMP, TIFF) are judged by their decoder alone
    with mapped(path) as data:
        try:
            walker(data)
        except IndexError as exc:  # a table index from a hostile header
            raise Malformed(f"{kind}: {exc}") from None
