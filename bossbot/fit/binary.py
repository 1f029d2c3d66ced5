"""Which ffmpeg to run: the system's on PATH when present, else the one in imageio-ffmpeg."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SYSTEM, BUNDLED = "system", "bundled"
_VERSION = re.compile(r"ffmpeg version n?(\d+(?:\.\d+)*)")


@dataclass(frozen=True, slots=True)
class Ffmpeg:
    """An ffmpeg binary.

    Attributes:
        path: Absolute path of the executable.
        origin: ``system`` (found on PATH) or ``bundled`` (the imageio-ffmpeg wheel's).
        version: Such as ``9.0.2``, or ``unknown`` when ``-version`` said nothing usable.
    """

    path: Path
    origin: str
    version: str


def bundled_path() -> Path | None:
    """The ffmpeg shipped in the imageio-ffmpeg wheel, or None when it is missing."""
    try:
        from imageio_ffmpeg import get_ffmpeg_exe

        return Path(get_ffmpeg_exe())
    except (ImportError, RuntimeError):
        return None


def read_version(path: Path) -> str:
    """``9.0.2`` from ``ffmpeg -version`` (``unknown`` if it does not run or say)."""
    try:
        out = subprocess.run(  # noqa: S603 - fixed argv, no shell, no user text
            [str(path), "-hide_banner", "-version"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
            stdin=subprocess.DEVNULL,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    match = _VERSION.search(out)
    return match.group(1) if match else "unknown"


def locate(
    which: Callable[[str], str | None] = shutil.which,
    bundled: Callable[[], Path | None] = bundled_path,
) -> Ffmpeg | None:
    """The ffmpeg to use, with its version; None when there is none at all."""
    found = which("ffmpeg")
    if found:
        path = Path(found).absolute()
        return Ffmpeg(path, SYSTEM, read_version(path))
    shipped = bundled()
    if shipped is None:
        return None
    return Ffmpeg(shipped, BUNDLED, read_version(shipped))


@cache
def find_ffmpeg() -> Ffmpeg:
    """The ffmpeg of this process, found once (a worker forked later inherits it).

    Raises:
        FileNotFoundError: When neither PATH nor the imageio-ffmpeg wheel has one.
    """
    found = locate()
    if found is None:
        raise FileNotFoundError("no ffmpeg on PATH and imageio-ffmpeg is not installed")
    return found
