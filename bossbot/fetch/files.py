"""The job folder: what a downloader finished, safe names, and cleaning up after failure."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bossbot.media.names import sanitize_filename

# Leftovers of unfinished downloads: yt-dlp and gallery-dl temp files and fragments.
_TEMPORARY = re.compile(r"(\.part|\.ytdl|\.temp|\.tmp|-Frag\d+(\.part)?)$", re.IGNORECASE)


def finished_files(dest: Path) -> list[Path]:
    """Regular files in ``dest`` (not temp files), oldest first."""
    files = [p for p in dest.iterdir() if p.is_file() and not p.is_symlink()]
    done = [p for p in files if not _TEMPORARY.search(p.name)]
    return sorted(done, key=lambda p: (p.stat().st_mtime_ns, p.name))


def tidy_names(files: list[Path]) -> list[Path]:
    """Rename files to :func:`sanitize_filename` names (no clashes); return the new paths."""
    result: list[Path] = []
    for path in files:
        name = sanitize_filename(path.name)
        target = path.with_name(name)
        if target != path:
            stem, dot, ext = name.rpartition(".")
            number = 1
            while target.exists():
                number += 1
                target = path.with_name(f"{stem}-{number}{dot}{ext}" if dot else f"{name}-{number}")
            path.rename(target)
        result.append(target)
    return result


def clear(dest: Path) -> None:
    """Remove everything inside ``dest`` (the job's own folder), keeping the folder."""
    if not dest.is_dir():
        return
    for path in dest.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def display_name(url: str) -> str:
    """A short safe name for messages, from the URL's last path segment or its host."""
    parts = urlsplit(url)
    last = unquote(parts.path.rstrip("/").rpartition("/")[2])
    return sanitize_filename(last or parts.hostname or "file", max_length=60)
