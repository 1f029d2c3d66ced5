"""Checks on what a downloader wrote, before anything is uploaded."""

from __future__ import annotations

from pathlib import Path

from bossbot.errors import BadMedia, NoMedia, TooLarge
from bossbot.media.magic import matches, sniff_file
from bossbot.media.names import free_name, sanitize_filename, split_extension
from bossbot.media.parse import Malformed, walk


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
    try:
        walk(real, kind)
    except Malformed as exc:
        raise BadMedia(f"{real}: {exc}", name=sanitize_filename(real.name)) from None
    _, ext = split_extension(real.name)
    stem = real.name.rpartition(".")[0] or real.name
    name = sanitize_filename(real.name if matches(ext, kind) else f"{stem}.{kind}")
    if name == real.name:
        return real
    target = free_name(real.parent, name)
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
