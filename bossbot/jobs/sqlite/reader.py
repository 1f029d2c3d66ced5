"""The read side of the SQLite store: one connection, the views served by the schema's indexes."""

from __future__ import annotations

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Self

from bossbot.jobs.clock import Clock, SystemClock
from bossbot.jobs.machine import ACTIVE, RUNNING
from bossbot.jobs.model import Job
from bossbot.jobs.rows import from_row, sql_states
from bossbot.jobs.sqlite.schema import migrate
from bossbot.jobs.whole import in_thread

_ACTIVE, _RUNNING = sql_states(ACTIVE), sql_states(RUNNING)
_RUN_ORDER = "ORDER BY priority DESC, created_at, rowid"


class SqliteReader:
    """:class:`~bossbot.jobs.store.JobReader` on one SQLite file (WAL mode).

    Every call runs on the store's own thread (``in_thread``), so the event loop stays
    free while SQLite reads, syncs or waits for another process's lock.
    :class:`~bossbot.jobs.sqlite.writer.SqliteWriter` adds the writes.
    """

    def __init__(self, conn: sqlite3.Connection, clock: Clock | None = None) -> None:
        self.conn = conn
        self.clock = clock or SystemClock()
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="sqlite-store")

    @classmethod
    def open(cls, path: Path, clock: Clock | None = None) -> Self:
        """Open (creating and migrating if needed) the database file at ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=10.0, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        migrate(conn)
        return cls(conn, clock)

    async def close(self) -> None:
        """Close the connection and the store's thread."""
        await asyncio.get_running_loop().run_in_executor(self.thread, self.conn.close)
        self.thread.shutdown()

    def _jobs(self, sql: str, *params: Any) -> list[Job]:
        """Run a ``SELECT * FROM jobs ...`` query."""
        return [from_row(row) for row in self.conn.execute(sql, params)]

    def _get(self, job_id: str) -> Job | None:
        return next(iter(self._jobs("SELECT * FROM jobs WHERE id = ?", job_id)), None)

    get = in_thread(_get)

    @in_thread
    def stale(self, now: float, origin: str) -> list[Job]:
        """Started jobs of ``origin`` whose lease is gone or expired: their runner died."""
        return self._jobs(
            f"SELECT * FROM jobs WHERE state IN {_RUNNING} AND origin = ? "  # noqa: S608
            "AND (lease_expires_at IS NULL OR lease_expires_at < ?) ORDER BY created_at",
            origin, now,
        )  # fmt: skip

    @in_thread
    def next_due(self, origin: str) -> float | None:
        """When the earliest queued job of ``origin`` becomes runnable."""
        sql = "SELECT MIN(next_attempt_at) FROM jobs WHERE state = 'queued' AND origin = ?"
        return self.conn.execute(sql, (origin,)).fetchone()[0]

    @in_thread
    def queued(self, origin: str) -> list[Job]:
        """Queued jobs of ``origin`` in the order they will run (position 1 first)."""
        sql = f"SELECT * FROM jobs WHERE state = 'queued' AND origin = ? {_RUN_ORDER}"  # noqa: S608
        return self._jobs(sql, origin)

    @in_thread
    def position(self, job_id: str) -> int | None:
        """1-based place of a queued job in its queue; None when it is not queued."""
        row = self.conn.execute(
            "SELECT rowid, * FROM jobs WHERE id = ? AND state = 'queued'", (job_id,)
        ).fetchone()
        if row is None:
            return None
        ahead = self.conn.execute(
            "SELECT COUNT(*) FROM jobs WHERE state = 'queued' AND origin = ? AND ("
            "priority > ? OR (priority = ? AND (created_at < ? OR "
            "(created_at = ? AND rowid < ?))))",
            (row["origin"], *[row["priority"]] * 2, *[row["created_at"]] * 2, row["rowid"]),
        ).fetchone()[0]
        return int(ahead) + 1

    @in_thread
    def user_jobs(self, requester_id: int, *, active: bool = True) -> list[Job]:
        """Jobs of one user, oldest first (only the unfinished ones when ``active``)."""
        where = f"AND state IN {_ACTIVE}" if active else ""
        sql = f"SELECT * FROM jobs WHERE requester_id = ? {where} ORDER BY created_at, rowid"  # noqa: S608
        return self._jobs(sql, requester_id)

    @in_thread
    def guild_jobs(self, guild_id: int, *, active: bool = True) -> list[Job]:
        """Jobs of one guild, oldest first (only the unfinished ones when ``active``)."""
        where = f"AND state IN {_ACTIVE}" if active else ""
        sql = f"SELECT * FROM jobs WHERE guild_id = ? {where} ORDER BY created_at, rowid"  # noqa: S608
        return self._jobs(sql, guild_id)

    @in_thread
    def recent(self, limit: int = 20) -> list[Job]:
        """The most recently created jobs, newest first."""
        return self._jobs("SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?", limit)

    @in_thread
    def counts(self) -> dict[str, int]:
        """Jobs per state, from the counter table the triggers keep (states with jobs)."""
        rows = self.conn.execute("SELECT state, jobs FROM job_counts WHERE jobs > 0")
        return {state: int(count) for state, count in rows}
