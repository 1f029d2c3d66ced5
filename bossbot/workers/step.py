"""One job step in a worker: its credential, its messages, its limits, its outcome.

The worker is killed (its whole process group) when the step is cancelled, when the guard
reports a broken budget, or when the tree's memory passes the ceiling; the step then
fails with the error of that kind. A worker that dies on its own is ``WorkerCrashed``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from loguru import logger

from bossbot import errors
from bossbot.egress.budget import Budget
from bossbot.errors import BossError
from bossbot.spec import Budgets
from bossbot.workers.memory import tree_pss
from bossbot.workers.process import WorkerProcess

MEMORY_POLL = 0.25  # seconds between measurements of a worker tree's memory
BROKEN = {"bytes": errors.TooMuchData, "requests": errors.TooManyRequests, "slow": errors.TooSlow}


def rebuild(error: dict[str, Any]) -> BossError:
    """The domain error a worker reported (kind, detail, data) as an exception again."""
    kind = error.get("kind")
    cls = next((cls for cls in errors.ALL_ERRORS if cls.kind == kind), errors.Internal)
    return cls(str(error.get("detail") or ""), **dict(error.get("data") or {}))


class Step:
    """Collects what happened to one worker; :meth:`outcome` turns it into a result or error.

    Attributes:
        broken: ``(kind, detail)`` of a broken budget (``bytes``, ``requests``, ``slow``).
        private: Detail of a connection the guard refused as non-public, if any.
        memory: True once the worker tree passed its memory ceiling.
    """

    def __init__(self, budgets: Budgets, budget: Budget | None) -> None:
        self.budgets, self.budget = budgets, budget
        self.worker: WorkerProcess | None = None
        self.broken: tuple[str, str] | None = None
        self.private: str | None = None
        self.memory = False
        self.result: Any = None
        self.error: dict[str, Any] | None = None
        self.log = logger

    def attach(self, worker: WorkerProcess) -> None:
        """The worker now runs; kill it at once if a budget broke before it started."""
        self.worker, self.log = worker, logger.bind(worker=worker.pid)
        if self.broken is not None:
            worker.kill()

    def on_violation(self, kind: str, detail: str) -> None:
        """The guard's report: blame a private address, or stop the worker for a budget."""
        self.log.info("egress guard: {} ({})", kind, detail)
        if kind == "private":
            self.private = self.private or detail
        elif self.broken is None:
            self.broken = (kind, detail)
            if self.worker is not None:
                self.worker.kill()

    async def watch_memory(self) -> None:
        """Kill the worker once its process tree uses more than the ceiling."""
        assert self.worker is not None  # noqa: S101 - watched after attach()
        while True:
            await asyncio.sleep(MEMORY_POLL)
            if tree_pss(self.worker.pid) > self.budgets.memory:
                self.memory = True
                self.worker.kill()
                return

    async def follow(self, on: Callable[[str, Any], None]) -> None:
        """Read the worker's messages until it ends; ``on(kind, value)`` gets the others."""
        assert self.worker is not None  # noqa: S101 - followed after attach()
        async for message in self.worker.messages():
            for kind, value in message.items():
                if kind == "result":
                    self.result = value
                elif kind == "error":
                    self.error = value
                elif kind == "log":
                    self.log.log(value["level"], "{}", value["text"])
                else:
                    on(kind, value)

    def outcome(self, code: int | None) -> Any:
        """The step's result, or raise the error that best says why it has none."""
        if self.broken is not None:
            kind, detail = self.broken
            raise BROKEN.get(kind, errors.TooMuchData)(detail, **self._data(kind))
        if self.memory:
            memory = self.budgets.memory
            raise errors.WorkerMemory(f"worker tree over {memory} bytes", limit=memory)
        if self.error is None and self.result is not None:
            return self.result
        if self.private is not None:
            raise errors.PrivateAddress(self.private)
        if self.error is not None:
            raise rebuild(self.error)
        raise errors.WorkerCrashed(f"worker ended with exit code {code}")

    def _data(self, kind: str) -> dict[str, int]:
        """What the user message of a stopped step shows: the limit that was passed."""
        if kind == "slow":
            return {"rate": self.budgets.min_rate, "window": self.budgets.slow_window}
        if kind == "requests":
            return {"limit": self.budgets.requests}
        return {"limit": self.budget.bytes if self.budget else 0}
