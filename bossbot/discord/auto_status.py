"""The quiet status of auto-detected links: ⏳ then ✅ on the member's message.

A failure still gets a short reply saying why (a member must learn it), and a job that
takes longer than ``[auto] slow_after`` gets a short status message, which the status
messages keep current from then on like any other.
"""

from __future__ import annotations

import asyncio

import hikari
from loguru import logger

from bossbot.discord.auto import AUTO, WORKING
from bossbot.discord.status import Render
from bossbot.jobs import FINAL, Clock, Job, JobEvent, JobStore
from bossbot.messages.discord import slow_text
from bossbot.spec import Spec

DONE = "✅"


class AutoStatus:
    """A JobListener for the jobs of the ``auto`` command, when ``[auto] status`` is a reaction."""

    def __init__(
        self, rest: hikari.api.RESTClient, store: JobStore, spec: Spec, render: Render,
        clock: Clock,
    ) -> None:  # fmt: skip
        self.rest, self.store, self.spec, self.render, self.clock = rest, store, spec, render, clock
        self.timers: dict[str, asyncio.Task[None]] = {}
        self.working: dict[int, set[str]] = {}  # member's message -> its unfinished jobs

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """Start the slow timer of a queued job; react and explain when it ends."""
        message, channel = job.source_message_id, job.channel_id
        if job.command != AUTO or self.spec.auto.status != "reaction" or not message:
            return
        if event.name == "queued" and job.id not in self.timers and not job.status_message_id:
            self.working.setdefault(message, set()).add(job.id)
            task = asyncio.create_task(self._when_slow(job), name=f"slow-{job.id}")
            self.timers[job.id] = task
        if job.state not in FINAL or channel is None:
            return
        if (timer := self.timers.pop(job.id, None)) is not None:
            timer.cancel()
        log = logger.bind(job=job.id, guild=job.guild_id)
        try:
            if not (left := self.working.get(message, set()) - {job.id}):
                self.working.pop(message, None)
                await self.rest.delete_my_reaction(channel, message, WORKING)
            else:
                self.working[message] = left
            if event.name == "delivered":
                await self.rest.add_reaction(channel, message, DONE)
            elif event.name == "fail" and not job.status_message_id:
                await self.rest.create_message(
                    channel, self.render(job, event), reply=message, mentions_reply=False,
                    user_mentions=False, role_mentions=False, mentions_everyone=False,
                )  # fmt: skip
        except (hikari.HTTPError, OSError) as exc:  # message gone, or no Add Reactions
            log.info("could not tell the end of auto job in channel {}: {}", channel, exc)

    async def _when_slow(self, job: Job) -> None:
        """After ``slow_after``, give a job still running a short status message."""
        await self.clock.sleep(self.spec.auto.slow_after)
        self.timers.pop(job.id, None)
        current = await self.store.get(job.id)
        if current is None or current.state in FINAL or not job.channel_id:
            return
        try:
            sent = await self.rest.create_message(
                job.channel_id, slow_text(job.url, job.id, hidden=job.spoiler),
                reply=job.source_message_id or hikari.UNDEFINED, mentions_reply=False,
                user_mentions=False, role_mentions=False, mentions_everyone=False,
            )  # fmt: skip
        except (hikari.HTTPError, OSError) as exc:
            logger.bind(job=job.id).info("could not post the slow job's status: {}", exc)
            return
        await self.store.update(job.id, status_message_id=int(sent.id))

    async def close(self) -> None:
        """Stop the slow timers (on shutdown)."""
        for task in list(self.timers.values()):
            task.cancel()
        await asyncio.gather(*self.timers.values(), return_exceptions=True)
        self.timers.clear()
