"""Button clicks: Cancel on status messages, Delete and Retry on posted files."""

from __future__ import annotations

from contextlib import suppress

import hikari
from loguru import logger

from bossbot.discord.buttons import clicked
from bossbot.discord.cancelling import cancel_for, delete_for
from bossbot.discord.invocation import NO_PINGS
from bossbot.discord.members import role_pairs
from bossbot.discord.posts import strip_buttons
from bossbot.discord.registry import Services
from bossbot.discord.results import declared_for, expired
from bossbot.discord.retry import retry
from bossbot.discord.roles import bot_roles
from bossbot.errors import BossError
from bossbot.messages import render_error
from bossbot.messages.discord import expired_text


async def _expired(
    interaction: hikari.ComponentInteraction, job_id: str, services: Services
) -> bool:
    """True (and the clicked post loses its buttons) when the job's buttons had their time."""
    store = services.jobs.store if services.jobs else None
    job = await store.get(job_id) if store else None
    if job is None or store is None:
        return False
    declared = await declared_for(services.spec.results, services.guilds, job)
    if not expired(job, declared, store.clock.now()):
        return False
    with suppress(hikari.HTTPError):  # the answer matters more than the clean-up
        await strip_buttons(interaction.app.rest, job, [interaction.message.id])
    return True


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
    log = logger.bind(job=job_id, user=user)
    try:
        if what != "cancel" and await _expired(interaction, job_id, services):
            text = expired_text()
        elif what == "retry":
            log.info("retry button")
            await retry(interaction, services, job_id, roles)
            return
        else:
            act = cancel_for if what == "cancel" else delete_for
            text = await act(services, job_id, user, guild, roles)
    except BossError as error:
        text = render_error(error, prefix=services.spec.prefix)
    log.info("{} button: {}", what, text)
    await interaction.create_initial_response(
        hikari.ResponseType.MESSAGE_CREATE,
        text,
        flags=hikari.MessageFlag.EPHEMERAL,
        **NO_PINGS,
    )
