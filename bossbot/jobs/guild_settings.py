"""What servers changed for themselves (``/settings``): the store's small second protocol.

Both job stores implement it, in a table of their own (``guild_settings``): one row per
server, channel (0: the whole server) and setting, holding the value as JSON. A setting
without a row has the default ``commands.toml`` declares.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

SERVER = 0
"""The ``channel_id`` of a setting that holds for the whole server."""


@dataclass(frozen=True, slots=True)
class StoredSetting:
    """One setting a server changed.

    Attributes:
        channel_id: The channel it holds in, or ``SERVER`` (0) for the whole server.
        name: The setting (``auto``, ``sites``, ``embeds``, ``buttons``).
        value: Its value, as JSON gave it back.
    """

    channel_id: int
    name: str
    value: Any


class GuildSettingsStore(Protocol):
    """Reading and writing the settings servers changed."""

    async def guild_settings(self, guild_id: int) -> list[StoredSetting]:
        """Every setting the server ``guild_id`` changed, for itself and its channels."""
        ...

    async def put_setting(
        self, guild_id: int, channel_id: int, name: str, value: Any, *, by: int
    ) -> None:
        """Store one setting (``value`` None: back to the default); ``by`` made the change."""
        ...
