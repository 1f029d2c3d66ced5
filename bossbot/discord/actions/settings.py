"""The ``settings`` action: a server's own settings, shown or changed (Manage Server)."""

from __future__ import annotations

import hikari
from loguru import logger

from bossbot.discord.invocation import Invocation
from bossbot.discord.permissions import bot_may
from bossbot.discord.registry import Services, action
from bossbot.guilds import BadSetting, parse_change
from bossbot.messages.changes import bad_setting_text, changed_text
from bossbot.messages.settings import (
    no_settings_here,
    settings_refused,
    settings_text,
)

MANAGE_GUILD = hikari.Permissions.MANAGE_GUILD
MANAGE_MESSAGES = hikari.Permissions.MANAGE_MESSAGES


def may_hide(inv: Invocation, services: Services) -> bool:
    """True when the bot has Manage Messages in the channel (it can hide previews)."""
    granted = getattr(inv.interaction, "app_permissions", None)
    if granted is not None:
        return bool(granted & MANAGE_MESSAGES)
    me, cache, guild = services.me(), services.cache, inv.guild_id
    if me is None or cache is None or guild is None:
        return False
    return bot_may(cache, guild, inv.channel_id, me, MANAGE_MESSAGES)


@action("settings")
async def settings(inv: Invocation, services: Services) -> None:
    """Show the settings of this channel and server, or change one.

    Only for members with Manage Server; others get a private refusal. A change is
    checked against what ``commands.toml`` lets servers change, stored, and logged.
    """
    guilds, spec, guild = services.guilds, services.spec, inv.guild_id
    if guild is None or guilds is None:
        await inv.reply.send(no_settings_here(), ephemeral=True)
        return
    if not inv.permissions & MANAGE_GUILD:
        logger.bind(guild=guild, user=inv.user_id).info("settings refused: no Manage Server")
        await inv.reply.send(settings_refused(), ephemeral=True)
        return
    name = str(inv.args.get("setting") or "show").casefold()
    hide = may_hide(inv, services)
    if name == "show":
        view = await guilds.channel(guild, inv.channel_id)
        await inv.reply.send(settings_text(spec, view, may_hide=hide), ephemeral=True)
        return
    try:
        change = parse_change(spec, name, str(inv.args.get("value") or "").split(), inv.channel_id)
    except BadSetting as error:
        await inv.reply.send(bad_setting_text(spec, error), ephemeral=True)
        return
    await guilds.change(guild, change, by=inv.user_id, who=inv.user_name)
    view = await guilds.channel(guild, inv.channel_id)
    await inv.reply.send(changed_text(spec, change, view, may_hide=hide), ephemeral=True)
