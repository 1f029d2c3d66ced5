"""Ask ffmpeg what a file holds; measure the duration when the header does not say."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bossbot.errors import BadMedia
from bossbot.fit.binary import find_ffmpeg
from bossbot.fit.process import FfmpegFailed, run_ffmpeg, source
from bossbot.fit.progress import FitProgress
from bossbot.fit.streams import MediaInfo, parse_report
from bossbot.media.names import sanitize_filename

PROBE_TIMEOUT = 60.0


def report(path: Path) -> str:
    """What ffmpeg says of ``path`` (the stderr of ``ffmpeg -i`` with no output)."""
    argv = [str(find_ffmpeg().path), "-hide_banner", "-nostdin", *source(path, 1)]
    done = subprocess.run(  # noqa: S603 - fixed argv, no shell, no user text
        argv, capture_output=True, text=True, errors="replace", timeout=PROBE_TIMEOUT, check=False
    )
    return done.stderr


def measured_duration(path: Path, niceness: int) -> float:
    """Seconds of ``path`` found by copying its streams to nowhere (fast: no decoding)."""
    last: list[FitProgress] = []
    args = [*source(path, 1), "-map", "0", "-c", "copy", "-f", "null", "-"]
    run_ffmpeg(args, niceness=niceness, on_progress=last.append)
    return last[-1].done if last else 0.0


def described(path: Path, info: MediaInfo, duration: Callable[[], float]) -> MediaInfo:
    """``info`` of ``path``, checked, with ``duration()`` when its header gives none.

    Raises:
        BadMedia: It has no audio or video, or no length.
    """
    name = sanitize_filename(path.name)
    if info.video is None and info.audio is None:
        raise BadMedia(f"ffmpeg finds no audio or video in {path}", name=name)
    if not info.duration:
        try:
            info = replace(info, duration=duration())
        except FfmpegFailed as exc:
            raise BadMedia(f"cannot measure {path}: {exc.log}", name=name) from None
        if not info.duration:
            raise BadMedia(f"{path} has no duration", name=name)
    return info


def probe(path: Path, niceness: int = 0) -> MediaInfo:
    """What ``path`` holds, with its duration.

    Raises:
        BadMedia: ffmpeg cannot read it, it has no audio or video, or no length.
    """
    return described(path, parse_report(report(path)), lambda: measured_duration(path, niceness))
