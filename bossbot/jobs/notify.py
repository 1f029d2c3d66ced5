"""Fan-out of job events to listeners, in order per job, never failing the job."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable

from loguru import logger

from bossbot.jobs.model import Job
from bossbot.jobs.plugins import JobEvent, JobListener

Guard = Callable[[], Awaitable[bool]]
Later = JobEvent | Callable[[], Awaitable[JobEvent]]
"""An event, or a coroutine function making it when its turn comes."""


class Notifier:
    """Calls every listener's ``on_update``; events of one job arrive in order."""

    def __init__(self, listeners: Iterable[JobListener] = ()) -> None:
        self.listeners = list(listeners)
        self._tails: dict[str, asyncio.Task[None]] = {}

    async def _call(
        self, previous: asyncio.Task[None] | None, job: Job, later: Later, guard: Guard | None
    ) -> None:
        """Wait for the job's previous event, run ``guard``, then tell every listener."""
        if previous is not None:
            await asyncio.gather(previous, return_exceptions=True)
        event = later if isinstance(later, JobEvent) else None
        try:
            if guard is not None and not await guard():
                return
            event = event or await later()  # type: ignore[operator]
        except Exception:
            name = event.name if event else "an event"
            logger.opt(exception=True).warning("could not record {} of job {}", name, job.id)
            return
        for listener in self.listeners:
            try:
                await listener.on_update(job, event)
            except Exception:  # a listener's fault must not fail the job
                logger.opt(exception=True).warning(
                    "listener failed on {} of job {}", event.name, job.id
                )

    def emit_soon(self, job: Job, event: Later, guard: Guard | None = None) -> asyncio.Task[None]:
        """Queue ``event`` after the job's earlier events; returns the delivering task.

        ``guard`` runs in that order first (e.g. the write of a progress report); when it
        returns False the event is dropped. An event made by a coroutine function is made
        in its turn: its place among the job's events is taken now.
        """
        task = asyncio.ensure_future(self._call(self._tails.get(job.id), job, event, guard))
        self._tails[job.id] = task
        task.add_done_callback(lambda done: self._forget(job.id, done))
        return task

    def _forget(self, job_id: str, task: asyncio.Task[None]) -> None:
        """Drop the tail once it has run."""
        if self._tails.get(job_id) is task:
            del self._tails[job_id]

    async def emit(self, job: Job, event: Later) -> None:
        """Deliver ``event`` after the job's earlier events, and wait until it is delivered."""
        await asyncio.shield(self.emit_soon(job, event))
