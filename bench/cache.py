"""A repeat link answered from the cache: gateway event -> the reply pointing at the post."""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
from pathlib import Path

from bench.acks import AckClock, run
from bench.botproc import BotProcess
from bench.config import BUCKETS, bench_spec
from bench.figures import Figure, percentile
from tests.fakes.discord import FakeDiscord
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer


def kept(folder: Path) -> int:
    """Entries in the bot's cache of repeat links (read from its database)."""
    path = folder / "data" / "jobs.sqlite3"
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM cache_entries").fetchone()[0])


async def cache_hits(count: int, rate: float) -> list[Figure]:
    """Download a link once, then send it ``count`` times in another form, ``rate`` per s.

    Each repeat is answered by a reply linking to the first post (the bot first checks
    that the post still exists: one REST request); none reaches the media server.
    """
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as tmp:
        folder = Path(tmp)
        media = MediaServer()
        await media.start()
        url = media.add("/tiny.mp4", clip_mp4(), content_type="video/mp4")
        async with FakeDiscord(premium_tier=3, bucket_limit=BUCKETS) as fake:
            clock = AckClock(fake)
            bot = BotProcess(fake, folder, bench_spec(folder, cache=True))
            await bot.start()
            try:
                await fake.send_message(f"$dl {url}")
                async with asyncio.timeout(120):
                    while not kept(folder):
                        await asyncio.sleep(0.1)
                fetched = media.hits()
                seconds = await run(clock, "prefix", "dl", count, rate, f"{url}?utm_source=x")
                fetched = media.hits() - fetched
            finally:
                await bot.stop()
                await media.close()
    ms = [s * 1000 for s in seconds]
    note = f"{count} repeats at {rate:g}/s, max {max(ms):.0f} ms, {fetched} media requests"
    return [
        Figure("cache.hit.p50", f"cache hit $dl {rate:g}/s p50", percentile(ms, 50), "ms"),
        Figure(
            "cache.hit.p99", f"cache hit $dl {rate:g}/s p99", percentile(ms, 99), "ms", "< 50", note
        ),
    ]
