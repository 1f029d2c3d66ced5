"""The shared job store: PostgreSQL, for any number of gateways and workers on any machines."""

from __future__ import annotations

from collections.abc import Callable, Collection

from bossbot.errors import QueueFull, UserQueueFull
from bossbot.jobs.model import Job, new_job_id
from bossbot.jobs.postgres.cache import PostgresCache
from bossbot.jobs.postgres.guild_settings import PostgresGuildSettings
from bossbot.jobs.postgres.notices import notices
from bossbot.jobs.postgres.reader import RUN_ORDER, UNFINISHED
from bossbot.jobs.postgres.schema import connect, migrate
from bossbot.jobs.postgres.writer import PostgresWriter
from bossbot.jobs.rows import advance, from_row
from bossbot.jobs.store import StoreError
from bossbot.jobs.whole import whole

ADMISSION = 0x626F_7373_626F_7402
"""The advisory lock key that makes admissions take turns (counted, then inserted)."""
_KEPT, _NONE = (advance(Job(id="", url="", files=f), "start", 0.0).state for f in (["f"], []))
START = f"CASE WHEN files <> '[]' THEN '{_KEPT}' ELSE '{_NONE}' END"
"""``JobMachine.start`` in SQL, asked of the machine once: a job that kept its files
uploads them, another fetches."""


class PostgresStore(PostgresWriter, PostgresCache, PostgresGuildSettings):
    """:class:`~bossbot.jobs.store.JobStore` on PostgreSQL: the queue over the job records.

    Admission counts and inserts under one advisory lock, so ``max_queue`` and the per-user
    caps hold across processes; claims take the next job with ``FOR UPDATE SKIP LOCKED``,
    so concurrent workers never wait for nor take the same job; notices (LISTEN/NOTIFY)
    wake workers and stop cancelled jobs at once. The cache of repeat links is in the same
    database (:class:`PostgresCache`).
    """

    async def connect(self) -> None:
        """Reach the server, apply missing migrations, then open the pool."""
        if not self.pool.closed:
            return
        async with await connect(self.url) as conn:
            await migrate(conn)
        try:
            await self.pool.open(wait=True, timeout=10)
        except Exception as exc:  # PoolTimeout: the server went away meanwhile
            raise StoreError(f"BOSSBOT_DATABASE_URL: the connection pool failed: {exc}") from None

    async def listen(self, wake: Callable[[], None], cancelled: Callable[[str], None]) -> None:
        """Wake on ``bossbot_queued``, stop on ``bossbot_cancelled``, until the link fails."""
        await notices(self.url, wake, cancelled)

    @whole
    async def admit(self, job: Job, *, max_queue: int, user_limit: int) -> Job:
        """Count and insert under the admission lock; a drawn id already taken is drawn again."""
        async with self.pool.connection() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock(%s)", (ADMISSION,))
            sql = f"SELECT COUNT(*) AS n FROM jobs WHERE {UNFINISHED} AND origin = %s"  # noqa: S608
            if (await (await conn.execute(sql, (job.origin,))).fetchone())["n"] >= max_queue:
                raise QueueFull(f"queue holds {max_queue} jobs", limit=max_queue)
            sql = f"SELECT COUNT(*) AS n FROM jobs WHERE {UNFINISHED} AND requester_id = %s"  # noqa: S608
            mine = (await (await conn.execute(sql, (job.requester_id,))).fetchone())["n"]
            if mine >= user_limit:
                raise UserQueueFull(f"user {job.requester_id} has {mine} jobs", limit=user_limit)
            job.id = new_job_id()
            while not await self._insert(conn, job):  # that id exists: draw another
                job.id = new_job_id()
            return job

    @whole
    async def claim(
        self, origin: str, owner: str, until: float, ids: Collection[str] | None = None
    ) -> Job | None:
        """Start the next due queued job under ``owner``'s lease.

        One statement, which skips the rows other claimers hold (``FOR UPDATE SKIP LOCKED``).
        """
        only = "AND id = ANY(%(ids)s)" if ids is not None else ""
        now = self.clock.now()
        rows = await self._rows(
            f"WITH next AS (SELECT id FROM jobs WHERE state = 'queued' AND origin = %(origin)s "  # noqa: S608
            f"AND next_attempt_at <= %(now)s {only} {RUN_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED) "
            f"UPDATE jobs SET state = {START}, lease_owner = %(owner)s, lease_expires_at = "
            "%(until)s, started_at = COALESCE(started_at, %(now)s), updated_at = %(now)s "
            "FROM next WHERE jobs.id = next.id RETURNING jobs.*",
            {"origin": origin, "now": now, "ids": list(ids or ()), "owner": owner, "until": until},
        )
        return from_row(rows[0]) if rows else None

    @whole
    async def untold(self, origin: str, ended_before: float, limit: int = 100) -> list[Job]:
        """Jobs of ``origin`` that ended before that time, their end not yet shown."""
        return await self._jobs(
            "SELECT * FROM jobs WHERE untold = 1 AND finished_at < %s AND origin = %s "
            "ORDER BY finished_at LIMIT %s",
            ended_before, origin, limit,
        )  # fmt: skip

    @whole
    async def prune(self, finished_before: float, limit: int = 500) -> int:
        """Delete up to ``limit`` jobs finished before that time, skipping rows others lock."""
        async with self.pool.connection() as conn:
            cursor = await conn.execute(
                "DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE finished_at < %s "
                "LIMIT %s FOR UPDATE SKIP LOCKED)",
                (finished_before, limit),
            )
            return cursor.rowcount
