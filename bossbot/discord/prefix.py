"""Prefix commands (``$dlt <url>``): lightbulb 3 has none, so a message listener of ours."""

from __future__ import annotations

import re

import hikari

from bossbot.discord.arguments import UsageError, parse_args
from bossbot.discord.auto import auto_detect
from bossbot.discord.dispatch import run_action
from bossbot.discord.hints import answer_unknown
from bossbot.discord.invocation import NO_PINGS, Invocation
from bossbot.discord.members import role_pairs, tier_limit
from bossbot.discord.permissions import member_permissions
from bossbot.discord.registry import Services
from bossbot.discord.roles import bot_roles
from bossbot.messages.help import usage_error

WORD = re.compile(r"^[a-z][a-z0-9_-]*$")


class PrefixResponder:
    """Answers a prefix command with replies to its message."""

    def __init__(self, message: hikari.Message) -> None:
        """Reply to ``message``."""
        self.message = message

    async def send(self, text: str, *, ephemeral: bool = False) -> int | None:
        """Reply (a channel message cannot be ephemeral); returns the reply's id."""
        sent = await self.message.respond(text, reply=True, mentions_reply=False, **NO_PINGS)
        return int(sent.id)

    async def edit(self, message_id: int | None, text: str) -> None:
        """Edit an earlier reply of ours."""
        if message_id is not None:
            await self.message.app.rest.edit_message(self.message.channel_id, message_id, text)


async def on_message(event: hikari.GuildMessageCreateEvent, services: Services) -> None:
    """Run the prefix command in ``event``, if it holds one; ignore bots and webhooks."""
    spec, content = services.spec, event.message.content or ""
    if not event.is_human:
        return
    if not content.startswith(spec.prefix):
        await auto_detect(event, services)
        return
    tokens = content[len(spec.prefix) :].split()
    word = tokens[0].casefold() if tokens else ""
    if not WORD.match(word):
        return
    reply = PrefixResponder(event.message)
    found = spec.find(word)
    if found is None:
        user, channel = int(event.author_id), int(event.channel_id)
        await answer_unknown(spec, services.cooldown, word, user, channel, reply)
        return
    name, command = found
    try:
        args = parse_args(command, tokens[1:])
    except UsageError as problem:
        await reply.send(usage_error(spec, name, str(problem)))
        return
    member, cache = event.member, event.app.cache
    role_ids = list(member.role_ids) if member else []
    pairs = role_pairs(cache, event.guild_id, role_ids)
    inv = Invocation(
        name=name,
        command=command,
        args=args,
        user_id=int(event.author_id),
        user_name=member.display_name if member else event.author.username,
        guild_id=int(event.guild_id),
        channel_id=int(event.channel_id),
        roles=bot_roles(spec, pairs),
        source="prefix",
        reply=reply,
        upload_limit=tier_limit(spec, event.app.cache, event.guild_id),
        message_id=int(event.message.id),
        permissions=member_permissions(cache, event.guild_id, int(event.author_id), role_ids),
    )
    await run_action(inv, services)
