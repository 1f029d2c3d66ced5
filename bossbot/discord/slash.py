"""Spec -> lightbulb slash command classes, with role checks as hooks."""

from __future__ import annotations

from typing import Any

import hikari
import lightbulb

from bossbot.discord.dispatch import run_action
from bossbot.discord.invocation import NO_PINGS, Invocation
from bossbot.discord.members import role_pairs
from bossbot.discord.registry import Services
from bossbot.discord.roles import authorize, bot_roles
from bossbot.spec import Command

_OPTIONS = {
    "string": lightbulb.string,
    "integer": lightbulb.integer,
    "boolean": lightbulb.boolean,
    "number": lightbulb.number,
}
INITIAL_RESPONSE = -1  # what lightbulb returns for the interaction's first response


class SlashResponder:
    """Answers an application command through its interaction."""

    def __init__(self, ctx: lightbulb.Context) -> None:
        """Answer through ``ctx``."""
        self.ctx = ctx

    async def send(self, text: str, *, ephemeral: bool = False) -> int | None:
        """Respond (first answer) or follow up; returns the message id when known."""
        answer = await self.ctx.respond(text, ephemeral=ephemeral, **NO_PINGS)
        return None if answer == INITIAL_RESPONSE else int(answer)

    async def edit(self, message_id: int | None, text: str) -> None:
        """Edit the first response (None) or a follow-up."""
        target = INITIAL_RESPONSE if message_id is None else message_id
        await self.ctx.edit_response(target, text, components=[])


def _roles(ctx: lightbulb.Context, services: Services) -> frozenset[str]:
    """The bot roles of the member behind ``ctx``."""
    ids = list(ctx.member.role_ids) if ctx.member else []
    cache = ctx.client.app.cache if isinstance(ctx.client.app, hikari.GatewayBot) else None
    pairs = role_pairs(cache, ctx.guild_id, ids) if cache else [(i, "") for i in ids]
    return bot_roles(services.spec, pairs)


def build_slash(name: str, command: Command, services: Services) -> type[lightbulb.SlashCommand]:
    """Build the slash command class for one spec command."""

    @lightbulb.hook(lightbulb.ExecutionSteps.CHECKS)
    def role_check(_: lightbulb.ExecutionPipeline, ctx: lightbulb.Context) -> None:
        authorize(services.spec, name, command, _roles(ctx, services))

    async def invoke(self: lightbulb.SlashCommand, ctx: lightbulb.Context) -> None:
        args = {o.name: getattr(self, o.name) for o in command.options}
        inv = Invocation(
            name=name,
            command=command,
            args={key: value for key, value in args.items() if value is not None},
            user_id=int(ctx.user.id),
            user_name=ctx.member.display_name if ctx.member else ctx.user.username,
            guild_id=int(ctx.guild_id) if ctx.guild_id else None,
            channel_id=int(ctx.channel_id),
            roles=_roles(ctx, services),
            source="slash",
            reply=SlashResponder(ctx),
            upload_limit=ctx.interaction.attachment_size_limit or None,
            interaction=ctx.interaction,
            permissions=getattr(ctx.member, "permissions", hikari.Permissions.NONE),
        )
        await run_action(inv, services, checked=True)

    attrs: dict[str, Any] = {"invoke": lightbulb.invoke(invoke)}
    for option in command.options:
        extra: dict[str, Any] = {} if option.required else {"default": None}
        provider = services.autocomplete.get(command.action)
        if option.autocomplete and provider:
            extra["autocomplete"] = provider
        if option.choices:
            extra["choices"] = [lightbulb.Choice(str(value), value) for value in option.choices]
        attrs[option.name] = _OPTIONS[option.type](option.name, option.description, **extra)
    return type(
        f"Slash_{name}",
        (lightbulb.SlashCommand,),
        attrs,
        name=name,
        description=command.summary,
        hooks=[role_check],
        contexts=[hikari.ApplicationContextType.GUILD],  # like prefix commands: servers only
        integration_types=[hikari.ApplicationIntegrationType.GUILD_INSTALL],
    )
