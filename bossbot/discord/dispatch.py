"""Run an action and turn every failure into the one message the user should see."""

from __future__ import annotations

import hikari
from loguru import logger

from bossbot.discord.invocation import Invocation, Responder
from bossbot.discord.registry import ACTIONS, Services
from bossbot.discord.roles import authorize
from bossbot.errors import BossError, Internal, MissingPermission
from bossbot.messages import render_error

PERMISSIONS = "Send Messages"


async def answer_error(reply: Responder, error: BossError, services: Services) -> None:
    """Send the user message of ``error``, only to the requester where Discord allows it."""
    text = render_error(error, prefix=services.spec.prefix)
    await reply.send(text, ephemeral=True)


async def tell_privately(services: Services, user_id: int, error: BossError) -> None:
    """Send the error's message as a direct message, when the user accepts DMs."""
    rest = services.rest
    if rest is None:
        return
    text = render_error(error, prefix=services.spec.prefix)
    try:
        channel = await rest.create_dm_channel(user_id)
        await rest.create_message(channel, text, user_mentions=False, role_mentions=False)
    except hikari.HTTPError as exc:
        logger.bind(user=user_id).info("could not tell the user in private either: {}", exc)


async def run_action(inv: Invocation, services: Services, *, checked: bool = False) -> None:
    """Check roles (unless a slash hook already did), run the action, report failures.

    Args:
        inv: The invocation.
        services: What actions may use.
        checked: True when the role check already ran (slash commands check in a hook).
    """
    log = logger.bind(command=inv.name, user=inv.user_id, guild=inv.guild_id, via=inv.source)
    try:
        if not checked:
            authorize(services.spec, inv.name, inv.command, inv.roles)
        log.debug("running action {}", inv.command.action)
        await ACTIONS[inv.command.action](inv, services)
    except BossError as error:
        log.info("command refused: {} ({})", error.kind, error.detail)
        await answer_error(inv.reply, error, services)
    except hikari.ForbiddenError as exc:
        log.warning(
            "missing permission in channel {}: {}; the bot needs View Channel, Send Messages, "
            "Attach Files and Read Message History there",
            inv.channel_id,
            exc,
        )
        await tell_privately(services, inv.user_id, MissingPermission(permission=PERMISSIONS))
    except Exception:
        log.exception("action {} crashed", inv.command.action)
        await answer_error(inv.reply, Internal(), services)
