"""Admission to the queue (bounded, per-user capped) and claiming the next job to run."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from bossbot.errors import QueueFull, UserQueueFull
from bossbot.jobs.machine import TransitionNotAllowed
from bossbot.jobs.model import Job, JobRequest, Requested, new_job_id
from bossbot.jobs.store import JobStore


def new_job(request: JobRequest, *, origin: str, max_attempts: int, now: float) -> Job:
    """The job row for ``request`` (its id is set by :func:`admit`)."""
    asked = {f.name: getattr(request, f.name) for f in dataclasses.fields(Requested)}
    return Job(
        id="",
        cap=request.cap,
        origin=origin,
        max_attempts=max_attempts,
        created_at=now,
        updated_at=now,
        next_attempt_at=now,
        **asked,
    )


def admit(store: JobStore, job: Job, *, max_queue: int, user_limit: int) -> Job:
    """Insert ``job`` unless the queue or the requester's share of it is full.

    The counts and the insert are one transaction, so two submissions cannot both take
    the last place. ``job.id`` is replaced by a fresh unique id.

    Raises:
        QueueFull: ``max_queue`` jobs of the job's origin are unfinished.
        UserQueueFull: The requester already has ``user_limit`` unfinished jobs.
    """
    with store.tx():
        if store.active_count(origin=job.origin) >= max_queue:
            raise QueueFull(f"queue holds {max_queue} jobs", limit=max_queue)
        mine = store.active_count(requester_id=job.requester_id)
        if mine >= user_limit:
            raise UserQueueFull(f"user {job.requester_id} has {mine} jobs", limit=user_limit)
        job.id = new_job_id()
        while store.get(job.id) is not None:
            job.id = new_job_id()  # pragma: no cover - one in a billion
        store.insert(job)
    return job


def claim_next(
    store: JobStore, *, origin: str, owner: str, ttl: float, ids: Collection[str] | None = None
) -> Job | None:
    """Start the next runnable job: ``queued -> fetching`` with a lease for ``owner``.

    Returns:
        The started job, or None when nothing is due.
    """
    while True:
        now = store.clock.now()
        job = store.next_runnable(now, origin, ids)
        if job is None:
            return None
        try:
            return store.transition(
                job.id,
                "start",
                lease_owner=owner,
                lease_expires_at=now + ttl,
                started_at=job.started_at or now,
            )
        except TransitionNotAllowed:  # pragma: no cover - another process took it first
            continue
