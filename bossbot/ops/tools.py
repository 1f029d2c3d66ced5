"""Doctor checks of the tools: which ffmpeg, yt-dlp and gallery-dl importable and fresh."""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bossbot.fit.binary import SYSTEM, bundled_path, locate
from bossbot.ops.checks import FAIL, OK, WARN, Check

STALE_DAYS = 90
"""yt-dlp releases follow site changes; an older one often fails on the big sites."""


def check_ffmpeg(
    which: Callable[[str], str | None] = shutil.which,
    bundled: Callable[[], Path | None] = bundled_path,
) -> Check:
    """Which ffmpeg fits files (the system's, else imageio-ffmpeg's) and its version.

    yt-dlp merges separate video and audio only with an ffmpeg on PATH, so the bundled
    one alone is a warning.
    """
    found = locate(which, bundled)
    if found is None:
        return Check(
            FAIL, "ffmpeg", "none on PATH and imageio-ffmpeg is missing: files cannot be "
            "fitted; reinstall with `uv sync --frozen --no-dev` or apt install ffmpeg",
        )  # fmt: skip
    if found.origin == SYSTEM:
        version = "of unknown version" if found.version == "unknown" else found.version
        return Check(OK, "ffmpeg", f"{found.path} (system ffmpeg {version})")
    return Check(
        WARN, "ffmpeg", f"{found.version} bundled with imageio-ffmpeg fits files; none on PATH, "
        "so videos fall back to single-file formats (often lower quality): install ffmpeg "
        "(apt install ffmpeg) to merge separate video and audio",
    )  # fmt: skip


def module_version(module: str) -> str | None:
    """``module.version.__version__``, or None when it cannot be imported."""
    try:
        return str(importlib.import_module(f"{module}.version").__version__)
    except (ImportError, AttributeError):
        return None


def release_date(version: str) -> date | None:
    """The date of a calendar version such as ``2026.10.26`` (None for other schemes)."""
    try:
        year, month, day = (int(part) for part in version.split(".")[:3])
        return date(year, month, day)
    except ValueError:
        return None


def check_downloader(name: str, module: str, today: date, *, dated: bool = False) -> Check:
    """``name`` is importable; with ``dated``, a release older than 90 days is a warning."""
    version = module_version(module)
    if version is None:
        return Check(FAIL, name, "cannot be imported: reinstall with `uv sync --frozen --no-dev`")
    released = release_date(version) if dated else None
    if released is not None and (today - released).days > STALE_DAYS:
        age = (today - released).days
        fix = f"upgrade with `uv lock --upgrade-package {name} && uv sync --frozen --no-dev`"
        return Check(WARN, name, f"{version} is {age} days old, sites change often: {fix}")
    return Check(OK, name, version)
