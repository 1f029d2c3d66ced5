"""What the fake's "users" do: post messages, run commands, type into options, click."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from typing import Any

from . import ids, interactions, payloads
from .context import State
from .errors import ApiError
from .gateway import Gateway
from .interactions import InteractionRecord, Options
from .messages import mentions, message
from .payloads import JSON
from .world import World


class UserEvents:
    """Mixin of ``FakeDiscord``: the events users cause, sent through the gateway."""

    world: World
    gateway: Gateway
    _state: State

    @property
    def channel_id(self) -> int:
        """The text channel's id."""
        return self.world.channel_id

    @property
    def guild_id(self) -> int:
        """The guild's id."""
        return self.world.guild_id

    def synced_commands(self, guild_id: int | None = None) -> list[JSON]:
        """Return the commands the bot synced to ``guild_id`` (global ones when None)."""
        return self._state.commands.list(guild_id)

    def user(self, user_id: int, *, username: str | None = None, bot: bool = False) -> JSON:
        """Return (creating on first use) the user object of ``user_id``."""
        return payloads.user(self.world, user_id, bot=bot, username=username)

    async def send_message(
        self,
        content: str,
        *,
        user_id: int = ids.USER_ID,
        roles: Sequence[int] = (),
        bot: bool = False,
        webhook_id: int | None = None,
        username: str | None = None,
        channel_id: int | None = None,
    ) -> JSON:
        """Have a user (or bot, or webhook) post in the channel: MESSAGE_CREATE.

        Args:
            content: The text.
            user_id: The author.
            roles: The author's role ids (``@everyone`` implied).
            bot: Whether the author is a bot account.
            webhook_id: Post as this webhook (no member, ``webhook_id`` set).
            username: Name for an author seen for the first time.
            channel_id: Post in this channel (a guild on another shard) instead.

        Returns:
            The MESSAGE_CREATE payload (with ``guild_id`` and ``member``).
        """
        self.world.check_roles(roles)
        if webhook_id is not None:
            user_id, bot = webhook_id, True
        author = payloads.user(self.world, user_id, bot=bot, username=username)
        user_ids, role_ids = mentions(content)
        channel_id = channel_id or self.channel_id
        payload = message(
            message_id=ids.snowflake(),
            channel_id=channel_id,
            author=author,
            content=content,
            nonce=str(ids.snowflake()),
            mention_roles=role_ids,
            webhook_id=str(webhook_id) if webhook_id is not None else None,
        )
        payload["mentions"] = [payloads.user(self.world, u) for u in dict.fromkeys(user_ids)]
        if webhook_id is None:
            self._state.member_roles[user_id] = tuple(roles)
        stored = self._state.store.add(payload, roles=tuple(roles))
        event = self._state.message_event(stored)
        gateway = self._state.gateway_of(channel_id)
        await gateway.dispatch_message("MESSAGE_CREATE", event, author_id=user_id)
        return event

    async def _interact(
        self, itype: int, data: JSON, user_id: int, roles: Sequence[int], **kw: Any
    ) -> JSON:
        self.world.check_roles(roles)
        payload = interactions.interaction(
            self.world, itype, data, user_id=user_id, roles=roles, **kw
        )
        record = InteractionRecord(payload)
        self._state.interactions[record.id] = record
        self._state.member_roles[user_id] = tuple(roles)
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        return payload

    def _command(self, name: str) -> JSON:
        root = name.split()[0]
        command = self._state.commands.find(root, self.guild_id)
        if command is None:
            synced = [
                c["name"] for c in self.synced_commands(self.guild_id) + self.synced_commands()
            ]
            raise LookupError(f"/{root} was not synced by the bot (synced: {synced})")
        return command

    async def send_slash(
        self,
        name: str,
        options: Options = None,
        *,
        user_id: int = ids.USER_ID,
        roles: Sequence[int] = (),
        attachment_size_limit: int | None = None,
        locale: str = "en-US",
        resolved: JSON | None = None,
    ) -> JSON:
        """Have a user invoke a synced slash command: INTERACTION_CREATE type 2.

        Args:
            name: Command name; ``"cmd sub"`` or ``"group sub"`` for sub-commands.
            options: ``[{"name", "type", "value"}]``, or ``{name: value}`` (types are
                looked up in the synced command).
            user_id: Who invokes it.
            roles: Their role ids.
            attachment_size_limit: Upload limit to announce (the tier's when None).
            locale: The user's locale.
            resolved: ``data.resolved`` (for user/attachment options).

        Returns:
            The interaction payload (``id`` and ``token`` identify it).
        """
        data = interactions.command_data(self._command(name), name, options)
        if resolved is not None:
            data["resolved"] = resolved
        return await self._interact(
            interactions.APPLICATION_COMMAND,
            data,
            user_id,
            roles,
            attachment_size_limit=attachment_size_limit,
            locale=locale,
        )

    async def send_autocomplete(
        self,
        name: str,
        options: Options = None,
        *,
        focused: str | None = None,
        user_id: int = ids.USER_ID,
        roles: Sequence[int] = (),
    ) -> JSON:
        """Have a user type into a command option: INTERACTION_CREATE type 4.

        Args:
            name: Command name (as for ``send_slash``).
            options: The options typed so far.
            focused: The option being typed (the first one when None).
            user_id: Who types.
            roles: Their role ids.

        Returns:
            The interaction payload; the bot's choices are in ``interaction(id).responses``.
        """
        command = self._command(name)
        if focused is None and options:
            focused = next(iter(options)) if isinstance(options, dict) else options[0]["name"]
        data = interactions.command_data(command, name, options, focused)
        return await self._interact(interactions.AUTOCOMPLETE, data, user_id, roles)

    async def send_component(
        self,
        custom_id: str,
        message_id: int,
        *,
        user_id: int = ids.USER_ID,
        roles: Sequence[int] = (),
        values: Iterable[str] | None = None,
    ) -> JSON:
        """Have a user click a button (or pick select values) on a message: type 3.

        Args:
            custom_id: The component's custom id (must exist on the message, enabled).
            message_id: The message carrying it.
            user_id: Who clicks.
            roles: Their role ids.
            values: Selected values, for select menus.

        Returns:
            The interaction payload.
        """
        try:
            stored = self._state.store.get(message_id)
        except ApiError:
            raise LookupError(f"message {message_id} does not exist (or was deleted)") from None
        component = _find_component(stored.payload["components"], custom_id)
        if component is None or component.get("disabled"):
            raise LookupError(f"no enabled component {custom_id!r} on message {message_id}")
        data: JSON = {"custom_id": custom_id, "component_type": component["type"]}
        if values is not None:
            data["values"] = list(values)
        message_payload = copy.deepcopy(stored.payload)
        return await self._interact(
            interactions.MESSAGE_COMPONENT, data, user_id, roles, message=message_payload
        )


def _find_component(components: list[JSON], custom_id: str) -> JSON | None:
    for component in components:
        if component.get("custom_id") == custom_id:
            return component
        found = _find_component(component.get("components") or [], custom_id)
        if found is None and isinstance(component.get("accessory"), dict):
            found = _find_component([component["accessory"]], custom_id)
        if found is not None:
            return found
    return None
