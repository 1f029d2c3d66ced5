"""Each server's settings, read once and kept in memory: every message asks for them.

A message in a channel costs one dictionary lookup while the entry is fresh. A change
made here replaces the entry at once; one made by another process (a shared PostgreSQL
store) is seen once the entry is ``ttl`` seconds old.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from loguru import logger

from bossbot.guilds.changes import Change
from bossbot.guilds.effective import ChannelSettings, effective
from bossbot.jobs.guild_settings import SERVER, GuildSettingsStore, StoredSetting
from bossbot.spec import Spec

KEPT = 10_000
"""Servers kept in memory at most (the oldest entry goes first)."""


class GuildSettings:
    """The settings in force per channel, over a :class:`GuildSettingsStore`."""

    def __init__(
        self, store: GuildSettingsStore, spec: Spec, *, ttl: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:  # fmt: skip
        self.store, self.spec, self.ttl, self.clock = store, spec, ttl, clock
        self.stored: dict[int, tuple[float, list[StoredSetting]]] = {}
        self.views: dict[int, dict[int, ChannelSettings]] = {}
        self.loading: dict[int, asyncio.Future[list[StoredSetting]]] = {}

    async def channel(self, guild_id: int, channel_id: int) -> ChannelSettings:
        """The settings in force in one channel of one server."""
        entry = self.stored.get(guild_id)
        if entry is not None and entry[0] > self.clock():
            views = self.views.setdefault(guild_id, {})
            view = views.get(channel_id)
            if view is None:
                view = views[channel_id] = effective(self.spec, entry[1], channel_id)
            return view
        rows = await self._load(guild_id)
        return effective(self.spec, rows, channel_id)

    async def _load(self, guild_id: int) -> list[StoredSetting]:
        """Read the server's settings (one read at a time per server) and keep them."""
        pending = self.loading.get(guild_id)
        if pending is not None:
            return await asyncio.shield(pending)
        future = self.loading[guild_id] = asyncio.get_running_loop().create_future()
        try:
            rows = await self.store.guild_settings(guild_id)
            self._keep(guild_id, rows)
            future.set_result(rows)
            return rows
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: waiters get it, nobody else needs to
            raise
        finally:
            del self.loading[guild_id]

    def _keep(self, guild_id: int, rows: list[StoredSetting]) -> None:
        """Remember a server's settings; forget its channels' views and the oldest servers."""
        self.stored.pop(guild_id, None)
        self.stored[guild_id] = (self.clock() + self.ttl, rows)
        self.views.pop(guild_id, None)
        while len(self.stored) > KEPT:
            gone = next(iter(self.stored))
            del self.stored[gone]
            self.views.pop(gone, None)

    async def change(self, guild_id: int, change: Change, *, by: int, who: str) -> None:
        """Store a change, log who made it where, and use it from now on."""
        await self.store.put_setting(guild_id, change.channel_id, change.name, change.value, by=by)
        where = "the server" if change.channel_id == SERVER else f"channel {change.channel_id}"
        value = "the default" if change.value is None else repr(change.value)
        logger.bind(guild=guild_id, user=by, channel=change.channel_id).info(
            "settings: {} ({}) set {} to {} for {} of guild {}",
            who, by, change.name, value, where, guild_id,
        )  # fmt: skip
        self._keep(guild_id, await self.store.guild_settings(guild_id))
