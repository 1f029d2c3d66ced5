"""Command acknowledgement: gateway event sent -> the bot's first REST request for it."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from bench.acks import AckClock, run
from bench.botproc import BotProcess
from bench.config import BUCKETS, bench_spec
from bench.figures import Figure, percentile
from tests.fakes.discord import FakeDiscord
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

SETTLE = 2.0  # seconds after start-up: the bot warms yt-dlp up for about one


def _figures(key: str, label: str, seconds: list[float], target: str) -> list[Figure]:
    ms = [s * 1000 for s in seconds]
    note = f"{len(ms)} commands, max {max(ms):.0f} ms"
    return [
        Figure(f"{key}.p50", f"ack {label} p50", percentile(ms, 50), "ms"),
        Figure(f"{key}.p99", f"ack {label} p99", percentile(ms, 99), "ms", target, note),
    ]


def plan(count: int, rate: float, calm_rate: float) -> list[tuple[str, str, str, float | None]]:
    """(kind, command, mode, rate) of each run; ``calm``: ``$dl`` at a rate 2 cores sustain."""
    runs: list[tuple[str, str, str, float | None]] = [
        (kind, command, mode, pace)
        for command in ("health", "dl")
        for mode, pace in (("paced", rate), ("burst", None))
        for kind in ("prefix", "slash")
    ]
    return [*runs, ("prefix", "dl", "calm", calm_rate)]


async def latency(
    count: int, rate: float, calm_rate: float = 5.0, settle: float = SETTLE
) -> list[Figure]:
    """Prefix and slash ``health`` and ``dl``, paced at ``rate``/s and in a burst."""
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bench-latency-") as tmp:
        media = MediaServer()
        await media.start()
        url = media.add("/tiny.mp4", clip_mp4(), content_type="video/mp4")
        async with FakeDiscord(premium_tier=3, bucket_limit=BUCKETS) as fake:
            clock = AckClock(fake)
            bot = BotProcess(fake, Path(tmp), bench_spec(Path(tmp)))
            await bot.start()
            await asyncio.sleep(settle)
            try:
                for kind, command, mode, pace in plan(count, rate, calm_rate):
                    n = count if mode != "calm" else max(1, count // 2)
                    seconds = await run(clock, kind, command, n, pace, url)
                    name = f"${command}" if kind == "prefix" else f"/{command}"
                    label = f"{name} {mode}" + (f" {pace:g}/s" if pace else "")
                    target = ("<= 50" if command == "dl" else "< 100") if pace else "< 1000"
                    figures += _figures(f"ack.{kind}.{command}.{mode}", label, seconds, target)
                    if command == "dl":
                        await bot.drain()
            finally:
                await bot.stop()
                await media.close()
    return figures
