"""Run the bot until SIGINT/SIGTERM, then close cleanly."""

from __future__ import annotations

import asyncio
import signal
from functools import partial

import aiohttp
import hikari
from loguru import logger

from bossbot.discord.app import BotApp, build_app
from bossbot.ops import problem_of, start_metrics_server
from bossbot.settings import Settings
from bossbot.spec import Spec


async def serve(app: BotApp, stop: asyncio.Event) -> None:
    """Start the bot, wait for ``stop`` (or the bot closing by itself), then close it."""
    metrics = app.services.metrics
    server = None
    if metrics is not None:
        problem = partial(problem_of, app.bot, app.services.jobs)
        server = await start_metrics_server(app.services.settings.metrics_addr, metrics, problem)
    try:
        await _serve(app, stop)
    finally:
        if server is not None:
            await server.stop()


async def _serve(app: BotApp, stop: asyncio.Event) -> None:
    """Run the gateway and the job executor until ``stop``; leave jobs resumable."""
    workers = app.services.workers  # warmed while the gateway connects; jobs wait for it
    warming = asyncio.ensure_future(workers.start()) if workers is not None else None
    await app.bot.start(check_for_updates=False)
    jobs = app.services.jobs
    if jobs is not None:
        await jobs.start()
    logger.info("bot started; {} slash commands", len(app.services.spec.commands))
    joined = asyncio.ensure_future(app.bot.join())
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({joined, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
        if app.services.results is not None:
            await app.services.results.close()
        if jobs is not None:
            await jobs.stop()
            await jobs.store.close()
        if warming is not None:
            warming.cancel()
            await asyncio.gather(warming, return_exceptions=True)
            await workers.stop()  # type: ignore[union-attr]
        if not joined.done():
            logger.info("stopping: closing the gateway")
            await app.bot.close()
        await asyncio.gather(joined, return_exceptions=True)


async def _main(settings: Settings, spec: Spec) -> None:
    """Build the app, install signal handlers and serve."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await serve(build_app(settings, spec), stop)


def run_bot(settings: Settings, spec: Spec) -> int:
    """Run the bot; returns the process exit code (2 for a refused token)."""
    try:
        asyncio.run(_main(settings, spec))
    except hikari.UnauthorizedError:
        logger.error("Discord refused the token: check BOSSBOT_DISCORD_TOKEN")
        return 2
    except (hikari.HTTPError, aiohttp.ClientError, OSError) as exc:
        logger.error("cannot reach Discord at {}: {}", settings.discord_api_url, exc)
        return 1
    logger.info("stopped")
    return 0
