"""A link posted here lately is answered from its earlier post, before any download.

Same channel and the post still there: a reply linking to it. The post deleted, or in
another channel: its files are posted again from the cache (members may not see another
channel, and the bot does not know a member's permissions there: posting again is the
answer that never fails them). Neither possible: the link is downloaded as usual.
"""

from __future__ import annotations

import hikari
from loguru import logger

from bossbot.discord.invocation import Invocation
from bossbot.discord.registry import Services
from bossbot.jobs import JobRequest
from bossbot.jobs.repeats import CacheEntry, RepeatCache, variant
from bossbot.media.info import MediaInfo
from bossbot.messages.repeats import (
    already_posted_text,
    reposted_note,
    reposted_text,
    reposting_text,
)
from bossbot.messages.results import caption


async def still_there(rest: hikari.api.RESTClient, entry: CacheEntry) -> bool | None:
    """Whether the earlier post exists (None: the bot may not look: Read Message History)."""
    try:
        await rest.fetch_message(entry.channel_id, entry.message_id)
    except hikari.NotFoundError:
        return False
    except (hikari.HTTPError, OSError) as exc:
        logger.info("cannot check the earlier post {}: {}", entry.message_id, exc)
        return None
    return True


async def answer_repeat(inv: Invocation, services: Services, request: JobRequest) -> bool:
    """Answer ``request`` from the cache when its link was posted here lately.

    Returns False when the link must be downloaded (not cached, ``--fresh``, or neither
    the post nor its files can serve).
    """
    cache, rest = services.repeats, services.rest
    if cache is None or rest is None or request.fresh or inv.guild_id is None:
        return False
    asked = variant(audio=request.audio, quality=request.quality, spoiler=request.spoiler)
    if (entry := await cache.find(inv.guild_id, request.url, asked)) is None:
        return False
    there = await still_there(rest, entry)
    if there and entry.channel_id == inv.channel_id:
        text = already_posted_text(
            entry.posted_at, inv.guild_id, entry.channel_id, entry.message_id
        )
        await inv.reply.send(text)
        return _counted(services, "pointed")
    if await repost(inv, rest, cache, entry, "gone" if there is False else "elsewhere"):
        return _counted(services, "reposted")
    if there is False:
        await cache.forget(entry)
    return False


async def repost(
    inv: Invocation, rest: hikari.api.RESTClient, cache: RepeatCache, entry: CacheEntry,
    reason: str,
) -> bool:  # fmt: skip
    """Post the entry's files again here, as a reply to the member; False when it cannot."""
    files = cache.files_of(entry)
    if files is None or inv.guild_id is None:
        return False
    slash = inv.source != "prefix"
    if slash:  # an interaction is answered within 3 s; the upload may take longer
        await inv.reply.send(reposting_text(entry.posted_at))
    hidden = entry.variant.endswith("+spoiler")
    text = caption(entry.url, MediaInfo.from_mapping(entry.info), hidden=hidden)
    try:
        message = await rest.create_message(
            inv.channel_id, text + reposted_note(entry.posted_at, reason),
            attachments=[hikari.File(p, filename=("SPOILER_" if hidden else "") + p.name)
                         for p in files],
            reply=inv.message_id or hikari.UNDEFINED, reply_must_exist=False,
            mentions_reply=False, user_mentions=False, role_mentions=False,
            mentions_everyone=False,
        )  # fmt: skip
    except (hikari.HTTPError, OSError) as exc:
        logger.bind(guild=inv.guild_id).warning("could not post the cached files: {}", exc)
        return False
    await cache.moved(entry, inv.channel_id, int(message.id))
    if slash:
        await inv.reply.edit(None, reposted_text(inv.guild_id, inv.channel_id, int(message.id)))
    return True


def _counted(services: Services, how: str) -> bool:
    """Count a hit (``pointed`` or ``reposted``) when metrics are kept; True."""
    if services.metrics is not None:
        services.metrics.cache_hits[how] += 1
    return True
