"""Read queries of the job store: the runnable job, queue positions, per user and guild."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from typing import Any

from bossbot.jobs.codec import from_row
from bossbot.jobs.machine import ACTIVE, RUNNING
from bossbot.jobs.model import Job


def sql_states(values: Collection[str]) -> str:
    """A literal SQL list of known state names (never user text)."""
    return "(" + ", ".join(f"'{value}'" for value in sorted(values)) + ")"


_ACTIVE, _RUNNING = sql_states(ACTIVE), sql_states(RUNNING)


class JobQueries:
    """Queries over ``self.conn``; each is served by an index of the schema."""

    conn: sqlite3.Connection

    def _jobs(self, sql: str, *params: Any) -> list[Job]:
        """Run a ``SELECT * FROM jobs ...`` query."""
        return [from_row(row) for row in self.conn.execute(sql, params)]

    def next_runnable(
        self, now: float, origin: str, ids: Collection[str] | None = None
    ) -> Job | None:
        """The queued job to run next: due, highest priority first, then oldest first."""
        only = f"AND id IN ({', '.join('?' * len(ids))})" if ids is not None else ""
        jobs = self._jobs(
            "SELECT * FROM jobs WHERE state = 'queued' AND origin = ? AND next_attempt_at <= ? "  # noqa: S608
            f"{only} ORDER BY priority DESC, created_at, rowid LIMIT 1",
            origin,
            now,
            *(ids or ()),
        )
        return jobs[0] if jobs else None

    def next_due(self, origin: str) -> float | None:
        """When the earliest queued job of ``origin`` becomes runnable."""
        sql = "SELECT MIN(next_attempt_at) FROM jobs WHERE state = 'queued' AND origin = ?"
        return self.conn.execute(sql, (origin,)).fetchone()[0]

    def queued(self, origin: str) -> list[Job]:
        """Queued jobs of ``origin`` in the order they will run (position 1 first)."""
        sql = "SELECT * FROM jobs WHERE state = 'queued' AND origin = ? "
        return self._jobs(sql + "ORDER BY priority DESC, created_at, rowid", origin)

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

    def user_jobs(self, requester_id: int, *, active: bool = True) -> list[Job]:
        """Jobs of one user, oldest first (only the unfinished ones when ``active``)."""
        where = f"AND state IN {_ACTIVE}" if active else ""
        sql = f"SELECT * FROM jobs WHERE requester_id = ? {where} ORDER BY created_at, rowid"  # noqa: S608
        return self._jobs(sql, requester_id)

    def guild_jobs(self, guild_id: int, *, active: bool = True) -> list[Job]:
        """Jobs of one guild, oldest first (only the unfinished ones when ``active``)."""
        where = f"AND state IN {_ACTIVE}" if active else ""
        sql = f"SELECT * FROM jobs WHERE guild_id = ? {where} ORDER BY created_at, rowid"  # noqa: S608
        return self._jobs(sql, guild_id)

    def recent(self, limit: int = 20) -> list[Job]:
        """The most recently created jobs, newest first."""
        sql = "SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?"
        return self._jobs(sql, limit)

    def counts(self) -> dict[str, int]:
        """Number of jobs in each state (states without jobs are left out)."""
        rows = self.conn.execute("SELECT state, COUNT(*) FROM jobs GROUP BY state")
        return {state: int(count) for state, count in rows}

    def active_count(self, origin: str | None = None, requester_id: int | None = None) -> int:
        """Unfinished jobs, optionally of one origin and one requester."""
        sql = f"SELECT COUNT(*) FROM jobs WHERE state IN {_ACTIVE}"  # noqa: S608
        params: list[Any] = []
        if origin is not None:
            sql, params = sql + " AND origin = ?", [*params, origin]
        if requester_id is not None:
            sql, params = sql + " AND requester_id = ?", [*params, requester_id]
        return int(self.conn.execute(sql, params).fetchone()[0])

    def stale(self, now: float, origin: str) -> list[Job]:
        """Started jobs of ``origin`` whose lease is gone or expired: their runner died."""
        sql = (
            f"SELECT * FROM jobs WHERE state IN {_RUNNING} AND origin = ? "  # noqa: S608
            "AND (lease_expires_at IS NULL OR lease_expires_at < ?) ORDER BY created_at"
        )
        return self._jobs(sql, origin, now)
