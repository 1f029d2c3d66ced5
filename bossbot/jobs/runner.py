"""One attempt of one job: fetch, validate, deliver; errors become retry or fail."""

from __future__ import annotations

import asyncio
import inspect
from contextlib import suppress
from pathlib import Path

from loguru import logger

from bossbot.errors import BossError, Internal, NoMedia, Timeout
from bossbot.jobs.clock import within
from bossbot.jobs.leases import release
from bossbot.jobs.machine import FINAL, TransitionNotAllowed
from bossbot.jobs.model import Job, JobEvent
from bossbot.jobs.runtime import Runtime
from bossbot.jobs.store import LeaseLost
from bossbot.jobs.throttle import ProgressPump, Throttle


async def _deliver(rt: Runtime, job: Job) -> Job:
    """The uploading step: hand the validated files to the delivery, then finish."""
    batches = rt.split([Path(name) for name in job.files], rt.spec.upload.max_attachments)
    await rt.delivery.deliver(job, batches)
    return await rt.step(job, "delivered", owner=rt.owner)


async def _attempt(rt: Runtime, job: Job, dest: Path) -> Job:
    """Fetch into ``dest``, validate, deliver; each step committed before the next starts."""
    pump = ProgressPump(
        Throttle(rt.spec.limits.progress_interval, rt.clock), lambda p: rt.progress(job, p)
    )
    files = await rt.fetch_files(job, dest, pump)
    pump.flush()
    if not files:
        raise NoMedia("the fetcher returned no files")
    job = await rt.step(job, "fetched", owner=rt.owner, files=[str(f) for f in files])
    result = await asyncio.to_thread(rt.validate, list(files), cap=job.cap, dest=dest)
    if inspect.isawaitable(result):
        result = await result
    job = await rt.step(job, "validated", owner=rt.owner, files=[str(f) for f in result])
    return await _deliver(rt, job)


async def _failed(rt: Runtime, job_id: str, error: BossError) -> Job:
    """Retry a transient error while attempts are left, otherwise fail the job."""
    job = rt.store.get(job_id)
    assert job is not None  # noqa: S101 - the runner holds its lease
    delay = rt.policy.delay(error, job.attempt, job.attempts_left(), rt.rng)
    facts = {"error_kind": error.kind, "error_text": error.detail or error.kind}
    logger.info("job {} attempt {} failed: {} ({})", job.id, job.attempt, error.kind, error.detail)
    if delay is None:
        return await rt.step(job, "fail", owner=rt.owner, error=error, **facts)
    rt.wipe(job.id)
    return await rt.step(
        job,
        "retry",
        owner=rt.owner,
        error=error,
        retry_in=delay,
        attempt=job.attempt + 1,
        next_attempt_at=rt.clock.now() + delay,
        lease_owner=None,
        lease_expires_at=None,
        progress=None,
        files=[],
        **facts,
    )


async def _interrupted(rt: Runtime, job: Job, reason: str | None) -> None:
    """Clean up after the task was cancelled: by a user, by another process, or a stop."""
    if reason == "cancel":
        with suppress(LeaseLost, TransitionNotAllowed):  # finished meanwhile
            await rt.step(job, "cancel", owner=rt.owner)
    elif reason == "external":
        stored = rt.store.get(job.id)
        if stored is None or stored.state in FINAL:
            rt.wipe(job.id)
            rt.announce_final(job.id)
    else:  # executor stopping: leave the job resumable for the next start
        release(rt.store, [job.id], rt.owner)


async def run_job(rt: Runtime, job: Job, reason: dict[str, str]) -> Job | None:
    """Run a started (``fetching``) job, or re-deliver an ``uploading`` one.

    Args:
        rt: The executor's runtime.
        job: The job, whose lease this process holds.
        reason: Why the task gets cancelled, by job id (``cancel``, ``external``, ``stop``).
    """
    dest = rt.workdir(job.id)
    try:
        if job.state == "uploading":
            return await within(rt.clock, rt.spec.limits.job_timeout, _deliver(rt, job))
        await rt.notifier.emit(job, JobEvent("start"))
        rt.wipe(job.id)
        dest.mkdir(parents=True)
        return await within(rt.clock, rt.spec.limits.job_timeout, _attempt(rt, job, dest))
    except asyncio.CancelledError:
        await _interrupted(rt, job, reason.get(job.id))
        raise
    except (LeaseLost, TransitionNotAllowed) as exc:
        logger.warning("job {} was taken over or finished elsewhere: {}", job.id, exc)
        return None
    except TimeoutError:
        return await _failed(rt, job.id, Timeout(f"over {rt.spec.limits.job_timeout:g} s"))
    except BossError as error:
        return await _failed(rt, job.id, error)
    except Exception as exc:
        logger.opt(exception=True).error("job {} crashed", job.id)
        return await _failed(rt, job.id, Internal(f"{type(exc).__name__}: {exc}"))
