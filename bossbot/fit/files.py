"""The entry point: fit one downloaded file, whatever it is, to the cap where it is posted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from bossbot.errors import TooLarge
from bossbot.fit.audio import fit_audio
from bossbot.fit.image import fit_image, open_image
from bossbot.fit.probing import probe
from bossbot.fit.progress import ProgressFn
from bossbot.fit.result import FitResult
from bossbot.fit.streams import MediaInfo
from bossbot.fit.video import fit_video
from bossbot.media.magic import sniff_file
from bossbot.media.names import sanitize_filename
from bossbot.spec import Fit

MEDIA = {"mp4", "mov", "mkv", "webm", "mp3", "m4a", "ogg", "flac", "wav"}
"""Kinds ffmpeg handles (by content); images go to Pillow."""
ANIMATIONS = {"gif", "webp"}


def _animated(src: Path, fit: Fit) -> bool:
    """True for a GIF or WebP of more than one frame."""
    with open_image(src, fit.max_image_pixels) as image:
        return bool(getattr(image, "is_animated", False))


def fit_file(
    src: Path, *, cap: int, fit: Fit, workdir: Path, tiers: Mapping[str, int] | None = None,
    on_progress: ProgressFn | None = None, audio_only: bool = False, info: MediaInfo | None = None,
) -> FitResult:  # fmt: skip
    """Make ``src`` a file Discord shows inline, of at most ``cap`` bytes.

    Sync and CPU-bound: call it in a worker process. New files are written in ``workdir``
    (the source is left in place); cancel by killing the worker's process group.

    Args:
        src: A downloaded file inside the job's folder.
        cap: The job's effective per-file limit in bytes.
        fit: The ``[fit]`` table.
        workdir: Folder for the results (created when missing).
        tiers: Per-file limit by boost tier (``[upload] tier_limits``), for refusals.
        on_progress: Called with :class:`FitProgress` during encodes; raising cancels.
        audio_only: Post the audio of a video (or an audio file) instead.
        info: What the file holds, when already known (from the decode check).

    Raises:
        BadMedia: Not media, unreadable, or an image over ``fit.max_image_pixels``.
        TooLarge: Over the cap with fitting off, or an image that cannot shrink enough.
        TooLongToFit: Needs a re-encode but runs longer than ``fit.max_duration``.
        CannotFit: Even the declared floor is over the cap (data says what would fit).
    """
    kind = sniff_file(src)
    common = {"cap": cap, "fit": fit, "workdir": workdir, "tiers": tiers}
    common["on_progress"] = on_progress
    if kind in MEDIA:
        info = info or probe(src, fit.niceness)
        if audio_only or info.video is None:
            return fit_audio(src, info, **common)
        return fit_video(src, info, **common)
    if kind in ANIMATIONS and _animated(src, fit):
        size = src.stat().st_size
        if size <= cap:
            return FitResult(src, "kept", "animation", size, size, kind.upper(), kind.upper())
        if not fit.enabled:
            name = sanitize_filename(src.name)
            raise TooLarge(f"{src} is {size} bytes", name=name, size=size, limit=cap)
        result = fit_video(src, probe(src, fit.niceness), **common)
        return replace(result, kind="animation")
    return fit_image(src, cap=cap, fit=fit, workdir=workdir)
