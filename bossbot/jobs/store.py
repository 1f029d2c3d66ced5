"""The job store: the one seam between the job core and a database.

Everything that reads or writes jobs (executor, Discord frontend, ops, command line) goes
through these protocols. The embedded implementation is
:class:`~bossbot.jobs.sqlite.SqliteStore`; the shared one of a multi-process deployment is
:class:`~bossbot.jobs.postgres.PostgresStore`. Every method is a coroutine that never
blocks the event loop; every write is atomic, committed when it returns, and runs to its
end even when its caller is cancelled (:mod:`bossbot.jobs.whole`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, Protocol

from bossbot.jobs.model import Job
from bossbot.jobs.reader import JobReader

__all__ = ["JobReader", "JobStore", "LeaseLost", "SchemaError", "StoreError"]


class LeaseLost(Exception):
    """Another process now owns the job: this one must not change it any more."""


class StoreError(Exception):
    """The store cannot be used (unreachable, or a schema newer than this boss-bot).

    Its text is one line for the operator, without secrets.
    """


class SchemaError(StoreError):
    """The database was written by a newer boss-bot than this one."""

    @classmethod
    def newer(cls, current: int, known: int) -> SchemaError:
        """The error for a database at schema ``current`` when this build knows ``known``."""
        return cls(f"jobs database is at schema version {current}, this boss-bot knows {known}: "
                   "upgrade boss-bot")  # fmt: skip


class JobStore(JobReader, Protocol):
    """The write side.

    A lease (``lease_owner`` until ``lease_expires_at``) names the one process that runs a
    started job; writes given an ``owner`` need that lease.
    """

    async def listen(self, wake: Callable[[], None], cancelled: Callable[[str], None]) -> None:
        """Pass on what other processes did, until the connection fails (then it raises).

        ``wake()`` when a job was queued (or queued again); ``cancelled(job_id)`` when a
        started job was cancelled. A store without notices waits forever: the lease
        renewal then finds cancelled jobs.
        """

    async def insert(self, job: Job) -> Job:
        """Store a job row as it is, id included (bulk loads, tests, the bench)."""

    async def admit(self, job: Job, *, max_queue: int, user_limit: int) -> Job:
        """Insert ``job`` under a fresh unique id, unless the queue or the user's share is full.

        Counted and inserted in one transaction.

        Raises:
            QueueFull: ``max_queue`` jobs of the job's origin are unfinished.
            UserQueueFull: The requester already has ``user_limit`` unfinished jobs.

        Both bounds hold across every process sharing the store (no race between two
        admissions).
        """

    async def claim(
        self, origin: str, owner: str, until: float, ids: Collection[str] | None = None
    ) -> Job | None:
        """Start the next due queued job of ``origin`` (``start``), leased to ``owner``.

        Highest priority first, then oldest; with ``ids`` only one of those; the lease
        lasts ``until``. None when nothing is due. Two processes never get the same job,
        and concurrent claimers take the jobs in that order.
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

    async def untold(self, origin: str, ended_before: float, limit: int = 100) -> list[Job]:
        """Jobs of ``origin`` that ended before that time, their end not yet shown."""
