"""The Discord delivery: files attached to replies, split by 10, idempotent by nonce."""

from __future__ import annotations

from pathlib import Path

import hikari
from loguru import logger

from bossbot.errors import DiscordBusy, MissingPermission, UploadRefused
from bossbot.jobs import Job
from bossbot.messages.discord import upload_caption


def batch_nonce(job: Job, index: int) -> str:
    """The nonce of one batch: Discord drops a second message with the same nonce."""
    return f"{job.upload_nonce[:20]}-{index}"


class DiscordDelivery:
    """Uploads a job's batches as replies to the request (or to its status message).

    Discord refuses nonces longer than 25 characters; with ``enforce_nonce`` (which hikari
    sets whenever a nonce is given) a repeated upload after a crash returns the message
    already created instead of a duplicate.
    """

    def __init__(self, rest: hikari.api.RESTClient) -> None:
        """Upload through ``rest``."""
        self.rest = rest

    async def deliver(self, job: Job, batches: list[list[Path]]) -> None:
        """Post every batch in order.

        Raises:
            UploadRefused: Discord answered 413 / 40005 (its word is final).
            MissingPermission: The bot may not post files in the channel.
            DiscordBusy: A rate limit too long to wait for, or a Discord server error.
        """
        assert job.channel_id is not None, "a Discord job always has a channel"  # noqa: S101
        for index, batch in enumerate(batches):
            await self._post(job, index, len(batches), batch)

    async def _post(self, job: Job, index: int, count: int, batch: list[Path]) -> None:
        """Post one batch, mapping Discord's refusals to domain errors."""
        log = logger.bind(job=job.id, guild=job.guild_id, user=job.requester_id)
        try:
            await self.rest.create_message(
                job.channel_id,  # type: ignore[arg-type]
                upload_caption(job.url, job.requester_id, index + 1, count),
                attachments=[hikari.File(path, filename=path.name) for path in batch],
                reply=job.source_message_id or job.status_message_id or hikari.UNDEFINED,
                reply_must_exist=False,
                nonce=batch_nonce(job, index),
                mentions_reply=False,
                user_mentions=[job.requester_id] if job.requester_id else False,
                role_mentions=False,
                mentions_everyone=False,
            )
        except hikari.RateLimitTooLongError as exc:
            raise DiscordBusy(f"rate limit of {exc.retry_after:.0f} s on upload") from None
        except hikari.InternalServerError as exc:
            raise DiscordBusy(f"Discord server error {exc.status} on upload") from None
        except hikari.ForbiddenError as exc:
            log.error("cannot upload in channel {}: {} (grant Attach Files)", job.channel_id, exc)
            raise MissingPermission(str(exc), permission="Attach Files") from None
        except hikari.ClientHTTPResponseError as exc:
            if exc.status != 413 and exc.code != 40005:
                raise
            largest = max(batch, key=lambda path: path.stat().st_size)
            size = largest.stat().st_size
            raise UploadRefused("Discord said 413", name=largest.name, size=size) from None
        log.info("uploaded batch {}/{} ({} files)", index + 1, count, len(batch))
