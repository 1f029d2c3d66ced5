"""The read side of the store seam: what frontends show and what the scheduler looks at."""

from __future__ import annotations

from typing import Protocol

from bossbot.jobs.clock import Clock
from bossbot.jobs.model import Job


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

    async def connect(self) -> None:
        """Connect and bring the schema up to date, before any other call (idempotent).

        Raises:
            StoreError: The database is unreachable or its schema is newer than this build.
        """

    async def close(self) -> None:
        """Release the connection(s)."""
