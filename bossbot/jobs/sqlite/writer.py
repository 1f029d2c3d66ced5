"""Writing a job's record in SQLite: transitions, field updates and leases."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import Any

from bossbot.errors import NoJob
from bossbot.jobs.machine import RUNNING
from bossbot.jobs.model import Job
from bossbot.jobs.rows import COLUMNS, advance, encode, sql_states, to_row
from bossbot.jobs.sqlite.reader import SqliteReader
from bossbot.jobs.store import LeaseLost
from bossbot.jobs.whole import in_thread

_RUNNING = sql_states(RUNNING)
_UPDATE_ALL = ", ".join(f"{name} = :{name}" for name in COLUMNS if name != "id")


class SqliteWriter(SqliteReader):
    """Changes to one job's row; every write is one transaction.

    ``BEGIN IMMEDIATE`` takes the file's write lock first, so a read-then-write cannot
    interleave with another process sharing the file.
    """

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``), committed on success."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _insert(self, job: Job) -> Job:
        row = to_row(job)
        marks = ", ".join(f":{name}" for name in row)
        self.conn.execute(f"INSERT INTO jobs ({', '.join(row)}) VALUES ({marks})", row)  # noqa: S608
        return job

    @in_thread
    def insert(self, job: Job) -> Job:
        """Store a job row as it is (bulk loads of tests and the bench, moving stores)."""
        return self._insert(job)

    @in_thread
    def transition(
        self, job_id: str, event: str, *, owner: str | None = None, **changes: Any
    ) -> Job:
        """Apply ``event`` and ``changes`` to the stored job in one transaction."""
        with self.tx():
            job = self._get(job_id)
            if job is None:
                raise NoJob(f"no job {job_id}", job=job_id)
            if owner is not None and job.lease_owner != owner:
                raise LeaseLost(f"job {job_id} is leased by {job.lease_owner}")
            return self._apply(job, event, **changes)

    def _apply(self, job: Job, event: str, **changes: Any) -> Job:
        """Advance ``job`` by ``event`` and write the row (inside a transaction)."""
        advance(job, event, self.clock.now(), **changes)
        self.conn.execute(f"UPDATE jobs SET {_UPDATE_ALL} WHERE id = :id", to_row(job))  # noqa: S608
        return job

    @in_thread
    def update(self, job_id: str, *, owner: str | None = None, **changes: Any) -> bool:
        """Write fields other than the state, checking the lease when ``owner`` is given."""
        changes.setdefault("updated_at", self.clock.now())
        values = {name: encode(name, value) for name, value in changes.items()}
        sets = ", ".join(f"{name} = :{name}" for name in changes)
        lease = "AND lease_owner = :_owner" if owner is not None else ""
        sql = f"UPDATE jobs SET {sets} WHERE id = :_id {lease}"  # noqa: S608
        return self.conn.execute(sql, {**values, "_id": job_id, "_owner": owner}).rowcount == 1

    @in_thread
    def take_lease(
        self, job_id: str, owner: str, until: float, *, dead_owner: str | None = None
    ) -> bool:
        """Lease a started job whose lease is missing, expired or held by ``dead_owner``."""
        cursor = self.conn.execute(
            f"UPDATE jobs SET lease_owner = ?, lease_expires_at = ? WHERE id = ? "  # noqa: S608
            f"AND state IN {_RUNNING} AND (lease_expires_at IS NULL OR lease_expires_at < ? "
            "OR lease_owner = ?)",
            (owner, until, job_id, self.clock.now(), dead_owner),
        )
        return cursor.rowcount == 1

    @in_thread
    def renew(self, job_ids: Collection[str], owner: str, until: float) -> set[str]:
        """Extend the leases ``owner`` holds; returns the ids it no longer holds (lost)."""
        lost = set()
        for job_id in job_ids:
            cursor = self.conn.execute(
                f"UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? "  # noqa: S608
                f"AND state IN {_RUNNING}",
                (until, job_id, owner),
            )
            if cursor.rowcount != 1:
                lost.add(job_id)
        return lost

    @in_thread
    def release(self, job_ids: Collection[str], owner: str) -> None:
        """Give up leases (on stop), so a restart recovers the jobs at once."""
        for job_id in job_ids:
            self.conn.execute(
                "UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL "
                "WHERE id = ? AND lease_owner = ?",
                (job_id, owner),
            )
