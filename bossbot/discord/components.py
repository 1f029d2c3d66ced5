"""Button clicks: Cancel on status messages, Delete on posted files."""

from __future__ import annotations

import hikari
from loguru import logger

from bossbot.discord.buttons import clicked
from bossbot.discord.cancelling import cancel_for, delete_for
from bossbot.discord.invocation import NO_PINGS
from bossbot.discord.members import role_pairs
from bossbot.discord.registry import Services
from bossbot.discord.roles import bot_roles
from bossbot.errors import BossError
from bossbot.messages import render_error


async def on_interaction(event: hikari.InteractionCreateEvent, services: Services) -> None:
    """Handle a click on one of our buttons; other interactions are not ours."""
    interaction = event.interaction
    if not isinstance(interaction, hikari.ComponentInteraction):
        return
    click = clicked(interaction.custom_id)
    if click is None:
        return
    what, job_id = click
    member = interaction.member
    ids = list(member.role_ids) if member else []
    roles = bot_roles(services.spec, role_pairs(event.app.cache, interaction.guild_id, ids))
    guild = int(interaction.guild_id) if interaction.guild_id else None
    user = int(interaction.user.id)
    act = cancel_for if what == "cancel" else delete_for
    try:
        text = await act(services, job_id, user, guild, roles)
    except BossError as error:
        text = render_error(error, prefix=services.spec.prefix)
    logger.bind(job=job_id, user=user).info("{} button: {}", what, text)
    await interaction.create_initial_response(
        hikari.ResponseType.MESSAGE_CREATE,
        text,
        flags=hikari.MessageFlag.EPHEMERAL,
        **NO_PINGS,
    )
