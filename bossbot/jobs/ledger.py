"""The ledger: every step of a job is committed to the store first, then told to listeners."""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from bossbot.errors import BossError
from bossbot.fetch.base import Progress
from bossbot.jobs.machine import FINAL
from bossbot.jobs.model import Job
from bossbot.jobs.notify import Later, Notifier
from bossbot.jobs.plugins import JobEvent
from bossbot.jobs.store import JobStore, LeaseLost


class Ledger:
    """What this process writes about jobs, always in one order: commit, then tell.

    Writes about a running job carry this process's lease ``owner`` and are refused once
    another process holds the lease. The ledger also owns the jobs' temp dirs
    (``data_dir/tmp/<job id>/``) and wakes those waiting for a job to end.
    """

    def __init__(self, store: JobStore, notifier: Notifier, *, owner: str, data_dir: Path) -> None:
        self.store, self.notifier, self.owner = store, notifier, owner
        self.clock = store.clock
        self.root = data_dir / "tmp"
        self._finals: dict[str, asyncio.Event] = {}
        self._writing: Counter[str] = Counter()  # steps not yet told and cleaned up, per job

    def workdir(self, job_id: str) -> Path:
        """The job's own temp dir."""
        return self.root / job_id

    def files_there(self, job: Job) -> bool:
        """True when every file the job recorded is still on disk."""
        return all(Path(name).is_file() for name in job.files)

    def wipe(self, job_id: str) -> None:
        """Remove the job's temp dir and everything in it."""
        shutil.rmtree(self.workdir(job_id), ignore_errors=True)

    async def step(
        self, job: Job, event: str, *, owned: bool = True, error: BossError | None = None,
        retry_in: float | None = None, **changes: Any,
    ) -> Job:  # fmt: skip
        """Commit ``event`` with ``changes``, then tell the listeners.

        Written as the lease holder unless ``owned`` is off (a cancel by a person). A final
        state also removes the temp dir, once the listeners were told (the cache of repeat
        links keeps the files of a delivered job), and wakes waiters.
        """
        owner, job_id = self.owner if owned else None, job.id
        self._writing[job_id] += 1
        try:
            job = await self.store.transition(job_id, event, owner=owner, **changes)
            position = await self.store.position(job_id) if job.state == "queued" else None
            await self.notifier.emit(job, JobEvent(event, None, error, position, retry_in))
        finally:
            self._writing -= Counter({job_id: 1})
            if job.state in FINAL:
                self.wipe(job_id)
            self._announce(job_id)
        return job

    async def record(self, job: Job, **changes: Any) -> Job:
        """Write fields of a job this process runs; raises LeaseLost once it no longer does."""
        if not await self.store.update(job.id, owner=self.owner, **changes):
            raise LeaseLost(f"job {job.id} is no longer leased to {self.owner}")
        return dataclasses.replace(job, **changes)

    async def tell(self, job: Job, event: Later) -> None:
        """Tell the listeners something that changes no stored field."""
        await self.notifier.emit(job, event)

    def progress(self, job: Job, progress: Progress) -> None:
        """Record a (throttled) progress report while the lease holds, then tell listeners."""
        snapshot = dataclasses.replace(job, progress=progress)

        def write() -> Any:
            return self.store.update(job.id, owner=self.owner, progress=progress)

        self.notifier.emit_soon(snapshot, JobEvent("progress", progress=progress), write)

    async def until_final(self, job_id: str) -> Job | None:
        """The job once it is final and cleaned up (it must end in this process), or None."""
        while True:
            ended = self._finals.setdefault(job_id, asyncio.Event())
            job = await self.store.get(job_id)
            if job is None or (job.state in FINAL and not self._writing[job_id]):
                if self._finals.get(job_id) is ended:
                    del self._finals[job_id]
                return job
            await ended.wait()

    def _announce(self, job_id: str) -> None:
        """Wake (and forget) the waiters of a job, which look at its state again."""
        event = self._finals.pop(job_id, None)
        if event is not None:
            event.set()

    async def stopped(self, job: Job) -> None:
        """Clean up after the task running ``job`` was stopped.

        Cancelled (here or by another process): its files go and its waiters wake. Still
        unfinished (the executor stops, or another process took it over): the lease is
        given up if still held, and the files stay for whoever resumes it.
        """
        stored = await self.store.get(job.id)
        if stored is None or stored.state in FINAL:
            self.wipe(job.id)
            self._announce(job.id)
        else:
            await self.store.release([job.id], self.owner)
