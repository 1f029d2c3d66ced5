"""The yt-dlp command line alone, the pipeline's yardstick; the media files it fetches."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from bench.config import python_env
from tests.fakes.media_files import big_mp4

YT_DLP = [str(Path(sys.executable).with_name("yt-dlp")), "--ignore-config", "--no-progress", "-q"]


def media_file(size: int) -> bytes:
    """A valid MP4 of ``size`` bytes: the clip and a ``free`` box of random bytes."""
    return big_mp4(size)


async def through_cli(urls: list[str], folder: Path, concurrency: int) -> float:
    """Seconds to fetch the URLs with the yt-dlp command line, ``concurrency`` at a time."""
    gate, env = asyncio.Semaphore(concurrency), python_env()

    async def one(index: int, url: str) -> None:
        async with gate:
            out = folder / f"cli-{index}"
            proc = await asyncio.create_subprocess_exec(
                *YT_DLP, "-P", str(out), "-o", "%(id)s.%(ext)s", url, env=env
            )
            if await proc.wait():
                raise RuntimeError(f"yt-dlp failed on {url}")

    start = time.monotonic()
    await asyncio.gather(*(one(i, url) for i, url in enumerate(urls)))
    return time.monotonic() - start
