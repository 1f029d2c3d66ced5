"""Scheduling: claim due jobs into bounded slots, one task per job (leases: ``watch``)."""

from __future__ import annotations

import asyncio
from functools import partial

from loguru import logger

from bossbot.jobs.clock import wake_or_sleep
from bossbot.jobs.ledger import Ledger
from bossbot.jobs.life import JobLife
from bossbot.jobs.model import Job
from bossbot.jobs.supervise import Supervisor
from bossbot.jobs.watch import Watch
from bossbot.spec import Limits


class Scheduler:
    """Runs at most ``limits.max_concurrent`` jobs of ``origin`` at once in this process.

    The supervised loop ``scheduler`` claims due jobs into free slots; :class:`Watch`
    keeps their leases and hears what other processes do (loops ``leases``, ``notices``).
    """

    def __init__(
        self, ledger: Ledger, life: JobLife, supervisor: Supervisor, *, limits: Limits,
        origin: str, lease_ttl: float, resume: bool, only_own: bool,
    ) -> None:  # fmt: skip
        self.ledger, self.life, self.supervisor, self.limits = ledger, life, supervisor, limits
        self.origin, self.ttl, self.resume, self.only_own = origin, lease_ttl, resume, only_own
        self.own: set[str] = set()
        self.tasks: dict[str, asyncio.Task[Job | None]] = {}
        self.stopping: set[str] = set()  # cancelled here: stopped by the executor itself
        self.watch = Watch(self)
        self._wake = asyncio.Event()
        self._stopping = False

    async def start(self) -> None:
        """Recover what dead processes left, then start the loops."""
        await self.watch.recover()
        self.supervisor.start("scheduler", self._schedule)
        self.supervisor.start("leases", self.watch.beat)
        self.supervisor.start("notices", self.watch.listen)
        await asyncio.sleep(0)  # let the loops begin (and arm their timers)

    def wake(self) -> None:
        """Look for runnable jobs now (a job was queued or a slot freed)."""
        self._wake.set()

    def spawn(self, job: Job) -> None:
        """Run a leased job as the one task of its id (after the previous one, if any)."""
        previous = self.tasks.get(job.id)
        if previous is not None and not previous.done():
            logger.warning("job {} still has a task here; the new run waits for it", job.id)
        task = asyncio.ensure_future(self._run_after(previous, job))
        self.tasks[job.id] = task
        task.add_done_callback(partial(self._finished, job.id))

    async def _run_after(self, previous: asyncio.Task[Job | None] | None, job: Job) -> Job | None:
        if previous is not None:
            await asyncio.gather(previous, return_exceptions=True)
        return await self.life.run(job)

    def _finished(self, job_id: str, task: asyncio.Task[Job | None]) -> None:
        """Free the slot of a finished task (only if it is still the job's task)."""
        if self.tasks.get(job_id) is task:
            del self.tasks[job_id]
        self.wake()

    async def stop_task(self, job_id: str) -> bool:
        """Cancel the job's task, if it runs here, and wait until it has cleaned up."""
        task = self.tasks.get(job_id)
        if task is None:
            return False
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return True

    async def stop(self) -> None:
        """Stop the loops and every running task, leaving their jobs resumable."""
        self._stopping = True
        await self.supervisor.stop()
        running = list(self.tasks.values())
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)

    async def _schedule(self) -> None:
        """Fill the free slots, best job first; then sleep until woken or a retry is due."""
        self._wake.clear()
        while not self._stopping and len(self.tasks) < self.limits.max_concurrent:
            ids = self.own if self.only_own else None
            until = self.ledger.clock.now() + self.ttl
            job = await self.ledger.store.claim(self.origin, self.ledger.owner, until, ids)
            if job is None:
                break
            self.spawn(job)
        due, now = await self.ledger.store.next_due(self.origin), self.ledger.clock.now()
        free = len(self.tasks) < self.limits.max_concurrent
        delay = max(due - now, 0.0) if due is not None and free else None  # due already: again
        await wake_or_sleep(self.ledger.clock, self._wake, delay)
