"""A job's posts in the channel: found by their markers, and their buttons taken off.

Each post carries the Delete button ``bossbot:delete:<job>:<batch>`` (see
:mod:`bossbot.discord.buttons`): it marks the batch for exactly-once delivery, so buttons
are only ever taken off the posts of a job recorded done (nothing will look for them).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress

import hikari

from bossbot.discord.buttons import batches_in
from bossbot.jobs import Job

SCAN = 1000
"""Messages after the request looked through for a job's posts (10 requests at most)."""


async def posts_of(
    rest: hikari.api.RESTClient, job: Job, me: int | None, count: int | None = None
) -> dict[int, int]:
    """Batch number -> message id of the job's posts found in the channel.

    Looks at the first ``SCAN`` messages after the request (or the status message), by the
    bot (``me``) when known; stops once ``count`` batches are found.
    """
    start = min((i for i in (job.source_message_id, job.status_message_id) if i), default=None)
    found: dict[int, int] = {}
    if start is None or job.channel_id is None:
        return found
    async for message in rest.fetch_messages(job.channel_id, after=start).limit(SCAN):
        if me is None or message.author.id == me:
            found.update(dict.fromkeys(batches_in(message, job.id), int(message.id)))
        if count is not None and len(found) >= count:
            break
    return found


async def strip_buttons(rest: hikari.api.RESTClient, job: Job, posts: Iterable[int]) -> None:
    """Take the Delete and Retry buttons off the posts of a job recorded done.

    Posts deleted meanwhile are skipped; other refusals are the caller's to log.
    """
    assert job.state == "done", "only a done job's markers may go"  # noqa: S101
    for message_id in posts:
        with suppress(hikari.NotFoundError):
            await rest.edit_message(job.channel_id or 0, message_id, components=[])
