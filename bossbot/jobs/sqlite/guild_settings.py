"""The settings servers changed, in the SQLite job store (table ``guild_settings``)."""

from __future__ import annotations

import json
import sqlite3
from concurrent.futures import Executor
from typing import Any

from bossbot.jobs.clock import Clock
from bossbot.jobs.guild_settings import StoredSetting
from bossbot.jobs.whole import in_thread


class SqliteGuildSettings:
    """:class:`~bossbot.jobs.guild_settings.GuildSettingsStore` on the store's connection.

    Mixed into :class:`~bossbot.jobs.sqlite.SqliteStore`: it uses the store's connection,
    thread and clock; each write is one statement (atomic on its own).
    """

    conn: sqlite3.Connection
    thread: Executor
    clock: Clock

    @in_thread
    def guild_settings(self, guild_id: int) -> list[StoredSetting]:
        """Every setting the server changed (served by the table's primary key)."""
        rows = self.conn.execute(
            "SELECT channel_id, name, value FROM guild_settings WHERE guild_id = ?", (guild_id,)
        )
        return [StoredSetting(row[0], row[1], json.loads(row[2])) for row in rows]

    @in_thread
    def put_setting(
        self, guild_id: int, channel_id: int, name: str, value: Any, *, by: int
    ) -> None:
        """Insert or replace one setting; None deletes it (the default holds again)."""
        key = (guild_id, channel_id, name)
        if value is None:
            self.conn.execute(
                "DELETE FROM guild_settings WHERE guild_id = ? AND channel_id = ? AND name = ?",
                key,
            )
            return
        self.conn.execute(
            "INSERT INTO guild_settings (guild_id, channel_id, name, value, updated_by, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, channel_id, name) "
            "DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, "
            "updated_at = excluded.updated_at",
            (*key, json.dumps(value), by, self.clock.now()),
        )
