"""The Discord delivery: each batch a reply carrying its marker (the Delete button)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import hikari
from loguru import logger

from bossbot.discord.buttons import result_row
from bossbot.discord.notes import JobNotes
from bossbot.discord.posts import posts_of
from bossbot.errors import DiscordBusy, MissingPermission, UploadRefused
from bossbot.jobs import Job
from bossbot.messages.results import caption

Me = Callable[[], int | None]


def batch_nonce(job: Job, index: int) -> str:
    """The nonce of one batch: Discord drops a second message with it for a few minutes."""
    return f"{job.upload_nonce[:20]}-{index}"


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


def notes_of(job: Job, files: list[Path]) -> list[str]:
    """What fitting did to these files of the job (``job.notes`` follows ``job.files``)."""
    said = dict(zip(job.files, job.notes, strict=False))
    return [said.get(str(path), "") for path in files]


class DiscordDelivery:
    """Posts a job's batches as replies to the request (or to its status message).

    Each post carries the Delete button of its batch, which :meth:`find` looks for later.
    The nonce (with ``enforce_nonce``, which hikari sets whenever a nonce is given) also
    makes Discord drop a repeat within its nonce window, a few minutes. The caption comes
    from the job's ``info`` (title, author, duration) and ``notes`` (what fitting did);
    ``SPOILER_`` file names from ``spoiler``. The ids of the posts are noted in ``notes``.
    """

    def __init__(
        self, rest: hikari.api.RESTClient, me: Me = lambda: None, notes: JobNotes | None = None
    ) -> None:
        """Post through ``rest``; ``me`` returns the bot's user id once known."""
        self.rest, self.me, self.notes = rest, me, notes or JobNotes()

    async def find(self, job: Job, count: int) -> set[int]:
        """Batches of the job already in the channel.

        Raises:
            MissingPermission: The bot may not read the channel's history.
            DiscordBusy: A rate limit too long to wait for, or a Discord server error.
        """
        with _refusals(job, "read messages", "Read Message History"):
            posts = await posts_of(self.rest, job, self.me(), count)
        self.notes.write(job.id).posts.update(posts)
        return set(posts)

    async def post(self, job: Job, index: int, count: int, files: list[Path]) -> None:
        """Post one batch: a reply that mentions nobody.

        Raises:
            UploadRefused: Discord answered 413 / 40005 (its word is final).
            MissingPermission: The bot may not post files in the channel.
            DiscordBusy: A rate limit too long to wait for, or a Discord server error.
        """
        assert job.channel_id is not None, "a Discord job always has a channel"  # noqa: S101
        hidden = self.notes.spoiler(job)
        hide = "SPOILER_" if hidden else ""
        try:
            with _refusals(job, "upload", "Attach Files"):
                message = await self.rest.create_message(
                    job.channel_id,
                    caption(
                        job.url,
                        self.notes.info(job),
                        index + 1,
                        count,
                        hidden=hidden,
                        notes=notes_of(job, files),
                    ),
                    attachments=[hikari.File(path, filename=hide + path.name) for path in files],
                    components=[result_row(self.rest, job.id, index)],
                    reply=job.source_message_id or job.status_message_id or hikari.UNDEFINED,
                    reply_must_exist=False,
                    nonce=batch_nonce(job, index),
                    mentions_reply=False,
                    user_mentions=False,
                    role_mentions=False,
                    mentions_everyone=False,
                )
        except hikari.ClientHTTPResponseError as exc:
            if exc.status != 413 and exc.code != 40005:
                raise
            size, name = max((path.stat().st_size, path.name) for path in files)
            raise UploadRefused("Discord said 413", name=name, size=size) from None
        self.notes.write(job.id).posts[index] = int(message.id)
        logger.bind(job=job.id, guild=job.guild_id, user=job.requester_id).info(
            "posted batch {}/{} ({} files)", index + 1, count, len(files)
        )
