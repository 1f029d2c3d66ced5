"""The executor: admits jobs, runs a bounded number at once, cancels, stops, recovers."""

from __future__ import annotations

import random
from collections.abc import Iterable
from contextlib import suppress

from bossbot.errors import AlreadyFinished, NoJob
from bossbot.jobs.admission import admit, new_job
from bossbot.jobs.clock import Clock
from bossbot.jobs.delivery import Delivery, JobListener
from bossbot.jobs.leases import new_owner
from bossbot.jobs.machine import FINAL, TransitionNotAllowed
from bossbot.jobs.model import Job, JobEvent, JobRequest
from bossbot.jobs.notify import Notifier
from bossbot.jobs.retry import Jitter, RetryPolicy, Rng
from bossbot.jobs.runtime import FetchFn, Runtime, SplitFn, ValidateFn
from bossbot.jobs.scheduler import Scheduler
from bossbot.jobs.store import JobStore
from bossbot.media import batches
from bossbot.settings import Settings
from bossbot.spec import Spec


class Executor:
    """Runs jobs of one ``origin`` (``bot``, ``cli``) from a shared store.

    ``fetch``/``validate``/``split`` are the fetch facade, the media validation and
    batching (injectable for tests); ``clock`` and ``rng`` drive time and jitter;
    ``only_own`` runs only jobs submitted here and ``resume=False`` fails stale jobs
    instead of recovering them (both for the command line); leases last ``lease_ttl``.
    """

    def __init__(
        self,
        store: JobStore,
        *,
        spec: Spec,
        settings: Settings,
        fetch: FetchFn,
        validate: ValidateFn,
        delivery: Delivery,
        listeners: Iterable[JobListener] = (),
        clock: Clock | None = None,
        rng: Rng | None = None,
        split: SplitFn = batches,
        origin: str = "bot",
        only_own: bool = False,
        resume: bool = True,
        lease_ttl: float = 60.0,
        jitter: Jitter = "equal",
    ) -> None:
        store.clock = clock = clock or store.clock
        self.rt = Runtime(
            store, spec, settings, fetch, validate, delivery, Notifier(listeners),
            clock, rng or random.Random(), new_owner(), origin,
            RetryPolicy.from_limits(spec.limits, jitter), split, lease_ttl,
        )  # fmt: skip
        self.store = store
        self.scheduler = Scheduler(self.rt, resume=resume, only_own=only_own)

    async def start(self) -> None:
        """Recover what a previous process left, then start running queued jobs."""
        await self.scheduler.start()

    async def stop(self) -> None:
        """Stop running; unfinished jobs keep their state and resume on the next start."""
        await self.scheduler.stop()

    async def submit(self, request: JobRequest) -> Job:
        """Queue a new job.

        Raises:
            QueueFull: The queue holds ``limits.max_queue`` unfinished jobs.
            UserQueueFull: The requester has ``request.user_limit`` unfinished jobs.
        """
        limits = self.rt.spec.limits
        job = new_job(
            request, origin=self.rt.origin, max_attempts=limits.attempts, now=self.rt.clock.now()
        )
        job = admit(self.store, job, max_queue=limits.max_queue, user_limit=request.user_limit)
        if self.scheduler.only_own:
            self.scheduler.own.add(job.id)
        await self.rt.notifier.emit(job, JobEvent("queued", position=self.store.position(job.id)))
        self.scheduler.wake()
        return job

    async def cancel(self, job_id: str) -> Job:
        """Cancel a job in any unfinished state; a running download stops and its files go.

        Raises:
            NoJob: No such job.
            AlreadyFinished: The job is done, failed or cancelled already.
        """
        job = self.get(job_id)
        if job.state in FINAL:
            raise AlreadyFinished(f"job {job_id} is {job.state}", job=job_id, state=job.state)
        if await self.scheduler.interrupt(job_id, "cancel"):
            job = self.get(job_id)
        if job.state not in FINAL:  # queued, running elsewhere, or its task had not started
            with suppress(TransitionNotAllowed):  # it finished meanwhile
                job = await self.rt.step(job, "cancel")
        return self.get(job_id)

    def get(self, job_id: str) -> Job:
        """The stored job. Raises NoJob when there is none."""
        job = self.store.get(job_id)
        if job is None:
            raise NoJob(f"no job {job_id}", job=job_id)
        return job

    async def wait(self, job_id: str) -> Job:
        """Wait until a job run by this process reaches a final state, and return it."""
        while (job := self.get(job_id)).state not in FINAL:
            await self.rt.finished_event(job_id).wait()
        return job
