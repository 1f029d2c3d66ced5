"""The ``health`` action: uptime, latency, versions, ffmpeg and queue depth."""

from __future__ import annotations

import time
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from bossbot.discord.invocation import Invocation
from bossbot.discord.registry import Services, action
from bossbot.fit.binary import BUNDLED, Ffmpeg, locate
from bossbot.jobs.machine import RUNNING
from bossbot.messages.health import Health, health_report

COMPONENTS = ("bossbot", "hikari", "hikari-lightbulb", "yt-dlp", "gallery-dl")


@cache
def versions() -> dict[str, str]:
    """Versions of the bot and the libraries that matter to operators, as loaded.

    Read once per process: parsing package metadata costs milliseconds, and the code
    running is the code loaded at start-up whatever is installed later.
    """
    found: dict[str, str] = {}
    for name in COMPONENTS:
        try:
            found[name] = version(name)
        except PackageNotFoundError:  # pragma: no cover - all are dependencies
            found[name] = "missing"
    return found


@cache
def ffmpeg_found() -> Ffmpeg | None:
    """The ffmpeg that merges formats and fits files (looked up once per process)."""
    return locate()


async def collect(services: Services) -> Health:
    """Gather the health facts now (job counts from the store's maintained counters)."""
    counts = await services.jobs.store.counts() if services.jobs else None
    queued = counts.get("queued", 0) if counts is not None else None
    running = sum(counts.get(s, 0) for s in RUNNING) if counts is not None else None
    return Health(
        uptime=time.monotonic() - services.started_at,
        latency=services.latency(),
        versions=versions(),
        ffmpeg=(ffmpeg := ffmpeg_found()) is not None,
        ffmpeg_version=ffmpeg.version if ffmpeg else None,
        ffmpeg_bundled=ffmpeg is not None and ffmpeg.origin == BUNDLED,
        queued=queued,
        running=running,
        max_queue=services.spec.limits.max_queue,
        failing=tuple(services.jobs.failing()) if services.jobs else (),
    )


@action("health")
async def show_health(inv: Invocation, services: Services) -> None:
    """Answer with the health report."""
    await inv.reply.send(health_report(await collect(services)))
