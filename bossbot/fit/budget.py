"""Bits to spend: the bitrates, size and frame rate of an encode that fits the cap."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bossbot.errors import CannotFit
from bossbot.spec import Fit

SAFETY = 0.97
"""Aim this far under the cap: single-pass rate control lands near, not on, its target."""
QUALITY_BPP = 0.2
"""Bits per pixel per frame past which more bitrate buys nothing visible (no bloating)."""
LADDER = (2160, 1440, 1080, 720, 540, 480, 360, 240, 144)
"""Shorter-side sizes tried, largest first."""
AUDIO_SHARE = 0.1
AAC_FRAMES = 47  # AAC frames per second at 48 kHz: each one an index entry in the MP4


def _per_second(fps: float | None, audio: bool) -> float:
    """Index bytes per second: 16 per video frame (``fps`` None: no video), 8 per AAC frame."""
    return (0 if fps is None else 16 * (fps or 30)) + (8 * AAC_FRAMES if audio else 0)


def overhead(duration: float, fps: float | None, audio: bool) -> int:
    """Container bytes beyond the streams: MP4 headers and one index entry per frame."""
    return int(8192 + duration * _per_second(fps, audio))


@dataclass(frozen=True, slots=True)
class VideoPlan:
    """One encode: picture size, frame rate (0 keeps the source's), bitrates in kb/s."""

    width: int
    height: int
    fps: int
    video_kbps: int
    audio_kbps: int


def audio_rate(total_kbps: float, fit: Fit, source_kbps: int = 0) -> int:
    """A tenth of the budget within the declared bounds, never above the source's own."""
    rate = min(total_kbps * AUDIO_SHARE, fit.audio_max_kbps)
    if source_kbps:
        rate = min(rate, source_kbps)
    return int(max(rate, fit.audio_min_kbps))


def even_size(width: int, height: int, short: int) -> tuple[int, int]:
    """Scale so the shorter side is ``short``, keeping the aspect, both sides even."""
    scale = short / min(width, height)
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def _shape(width: int, height: int, fps: float, kbps: float, fit: Fit) -> tuple[int, int, int]:
    """Frame rate (0 = keep) and size: step down while bits per pixel are below the floor."""

    def bpp(w: int, h: int, f: float) -> float:
        return kbps * 1000 / (w * h * f)

    rate = fps or 30.0
    capped = 0
    if bpp(width, height, rate) < fit.min_bits_per_pixel and rate > fit.max_fps:
        capped, rate = fit.max_fps, float(fit.max_fps)
    short = min(width, height)
    steps = [short, *(r for r in LADDER if r < short and r >= fit.min_height)]
    for step in steps:
        w, h = even_size(width, height, step)
        if bpp(w, h, rate) >= fit.min_bits_per_pixel:
            break
    return w, h, capped


def plan_video(
    width: int, height: int, fps: float, duration: float, audio_kbps: int | None,
    cap: int, fit: Fit, squeeze: float = 1.0,
) -> VideoPlan | None:  # fmt: skip
    """The encode that fits ``cap``, or None when even the floor bitrate does not fit.

    ``audio_kbps`` is the source's audio rate (0 when unknown, None without audio);
    ``squeeze`` (< 1 after an overshoot) shrinks the budget.
    """
    seconds = max(duration, 0.1)
    budget = (cap * SAFETY - overhead(seconds, fps, audio_kbps is not None)) * squeeze
    total = budget * 8 / seconds / 1000
    audio = 0 if audio_kbps is None else audio_rate(total, fit, audio_kbps)
    video = total - audio
    if video < fit.min_video_kbps:
        return None
    w, h, capped = _shape(width, height, fps, video, fit)
    ceiling = QUALITY_BPP * w * h * (capped or fps or 30) / 1000
    video = min(video, max(ceiling, fit.min_video_kbps))
    return VideoPlan(w, h, capped, int(video), audio)


def refusal(
    name: str, duration: float, fps: float | None, audio: bool, cap: int,
    tiers: Mapping[str, int], *, floor_kbps: int, min_height: int | None,
) -> CannotFit:  # fmt: skip
    """The error when ``floor_kbps`` (video and audio) over ``duration`` cannot fit ``cap``.

    Its data says what would fit: the longest clip at this cap, and the smallest boost
    tier whose per-file limit takes the whole file at the floor.
    """
    per_second = floor_kbps * 125 + _per_second(fps, audio)
    needed = int((8192 + per_second * duration) / SAFETY)
    fits = max(0.0, (cap * SAFETY - 8192) / per_second)
    tier = next((t for t, limit in sorted(tiers.items()) if limit >= needed), None)
    if tier == "0" or (tier and tiers[tier] <= cap):
        tier = None  # an unboosted server would take it: the cap is not the server's
    return CannotFit(
        f"{name}: {duration:.0f} s needs {needed} bytes at the floor, cap {cap}",
        name=name, duration=duration, limit=cap, needed=needed, fits_duration=fits,
        tier=tier, tier_limit=tiers.get(tier) if tier else None,
        min_height=min_height, min_kbps=floor_kbps,
    )  # fmt: skip
