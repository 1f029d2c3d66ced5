"""The health report."""

from __future__ import annotations

from dataclasses import dataclass

from bossbot.messages.progress import duration

_MISSING = "missing: videos are fetched in single-file formats only and nothing is fitted"


@dataclass(frozen=True, slots=True)
class Health:
    """Facts for the health report.

    Attributes:
        uptime: Seconds since start.
        latency: Gateway heartbeat latency in seconds, None when not measured yet.
        versions: Component name -> version, in display order.
        ffmpeg: Whether an ffmpeg was found (on PATH, or the one bundled with the bot).
        ffmpeg_version: Version of the ffmpeg that fits files, when known.
        ffmpeg_bundled: True when that ffmpeg is imageio-ffmpeg's, not the system's.
        queued: Jobs waiting, None when the job queue is not running.
        running: Jobs running, None when the job queue is not running.
        max_queue: The declared queue bound.
        failing: Background loops of the job queue that keep failing (``scheduler``:
            no download starts; ``leases``: crashed jobs are not taken over).
    """

    uptime: float
    latency: float | None
    versions: dict[str, str]
    ffmpeg: bool
    queued: int | None = None
    running: int | None = None
    max_queue: int = 0
    failing: tuple[str, ...] = ()
    ffmpeg_version: str | None = None
    ffmpeg_bundled: bool = False


LOOP_TROUBLE = {
    "scheduler": "the job scheduler keeps failing: new downloads may not start",
    "leases": "the lease loop keeps failing: downloads a crash left behind are not resumed",
}


def health_report(health: Health) -> str:
    """The health message."""
    latency = "not measured yet" if health.latency is None else f"{health.latency * 1000:.0f} ms"
    if health.queued is None or health.running is None:
        queue = "not running"
    else:
        queue = f"{health.running} running, {health.queued} waiting (at most {health.max_queue})"
    origin = "bundled with the bot" if health.ffmpeg_bundled else "system"
    ffmpeg = f"{health.ffmpeg_version or 'found'} ({origin}): merges formats, fits files"
    if not health.ffmpeg:
        ffmpeg = _MISSING
    versions = " · ".join(f"{name} {version}" for name, version in health.versions.items())
    trouble = [f"⚠️ **Problem:** {LOOP_TROUBLE.get(name, name)}" for name in health.failing]
    return "\n".join(
        [
            "🩺 **boss-bot is up, but in trouble**" if trouble else "🩺 **boss-bot is up**",
            *trouble,
            f"**Uptime:** {duration(health.uptime)}",
            f"**Gateway latency:** {latency}",
            f"**Queue:** {queue}",
            f"**ffmpeg:** {ffmpeg}",
            f"**Versions:** {versions}",
        ]
    )
