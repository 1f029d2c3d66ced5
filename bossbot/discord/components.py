"""Button clicks: the Cancel button of status messages."""

from __future__ import annotations

import hikari
from loguru import logger

from bossbot.discord.buttons import job_of
from bossbot.discord.cancelling import cancel_for
from bossbot.discord.invocation import NO_PINGS
from bossbot.discord.members import role_pairs
from bossbot.discord.registry import Services
from bossbot.discord.roles import bot_roles
from bossbot.errors import BossError
from bossbot.messages import render_error


async def on_interaction(event: hikari.InteractionCreateEvent, services: Services) -> None:
    """Handle a click on one of our Cancel buttons; other interactions are not ours."""
    interaction = event.interaction
    if not isinstance(interaction, hikari.ComponentInteraction):
        return
    job_id = job_of(interaction.custom_id)
    if job_id is None:
        return
    member = interaction.member
    ids = list(member.role_ids) if member else []
    roles = bot_roles(services.spec, role_pairs(event.app.cache, interaction.guild_id, ids))
    guild = int(interaction.guild_id) if interaction.guild_id else None
    try:
        text = await cancel_for(services, job_id, int(interaction.user.id), guild, roles)
    except BossError as error:
        text = render_error(error, prefix=services.spec.prefix)
    logger.bind(job=job_id, user=int(interaction.user.id)).info("cancel button: {}", text)
    await interaction.create_initial_response(
        hikari.ResponseType.MESSAGE_CREATE,
        text,
        flags=hikari.MessageFlag.EPHEMERAL,
        **NO_PINGS,
    )
