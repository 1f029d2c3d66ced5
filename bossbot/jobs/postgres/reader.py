"""The read side of the PostgreSQL store: a pool of connections, views served by partial indexes."""

from __future__ import annotations

from typing import Any

from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool

from bossbot.jobs.clock import Clock, SystemClock
from bossbot.jobs.model import Job
from bossbot.jobs.rows import from_row
from bossbot.jobs.whole import whole

UNFINISHED = "state NOT IN ('done', 'failed', 'cancelled')"
RUNNING = "state IN ('fetching', 'validating', 'uploading')"
"""The predicates of the partial indexes, spelled as the migration spells them."""
RUN_ORDER = "ORDER BY priority DESC, created_at, seq"


class PostgresReader:
    """:class:`~bossbot.jobs.store.JobReader` on a shared PostgreSQL database.

    Each call borrows a connection of the pool (at most ``pool_size`` per process) and is
    one statement on an index. :class:`~bossbot.jobs.postgres.writer.PostgresWriter` adds
    the writes.
    """

    def __init__(self, url: str, clock: Clock | None = None, *, pool_size: int = 4) -> None:
        self.url, self.clock = url, clock or SystemClock()
        self.pool = AsyncConnectionPool(
            url, min_size=1, max_size=pool_size, open=False, name="bossbot",
            kwargs={"autocommit": True, "row_factory": dict_row, "application_name": "bossbot"},
        )  # fmt: skip

    async def close(self) -> None:
        """Close every connection of the pool."""
        await self.pool.close()

    async def _rows(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        """Run one statement on a pooled connection (autocommit); params as a tuple or one dict."""
        args = params[0] if len(params) == 1 and isinstance(params[0], dict) else params
        async with self.pool.connection() as conn:
            cursor = await conn.execute(sql, args)
            return await cursor.fetchall() if cursor.description else []

    async def _jobs(self, sql: str, *params: Any) -> list[Job]:
        """Run a ``SELECT * FROM jobs ...`` query."""
        return [from_row(row) for row in await self._rows(sql, *params)]

    async def _get(self, job_id: str) -> Job | None:
        """The job, or None."""
        return next(iter(await self._jobs("SELECT * FROM jobs WHERE id = %s", job_id)), None)

    get = whole(_get)

    @whole
    async def stale(self, now: float, origin: str) -> list[Job]:
        """Started jobs of ``origin`` whose lease is gone or expired: their runner died."""
        return await self._jobs(
            f"SELECT * FROM jobs WHERE {RUNNING} AND origin = %s "  # noqa: S608
            "AND (lease_expires_at IS NULL OR lease_expires_at < %s) ORDER BY created_at",
            origin, now,
        )  # fmt: skip

    @whole
    async def next_due(self, origin: str) -> float | None:
        """When the earliest queued job of ``origin`` becomes runnable."""
        sql = "SELECT MIN(next_attempt_at) AS due FROM jobs WHERE state = 'queued' AND origin = %s"
        return (await self._rows(sql, origin))[0]["due"]

    @whole
    async def queued(self, origin: str) -> list[Job]:
        """Queued jobs of ``origin`` in the order they will run (position 1 first)."""
        sql = f"SELECT * FROM jobs WHERE state = 'queued' AND origin = %s {RUN_ORDER}"  # noqa: S608
        return await self._jobs(sql, origin)

    @whole
    async def position(self, job_id: str) -> int | None:
        """1-based place of a queued job in its queue; None when it is not queued."""
        rows = await self._rows(
            "SELECT (SELECT COUNT(*) FROM jobs j WHERE j.state = 'queued' AND j.origin = me.origin "
            "AND (j.priority > me.priority OR (j.priority = me.priority "
            "AND (j.created_at, j.seq) < (me.created_at, me.seq)))) + 1 AS place "
            "FROM jobs me WHERE me.id = %s AND me.state = 'queued'",
            job_id,
        )
        return int(rows[0]["place"]) if rows else None

    @whole
    async def user_jobs(self, requester_id: int, *, active: bool = True) -> list[Job]:
        """Jobs of one user, oldest first (only the unfinished ones when ``active``)."""
        where = f"AND {UNFINISHED}" if active else ""
        sql = f"SELECT * FROM jobs WHERE requester_id = %s {where} ORDER BY created_at, seq"  # noqa: S608
        return await self._jobs(sql, requester_id)

    @whole
    async def guild_jobs(self, guild_id: int, *, active: bool = True) -> list[Job]:
        """Jobs of one guild, oldest first (only the unfinished ones when ``active``)."""
        where = f"AND {UNFINISHED}" if active else ""
        sql = f"SELECT * FROM jobs WHERE guild_id = %s {where} ORDER BY created_at, seq"  # noqa: S608
        return await self._jobs(sql, guild_id)

    @whole
    async def recent(self, limit: int = 20) -> list[Job]:
        """The most recently created jobs, newest first."""
        sql = "SELECT * FROM jobs ORDER BY created_at DESC, seq DESC LIMIT %s"
        return await self._jobs(sql, limit)

    @whole
    async def counts(self) -> dict[str, int]:
        """Jobs per state, from the counter table the triggers keep (states with jobs)."""
        rows = await self._rows("SELECT state, jobs FROM job_counts WHERE jobs > 0")
        return {row["state"]: int(row["jobs"]) for row in rows}
