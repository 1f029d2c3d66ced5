"""Writing a job's record in PostgreSQL: transitions, field updates and leases."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import psycopg

from bossbot.errors import NoJob
from bossbot.jobs.model import Job
from bossbot.jobs.postgres.reader import RUNNING, PostgresReader
from bossbot.jobs.rows import COLUMNS, advance, encode, from_row, to_row
from bossbot.jobs.store import LeaseLost
from bossbot.jobs.whole import whole

_GUARDED = ("state", "attempt", "max_attempts", "files", "lease_owner")
"""What the machine (and the lease check) read: a transition is written only if unchanged."""
_UNCHANGED = " AND ".join(f"{name} IS NOT DISTINCT FROM %(_{name})s" for name in _GUARDED)
_INSERT = (
    f"INSERT INTO jobs ({', '.join(COLUMNS)}) VALUES "  # noqa: S608
    f"({', '.join(f'%({name})s' for name in COLUMNS)}) ON CONFLICT (id) DO NOTHING"
)


class PostgresWriter(PostgresReader):
    """Changes to one job's row; every write is atomic.

    A transition is a compare-and-set: two processes changing one job never both win, and
    the loser decides again on what the winner wrote.
    """

    async def _insert(self, conn: psycopg.AsyncConnection[Any], job: Job) -> bool:
        """Insert ``job``; False when its id is taken."""
        return (await conn.execute(_INSERT, to_row(job))).rowcount == 1

    @whole
    async def insert(self, job: Job) -> Job:
        """Store a job row as it is (bulk loads of tests and the bench, moving stores)."""
        async with self.pool.connection() as conn:
            if not await self._insert(conn, job):
                raise KeyError(f"job {job.id} exists")
        return job

    @whole
    async def transition(
        self, job_id: str, event: str, *, owner: str | None = None, **changes: Any
    ) -> Job:
        """Apply ``event`` and ``changes`` as one atomic compare-and-set.

        The row is read, the machine decides, and the changed columns are written only if
        what the machine read (state, attempts, files, lease) is still stored; otherwise it
        decides again on the new row. No lock is held between the two statements.
        """
        while True:
            job = await self._get(job_id)
            if job is None:
                raise NoJob(f"no job {job_id}", job=job_id)
            if owner is not None and job.lease_owner != owner:
                raise LeaseLost(f"job {job_id} is leased by {job.lease_owner}")
            before = to_row(job)
            after = to_row(advance(job, event, self.clock.now(), **changes))
            sets = {name: value for name, value in after.items() if value != before[name]}
            sets["updated_at"] = after["updated_at"]
            written = await self._rows(
                f"UPDATE jobs SET {', '.join(f'{n} = %({n})s' for n in sets)} WHERE id = %(_id)s "  # noqa: S608
                f"AND {_UNCHANGED} RETURNING *",
                {**sets, **{f"_{n}": before[n] for n in _GUARDED}, "_id": job_id},
            )
            if written:
                return from_row(written[0])

    @whole
    async def update(self, job_id: str, *, owner: str | None = None, **changes: Any) -> bool:
        """Write fields other than the state, checking the lease when ``owner`` is given."""
        changes.setdefault("updated_at", self.clock.now())
        values = {name: encode(name, value) for name, value in changes.items()}
        sets = ", ".join(f"{name} = %({name})s" for name in changes)
        lease = "AND lease_owner = %(_owner)s" if owner is not None else ""
        sql = f"UPDATE jobs SET {sets} WHERE id = %(_id)s {lease}"  # noqa: S608
        async with self.pool.connection() as conn:
            cursor = await conn.execute(sql, {**values, "_id": job_id, "_owner": owner})
            return cursor.rowcount == 1

    @whole
    async def take_lease(
        self, job_id: str, owner: str, until: float, *, dead_owner: str | None = None
    ) -> bool:
        """Lease a started job whose lease is missing, expired or held by ``dead_owner``."""
        async with self.pool.connection() as conn:
            cursor = await conn.execute(
                f"UPDATE jobs SET lease_owner = %s, lease_expires_at = %s WHERE id = %s "  # noqa: S608
                f"AND {RUNNING} AND (lease_expires_at IS NULL OR lease_expires_at < %s "
                "OR lease_owner = %s)",
                (owner, until, job_id, self.clock.now(), dead_owner),
            )
            return cursor.rowcount == 1

    @whole
    async def renew(self, job_ids: Collection[str], owner: str, until: float) -> set[str]:
        """Extend the leases ``owner`` holds; returns the ids it no longer holds (lost)."""
        if not job_ids:
            return set()
        kept = await self._rows(
            f"UPDATE jobs SET lease_expires_at = %s WHERE id = ANY(%s) AND lease_owner = %s "  # noqa: S608
            f"AND {RUNNING} RETURNING id",
            until, list(job_ids), owner,
        )  # fmt: skip
        return set(job_ids) - {row["id"] for row in kept}

    @whole
    async def release(self, job_ids: Collection[str], owner: str) -> None:
        """Give up leases (on stop), so a restart recovers the jobs at once."""
        async with self.pool.connection() as conn:
            await conn.execute(
                "UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL "
                "WHERE id = ANY(%s) AND lease_owner = %s",
                (list(job_ids), owner),
            )
