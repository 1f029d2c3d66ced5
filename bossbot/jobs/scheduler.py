"""The scheduling loop (bounded concurrency) and the heartbeat (leases, late recovery)."""

from __future__ import annotations

import asyncio

from bossbot.jobs.admission import claim_next
from bossbot.jobs.clock import wake_or_sleep
from bossbot.jobs.leases import release, renew
from bossbot.jobs.model import Job
from bossbot.jobs.recovery import recover
from bossbot.jobs.runner import run_job
from bossbot.jobs.runtime import Runtime


class Scheduler:
    """Starts queued jobs while fewer than ``limits.max_concurrent`` run in this process."""

    def __init__(self, rt: Runtime, *, resume: bool, only_own: bool) -> None:
        self.rt = rt
        self.resume = resume
        self.only_own = only_own
        self.own: set[str] = set()
        self.tasks: dict[str, asyncio.Task[Job | None]] = {}
        self.reasons: dict[str, str] = {}
        self._wake = asyncio.Event()
        self._loops: list[asyncio.Task[None]] = []
        self._stopping = False

    async def start(self) -> None:
        """Recover what dead processes left, then start the scheduling loop and heartbeat."""
        for job in (await recover(self.rt, resume=self.resume)).redeliver:
            self.spawn(job)
        self._loops = [asyncio.ensure_future(self._schedule()), asyncio.ensure_future(self._beat())]
        await asyncio.sleep(0)  # let both loops begin (and arm their timers)

    def wake(self) -> None:
        """Look for runnable jobs now (a job was queued or a slot freed)."""
        self._wake.set()

    def spawn(self, job: Job) -> None:
        """Run a job this process has leased, as its own task."""
        task = asyncio.ensure_future(run_job(self.rt, job, self.reasons))
        self.tasks[job.id] = task
        task.add_done_callback(lambda _: self._finished(job.id))

    def _finished(self, job_id: str) -> None:
        """Free the slot of a finished task."""
        self.tasks.pop(job_id, None)
        self.reasons.pop(job_id, None)
        self.wake()

    async def interrupt(self, job_id: str, reason: str) -> bool:
        """Cancel the job's task, if it runs here, and wait until it has cleaned up."""
        task = self.tasks.get(job_id)
        if task is None:
            return False
        self.reasons[job_id] = reason
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return True

    async def stop(self) -> None:
        """Stop both loops and every running task, leaving their jobs resumable."""
        self._stopping = True
        for loop in self._loops:
            loop.cancel()
        await asyncio.gather(*self._loops, return_exceptions=True)
        running = dict(self.tasks)
        for job_id, task in running.items():
            self.reasons[job_id] = "stop"
            task.cancel()
        await asyncio.gather(*running.values(), return_exceptions=True)
        release(self.rt.store, list(running), self.rt.owner)

    def _fill(self) -> None:
        """Start due jobs, best first, until every slot is taken."""
        limit = self.rt.spec.limits.max_concurrent
        while not self._stopping and len(self.tasks) < limit:
            job = claim_next(
                self.rt.store,
                origin=self.rt.origin,
                owner=self.rt.owner,
                ttl=self.rt.lease_ttl,
                ids=self.own if self.only_own else None,
            )
            if job is None:
                return
            self.spawn(job)

    async def _schedule(self) -> None:
        """Fill the slots, then sleep until woken or until a delayed retry is due."""
        while True:
            self._wake.clear()
            self._fill()
            delay = None
            due = self.rt.store.next_due(self.rt.origin)
            if due is not None and len(self.tasks) < self.rt.spec.limits.max_concurrent:
                now = self.rt.clock.now()
                delay = due - now if due > now else None
            await wake_or_sleep(self.rt.clock, self._wake, delay)

    async def _beat(self) -> None:
        """Renew leases; stop jobs taken over or cancelled elsewhere; recover dead ones."""
        while True:
            await self.rt.clock.sleep(self.rt.lease_ttl / 3)
            until = self.rt.clock.now() + self.rt.lease_ttl
            for job_id in renew(self.rt.store, list(self.tasks), self.rt.owner, until):
                if job_id in self.tasks:
                    self.reasons[job_id] = "external"
                    self.tasks[job_id].cancel()
            for job in (await recover(self.rt, resume=self.resume)).redeliver:
                self.spawn(job)
            self.wake()
