"""The cache of repeat links on SQLite (:class:`~bossbot.jobs.repeats.CacheStore`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from bossbot.jobs.repeats.store import CACHE_COLUMNS, CacheEntry
from bossbot.jobs.whole import in_thread

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from bossbot.jobs.clock import Clock

_INSERT = (
    f"INSERT INTO cache_entries ({', '.join(CACHE_COLUMNS)}) VALUES "  # noqa: S608
    f"({', '.join(f':{name}' for name in CACHE_COLUMNS)}) ON CONFLICT (id) DO NOTHING"
)
_HOLDING = "SELECT * FROM cache_entries WHERE posted_at >= ? AND size > 0 ORDER BY used_at, id"
_KEYLESS = (
    "SELECT * FROM cache_entries e "
    "WHERE NOT EXISTS (SELECT 1 FROM cache_keys k WHERE k.entry = e.id)"
)


class SqliteCache:
    """The cache's two tables in the store's file; each call one transaction on its thread."""

    conn: sqlite3.Connection
    clock: Clock
    thread: Executor

    if TYPE_CHECKING:

        def tx(self) -> AbstractContextManager[sqlite3.Connection]:
            """One write transaction (the writer's)."""
            ...

    def _entries(self, sql: str, *params: object) -> list[CacheEntry]:
        return [CacheEntry.from_row(row) for row in self.conn.execute(sql, params)]

    def _delete(self, entries: list[CacheEntry]) -> list[CacheEntry]:
        """Delete entries and their keys (inside a transaction)."""
        for entry in entries:
            self.conn.execute("DELETE FROM cache_keys WHERE entry = ?", (entry.id,))
            self.conn.execute("DELETE FROM cache_entries WHERE id = ?", (entry.id,))
        return entries

    @in_thread
    def cache_find(self, guild_id: int, keys: Sequence[str], since: float) -> CacheEntry | None:
        """The newest entry posted since ``since`` under one of ``keys``; marked used now."""
        marks = ", ".join("?" * len(keys))
        with self.tx():
            found = self._entries(
                "SELECT e.* FROM cache_keys k JOIN cache_entries e ON e.id = k.entry "  # noqa: S608
                f"WHERE k.guild_id = ? AND k.key IN ({marks}) AND e.posted_at >= ? "
                "ORDER BY e.posted_at DESC LIMIT 1",
                guild_id, *keys, since,
            )  # fmt: skip
            if not found:
                return None
            found[0].used_at = self.clock.now()
            self.conn.execute("UPDATE cache_entries SET used_at = ? WHERE id = ?",
                              (found[0].used_at, found[0].id))  # fmt: skip
            return found[0]

    @in_thread
    def cache_put(self, entry: CacheEntry, keys: Sequence[str]) -> list[CacheEntry]:
        """Insert the entry, point ``keys`` at it, delete the entries left without a key."""
        with self.tx():
            if self.conn.execute(_INSERT, entry.to_row()).rowcount == 0:
                return []  # recorded before: nothing twice
            self.conn.executemany(
                "INSERT INTO cache_keys (guild_id, key, entry) VALUES (?, ?, ?) "
                "ON CONFLICT (guild_id, key) DO UPDATE SET entry = excluded.entry",
                [(entry.guild_id, key, entry.id) for key in keys],
            )
            return self._delete(self._entries(_KEYLESS))

    @in_thread
    def cache_moved(self, entry_id: str, channel_id: int, message_id: int) -> None:
        """Point the entry at a new post of its files."""
        with self.tx():
            self.conn.execute(
                "UPDATE cache_entries SET channel_id = ?, message_id = ? WHERE id = ?",
                (channel_id, message_id, entry_id),
            )

    @in_thread
    def cache_evict(self, max_bytes: int, before: float) -> list[CacheEntry]:
        """Expired entries, then the least recently used until the files fit ``max_bytes``."""
        with self.tx():
            gone = self._entries("SELECT * FROM cache_entries WHERE posted_at < ?", before)
            total = self.conn.execute(
                "SELECT COALESCE(SUM(size), 0) FROM cache_entries WHERE posted_at >= ?", (before,)
            ).fetchone()[0]
            for entry in self._entries(_HOLDING, before) if total > max_bytes else ():
                if total <= max_bytes:
                    break
                gone.append(entry)
                total -= entry.size
            return self._delete(gone)

    @in_thread
    def cache_drop(self, entry_id: str) -> None:
        """Delete one entry and its keys."""
        with self.tx():
            self._delete(self._entries("SELECT * FROM cache_entries WHERE id = ?", entry_id))

    @in_thread
    def cache_entries(self) -> list[CacheEntry]:
        """Every entry, least recently used first."""
        return self._entries("SELECT * FROM cache_entries ORDER BY used_at, id")
