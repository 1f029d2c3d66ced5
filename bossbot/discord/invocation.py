"""A command invocation as the core sees it, whether it came as a slash or a prefix command."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

import hikari

from bossbot.spec import Command

NO_PINGS: dict[str, Any] = {"mentions_everyone": False, "user_mentions": [], "role_mentions": []}
"""Message options for answers that may quote user text: nobody gets pinged."""


class Responder(Protocol):
    """Where an action's answers go: a reply to a message, or an interaction response."""

    async def send(self, text: str, *, ephemeral: bool = False) -> int | None:
        """Send an answer; returns the message id when one is known."""
        ...

    async def edit(self, message_id: int | None, text: str) -> None:
        """Replace the text of an answer sent before (None: the interaction's first)."""
        ...


@dataclass(slots=True)
class Invocation:
    """One use of a command.

    Attributes:
        name: The command's canonical name (aliases are resolved).
        command: The command's spec.
        args: Option values by option name; absent options are missing.
        user_id: Who invoked it.
        user_name: Their display name, for messages and logs.
        guild_id: The guild, or None in a DM.
        channel_id: The channel it was used in.
        roles: The bot roles (spec role names) the member holds.
        source: ``"prefix"``, ``"slash"`` or ``"button"`` (Retry on a post).
        reply: Where answers go.
        upload_limit: The guild's per-file upload limit, when the frontend knows it.
        message_id: The prefix command's message (uploads reply to it).
        interaction: The slash command's (or button click's) interaction; its token edits
            the first answer.
        permissions: The member's server-wide Discord permissions (Manage Server...).
    """

    name: str
    command: Command
    args: dict[str, Any]
    user_id: int
    user_name: str
    guild_id: int | None
    channel_id: int
    roles: frozenset[str]
    source: Literal["prefix", "slash", "button"]
    reply: Responder
    upload_limit: int | None = None
    message_id: int | None = None
    interaction: hikari.CommandInteraction | hikari.ComponentInteraction | None = None
    permissions: hikari.Permissions = hikari.Permissions.NONE
