"""The worker role: claims and runs jobs, posts and edits over Discord's REST API, no gateway.

It needs the token (any process holding it may call REST), the shared store
(``BOSSBOT_DATABASE_URL``) and a data dir of its own for temp files. Its executor comes from
the same wiring as the bot's (:func:`bossbot.discord.jobs.build_executor`).
"""

from __future__ import annotations

import asyncio
from functools import partial

import hikari
from loguru import logger

from bossbot.discord.jobs import build_executor
from bossbot.discord.registry import Services
from bossbot.discord.serve import run_process, stop_on_signals
from bossbot.ops import problem_of, start_metrics_server
from bossbot.roles.role import WORKER
from bossbot.settings import Settings
from bossbot.spec import Spec


async def work(settings: Settings, spec: Spec, stop: asyncio.Event) -> None:
    """Run jobs until ``stop`` is set; running jobs are left resumable."""
    app = hikari.RESTApp(url=settings.discord_api_url)
    await app.start()
    try:
        async with app.acquire(settings.require_token(), hikari.TokenType.BOT) as rest:
            me: list[int] = []
            services = Services(spec=spec, settings=settings, rest=rest, me=lambda: me[0])
            executor = build_executor(rest, services, WORKER)
            await executor.store.connect()  # an unusable store stops us before any work
            me.append(int((await rest.fetch_my_user()).id))
            problem = partial(problem_of, None, executor)
            assert services.metrics is not None  # noqa: S101 - set by build_executor
            server = await start_metrics_server(settings.metrics_addr, services.metrics, problem)
            assert services.workers is not None  # noqa: S101 - this role runs jobs
            try:
                await services.workers.start()
                await executor.start()
                logger.info("worker started (user {}); claiming jobs", me[0])
                await stop.wait()
                await executor.stop()
            finally:
                await services.workers.stop()
                await executor.store.close()
                if server is not None:
                    await server.stop()
    finally:
        await app.close()


async def _main(settings: Settings, spec: Spec) -> None:
    await work(settings, spec, stop_on_signals())


def run_worker(settings: Settings, spec: Spec) -> int:
    """Run a worker; returns the process exit code (2 for a refused token)."""
    return run_process(_main(settings, spec), settings)
