"""The job store: one SQLite file in WAL mode; every transition is one committed write."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bossbot.errors import NoJob
from bossbot.jobs.clock import Clock, SystemClock
from bossbot.jobs.codec import COLUMNS, encode, from_row, to_row
from bossbot.jobs.machine import FINAL, send
from bossbot.jobs.model import Job
from bossbot.jobs.queries import JobQueries
from bossbot.jobs.schema import migrate

FILENAME = "jobs.sqlite3"


class LeaseLost(Exception):
    """Another process now owns the job: this one must not change it any more."""


class JobStore(JobQueries):
    """Jobs in SQLite. Use one store per process; several processes may share the file."""

    def __init__(self, conn: sqlite3.Connection, clock: Clock | None = None) -> None:
        self.conn = conn
        self.clock = clock or SystemClock()

    @classmethod
    def open(cls, path: Path, clock: Clock | None = None) -> JobStore:
        """Open (creating and migrating if needed) the database file at ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=10.0)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        migrate(conn)
        return cls(conn, clock)

    @classmethod
    def in_dir(cls, data_dir: Path, clock: Clock | None = None) -> JobStore:
        """Open ``jobs.sqlite3`` under the data dir."""
        return cls.open(data_dir / FILENAME, clock)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

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

    def insert(self, job: Job) -> Job:
        """Store a new job row."""
        row = to_row(job)
        marks = ", ".join(f":{name}" for name in row)
        self.conn.execute(f"INSERT INTO jobs ({', '.join(row)}) VALUES ({marks})", row)  # noqa: S608
        return job

    def get(self, job_id: str) -> Job | None:
        """The job with id ``job_id``, or None."""
        row = self.conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return None if row is None else from_row(row)

    def update(self, job_id: str, **changes: Any) -> bool:
        """Write fields that are not the state (progress, status message, lease...)."""
        changes.setdefault("updated_at", self.clock.now())
        sets = ", ".join(f"{name} = :{name}" for name in changes)
        values = {name: encode(name, value) for name, value in changes.items()}
        sql = f"UPDATE jobs SET {sets} WHERE id = :_id"  # noqa: S608
        cursor = self.conn.execute(sql, {**values, "_id": job_id})
        return cursor.rowcount == 1

    def transition(self, job_id: str, event: str, owner: str | None = None, **changes: Any) -> Job:
        """Apply machine ``event`` and ``changes`` to the stored job in one transaction.

        Args:
            job_id: The job.
            event: A :class:`~bossbot.jobs.JobMachine` event name.
            owner: When given, the job's lease must still be held by this owner.
            **changes: Other fields to write with the new state.

        Raises:
            NoJob: No such job.
            LeaseLost: ``owner`` no longer holds the lease.
            TransitionNotAllowed: The event is not allowed from the stored state.
        """
        with self.tx():
            job = self.get(job_id)
            if job is None:
                raise NoJob(f"no job {job_id}", job=job_id)
            if owner is not None and job.lease_owner != owner:
                raise LeaseLost(f"job {job_id} is leased by {job.lease_owner}")
            send(job, event)
            now = self.clock.now()
            for name, value in {**changes, "updated_at": now}.items():
                encode(name, value)
                setattr(job, name, value)
            if job.state in FINAL:
                job.finished_at, job.lease_owner, job.lease_expires_at = now, None, None
            row = to_row(job)
            sets = ", ".join(f"{name} = :{name}" for name in COLUMNS if name != "id")
            self.conn.execute(f"UPDATE jobs SET {sets} WHERE id = :id", row)  # noqa: S608
        return job
