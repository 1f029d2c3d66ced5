"""Interactions: the INTERACTION_CREATE payloads and what became of each one."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import ids, payloads
from .errors import ApiError, unknown
from .payloads import JSON
from .world import World

APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
ACK_DEADLINE = 3.0
TOKEN_LIFETIME = 15 * 60.0

Options = Sequence[JSON] | Mapping[str, Any] | None


@dataclass
class InteractionRecord:
    """One interaction the fake sent, and how the bot answered it.

    Attributes:
        payload: The INTERACTION_CREATE payload.
        created_at: ``time.monotonic()`` when it was sent.
        responses: Callback bodies the bot posted, in order.
        original_id: Id of the ``@original`` response message, once there is one.
        followups: Ids of follow-up messages.
        expired: Set by ``FakeDiscord.expire_interaction`` (token no longer valid).
    """

    payload: JSON
    created_at: float = field(default_factory=time.monotonic)
    responses: list[JSON] = field(default_factory=list)
    original_id: int | None = None
    followups: list[int] = field(default_factory=list)
    expired: bool = False

    @property
    def id(self) -> int:
        """The interaction id."""
        return int(self.payload["id"])

    @property
    def type(self) -> int:
        """The interaction type (2 command, 3 component, 4 autocomplete)."""
        return int(self.payload["type"])

    @property
    def limit(self) -> int:
        """The interaction's ``attachment_size_limit``."""
        return int(self.payload["attachment_size_limit"])

    @property
    def acknowledged(self) -> bool:
        """Whether the bot already answered the callback."""
        return bool(self.responses)

    def check_callback(self, token: str, deadline: float | None) -> None:
        """Raise what Discord answers to a callback that comes wrong, late or twice."""
        if token != self.payload["token"] or self.expired:
            raise unknown("interaction")
        if deadline is not None and time.monotonic() - self.created_at > deadline:
            raise unknown("interaction")
        if self.acknowledged:
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")

    def check_webhook(self) -> None:
        """Raise what Discord answers on a webhook call with a dead token."""
        if self.expired or time.monotonic() - self.created_at > TOKEN_LIFETIME:
            raise ApiError(401, 50027, "Invalid Webhook Token")


def _option_list(command: JSON | None, options: Options, path: list[str]) -> list[JSON]:
    """Turn ``{"name": value}`` into typed options, looking types up in the synced command."""
    if options is None:
        options = {}
    if not isinstance(options, Mapping):
        return [dict(option) for option in options]
    declared = {o["name"]: o for o in (command or {}).get("options") or []}
    for name in path:  # descend into sub-command groups / sub-commands
        if name not in declared:
            raise ValueError(f"{name!r} is not a sub-command; known: {sorted(declared)}")
        declared = {o["name"]: o for o in declared[name].get("options") or []}
    result = []
    for name, value in options.items():
        if name not in declared:
            raise ValueError(f"option {name!r} is not declared; known: {sorted(declared)}")
        result.append({"name": name, "type": declared[name]["type"], "value": value})
    return result


def command_data(command: JSON, name: str, options: Options, focused: str | None = None) -> JSON:
    """Return ``data`` of a slash command interaction.

    Args:
        command: The synced command object (for its id, guild and option types).
        name: Invoked name; ``"group sub"`` or ``"cmd sub"`` for sub-commands.
        options: Option list, or a mapping of option name to value.
        focused: For autocomplete, the name of the option being typed.

    Returns:
        The interaction data.
    """
    root, *path = name.split()
    leaf = _option_list(command, options, path)
    if focused is not None:
        for option in leaf:
            if option["name"] == focused:
                option["focused"] = True
                option["value"] = str(option.get("value", ""))
        if not any(o.get("focused") for o in leaf):
            raise ValueError(f"focused option {focused!r} is not among the options")
    for sub in reversed(path):
        sub_type = 1 if sub == path[-1] else 2
        leaf = [{"name": sub, "type": sub_type, "options": leaf}]
    data: JSON = {"id": command["id"], "name": root, "type": 1, "options": leaf}
    if "guild_id" in command:
        data["guild_id"] = command["guild_id"]
    return data


def interaction(
    world: World,
    itype: int,
    data: JSON,
    *,
    user_id: int,
    roles: Sequence[int],
    attachment_size_limit: int | None = None,
    locale: str = "en-US",
    message: JSON | None = None,
) -> JSON:
    """Build an INTERACTION_CREATE payload in the fake guild's channel.

    Args:
        world: The fake world.
        itype: Interaction type (2, 3 or 4).
        data: The interaction data.
        user_id: Who interacts.
        roles: Their roles.
        attachment_size_limit: Upload limit to announce (the guild tier's when None).
        locale: The user's locale.
        message: The message a component belongs to.

    Returns:
        The payload.
    """
    bot_permissions = world.permissions(world.bot_role_ids(), world.bot_id)
    payload: JSON = {
        "id": str(ids.snowflake()),
        "application_id": str(world.application_id),
        "type": itype,
        "data": data,
        "guild": {"id": str(world.guild_id), "locale": "en-US", "features": []},
        "guild_id": str(world.guild_id),
        "channel": payloads.interaction_channel(world),
        "channel_id": str(world.channel_id),
        "member": payloads.member(world, user_id, list(roles), with_permissions=True),
        "token": ids.interaction_token(),
        "version": 1,
        "app_permissions": str(bot_permissions),
        "locale": locale,
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(world.guild_id)},
        "context": 0,
        "attachment_size_limit": attachment_size_limit or world.upload_limit,
    }
    if message is not None:
        payload["message"] = message
    return payload


def metadata(record: InteractionRecord) -> JSON:
    """Return the ``interaction_metadata`` of messages answering ``record``."""
    payload = record.payload
    meta: JSON = {
        "id": payload["id"],
        "type": payload["type"],
        "user": payload["member"]["user"],
        "authorizing_integration_owners": payload["authorizing_integration_owners"],
    }
    if record.type == MESSAGE_COMPONENT:
        meta["interacted_message_id"] = payload["message"]["id"]
    else:
        meta["name"] = payload["data"]["name"]
        meta["command_type"] = 1
    if record.original_id is not None:
        meta["original_response_message_id"] = str(record.original_id)
    return meta
