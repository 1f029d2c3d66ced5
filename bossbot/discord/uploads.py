"""The Discord delivery: each batch a reply carrying its marker (the Delete button)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import hikari
from loguru import logger

from bossbot.discord.buttons import batches_in, delete_row
from bossbot.errors import DiscordBusy, MissingPermission, UploadRefused
from bossbot.jobs import Job
from bossbot.messages.discord import upload_caption

SCAN = 1000
"""Messages after the request looked through for a job's posts (10 requests at most)."""
Me = Callable[[], int | None]


def batch_nonce(job: Job, index: int) -> str:
    """The nonce of one batch: Discord drops a second message with it for a few minutes."""
    return f"{job.upload_nonce[:20]}-{index}"


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


@contextmanager
def _refusals(job: Job, what: str, permission: str) -> Iterator[None]:
    """Map Discord's refusals of one request to domain errors."""
    try:
        yield
    except hikari.RateLimitTooLongError as exc:
        raise DiscordBusy(f"rate limit of {exc.retry_after:.0f} s on {what}") from None
    except hikari.InternalServerError as exc:
        raise DiscordBusy(f"Discord server error {exc.status} on {what}") from None
    except hikari.ForbiddenError as exc:
        logger.bind(job=job.id, guild=job.guild_id).error(
            "cannot {} in channel {}: {} (grant {})", what, job.channel_id, exc, permission
        )
        raise MissingPermission(str(exc), permission=permission) from None


class DiscordDelivery:
    """Posts a job's batches as replies to the request (or to its status message).

    Each post carries the Delete button of its batch, which :meth:`find` looks for later.
    The nonce (with ``enforce_nonce``, which hikari sets whenever a nonce is given) also
    makes Discord drop a repeat within its nonce window, a few minutes.
    """

    def __init__(self, rest: hikari.api.RESTClient, me: Me = lambda: None) -> None:
        """Post through ``rest``; ``me`` returns the bot's user id once known."""
        self.rest, self.me = rest, me

    async def find(self, job: Job, count: int) -> set[int]:
        """Batches of the job already in the channel.

        Raises:
            MissingPermission: The bot may not read the channel's history.
            DiscordBusy: A rate limit too long to wait for, or a Discord server error.
        """
        with _refusals(job, "read messages", "Read Message History"):
            return set(await posts_of(self.rest, job, self.me(), count))

    async def post(self, job: Job, index: int, count: int, files: list[Path]) -> None:
        """Post one batch.

        Raises:
            UploadRefused: Discord answered 413 / 40005 (its word is final).
            MissingPermission: The bot may not post files in the channel.
            DiscordBusy: A rate limit too long to wait for, or a Discord server error.
        """
        assert job.channel_id is not None, "a Discord job always has a channel"  # noqa: S101
        try:
            with _refusals(job, "upload", "Attach Files"):
                await self.rest.create_message(
                    job.channel_id,
                    upload_caption(job.url, job.requester_id, index + 1, count),
                    attachments=[hikari.File(path, filename=path.name) for path in files],
                    components=[delete_row(self.rest, job.id, index)],
                    reply=job.source_message_id or job.status_message_id or hikari.UNDEFINED,
                    reply_must_exist=False,
                    nonce=batch_nonce(job, index),
                    mentions_reply=False,
                    user_mentions=[job.requester_id] if job.requester_id else False,
                    role_mentions=False,
                    mentions_everyone=False,
                )
        except hikari.ClientHTTPResponseError as exc:
            if exc.status != 413 and exc.code != 40005:
                raise
            size, name = max((path.stat().st_size, path.name) for path in files)
            raise UploadRefused("Discord said 413", name=name, size=size) from None
        logger.bind(job=job.id, guild=job.guild_id, user=job.requester_id).info(
            "posted batch {}/{} ({} files)", index + 1, count, len(files)
        )
