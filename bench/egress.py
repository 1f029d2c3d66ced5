"""The price of confinement: workers through the egress guard vs workers connecting directly.

Both runs fetch the same files from the loopback media server with the bot's worker
processes (forked by the zygote, sandboxed); only the guard differs. Worker start-up is
the time from asking for a download to the media server seeing its first request.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path

from bench.botproc import tree_cpu
from bench.figures import Figure, percentile
from bench.ytdlp_cli import media_file
from bossbot.settings import Settings
from bossbot.spec import load_spec
from bossbot.workers import Workers
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

ROOT = Path(__file__).resolve().parent.parent
GiB = 1024**3


async def _fetch_all(workers: Workers, urls: list[str], folder: Path, at_once: int) -> None:
    """Fetch every URL, ``at_once`` at a time."""
    gate = asyncio.Semaphore(at_once)

    async def one(index: int, url: str) -> None:
        async with gate:
            dest = folder / f"{index:03d}"
            dest.mkdir(parents=True)
            await workers.fetch(url, dest, spec=workers.spec, cap=GiB, on_progress=lambda p: None)

    await asyncio.gather(*(one(i, url) for i, url in enumerate(urls)))


async def _run(
    settings: Settings, urls: list[str], *, egress: bool, at_once: int
) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and all under it) for one pass."""
    from bossbot.discord.actions import ACTIONS

    workers = Workers(settings, load_spec(ROOT / "commands.toml", ACTIONS), egress=egress)
    await workers.start()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-egress-") as tmp:
            await _fetch_all(workers, urls[:1], Path(tmp) / "warm", 1)
            cpu, start = tree_cpu(os.getpid()), time.monotonic()
            await _fetch_all(workers, urls, Path(tmp) / "run", at_once)
            return time.monotonic() - start, tree_cpu(os.getpid()) - cpu
    finally:
        await workers.stop()


async def _startup(settings: Settings, media: MediaServer, samples: int) -> list[float]:
    """Seconds from ``Workers.fetch`` to the first request of that fetch, ``samples`` times."""
    from bossbot.discord.actions import ACTIONS

    workers = Workers(settings, load_spec(ROOT / "commands.toml", ACTIONS))
    await workers.start()
    seen: list[float] = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
            for index in range(samples + 1):
                path = f"/start/{index}.mp4"
                url = media.add(path, clip_mp4(), content_type="video/mp4")
                dest = Path(tmp) / str(index)
                dest.mkdir()
                asked = time.monotonic()
                await workers.fetch(
                    url, dest, spec=workers.spec, cap=GiB, on_progress=lambda p: None
                )
                if index:  # the first one warms the guard's connection pool up
                    seen.append(media.first_seen[path] - asked)
    finally:
        await workers.stop()
    return seen


async def egress(count: int, size: int, samples: int, at_once: int = 5) -> list[Figure]:
    """Guard overhead on ``count`` files of ``size`` bytes; worker start-up ``samples`` times."""
    media = MediaServer()
    await media.start()
    settings = Settings(data_dir=Path(tempfile.gettempdir()) / "bench-egress-data",
                        allow_private_urls="127.0.0.1/32")  # fmt: skip
    try:
        body = media_file(size)
        urls = [media.add(f"/e/{i:03d}.mp4", body, content_type="video/mp4") for i in range(count)]
        direct = await _run(settings, urls, egress=False, at_once=at_once)
        guarded = await _run(settings, urls, egress=True, at_once=at_once)
        started = await _startup(settings, media, samples)
    finally:
        await media.close()
    gib, label = count * size / GiB, f"{count} x {size // 1024**2} MiB"
    start_p50, start_p99 = (percentile(started, pct) * 1000 for pct in (50, 99))
    return [
        Figure("egress.direct", f"workers without the guard: {label}", direct[0], "s"),
        Figure("egress.guarded", f"workers through the guard: {label}", guarded[0], "s"),
        Figure("egress.wall_ratio", "guard cost: wall time", guarded[0] / direct[0], "x", "<= 1.1"),
        Figure("egress.cpu_direct", "CPU per GiB without the guard", direct[1] / gib, "s/GiB"),
        Figure("egress.cpu_guarded", "CPU per GiB through the guard", guarded[1] / gib, "s/GiB"),
        Figure("egress.cpu_ratio", "guard cost: CPU per GiB", guarded[1] / direct[1], "x",
               "<= 1.1"),
        Figure("egress.start_p50", "worker start to first request p50", start_p50, "ms"),
        Figure("egress.start_p99", "worker start to first request p99", start_p99, "ms"),
    ]  # fmt: skip
