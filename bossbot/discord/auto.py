"""Auto-detection: links posted without a command, in channels where a server turned it on.

Each link a channel's site groups cover becomes a job of the ``auto`` command, queued by
the download action's own path (the same queue, roles, caps and fitting as ``$dl``) and
delivered as a reply. A message costs one settings lookup (in memory) where it is off;
where it is on, a few substring checks, and the link scan only when a link may be there
(:mod:`bossbot.discord.auto_rules`).
"""

from __future__ import annotations

import hikari
from loguru import logger

from bossbot.discord.actions.download import queue_one
from bossbot.discord.auto_rules import covered, download_command
from bossbot.discord.invocation import NO_PINGS, Invocation
from bossbot.discord.members import role_pairs, tier_limit
from bossbot.discord.registry import Services
from bossbot.discord.roles import bot_roles

AUTO = "auto"
"""The command name auto-detected jobs carry (their status is the quiet one)."""
WORKING = "⏳"


class AutoResponder:
    """Answers about an auto-detected link: a reaction, and replies only to explain."""

    def __init__(self, message: hikari.Message) -> None:
        """Answer ``message``."""
        self.message, self.reacted = message, False

    async def send(self, text: str, *, ephemeral: bool = False) -> int | None:
        """Reply (why a link was not taken); returns the reply's id."""
        sent = await self.message.respond(text, reply=True, mentions_reply=False, **NO_PINGS)
        return int(sent.id)

    async def edit(self, message_id: int | None, text: str) -> None:
        """No status message to edit: a new reply says it."""
        if message_id is None:
            await self.send(text)
        else:
            await self.message.app.rest.edit_message(self.message.channel_id, message_id, text)

    async def react(self, text: str) -> int | None:
        """Acknowledge with ⏳ on the member's message (once); no status message."""
        if not self.reacted:
            self.reacted = True
            try:
                await self.message.add_reaction(WORKING)
            except hikari.HTTPError as exc:  # no Add Reactions: the job goes on unseen
                logger.warning("could not react in channel {}: {}", self.message.channel_id, exc)
        return None


async def auto_detect(event: hikari.GuildMessageCreateEvent, services: Services) -> None:
    """Queue the covered links of a member's message, where auto-detection is on."""
    guilds, spec = services.guilds, services.spec
    if guilds is None or services.jobs is None:
        return
    try:
        view = await guilds.channel(int(event.guild_id), int(event.channel_id))
    except Exception as exc:  # the database is away: no auto-detection meanwhile
        logger.warning("auto-detection skipped, the settings cannot be read: {}", exc)
        return
    if not view.auto or not (links := covered(spec, event.message.content or "", view.sites)):
        return
    member, cache = event.member, event.app.cache
    pairs = role_pairs(cache, event.guild_id, list(member.role_ids) if member else [])
    roles = bot_roles(spec, pairs)
    log = logger.bind(guild=int(event.guild_id), user=int(event.author_id), via=AUTO)
    if (command := download_command(spec, roles)) is None:
        log.debug("auto-detection: the member may use no download command")
        return
    reply = AutoResponder(event.message)
    inv = Invocation(
        name=AUTO, command=command, args={}, user_id=int(event.author_id),
        user_name=member.display_name if member else event.author.username,
        guild_id=int(event.guild_id), channel_id=int(event.channel_id), roles=roles,
        source="prefix", reply=reply, upload_limit=tier_limit(spec, cache, event.guild_id),
        message_id=int(event.message.id),
    )  # fmt: skip
    acknowledge = reply.react if spec.auto.status == "reaction" else None
    try:
        queued = [await queue_one(inv, services, link, acknowledge) for link in links]
        if reply.reacted and not any(queued):  # each link was refused, and said why
            await event.message.remove_reaction(WORKING)
    except hikari.HTTPError as exc:  # no Add Reactions, or the message is gone
        log.warning("auto-detection could not answer in channel {}: {}", event.channel_id, exc)
