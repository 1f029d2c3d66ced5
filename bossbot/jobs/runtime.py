"""What the runner, recovery and executor share: the store, the plug-ins, the clock."""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bossbot.errors import BossError
from bossbot.fetch.base import Progress
from bossbot.jobs.clock import Clock
from bossbot.jobs.delivery import Delivery
from bossbot.jobs.machine import FINAL
from bossbot.jobs.model import Job, JobEvent
from bossbot.jobs.notify import Notifier
from bossbot.jobs.retry import RetryPolicy, Rng
from bossbot.jobs.store import JobStore
from bossbot.media import batches
from bossbot.settings import Settings
from bossbot.spec import Spec

FetchFn = Callable[..., Awaitable[list[Path]]]
"""``fetch_media(url, dest, *, spec, allow_private, cap, on_progress, cookies_dir,
rate_limit) -> list[Path]`` (see :mod:`bossbot.fetch`)."""
ValidateFn = Callable[..., Any]
"""``validate(files, *, cap, dest) -> list[Path]``, sync or async (see bossbot.media)."""
SplitFn = Callable[[list[Path], int], list[list[Path]]]
"""``batches(files, size) -> list[list[Path]]`` (default: :func:`bossbot.media.batches`)."""


@dataclass(slots=True)
class Runtime:
    """The executor's parts, handed to the runner and to recovery."""

    store: JobStore
    spec: Spec
    settings: Settings
    fetch: FetchFn
    validate: ValidateFn
    delivery: Delivery
    notifier: Notifier
    clock: Clock
    rng: Rng
    owner: str
    origin: str
    policy: RetryPolicy
    split: SplitFn = batches
    lease_ttl: float = 60.0
    finished: dict[str, asyncio.Event] = field(default_factory=dict)

    def workdir(self, job_id: str) -> Path:
        """The job's own temp dir: ``data_dir/tmp/<job id>/``."""
        return self.settings.data_dir / "tmp" / job_id

    def wipe(self, job_id: str) -> None:
        """Remove the job's temp dir and everything in it."""
        shutil.rmtree(self.workdir(job_id), ignore_errors=True)

    def finished_event(self, job_id: str) -> asyncio.Event:
        """An event set when the job reaches a final state in this process."""
        return self.finished.setdefault(job_id, asyncio.Event())

    def announce_final(self, job_id: str) -> None:
        """Wake (and forget) the waiters of a job that reached a final state."""
        event = self.finished.pop(job_id, None)
        if event is not None:
            event.set()

    async def step(
        self,
        job: Job,
        event: str,
        *,
        owner: str | None = None,
        error: BossError | None = None,
        retry_in: float | None = None,
        **changes: Any,
    ) -> Job:
        """Commit ``event`` (with ``changes``), then tell the listeners.

        A final state also removes the temp dir and wakes :meth:`finished_event` waiters.
        """
        job = self.store.transition(job.id, event, owner=owner, **changes)
        if job.state in FINAL:
            self.wipe(job.id)
        position = self.store.position(job.id) if job.state == "queued" else None
        await self.notifier.emit(job, JobEvent(event, None, error, position, retry_in))
        if job.state in FINAL:
            self.announce_final(job.id)
        return job

    def progress(self, job: Job, progress: Progress) -> None:
        """Persist a (throttled) progress report and pass it to the listeners."""
        self.store.update(job.id, progress=progress)
        snapshot = dataclasses.replace(job, progress=progress)
        self.notifier.emit_soon(snapshot, JobEvent("progress", progress=progress))

    async def fetch_files(self, job: Job, dest: Path, on_progress: Callable[..., None]) -> Any:
        """Call the fetch function with the job's URL, cap and the declared settings."""
        return await self.fetch(
            job.url,
            dest,
            spec=self.spec,
            allow_private=self.settings.allow_private_urls,
            cap=job.cap,
            on_progress=on_progress,
            cookies_dir=self.settings.cookies_dir,
            rate_limit=self.spec.limits.bandwidth_limit,
        )
