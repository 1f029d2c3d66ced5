"""The settings servers changed, in the PostgreSQL job store (table ``guild_settings``)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from bossbot.jobs.clock import Clock
from bossbot.jobs.guild_settings import StoredSetting
from bossbot.jobs.whole import whole


class PostgresGuildSettings:
    """:class:`~bossbot.jobs.guild_settings.GuildSettingsStore` on the store's pool.

    Mixed into :class:`~bossbot.jobs.postgres.PostgresStore`; each call is one statement.
    """

    clock: Clock
    _rows: Callable[..., Awaitable[list[dict[str, Any]]]]  # the reader's: one statement

    @whole
    async def guild_settings(self, guild_id: int) -> list[StoredSetting]:
        """Every setting the server changed (served by the table's primary key)."""
        rows = await self._rows(
            "SELECT channel_id, name, value FROM guild_settings WHERE guild_id = %s", guild_id
        )
        return [StoredSetting(row["channel_id"], row["name"], json.loads(row["value"]))
                for row in rows]  # fmt: skip

    @whole
    async def put_setting(
        self, guild_id: int, channel_id: int, name: str, value: Any, *, by: int
    ) -> None:
        """Insert or replace one setting; None deletes it (the default holds again)."""
        key = {"guild": guild_id, "channel": channel_id, "name": name}
        if value is None:
            await self._rows(
                "DELETE FROM guild_settings WHERE guild_id = %(guild)s "
                "AND channel_id = %(channel)s AND name = %(name)s",
                key,
            )
            return
        await self._rows(
            "INSERT INTO guild_settings (guild_id, channel_id, name, value, updated_by, "
            "updated_at) VALUES (%(guild)s, %(channel)s, %(name)s, %(value)s, %(by)s, %(now)s) "
            "ON CONFLICT (guild_id, channel_id, name) DO UPDATE SET value = EXCLUDED.value, "
            "updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at",
            {**key, "value": json.dumps(value), "by": by, "now": self.clock.now()},
        )
