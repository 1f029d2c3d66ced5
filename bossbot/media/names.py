"""Safe file names: what a site calls a file never decides where it is written."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_NAME = 100
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_EXTENSION = re.compile(r"^[a-z0-9]{1,8}$")


def split_extension(name: str) -> tuple[str, str]:
    """Split ``name`` into stem and lower-case extension (empty when it has none)."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or not _EXTENSION.match(ext.lower()):
        return name, ""
    return stem, ext.lower()


def sanitize_filename(name: str, max_length: int = MAX_NAME) -> str:
    """Return a file name that is safe to write and to upload.

    Only the last path segment counts; the result holds ASCII letters, digits, ``.``, ``_``
    and ``-``, never starts with a dot or a dash, is at most ``max_length`` characters long
    and keeps a short alphanumeric extension.

    Args:
        name: Any text, e.g. a title or a name from a URL.
        max_length: Longest result.

    Returns:
        A non-empty name such as ``My_clip.mp4``.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.split(r"[/\\]", ascii_name)[-1]
    stem, dot, ext = base.strip().rpartition(".")
    if not dot or not _EXTENSION.match(ext.lower()):
        stem, ext = base.strip(), ""
    ext = ext.lower()
    stem = _UNSAFE.sub("_", stem)
    stem = re.sub(r"[._-]{2,}", "_", stem).strip("._-") or "file"
    suffix = f".{ext}" if ext else ""
    return stem[: max(1, max_length - len(suffix))] + suffix


def free_name(folder: Path, name: str) -> Path:
    """``folder / name``, or ``stem-2.ext``... when that exists already."""
    candidate, number = folder / name, 1
    stem, ext = split_extension(name)
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}-{number}{'.' + ext if ext else ''}"
    return candidate
