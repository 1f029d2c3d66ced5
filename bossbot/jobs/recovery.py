"""Recovery of jobs whose process died: re-queue, re-deliver, or give up; sweep temp dirs.

Also shows again the ends that died with their process before a status message showed them.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Collection

from loguru import logger

from bossbot.jobs.leases import owner_is_dead
from bossbot.jobs.ledger import Ledger
from bossbot.jobs.machine import FINAL
from bossbot.jobs.model import Job
from bossbot.jobs.plugins import JobEvent
from bossbot.jobs.store import JobStore

ENDS = {"done": "delivered", "failed": "fail", "cancelled": "cancel"}
"""The event that led to each final state."""


async def recover(
    ledger: Ledger, *, origin: str, ttl: float, resume: bool, running: Collection[str] = ()
) -> list[Job]:
    """Take over the stale jobs of ``origin``: lease missing or expired, or process dead.

    ``fetching``/``validating`` go back to ``queued`` (next attempt, temp dir wiped);
    ``uploading`` jobs are returned, leased to this process, to be delivered again (their
    files are kept; the delivery looks for batches already posted). With ``resume`` off
    (the command line) they fail instead: nobody waits for them any more. Jobs whose task
    still runs here (``running``) are left alone.

    Returns:
        The ``uploading`` jobs to deliver again.
    """
    store, now = ledger.store, ledger.clock.now()
    expired = {job.id: job for job in await store.stale(now, origin)}
    dead = {j.id: j for j in await store.stale(math.inf, origin) if owner_is_dead(j.lease_owner)}
    redeliver = []
    for job in {**expired, **dead}.values():
        if job.id in running:
            continue
        held_by = job.lease_owner if job.id in dead else None
        if not await store.take_lease(job.id, ledger.owner, now + ttl, dead_owner=held_by):
            logger.info("job {} was recovered by another process first", job.id)
            continue
        logger.info("recovering job {} found in {}", job.id, job.state)
        if resume and job.state == "uploading":
            redeliver.append(job)
        elif resume and job.attempts_left():
            ledger.wipe(job.id)
            await ledger.step(job, "recover", **job.another_attempt(now))
        else:
            text = "its process stopped" if not resume else "its process died on every attempt"
            await ledger.step(job, "fail", error_kind="internal", error_text=text)
    await sweep(ledger)
    return redeliver


async def sweep(ledger: Ledger) -> list[str]:
    """Remove temp dirs of finished or unknown jobs; returns the names removed."""
    removed = []
    for path in sorted(ledger.root.iterdir()) if ledger.root.is_dir() else []:
        job = await ledger.store.get(path.name)
        if job is None or job.state in FINAL:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed


async def retell(ledger: Ledger, *, origin: str, ended_before: float, told: set[str]) -> None:
    """Tell the listeners again of ends no status message showed (not those in ``told``).

    A job ending commits its final state, then its status message shows it; a process
    that dies in between leaves the job ``untold``, and this shows it (ids go in ``told``:
    once per process; the status messages record it shown, see :func:`shown`).
    """
    for job in await ledger.store.untold(origin, ended_before):
        if job.id not in told:
            told.add(job.id)
            logger.info("showing the end of job {} ({}) its process did not", job.id, job.state)
            await ledger.tell(job, JobEvent(ENDS[job.state], again=True))


async def shown(store: JobStore, job_id: str) -> None:
    """Record that the status message of a job shows its end (or never can)."""
    try:
        await store.update(job_id, untold=False)
    except Exception as exc:  # the database is away: told again later, which is harmless
        logger.bind(job=job_id).warning("could not record the end as shown: {}", exc)
