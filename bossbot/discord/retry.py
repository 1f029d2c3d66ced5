"""The Retry button on a post: the same link queued again, as a new job of whoever clicked."""

from __future__ import annotations

from typing import Any

import hikari

from bossbot.discord.cancelling import job_for
from bossbot.discord.dispatch import run_action
from bossbot.discord.invocation import NO_PINGS, Invocation
from bossbot.discord.registry import Services
from bossbot.errors import NotAllowed
from bossbot.jobs import Job
from bossbot.spec import Command, Spec


class ClickResponder:
    """Answers a button click: the first answer is the interaction's, later ones follow up."""

    def __init__(self, interaction: hikari.ComponentInteraction) -> None:
        """Answer ``interaction``."""
        self.interaction, self.answered = interaction, False

    async def send(self, text: str, *, ephemeral: bool = False) -> int | None:
        """Respond (None: the first answer's id comes from the interaction) or follow up."""
        flags = hikari.MessageFlag.EPHEMERAL if ephemeral else hikari.MessageFlag.NONE
        if not self.answered:
            self.answered = True
            await self.interaction.create_initial_response(
                hikari.ResponseType.MESSAGE_CREATE, text, flags=flags, **NO_PINGS
            )
            return None
        return int((await self.interaction.execute(text, flags=flags, **NO_PINGS)).id)

    async def edit(self, message_id: int | None, text: str) -> None:
        """Edit the first answer (None) or a follow-up."""
        if message_id is None:
            await self.interaction.edit_initial_response(text, components=[])
        else:
            await self.interaction.edit_message(message_id, text, components=[])


def retry_command(spec: Spec, used: str) -> tuple[str, Command]:
    """The command whose checks a retry passes: the one first used, else any that downloads.

    Raises:
        NotAllowed: No command downloads any more (the spec changed since).
    """
    found = spec.find(used)
    if found is None or found[1].action != "download":  # renamed or changed since
        found = next(((n, c) for n, c in spec.commands.items() if c.action == "download"), None)
    if found is None:
        raise NotAllowed(f"no download command to retry {used}", command=used, roles=[])
    return found


def asked_again(job: Job) -> dict[str, Any]:
    """The options of a job's command that ask for what the job asked for, afresh."""
    wanted = {"url": job.url, "spoiler": job.spoiler, "audio": job.audio, "fresh": True}
    return wanted | ({"quality": job.quality} if job.quality else {})


async def retry(
    interaction: hikari.ComponentInteraction, services: Services, job_id: str,
    roles: frozenset[str],
) -> None:  # fmt: skip
    """Queue the job's link again for the clicker, with the checks of the job's command.

    The requester may, and whoever holds a role that may act on others' jobs; the new job
    is the clicker's, under their roles and limits, asking what the first one asked
    (spoiler, audio only, quality), and downloaded afresh.

    Raises:
        BossError: As :func:`~bossbot.discord.cancelling.job_for` (not theirs, unknown)
            and :func:`retry_command`.
    """
    user, guild = int(interaction.user.id), interaction.guild_id
    job = await job_for(services, job_id, user, int(guild) if guild else None, roles, "retry it")
    name, command = retry_command(services.spec, job.command)
    member = interaction.member
    inv = Invocation(
        name=name, command=command, user_id=user, roles=roles, source="button",
        args=asked_again(job),
        user_name=member.display_name if member else interaction.user.username,
        guild_id=int(guild) if guild else None, channel_id=int(interaction.channel_id),
        reply=ClickResponder(interaction), interaction=interaction,
        upload_limit=interaction.attachment_size_limit or None,
    )  # fmt: skip
    await run_action(inv, services)
