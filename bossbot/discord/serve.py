"""Run the bot until SIGINT/SIGTERM, then close cleanly."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Coroutine
from functools import partial
from typing import Any

import aiohttp
import hikari
from loguru import logger

from bossbot.discord.app import BotApp, build_app
from bossbot.ops import problem_of, start_metrics_server
from bossbot.roles.role import BOT, Role
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
    jobs, role, workers = app.services.jobs, app.role, app.services.workers
    if jobs is not None:
        await jobs.store.connect()  # an unusable store stops us before the gateway starts
    warming = asyncio.ensure_future(workers.start()) if workers is not None else None
    await app.bot.start(
        check_for_updates=False, shard_ids=role.shard_ids, shard_count=role.shard_count
    )
    if jobs is not None:
        await jobs.start()  # jobs wait for the workers warming up meanwhile
    logger.info("bot started; {} slash commands", len(app.services.spec.commands))
    joined = asyncio.ensure_future(app.bot.join())
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({joined, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
        if jobs is not None:  # first: no job is delivered after the results' timers stop
            await jobs.stop()
        if app.services.results is not None:
            await app.services.results.close()
        if app.services.auto is not None:
            await app.services.auto.close()
        if jobs is not None:
            await jobs.store.close()
        if warming is not None:
            warming.cancel()
            await asyncio.gather(warming, return_exceptions=True)
            await workers.stop()  # type: ignore[union-attr]
        if not joined.done():
            logger.info("stopping: closing the gateway")
            await app.bot.close()
        await asyncio.gather(joined, return_exceptions=True)


def stop_on_signals() -> asyncio.Event:
    """An event set by SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def _main(settings: Settings, spec: Spec, role: Role) -> None:
    """Build the app, install signal handlers and serve."""
    stop = stop_on_signals()
    await serve(build_app(settings, spec, role=role), stop)


def run_bot(settings: Settings, spec: Spec, role: Role = BOT) -> int:
    """Run the bot; returns the process exit code (2 for a refused token)."""
    return run_process(_main(settings, spec, role), settings)


def run_process(main: Coroutine[Any, Any, None], settings: Settings) -> int:
    """Run ``main`` (a bot or a worker) until it ends; returns the process exit code.

    2 when Discord refuses the token, 1 when Discord cannot be reached; a store that
    cannot be used raises StoreError (the command line makes it one line and code 2).
    """
    try:
        asyncio.run(main)
    except hikari.UnauthorizedError:
        logger.error("Discord refused the token: check BOSSBOT_DISCORD_TOKEN")
        return 2
    except (hikari.HTTPError, aiohttp.ClientError, OSError) as exc:
        logger.error("cannot reach Discord at {}: {}", settings.discord_api_url, exc)
        return 1
    logger.info("stopped")
    return 0
