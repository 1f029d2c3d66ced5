"""The embedded job store: SQLite, one file under the data dir, shared by local processes."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Self

from bossbot.errors import QueueFull, UserQueueFull
from bossbot.jobs.clock import Clock
from bossbot.jobs.machine import ACTIVE
from bossbot.jobs.model import Job, new_job_id
from bossbot.jobs.rows import sql_states
from bossbot.jobs.sqlite.cache import SqliteCache
from bossbot.jobs.sqlite.guild_settings import SqliteGuildSettings
from bossbot.jobs.sqlite.writer import SqliteWriter
from bossbot.jobs.whole import in_thread

FILENAME = "jobs.sqlite3"
_ACTIVE = sql_states(ACTIVE)


class SqliteStore(SqliteWriter, SqliteCache, SqliteGuildSettings):
    """:class:`~bossbot.jobs.store.JobStore` on SQLite: the queue over the job records.

    Admission (bounded, per-user capped), claiming the next job, pruning old ones. Each
    method is one transaction of indexed statements, run on the store's thread. The cache
    of repeat links (:class:`SqliteCache`) and the settings servers changed
    (:class:`SqliteGuildSettings`) live in the same file.
    """

    @classmethod
    def in_dir(cls, data_dir: Path, clock: Clock | None = None) -> Self:
        """Open ``jobs.sqlite3`` under the data dir."""
        return cls.open(data_dir / FILENAME, clock)

    async def connect(self) -> None:
        """Nothing to do: the file was opened and migrated when the store was made."""

    async def listen(self, wake: Callable[[], None], cancelled: Callable[[str], None]) -> None:
        """No notices between processes on SQLite: wait forever (leases are the fallback)."""
        await asyncio.Event().wait()

    @in_thread
    def admit(self, job: Job, *, max_queue: int, user_limit: int) -> Job:
        """Count and insert in one transaction; a drawn id already taken is drawn again."""
        with self.tx():
            if self._active_count(origin=job.origin) >= max_queue:
                raise QueueFull(f"queue holds {max_queue} jobs", limit=max_queue)
            mine = self._active_count(requester_id=job.requester_id)
            if mine >= user_limit:
                raise UserQueueFull(f"user {job.requester_id} has {mine} jobs", limit=user_limit)
            while True:
                job.id = new_job_id()
                try:
                    return self._insert(job)
                except sqlite3.IntegrityError:  # that id exists: draw another
                    continue

    @in_thread
    def claim(
        self, origin: str, owner: str, until: float, ids: Collection[str] | None = None
    ) -> Job | None:
        """Start the next due queued job under ``owner``'s lease (one transaction)."""
        only = f"AND id IN ({', '.join('?' * len(ids))})" if ids is not None else ""
        now = self.clock.now()
        with self.tx():
            found = self._jobs(
                "SELECT * FROM jobs WHERE state = 'queued' AND origin = ? "  # noqa: S608
                f"AND next_attempt_at <= ? {only} ORDER BY priority DESC, created_at, rowid "
                "LIMIT 1",
                origin, now, *(ids or ()),
            )  # fmt: skip
            if not found:
                return None
            job = found[0]
            lease = {"lease_owner": owner, "lease_expires_at": until}
            return self._apply(job, "start", started_at=job.started_at or now, **lease)

    @in_thread
    def prune(self, finished_before: float, limit: int = 500) -> int:
        """Delete up to ``limit`` jobs finished before that time (served by an index)."""
        with self.tx():
            return self.conn.execute(
                "DELETE FROM jobs WHERE rowid IN (SELECT rowid FROM jobs "
                "WHERE finished_at < ? LIMIT ?)",
                (finished_before, limit),
            ).rowcount

    @in_thread
    def untold(self, origin: str, ended_before: float, limit: int = 100) -> list[Job]:
        """Jobs of ``origin`` that ended before that time, their end not yet shown."""
        return self._jobs(
            "SELECT * FROM jobs WHERE untold = 1 AND finished_at < ? AND origin = ? "
            "ORDER BY finished_at LIMIT ?",
            ended_before, origin, limit,
        )  # fmt: skip

    def _active_count(self, origin: str | None = None, requester_id: int | None = None) -> int:
        """Unfinished jobs, optionally of one origin and one requester (admission's bounds)."""
        sql, params = f"SELECT COUNT(*) FROM jobs WHERE state IN {_ACTIVE}", []  # noqa: S608
        for column, value in (("origin", origin), ("requester_id", requester_id)):
            if value is not None:
                sql, params = f"{sql} AND {column} = ?", [*params, value]
        return int(self.conn.execute(sql, params).fetchone()[0])
