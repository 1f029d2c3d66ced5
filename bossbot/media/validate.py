"""Checks on what a downloader wrote, before anything is uploaded."""

from __future__ import annotations

from pathlib import Path

from bossbot.errors import BadMedia, NoMedia, TooLarge
from bossbot.media.magic import matches, sniff_file
from bossbot.media.names import sanitize_filename, split_extension


def _inside(path: Path, root: Path) -> Path:
    """Return the real path of ``path``, a regular file under ``root``.

    Raises:
        BadMedia: When it is missing, not a regular file, or (through links) outside root.
    """
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise BadMedia(f"missing file {path}", name=path.name) from None
    if path.is_symlink() or not real.is_relative_to(root) or not real.is_file():
        raise BadMedia(f"refused {path} -> {real}", name=path.name)
    return real


def _free_name(folder: Path, name: str) -> Path:
    """``folder / name``, or ``stem-2.ext``... when that exists already."""
    candidate, number = folder / name, 1
    stem, ext = split_extension(name)
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}-{number}{'.' + ext if ext else ''}"
    return candidate


def _checked(path: Path, cap: int, root: Path) -> Path:
    """Check one file and return its path, renamed when its name lies about its content."""
    real = _inside(path, root)
    size = real.stat().st_size
    if size == 0:
        raise BadMedia(f"empty file {real}", name=sanitize_filename(real.name))
    if size > cap:
        raise TooLarge(
            f"{real} is {size} bytes", name=sanitize_filename(real.name), size=size, limit=cap
        )
    kind = sniff_file(real)
    if kind is None:
        raise BadMedia(f"not allowed media: {real}", name=sanitize_filename(real.name))
    _, ext = split_extension(real.name)
    stem = real.name.rpartition(".")[0] or real.name
    name = sanitize_filename(real.name if matches(ext, kind) else f"{stem}.{kind}")
    if name == real.name:
        return real
    target = _free_name(real.parent, name)
    real.rename(target)
    return target


def validate(files: list[Path], *, cap: int, dest: Path) -> list[Path]:
    """Check every fetched file; return their paths (renamed where the name lied).

    Args:
        files: Files a downloader reported, in order.
        cap: Largest allowed size in bytes.
        dest: The job's folder; every file must really be inside it.

    Raises:
        NoMedia: When there is no file at all.
        BadMedia: A file is missing, empty, outside ``dest`` or not allowed media.
        TooLarge: A file is over ``cap`` (with name, size and limit).
    """
    if not files:
        raise NoMedia("the downloader wrote no file")
    root = dest.resolve()
    return [_checked(path, cap, root) for path in files]


def batches(files: list[Path], size: int = 10) -> list[list[Path]]:
    """Split ``files`` into consecutive groups of at most ``size`` (one message each)."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    return [files[i : i + size] for i in range(0, len(files), size)]
