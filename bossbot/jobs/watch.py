"""Watching this process's jobs: leases kept, and what other processes do to them.

A running job's lease is renewed every few seconds. A job cancelled elsewhere is heard of
at once (``store.listen``: PostgreSQL's NOTIFY) or, at the latest, when its lease renewal
fails; either way its task is stopped here. Jobs whose process died (lease expired, or a
process of this host that is gone) are taken over; finished jobs past retention pruned.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from bossbot.jobs.plugins import JobEvent
from bossbot.jobs.recovery import recover, retell

if TYPE_CHECKING:
    from bossbot.jobs.scheduler import Scheduler

DAY = 86_400.0
BEAT = 5.0
"""Longest time between lease renewals (and looks for dead processes' jobs), in seconds."""


class Watch:
    """The ``leases`` and ``notices`` loops of one scheduler."""

    def __init__(self, scheduler: Scheduler) -> None:
        self.scheduler, self.ledger = scheduler, scheduler.ledger
        self._stopping: set[asyncio.Task[None]] = set()
        self._retold: set[str] = set()

    async def listen(self) -> None:
        """Claim when another process queues a job; stop a job cancelled elsewhere at once."""
        await self.ledger.store.listen(self.scheduler.wake, self.cancelled)

    def cancelled(self, job_id: str) -> None:
        """A started job was cancelled (by any process): stop it if it runs here."""
        if job_id in self.scheduler.tasks and job_id not in self.scheduler.stopping:
            task = asyncio.ensure_future(self._stop_lost(job_id))
            self._stopping.add(task)
            task.add_done_callback(self._stopping.discard)

    async def _stop_lost(self, job_id: str) -> None:
        """Stop a job changed by another process; show its end if it was cancelled."""
        if not await self.scheduler.stop_task(job_id):
            return
        job = await self.ledger.store.get(job_id)
        if job is not None and job.state == "cancelled":  # the status ends here too, after ours
            await self.ledger.tell(job, JobEvent("cancel"))

    async def beat(self) -> None:
        """Renew leases; stop jobs lost (cancelled or taken over elsewhere); recover; prune."""
        ttl, tasks = self.scheduler.ttl, self.scheduler.tasks
        await self.ledger.clock.sleep(min(ttl / 3, BEAT))
        until = self.ledger.clock.now() + ttl
        for job_id in await self.ledger.store.renew(list(tasks), self.ledger.owner, until):
            self.cancelled(job_id)
        await self.recover()
        keep = self.scheduler.limits.keep_finished_days * DAY
        await self.ledger.store.prune(self.ledger.clock.now() - keep)
        self.scheduler.wake()

    async def recover(self) -> None:
        """Take over stale jobs; deliver again the uploads among them; show lost ends.

        An end is shown again once it is a lease's time old: until then, the process that
        ended the job may still be showing it.
        """
        s = self.scheduler
        kw = {"origin": s.origin, "ttl": s.ttl, "resume": s.resume}
        for job in await recover(self.ledger, running=s.tasks, **kw):
            s.spawn(job)
        if s.resume:
            before = self.ledger.clock.now() - s.ttl
            await retell(self.ledger, origin=s.origin, ended_before=before, told=self._retold)
