"""The optional HTTP endpoint: ``GET /healthz`` (liveness) and ``GET /metrics``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web
from loguru import logger

from bossbot.endpoints import split_addr
from bossbot.ops.exposition import CONTENT_TYPE
from bossbot.ops.metrics import Metrics
from bossbot.settings import SettingsError

Problem = Callable[[], str | None]
"""What keeps the bot from working (``gateway down``...), or None while it is healthy."""


def base_url(host: str, port: int) -> str:
    """``http://host:port`` with brackets around an IPv6 host."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def gateway_alive(bot: Any) -> bool:
    """True while a hikari ``GatewayBot`` runs and every shard keeps its gateway alive.

    A shard that lost its connection and is reconnecting still counts as alive: hikari
    resumes on its own, and restarting the process would not help.
    """
    shards = getattr(bot, "shards", {})
    return bool(bot.is_alive and shards and all(shard.is_alive for shard in shards.values()))


def problem_of(bot: Any, jobs: Any) -> str | None:
    """What ``/healthz`` reports: the gateway down, or the executor's loops failing.

    None while all is well; ``jobs.failing()`` names loops that failed again and again.
    A worker has no gateway (``bot`` None).
    """
    if bot is not None and not gateway_alive(bot):
        return "gateway down"
    failing = jobs.failing() if jobs is not None else []
    return f"job loops failing: {', '.join(failing)}" if failing else None


def build_web_app(metrics: Metrics, problem: Problem) -> web.Application:
    """The aiohttp application with the two routes: ``/healthz`` is 503 with the problem."""

    async def healthz(request: web.Request) -> web.Response:
        found = problem()
        return web.Response(text=f"{found or 'ok'}\n", status=503 if found else 200)

    async def scrape(request: web.Request) -> web.Response:
        text = await metrics.render()
        return web.Response(body=text.encode(), headers={"Content-Type": CONTENT_TYPE})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", scrape)
    return app


class MetricsServer:
    """A started endpoint; ``port`` is the bound port, ``stop()`` closes it."""

    def __init__(self, runner: web.AppRunner, port: int) -> None:
        self.runner = runner
        self.port = port

    async def stop(self) -> None:
        """Stop listening and close open connections."""
        await self.runner.cleanup()


async def start_metrics_server(
    addr: str, metrics: Metrics, problem: Problem
) -> MetricsServer | None:
    """Serve ``/healthz`` and ``/metrics`` on ``addr`` (``host:port``); None when empty.

    Raises:
        SettingsError: ``addr`` is malformed, or the address cannot be bound.
    """
    if not addr.strip():
        return None
    try:
        host, port = split_addr(addr)
    except ValueError as exc:
        raise SettingsError(f"BOSSBOT_METRICS_ADDR is invalid: {exc}") from None
    runner = web.AppRunner(build_web_app(metrics, problem), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise SettingsError(f"BOSSBOT_METRICS_ADDR ({addr}) cannot be used: {exc}") from None
    bound = runner.addresses[0][1]
    logger.info("metrics on {}/metrics, liveness on /healthz", base_url(host, bound))
    return MetricsServer(runner, bound)
