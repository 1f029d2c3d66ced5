"""Pipeline throughput and resources: jobs through the bot vs the yt-dlp command line."""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import time
from pathlib import Path

from bench.botproc import BotProcess, usage
from bench.config import BUCKETS, bench_spec
from bench.figures import Figure
from bench.ytdlp_cli import media_file, through_cli
from bossbot.workers.memory import pss, tree
from tests.fakes.discord import FakeDiscord
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

MiB = 1024**2
RUNS = ("small", "large")  # keys of the pipeline runs, in order


class BotRun:
    """One bot process taking ``$dl`` commands; counts the uploads at the fake."""

    def __init__(self, fake: FakeDiscord, bot: BotProcess) -> None:
        self.fake, self.bot = fake, bot

    def uploads(self) -> int:
        """Messages with files the fake has answered."""
        return sum(1 for r in self.fake.requests if r.files and r.status == 200)

    def reset_peak(self) -> None:
        """Reset the process's VmHWM (``clear_refs`` 5), so the next peak is the batch's."""
        with contextlib.suppress(OSError):
            Path(f"/proc/{self.bot.pid}/clear_refs").write_text("5")

    async def batch(self, urls: list[str]) -> dict[str, float]:
        """Seconds to the last upload; CPU of the bot and all under it; memory peaks."""
        done, before, start = self.uploads(), usage(self.bot.pid), time.monotonic()
        peaks = {"workers": 0, "total": 0}
        sampler = asyncio.ensure_future(self._sample(peaks))
        for url in urls:
            await self.fake.send_message(f"$dl {url}")
        while self.uploads() < done + len(urls):
            if time.monotonic() - start > 300:
                raise TimeoutError(f"{self.uploads() - done} of {len(urls)} uploads in 300 s")
            await asyncio.sleep(0.02)
        wall, after = time.monotonic() - start, usage(self.bot.pid)
        sampler.cancel()
        await self.bot.drain()
        return {"wall": wall, "cpu": after.cpu - before.cpu, "rss_peak": after.rss_peak,
                "workers_peak": peaks["workers"], "total_peak": peaks["total"]}  # fmt: skip

    async def _sample(self, peaks: dict[str, int]) -> None:
        """Track the memory of the processes under the bot, every 0.1 s."""
        while True:
            helpers = sum(pss(pid) for pid in tree(self.bot.pid) if pid != self.bot.pid)
            peaks["workers"] = max(peaks["workers"], helpers)
            peaks["total"] = max(peaks["total"], helpers + usage(self.bot.pid).rss_now)
            await asyncio.sleep(0.1)


def _figures(
    key: str, label: str, bot: dict[str, float], cli: float, concurrency: int
) -> list[Figure]:
    name = f"pipeline {label}"
    return [
        Figure(f"{key}.bot", f"{name}: bot", bot["wall"], "s", "", "download + upload to fake"),
        Figure(f"{key}.cli", f"{name}: yt-dlp CLI", cli, "s", "", f"{concurrency} at once"),
        Figure(f"{key}.ratio", f"{name}: bot / CLI", bot["wall"] / cli, "x", "<= 1.2"),
    ]


async def pipeline(jobs: list[tuple[int, int]], concurrency: int) -> list[Figure]:
    """For each ``(count, size)``: the bot vs the command line; resources of the last."""
    figures: list[Figure] = []
    media = MediaServer()
    await media.start()
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        folder = Path(tmp)
        async with FakeDiscord(premium_tier=3, bucket_limit=BUCKETS) as fake:
            bot = BotProcess(fake, folder, bench_spec(folder, max_concurrent=concurrency))
            await bot.start()
            try:
                run = BotRun(fake, bot)
                await run.batch([media.add("/warm.mp4", clip_mp4(), content_type="video/mp4")])
                for index, (count, size) in enumerate(jobs):
                    body, tag = media_file(size), f"p{size // MiB}"
                    urls = [media.add(f"/{tag}/{i:03d}.mp4", body, content_type="video/mp4")
                            for i in range(count)]  # fmt: skip
                    cli = await through_cli(urls, folder / tag, concurrency)
                    run.reset_peak()
                    measured = await run.batch(urls)
                    key = f"pipeline.{RUNS[index] if index < len(RUNS) else index}"
                    label = f"{count} x {size // MiB} MiB"
                    figures += _figures(key, label, measured, cli, concurrency)
            finally:
                await bot.stop()
                await media.close()
    return figures + _resources(f"{count} x {size // MiB} MiB", measured, count * size)


def _resources(label: str, measured: dict[str, float], moved: int) -> list[Figure]:
    cpu, gib = measured["cpu"], moved / 1024**3
    return [
        Figure("resources.rss_peak", f"bot process peak RSS ({label})",
               measured["rss_peak"] / 1e6, "MB", "<= 120", "VmHWM of the bot process"),
        Figure("resources.workers_peak", f"guard, zygote, workers peak PSS ({label})",
               measured["workers_peak"] / 1e6, "MB", "", "sampled every 0.1 s"),
        Figure("resources.total_peak", f"all processes peak ({label})",
               measured["total_peak"] / 1e6, "MB", "", "bot RSS + the others' PSS"),
        Figure("resources.cpu", f"CPU ({label})", cpu, "s", "", "bot and every process under it"),
        Figure("resources.cpu_per_gib", "CPU per GiB delivered", cpu / gib, "s/GiB", "",
               "each byte downloaded and uploaded once"),
    ]  # fmt: skip
