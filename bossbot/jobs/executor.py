"""The executor: the core's one entry point for frontends (submit, cancel, wait, health)."""

from __future__ import annotations

import random
from collections.abc import Iterable

from bossbot.errors import AlreadyFinished, NoJob
from bossbot.jobs.clock import Clock
from bossbot.jobs.leases import new_owner
from bossbot.jobs.ledger import Ledger
from bossbot.jobs.life import JobLife
from bossbot.jobs.machine import TransitionNotAllowed
from bossbot.jobs.model import Job, JobRequest
from bossbot.jobs.notify import Notifier
from bossbot.jobs.plugins import Delivery, FetchFn, JobEvent, JobListener, SplitFn, ValidateFn
from bossbot.jobs.retry import Jitter, RetryPolicy, Rng
from bossbot.jobs.scheduler import Scheduler
from bossbot.jobs.store import JobStore
from bossbot.jobs.supervise import Supervisor
from bossbot.media import batches
from bossbot.settings import Settings
from bossbot.spec import Spec


class Executor:
    """Runs jobs of one ``origin`` (``bot``, ``cli``) from a shared store.

    ``fetch``/``validate``/``split``: the fetch facade, media validation and batching;
    ``clock``/``rng``: time and jitter; ``only_own`` runs only jobs submitted here and
    ``resume=False`` fails stale jobs (both for the command line); leases last
    ``lease_ttl`` (``limits.lease_seconds``); ``claims=False`` (a gateway without
    workers) only admits, shows and cancels jobs.
    """

    def __init__(
        self, store: JobStore, *, spec: Spec, settings: Settings, fetch: FetchFn,
        validate: ValidateFn, delivery: Delivery, listeners: Iterable[JobListener] = (),
        clock: Clock | None = None, rng: Rng | None = None, split: SplitFn = batches,
        origin: str = "bot", only_own: bool = False, resume: bool = True,
        lease_ttl: float | None = None, jitter: Jitter = "equal", claims: bool = True,
    ) -> None:  # fmt: skip
        store.clock = clock = clock or store.clock
        rng, policy = rng or random.Random(), RetryPolicy.from_limits(spec.limits, jitter)
        self.store, self.spec, self.origin, self.claims = store, spec, origin, claims
        self.notifier = Notifier(listeners)
        self.ledger = Ledger(store, self.notifier, owner=new_owner(), data_dir=settings.data_dir)
        self.life = JobLife(
            self.ledger, spec=spec, settings=settings, fetch=fetch, validate=validate,
            delivery=delivery, split=split, policy=policy, rng=rng,
        )  # fmt: skip
        self.supervisor = Supervisor(clock, policy, rng)
        self.scheduler = Scheduler(
            self.ledger, self.life, self.supervisor, limits=spec.limits, origin=origin,
            lease_ttl=lease_ttl or spec.limits.lease_seconds, resume=resume, only_own=only_own,
        )  # fmt: skip

    async def start(self) -> None:
        """Connect the store (or raise StoreError); when claiming, recover and run jobs."""
        await self.store.connect()
        if self.claims:
            await self.scheduler.start()

    async def stop(self) -> None:
        """Stop running; unfinished jobs keep their state and resume on the next start."""
        await self.scheduler.stop()

    def failing(self) -> list[str]:
        """Names of the executor's loops that keep failing (none when healthy)."""
        return self.supervisor.failing()

    async def submit(self, request: JobRequest) -> Job:
        """Queue a new job.

        Raises QueueFull (``limits.max_queue`` unfinished jobs, all processes together) or
        UserQueueFull (the requester has ``request.user_limit``).
        """
        limits, now = self.spec.limits, self.ledger.clock.now()
        job = request.new_job(origin=self.origin, max_attempts=limits.attempts, now=now)
        job = await self.store.admit(job, max_queue=limits.max_queue, user_limit=request.user_limit)
        if self.scheduler.only_own:
            self.scheduler.own.add(job.id)
        await self.ledger.tell(job, lambda: self._queued(job.id))  # placed before ``start``
        self.scheduler.wake()
        return job

    async def _queued(self, job_id: str) -> JobEvent:
        return JobEvent("queued", position=await self.store.position(job_id))

    async def cancel(self, job_id: str) -> Job:
        """Cancel a job in any unfinished state (raises NoJob, AlreadyFinished).

        Committed first; then a download running here stops and its files go; one running
        elsewhere stops on the store's notice, else at its next lease renewal.
        """
        job = await self.get(job_id)
        self.scheduler.stopping.add(job_id)
        try:
            job = await self.ledger.step(job, "cancel", owned=False)
            await self.scheduler.stop_task(job_id)
        except TransitionNotAllowed:
            state = (await self.get(job_id)).state
            raise AlreadyFinished(f"job {job_id} is {state}", job=job_id, state=state) from None
        finally:
            self.scheduler.stopping.discard(job_id)
        return job

    async def get(self, job_id: str) -> Job:
        """The stored job, or NoJob."""
        return _known(job_id, await self.store.get(job_id))

    async def wait(self, job_id: str) -> Job:
        """Wait until a job run by this process reaches a final state, and return it."""
        return _known(job_id, await self.ledger.until_final(job_id))


def _known(job_id: str, job: Job | None) -> Job:
    if job is None:
        raise NoJob(f"no job {job_id}", job=job_id)
    return job
