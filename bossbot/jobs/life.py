"""A job's life, in the order it is lived (the Ledger commits each step before its work).

1. **admit**: ``Executor.submit`` stores the job as ``queued`` (bounded queue, per-user cap).
2. **run**: the scheduler claims it (``start``, leased here) and calls :meth:`JobLife.run`:
3. **fetch and validate** within ``limits.job_timeout``, into the job's own temp dir;
4. **deliver** within ``limits.upload_timeout``: every batch posted exactly once;
5. **finish**: ``delivered``; a transient error goes back to the queue with backoff
   (``retry``; validated files are kept: a failed upload is retried, not the download);
   anything else fails. Cancel and stop end in ``Ledger.stopped``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from loguru import logger

from bossbot.errors import BossError, FilesLost, Internal, NoMedia, Timeout, UploadTimeout
from bossbot.jobs import plugins
from bossbot.jobs.clock import within
from bossbot.jobs.ledger import Ledger
from bossbot.jobs.machine import TransitionNotAllowed
from bossbot.jobs.model import Job
from bossbot.jobs.plugins import Delivery, FetchFn, JobEvent, SplitFn, ValidateFn
from bossbot.jobs.retry import RetryPolicy, Rng
from bossbot.jobs.store import LeaseLost
from bossbot.jobs.throttle import ProgressPump, Throttle
from bossbot.settings import Settings
from bossbot.spec import Spec


class JobLife:
    """Lives the attempts of claimed jobs, with the plug-ins the executor was given."""

    def __init__(
        self, ledger: Ledger, *, spec: Spec, settings: Settings, fetch: FetchFn,
        validate: ValidateFn, delivery: Delivery, split: SplitFn, policy: RetryPolicy, rng: Rng,
    ) -> None:  # fmt: skip
        self.ledger, self.spec, self.settings, self.limits = ledger, spec, settings, spec.limits
        self.fetch, self.validate, self.delivery, self.split = fetch, validate, delivery, split
        self.policy, self.rng = policy, rng

    async def run(self, job: Job) -> Job | None:
        """Live one attempt of a claimed job (``fetching``, or ``uploading`` files kept)."""
        try:
            return await self._attempt(job)
        except asyncio.CancelledError:
            await self.ledger.stopped(job)
            raise
        except (LeaseLost, TransitionNotAllowed) as exc:  # also while recording a failure
            logger.warning("job {} was taken over or finished elsewhere: {}", job.id, exc)
            return None

    async def _attempt(self, job: Job) -> Job:
        """Fetch (unless files were kept), deliver; an error is retried or fails the job."""
        try:
            clock, limits = self.ledger.clock, self.limits
            await self.ledger.tell(job, JobEvent("start"))
            if job.state == "fetching":
                job = await within(clock, limits.job_timeout, self._fetch(job), Timeout)
            job = await within(clock, limits.upload_timeout, self._deliver(job), UploadTimeout)
            return await self.ledger.step(job, "delivered")
        except (LeaseLost, TransitionNotAllowed):
            raise
        except BossError as error:
            return await self._failed(job.id, error)
        except Exception as exc:
            logger.opt(exception=True).error("job {} crashed", job.id)
            return await self._failed(job.id, Internal(f"{type(exc).__name__}: {exc}"))

    async def _fetch(self, job: Job) -> Job:
        """Fetch into a fresh dir, then check the files (``fetched``, then ``validated``)."""
        self.ledger.wipe(job.id)
        (dest := self.ledger.workdir(job.id)).mkdir(parents=True)
        throttle = Throttle(self.limits.progress_interval, self.ledger.clock)
        pump = ProgressPump(throttle, lambda progress: self.ledger.progress(job, progress))
        got = plugins.fetched(await self.fetch(
            job.url, dest, spec=self.spec, cap=job.cap, on_progress=pump,
            cookies_dir=self.settings.cookies_dir, rate_limit=self.limits.bandwidth_limit,
            audio=job.audio, quality=job.quality,
        ))  # fmt: skip
        pump.flush()
        if not got.files:
            raise NoMedia("the fetcher returned no files")
        names = [str(f) for f in got.files]
        job = await self.ledger.step(job, "fetched", files=names, info=got.info)
        ok = await plugins.checked(self.validate, got.files, cap=job.cap, dest=dest,
                                   on_progress=pump, audio=job.audio, role=job.role)  # fmt: skip
        names = [str(f) for f in ok.files]
        return await self.ledger.step(job, "validated", files=names, notes=list(ok.notes))

    async def _deliver(self, job: Job) -> Job:
        """Post each batch once: recorded when posted, and looked for before a repeat."""
        if not self.ledger.files_there(job):
            raise FilesLost(f"{job.id}: files gone from {self.ledger.workdir(job.id)}")
        batches = self.split([Path(f) for f in job.files], self.spec.upload.max_attachments)
        there = await self.delivery.find(job, len(batches)) if job.upload_tries else set()
        job = await self.ledger.record(job, upload_tries=job.upload_tries + 1)
        for index in range(job.batches_done, len(batches)):
            if index not in there:
                await self.delivery.post(job, index, len(batches), batches[index])
            job = await self.ledger.record(job, batches_done=index + 1)
        return job

    async def _failed(self, job_id: str, error: BossError) -> Job:
        """Retry a transient error while attempts are left, otherwise fail the job."""
        job = await self.ledger.store.get(job_id)
        assert job is not None  # noqa: S101 - the runner holds its lease
        delay = self.policy.delay(error, job.attempt, job.attempts_left(), self.rng)
        facts = {"error_kind": error.kind, "error_text": error.detail or error.kind}
        logger.info("job {} attempt {} failed: {} ({})", job_id, job.attempt, error.kind, error)
        if delay is None:
            return await self.ledger.step(job, "fail", error=error, **facts)
        if not (keep := job.state == "uploading" and self.ledger.files_there(job)):
            self.ledger.wipe(job.id)
        again = job.another_attempt(self.ledger.clock.now() + delay, keep_files=keep)
        return await self.ledger.step(job, "retry", error=error, retry_in=delay, **again, **facts)
