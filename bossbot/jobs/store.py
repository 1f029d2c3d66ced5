"""The job store: the one seam between the job core and a database.

Everything that reads or writes jobs (executor, Discord frontend, ops, command line) goes
through these protocols. The embedded implementation is
:class:`~bossbot.jobs.sqlite.SqliteStore`; a shared PostgreSQL one implements the same
methods. Every method is a coroutine; every write is atomic and committed when it returns.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Protocol

from bossbot.jobs.clock import Clock
from bossbot.jobs.model import Job


class LeaseLost(Exception):
    """Another process now owns the job: this one must not change it any more."""


class JobReader(Protocol):
    """The read side: what frontends show and what the scheduler looks at."""

    clock: Clock

    async def get(self, job_id: str) -> Job | None:
        """The job, or None."""

    async def stale(self, now: float, origin: str) -> list[Job]:
        """Started jobs of ``origin`` whose lease is missing or expired before ``now``."""

    async def next_due(self, origin: str) -> float | None:
        """When the earliest queued job of ``origin`` becomes runnable."""

    async def queued(self, origin: str) -> list[Job]:
        """Queued jobs of ``origin`` in the order they will run."""

    async def position(self, job_id: str) -> int | None:
        """1-based place of a queued job in its queue; None when it is not queued."""

    async def user_jobs(self, requester_id: int, *, active: bool = True) -> list[Job]:
        """One user's jobs, oldest first (only unfinished ones when ``active``)."""

    async def guild_jobs(self, guild_id: int, *, active: bool = True) -> list[Job]:
        """One guild's jobs, oldest first (only unfinished ones when ``active``)."""

    async def recent(self, limit: int = 20) -> list[Job]:
        """The most recently created jobs, newest first."""

    async def counts(self) -> dict[str, int]:
        """Jobs per state, from a maintained counter (never a scan of all jobs)."""

    async def close(self) -> None:
        """Release the connection(s)."""


class JobStore(JobReader, Protocol):
    """The write side.

    A lease (``lease_owner`` until ``lease_expires_at``) names the one process that runs a
    started job; writes given an ``owner`` need that lease.
    """

    async def admit(self, job: Job, *, max_queue: int, user_limit: int) -> Job:
        """Insert ``job`` under a fresh unique id, unless the queue or the user's share is full.

        Counted and inserted in one transaction.

        Raises:
            QueueFull: ``max_queue`` jobs of the job's origin are unfinished.
            UserQueueFull: The requester already has ``user_limit`` unfinished jobs.
        """

    async def claim(
        self, origin: str, owner: str, until: float, ids: Collection[str] | None = None
    ) -> Job | None:
        """Start the next due queued job of ``origin`` (``start``), leased to ``owner``.

        Highest priority first, then oldest; with ``ids`` only one of those; the lease
        lasts ``until``. None when nothing is due. Two processes never get the same job.
        """

    async def transition(
        self, job_id: str, event: str, *, owner: str | None = None, **changes: Any
    ) -> Job:
        """Apply machine ``event`` and ``changes`` in one transaction; return the new row.

        A final state also stamps ``finished_at`` and drops the lease and the interaction
        token.

        Raises:
            NoJob: No such job. LeaseLost: ``owner`` no longer holds the lease.
            TransitionNotAllowed: The event is not allowed from the stored state.
        """

    async def update(self, job_id: str, *, owner: str | None = None, **changes: Any) -> bool:
        """Write fields other than the state; raises KeyError for an unknown field.

        Returns False when there is no such job, or ``owner`` no longer holds its lease.
        """

    async def take_lease(
        self, job_id: str, owner: str, until: float, *, dead_owner: str | None = None
    ) -> bool:
        """Lease a started job whose lease is missing, expired or held by ``dead_owner``."""

    async def renew(self, job_ids: Collection[str], owner: str, until: float) -> set[str]:
        """Extend the leases ``owner`` holds on started jobs; return the ids it lost."""

    async def release(self, job_ids: Collection[str], owner: str) -> None:
        """Give up ``owner``'s leases (on stop), so the next start resumes the jobs at once."""

    async def prune(self, finished_before: float, limit: int = 500) -> int:
        """Delete up to ``limit`` jobs finished before that time; return how many."""
