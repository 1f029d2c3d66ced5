"""Supervised loops: a crash is logged with its traceback and the loop restarts with backoff."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from loguru import logger

from bossbot.jobs.clock import Clock
from bossbot.jobs.retry import RetryPolicy, Rng

UNHEALTHY_AFTER = 3
"""Failures in a row after which a loop counts as failing (``/healthz``, ``$health``)."""


class Supervisor:
    """Runs the executor's background loops, each as a repeated ``once`` coroutine.

    An exception of ``once`` is logged with its traceback; the loop waits (backoff of
    ``policy``, growing with each failure in a row) and runs ``once`` again. A loop whose
    last ``UNHEALTHY_AFTER`` runs all failed is reported by :meth:`failing`.
    """

    def __init__(self, clock: Clock, policy: RetryPolicy, rng: Rng) -> None:
        self.clock, self.policy, self.rng = clock, policy, rng
        self.failures: dict[str, int] = {}
        self._tasks: list[asyncio.Task[None]] = []

    def start(self, name: str, once: Callable[[], Awaitable[None]]) -> None:
        """Run ``once`` over and over as the loop ``name``."""
        self.failures[name] = 0
        self._tasks.append(asyncio.ensure_future(self._loop(name, once)))

    async def _loop(self, name: str, once: Callable[[], Awaitable[None]]) -> None:
        """The loop ``name``: never ends by itself, whatever ``once`` raises."""
        while True:
            try:
                await once()
            except Exception:
                self.failures[name] += 1
                count = self.failures[name]
                logger.opt(exception=True).error("the {} loop failed ({} in a row)", name, count)
                await self.clock.sleep(self.policy.backoff(count, self.rng))
            else:
                self.failures[name] = 0

    def failing(self) -> list[str]:
        """Names of the loops whose last runs all failed."""
        return sorted(name for name, count in self.failures.items() if count >= UNHEALTHY_AFTER)

    async def stop(self) -> None:
        """Stop every loop and wait until they have."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
