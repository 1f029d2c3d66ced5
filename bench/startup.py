"""Start-up: process spawn to slash commands synced (the PUT at the fake)."""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
from pathlib import Path

from bench.botproc import BotProcess
from bench.config import bench_spec, python_env
from bench.figures import Figure
from tests.fakes.discord import FakeDiscord

WARM_UP = "import bossbot.cli.main, bossbot.discord.serve, yt_dlp.extractor.generic"


async def warm_bytecode_cache() -> None:
    """Fill the bench's bytecode cache, as a deployment's compiled venv would have it."""
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", WARM_UP, env=python_env())
    await proc.wait()


async def _once(bytecode: bool) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        folder = Path(tmp)
        async with FakeDiscord() as fake:
            bot = BotProcess(fake, folder, bench_spec(folder), bytecode=bytecode)
            try:
                return await bot.start()
            finally:
                await bot.stop()


async def startup(runs: int, *, warm_cache: bool = True) -> list[Figure]:
    """Start the bot ``runs`` times with compiled bytecode, once without, on fresh fakes."""
    if warm_cache:
        await warm_bytecode_cache()
    seconds = [await _once(True) for _ in range(runs)]
    cold = await _once(False)
    return [
        Figure(
            "startup.synced", "start-up to commands synced", statistics.median(seconds), "s", "< 3",
            f"bytecode compiled (as deployed); median of {runs}, max {max(seconds):.2f} s",
        ),
        Figure(
            "startup.cold", "start-up without bytecode cache", cold, "s", "",
            "PYTHONDONTWRITEBYTECODE=1 and no .pyc in the venv: every module compiled",
        ),
    ]  # fmt: skip
