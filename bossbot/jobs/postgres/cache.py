"""The cache of repeat links on PostgreSQL (:class:`~bossbot.jobs.repeats.CacheStore`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import psycopg

from bossbot.jobs.repeats.store import CACHE_COLUMNS, CacheEntry
from bossbot.jobs.whole import whole

if TYPE_CHECKING:
    from psycopg_pool import AsyncConnectionPool

    from bossbot.jobs.clock import Clock

_INSERT = (
    f"INSERT INTO cache_entries ({', '.join(CACHE_COLUMNS)}) VALUES "  # noqa: S608
    f"({', '.join(f'%({name})s' for name in CACHE_COLUMNS)}) ON CONFLICT (id) DO NOTHING"
)
_FIND = (
    "UPDATE cache_entries SET used_at = %(now)s WHERE id = (SELECT e.id FROM cache_keys k "
    "JOIN cache_entries e ON e.id = k.entry WHERE k.guild_id = %(guild)s AND k.key = "
    "ANY(%(keys)s) AND e.posted_at >= %(since)s ORDER BY e.posted_at DESC LIMIT 1) RETURNING *"
)
_HOLDING = "SELECT * FROM cache_entries WHERE posted_at >= %s AND size > 0 ORDER BY used_at, id"


class PostgresCache:
    """The cache's two tables in the shared database; each call one transaction."""

    pool: AsyncConnectionPool
    clock: Clock

    @staticmethod
    async def _delete(
        conn: psycopg.AsyncConnection[Any], where: str, *args: Any
    ) -> list[CacheEntry]:
        """Delete the entries ``where`` selects, and their keys; return them."""
        cursor = await conn.execute(f"DELETE FROM cache_entries WHERE {where} RETURNING *", args)  # noqa: S608
        gone = [CacheEntry.from_row(row) for row in await cursor.fetchall()]
        if gone:
            ids = [entry.id for entry in gone]
            await conn.execute("DELETE FROM cache_keys WHERE entry = ANY(%s)", (ids,))
        return gone

    @whole
    async def cache_find(
        self, guild_id: int, keys: Sequence[str], since: float
    ) -> CacheEntry | None:
        """The newest entry posted since ``since`` under one of ``keys``; marked used now."""
        params = {"now": self.clock.now(), "guild": guild_id, "keys": list(keys), "since": since}
        async with self.pool.connection() as conn:
            row = await (await conn.execute(_FIND, params)).fetchone()
        return CacheEntry.from_row(row) if row else None

    @whole
    async def cache_put(self, entry: CacheEntry, keys: Sequence[str]) -> list[CacheEntry]:
        """Insert the entry, point ``keys`` at it, delete the entries left without a key."""
        async with self.pool.connection() as conn, conn.transaction():
            if (await conn.execute(_INSERT, entry.to_row())).rowcount == 0:
                return []  # recorded before: nothing twice
            async with conn.cursor() as cursor:
                await cursor.executemany(
                    "INSERT INTO cache_keys (guild_id, key, entry) VALUES (%s, %s, %s) "
                    "ON CONFLICT (guild_id, key) DO UPDATE SET entry = excluded.entry",
                    [(entry.guild_id, key, entry.id) for key in keys],
                )
            return await self._delete(
                conn, "NOT EXISTS (SELECT 1 FROM cache_keys k WHERE k.entry = cache_entries.id)"
            )

    @whole
    async def cache_moved(self, entry_id: str, channel_id: int, message_id: int) -> None:
        """Point the entry at a new post of its files."""
        async with self.pool.connection() as conn:
            await conn.execute(
                "UPDATE cache_entries SET channel_id = %s, message_id = %s WHERE id = %s",
                (channel_id, message_id, entry_id),
            )

    @whole
    async def cache_evict(self, max_bytes: int, before: float) -> list[CacheEntry]:
        """Expired entries, then the least recently used until the files fit ``max_bytes``."""
        async with self.pool.connection() as conn, conn.transaction():
            gone = await self._delete(conn, "posted_at < %s", before)
            holding = [CacheEntry.from_row(r) for r in await (await conn.execute(
                _HOLDING + " FOR UPDATE", (before,))).fetchall()]  # fmt: skip
            total, over = sum(entry.size for entry in holding), []
            for entry in holding:
                if total <= max_bytes:
                    break
                over.append(entry.id)
                total -= entry.size
            return gone + (await self._delete(conn, "id = ANY(%s)", over) if over else [])

    @whole
    async def cache_drop(self, entry_id: str) -> None:
        """Delete one entry and its keys."""
        async with self.pool.connection() as conn, conn.transaction():
            await self._delete(conn, "id = %s", entry_id)

    @whole
    async def cache_entries(self) -> list[CacheEntry]:
        """Every entry, least recently used first."""
        async with self.pool.connection() as conn:
            cursor = await conn.execute("SELECT * FROM cache_entries ORDER BY used_at, id")
            return [CacheEntry.from_row(row) for row in await cursor.fetchall()]
