"""Recovery of jobs whose process died: re-queue, re-deliver, or give up; sweep temp dirs."""

from __future__ import annotations

import math
import shutil
from dataclasses import dataclass, field

from loguru import logger

from bossbot.jobs.leases import owner_is_dead, take_lease
from bossbot.jobs.machine import FINAL
from bossbot.jobs.model import Job
from bossbot.jobs.runtime import Runtime


@dataclass(slots=True)
class Recovered:
    """What recovery did.

    Attributes:
        requeued: Jobs put back in the queue (``fetching``/``validating`` -> ``queued``).
        redeliver: ``uploading`` jobs, now leased to this process, to deliver again.
        failed: Jobs given up (no attempts left, or ``resume`` is off).
    """

    requeued: list[Job] = field(default_factory=list)
    redeliver: list[Job] = field(default_factory=list)
    failed: list[Job] = field(default_factory=list)


async def recover(rt: Runtime, *, resume: bool = True) -> Recovered:
    """Take over the stale jobs of this origin (lease missing, expired, or its process dead).

    ``fetching``/``validating`` go back to ``queued`` with attempt + 1 and a wiped temp
    dir; ``uploading`` jobs are returned to deliver again with their stored nonce. With
    ``resume`` off (the command line), they fail instead: nobody waits for them any more.
    """
    done = Recovered()
    now = rt.clock.now()
    orphans = [job for job in rt.store.stale(math.inf, rt.origin) if owner_is_dead(job.lease_owner)]
    for job in {job.id: job for job in [*rt.store.stale(now, rt.origin), *orphans]}.values():
        dead = job.lease_owner or "" if job in orphans else ""
        if not take_lease(rt.store, job.id, rt.owner, now + rt.lease_ttl, dead):
            continue  # pragma: no cover - another process recovered it first
        logger.info("recovering job {} found in {}", job.id, job.state)
        if resume and job.state == "uploading":
            done.redeliver.append(job)
            continue
        rt.wipe(job.id)
        if resume and job.attempts_left():
            changes = {"attempt": job.attempt + 1, "next_attempt_at": now, "files": []}
            job = await rt.step(
                job,
                "recover",
                owner=rt.owner,
                lease_owner=None,
                lease_expires_at=None,
                progress=None,
                **changes,
            )
            done.requeued.append(job)
        else:
            text = "its process stopped" if not resume else "its process died on every attempt"
            job = await rt.step(job, "fail", owner=rt.owner, error_kind="internal", error_text=text)
            done.failed.append(job)
    sweep(rt)
    return done


def sweep(rt: Runtime) -> list[str]:
    """Remove temp dirs of finished or unknown jobs; returns the names removed."""
    root = rt.settings.data_dir / "tmp"
    removed = []
    for path in sorted(root.iterdir()) if root.is_dir() else []:
        job = rt.store.get(path.name)
        if job is None or job.state in FINAL:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed
