"""What REST handlers share: the fake's state, the request context, the route table."""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import payloads
from .commands import CommandStore
from .errors import unknown
from .gateway import Gateway
from .interactions import InteractionRecord
from .messages import FakeFile
from .payloads import JSON
from .store import MessageStore, StoredMessage
from .world import World


@dataclass
class State:
    """The fake's mutable state, shared by REST handlers and the public API.

    Attributes:
        world: The guild, channel, roles and users.
        store: Messages.
        commands: Synced application commands.
        gateway: The gateway (for echoing message events).
        base_url: Returns ``http://127.0.0.1:PORT``.
        gateway_url: Returns ``ws://127.0.0.1:PORT/gateway``.
        ack_deadline: Seconds the bot has to answer an interaction (None: no limit).
        interactions: Interactions sent, by id.
        member_roles: Last roles each user was seen with.
    """

    world: World
    store: MessageStore
    commands: CommandStore
    gateway: Gateway
    base_url: Callable[[], str]
    gateway_url: Callable[[], str]
    ack_deadline: float | None = 3.0
    interactions: dict[int, InteractionRecord] = field(default_factory=dict)
    member_roles: dict[int, tuple[int, ...]] = field(default_factory=dict)
    dm_channels: dict[int, int] = field(default_factory=dict)  # user id -> DM channel id
    others: dict[int, tuple[World, Gateway]] = field(default_factory=dict)
    """Guilds on the other shards of a sharded fake, by channel id: their world and shard."""

    def world_of(self, channel_id: int) -> World:
        """The world (guild) of a channel."""
        return self.others[channel_id][0] if channel_id in self.others else self.world

    def gateway_of(self, channel_id: int) -> Gateway:
        """The gateway (shard) that sees a channel's events."""
        return self.others[channel_id][1] if channel_id in self.others else self.gateway

    def bot_user(self) -> JSON:
        """The bot's user object."""
        return payloads.user(self.world, self.world.bot_id, bot=True)

    def channel(self, channel_id: int) -> int:
        """Return ``channel_id`` if the fake knows it, else raise 404 Unknown Channel."""
        known = channel_id == self.world.channel_id or channel_id in self.others
        if not known and channel_id not in self.dm_channels.values():
            raise unknown("Channel")
        return channel_id

    def guild(self, guild_id: int) -> int:
        """Return ``guild_id`` if it is the fake's guild, else raise 404 Unknown Guild."""
        if guild_id not in {self.world.guild_id, *(w.guild_id for w, _ in self.others.values())}:
            raise unknown("Guild")
        return guild_id

    def message_event(self, stored: StoredMessage) -> JSON:
        """The gateway form of a message: REST form plus ``guild_id`` and ``member``."""
        data = copy.deepcopy(stored.payload)
        world = self.world_of(int(data["channel_id"]))
        data["guild_id"] = str(world.guild_id)
        if "webhook_id" not in data:
            data["member"] = payloads.member(
                world, stored.author_id, stored.author_roles, with_user=False
            )
        return data

    async def echo(self, name: str, stored: StoredMessage) -> None:
        """Dispatch MESSAGE_CREATE/UPDATE for a non-ephemeral message."""
        channel_id = int(stored.payload["channel_id"])
        guild_channel = channel_id == self.world.channel_id or channel_id in self.others
        if not stored.payload["flags"] & 64 and guild_channel:
            event = self.message_event(stored)
            gateway = self.gateway_of(channel_id)
            await gateway.dispatch_message(name, event, author_id=stored.author_id)

    async def echo_delete(self, stored: StoredMessage) -> None:
        """Dispatch MESSAGE_DELETE for a non-ephemeral message."""
        if not stored.payload["flags"] & 64:
            channel_id = int(stored.payload["channel_id"])
            data = {
                "id": stored.payload["id"],
                "channel_id": stored.payload["channel_id"],
                "guild_id": str(self.world_of(channel_id).guild_id),
            }
            gateway = self.gateway_of(channel_id)
            await gateway.dispatch_message("MESSAGE_DELETE", data, author_id=stored.author_id)


@dataclass
class Ctx:
    """One REST request, as handlers see it.

    Attributes:
        state: The fake's state.
        params: Path parameters by name.
        query: Query parameters.
        body: Parsed JSON body (or ``payload_json``), None without one.
        files: Uploaded file parts.
    """

    state: State
    params: dict[str, str]
    query: Mapping[str, str]
    body: Any
    files: list[FakeFile]

    def id(self, name: str) -> int:
        """Return a snowflake path parameter as an int."""
        return int(self.params[name])

    @property
    def json(self) -> JSON:
        """The body as a JSON object ({} when absent)."""
        return self.body if isinstance(self.body, dict) else {}


@dataclass
class Reply:
    """A handler's answer: status and JSON body (None for 204)."""

    status: int = 200
    json: Any = None


Handler = Callable[[Ctx], Awaitable[Reply]]
ROUTES: dict[tuple[str, str], Handler] = {}


def route(method: str, *templates: str) -> Callable[[Handler], Handler]:
    """Register a handler for ``method`` on OpenAPI path templates."""

    def register(handler: Handler) -> Handler:
        for template in templates:
            ROUTES[(method, template)] = handler
        return handler

    return register
