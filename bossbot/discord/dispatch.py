"""Run an action and turn every failure into the one message the user should see."""

from __future__ import annotations

from loguru import logger

from bossbot.discord.invocation import Invocation, Responder
from bossbot.discord.registry import ACTIONS, Services
from bossbot.discord.roles import authorize
from bossbot.errors import BossError, Internal
from bossbot.messages import render_error


async def answer_error(reply: Responder, error: BossError, services: Services) -> None:
    """Send the user message of ``error``, only to the requester where Discord allows it."""
    text = render_error(error, prefix=services.spec.prefix)
    await reply.send(text, ephemeral=True)


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
            authorize(inv.name, inv.command, inv.roles)
        log.debug("running action {}", inv.command.action)
        await ACTIONS[inv.command.action](inv, services)
    except BossError as error:
        log.info("command refused: {} ({})", error.kind, error.detail)
        await answer_error(inv.reply, error, services)
    except Exception:
        log.exception("action {} crashed", inv.command.action)
        await answer_error(inv.reply, Internal(), services)
