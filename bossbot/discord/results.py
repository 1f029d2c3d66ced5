"""What follows a post: the member's link preview hidden, the buttons taken off in time."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

import hikari
from loguru import logger

from bossbot.discord.notes import JobNotes
from bossbot.discord.permissions import bot_may
from bossbot.discord.posts import posts_of, strip_buttons
from bossbot.guilds import GuildSettings
from bossbot.jobs import Clock, Job, JobEvent, SystemClock
from bossbot.messages.settings import cannot_hide_text
from bossbot.spec import Results as Declared

if TYPE_CHECKING:
    from loguru import Logger

MANAGE = hikari.Permissions.MANAGE_MESSAGES


async def declared_for(declared: Declared, guilds: GuildSettings | None, job: Job) -> Declared:
    """``[results]`` as the job's server changed it (``embeds``, ``buttons``)."""
    if guilds is None or not (job.guild_id and job.channel_id):
        return declared
    view = await guilds.channel(job.guild_id, job.channel_id)
    return declared.model_copy(
        update={"suppress_embeds": view.embeds, "buttons_for": view.buttons_for}
    )


def expired(job: Job, declared: Declared, now: float) -> bool:
    """True when a done job's buttons have had their declared time (other jobs keep them)."""
    ended = job.finished_at
    return job.state == "done" and ended is not None and now >= ended + declared.buttons_for


class Results:
    """A JobListener for a job's result on Discord.

    On ``delivered``: hides the embeds of the member's message (``suppress_embeds``; only
    where the cache says the bot has Manage Messages, else skipped quietly), and once
    ``buttons_for`` has passed takes Delete and Retry off the posts (the job is done: no
    delivery looks for its markers again). On ``fail`` and ``cancel`` its notes go; its
    posts, if any, keep their buttons.
    """

    def __init__(
        self, rest: hikari.api.RESTClient, cache: hikari.api.Cache | None,
        me: Callable[[], int | None],
        declared: Declared, notes: JobNotes, clock: Clock | None = None,
        guilds: GuildSettings | None = None,
    ) -> None:  # fmt: skip
        self.rest, self.cache, self.me, self.declared = rest, cache, me, declared
        self.notes, self.clock, self.guilds = notes, clock or SystemClock(), guilds
        self.tasks: set[asyncio.Task[None]] = set()
        self.told: set[int] = set()  # channels told once that the bot cannot hide previews

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """Start the after-post work of a delivered job; forget the notes of failed ones."""
        if event.name in ("fail", "cancel"):
            self.notes.forget(job.id)
        if event.name == "delivered":
            task = asyncio.create_task(self._after_post(job), name=f"result-{job.id}")
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def _after_post(self, job: Job) -> None:
        """Hide the request's preview now; take the buttons off when their time is up."""
        log = logger.bind(job=job.id, guild=job.guild_id)
        declared = await declared_for(self.declared, self.guilds, job)
        if declared.suppress_embeds:
            await self._hide_preview(job, log)
        await self.clock.sleep(declared.buttons_for)
        try:
            posts = self.notes.read(job.id).posts or await posts_of(self.rest, job, self.me())
            await strip_buttons(self.rest, job, posts.values())
        except (hikari.HTTPError, OSError) as exc:  # a click on them still says they expired
            log.warning("could not take the buttons off the posts: {}", exc)
        self.notes.forget(job.id)

    async def _hide_preview(self, job: Job, log: Logger) -> None:
        """Suppress the embeds of the member's message, where the bot may (never an error)."""
        me, source, channel = self.me(), job.source_message_id, job.channel_id
        if not (me and source and channel and job.guild_id):
            return  # a slash command or a retry: there is no member's message
        if self.cache is not None and not bot_may(self.cache, job.guild_id, channel, me, MANAGE):
            log.debug("no Manage Messages in channel {}: the request keeps its preview", channel)
            await self._tell_once(job.guild_id, channel, source, log)
            return
        try:
            await self.rest.edit_message(channel, source, flags=hikari.MessageFlag.SUPPRESS_EMBEDS)
        except (hikari.HTTPError, OSError) as exc:  # deleted meanwhile, or refused after all
            log.info("could not hide the preview of the request: {}", exc)

    async def _tell_once(self, guild: int, channel: int, source: int, log: Logger) -> None:
        """Say once per channel (while the bot runs) why previews stay, if the server asked."""
        if self.guilds is None or channel in self.told:
            return
        if "embeds" not in (await self.guilds.channel(guild, channel)).changed:
            return  # the file's default: skipped quietly
        self.told.add(channel)
        log.warning("the server asked for hidden previews; no Manage Messages in {}", channel)
        try:
            await self.rest.create_message(
                channel, cannot_hide_text(), reply=source, mentions_reply=False,
                user_mentions=False, role_mentions=False, mentions_everyone=False,
            )  # fmt: skip
        except (hikari.HTTPError, OSError) as exc:
            log.info("could not say why the preview stays: {}", exc)

    async def close(self) -> None:
        """Stop waiting (on shutdown): buttons still on then stay until clicked."""
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
