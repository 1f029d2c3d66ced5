"""The ffmpeg arguments of a remux and of a re-encode to H.264 + AAC in MP4."""

from __future__ import annotations

from pathlib import Path

from bossbot.fit.budget import VideoPlan
from bossbot.fit.process import file_url, source
from bossbot.spec import Fit

MAP_FIRST = ["-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn", "-map_metadata", "-1",
             "-map_chapters", "-1"]  # fmt: skip
"""First video and first audio stream; no subtitles, data, tags (privacy) or chapters."""


def remux_args(src: Path, out: Path, container: str) -> list[str]:
    """Copy the streams into ``container`` (``mp4`` or ``webm``), index first."""
    fast = ["-movflags", "+faststart"] if container == "mp4" else []
    return [*source(src, 1), *MAP_FIRST, "-c", "copy", *fast, "-f", container, file_url(out)]


def audio_args(kbps: int, channels: int) -> list[str]:
    """AAC at ``kbps``, at most stereo."""
    return ["-c:a", "aac", "-b:a", f"{kbps}k", "-ac", str(min(max(channels, 1), 2))]


def channels_of(layout: str) -> int:
    """1 for ``mono``, else 2 (stereo and anything wider is mixed down to stereo)."""
    return 1 if layout.strip().startswith("mono") else 2


def video_args(src: Path, out: Path, plan: VideoPlan, fit: Fit, channels: int) -> list[str]:
    """Re-encode to H.264 (yuv420p, High profile) + AAC in MP4 with the index first.

    The rate is an average capped by a one-second VBV buffer at the same rate: one-pass
    rate control alone overspends when a clip grows more complex towards its end, while
    the buffer bounds the video to ``rate x duration + 1 s`` whatever the content.
    """
    filters = [f"scale={plan.width}:{plan.height}:flags=bicubic"]
    if plan.fps:
        filters.append(f"fps={plan.fps}")
    filters.append("format=yuv420p")
    rate = plan.video_kbps
    sound = audio_args(plan.audio_kbps, channels) if plan.audio_kbps else ["-an"]
    return [
        *source(src, fit.threads), *MAP_FIRST,
        "-vf", ",".join(filters),
        "-c:v", "libx264", "-preset", fit.preset, "-profile:v", "high",
        "-b:v", f"{rate}k", "-maxrate", f"{rate}k", "-bufsize", f"{rate}k",
        *sound,
        "-threads", str(fit.threads), "-movflags", "+faststart", "-f", "mp4", file_url(out),
    ]  # fmt: skip
