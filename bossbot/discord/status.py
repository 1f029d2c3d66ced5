"""The status message of each job, edited in place until its final state has landed."""

from __future__ import annotations

import asyncio
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

import hikari
from loguru import logger

from bossbot.discord.buttons import cancel_row
from bossbot.jobs import FINAL, Clock, Job, JobEvent, SystemClock
from bossbot.jobs.clock import wake_or_sleep
from bossbot.jobs.retry import RetryPolicy

Render = Callable[[Job, JobEvent], str]
AppId = Callable[[], int]
Outcome = Enum("Outcome", "SENT RETRY GONE")


@dataclass(slots=True)
class _Slot:
    """The latest text wanted for one job's status message, and its editor task."""

    job: Job
    text: str = ""
    token: str | None = None  # the interaction token, kept after the store drops it
    token_expires_at: float = 0.0
    sent: str = ""
    next_at: float = -math.inf
    failures: int = 0
    task: asyncio.Task[None] | None = None
    wake: asyncio.Event = field(default_factory=asyncio.Event)


class StatusMessages:
    """A JobListener that keeps each job's status message current until it ends.

    Edits are coalesced: while one waits (interval, backoff, rate limit) newer texts
    replace it. A final text skips the interval, has no Cancel button, and is retried with
    ``backoff`` until it lands or the message is gone (which frees the job's slot).
    """

    def __init__(
        self, rest: hikari.api.RESTClient, app_id: AppId, interval: float, render: Render,
        *, backoff: RetryPolicy, clock: Clock | None = None,
    ) -> None:  # fmt: skip
        self.rest, self.app_id, self.interval, self.render = rest, app_id, interval, render
        self.backoff, self.clock, self.rng = backoff, clock or SystemClock(), random.Random()
        self.slots: dict[str, _Slot] = {}
        self.gone: set[str] = set()

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """Record the new text and make sure an editor task will send it."""
        if job.id in self.gone or (job.status_message_id is None and not job.interaction_token):
            if job.state in FINAL:
                self.gone.discard(job.id)
            return
        slot = self.slots.setdefault(job.id, _Slot(job))
        slot.job, slot.text = job, self.render(job, event)
        if job.interaction_token and slot.token is None:
            slot.token, slot.token_expires_at = job.interaction_token, job.token_expires_at or 0
        slot.wake.set()
        if slot.task is None or slot.task.done():
            slot.task = asyncio.create_task(self._editor(slot), name=f"status-{job.id}")

    async def _editor(self, slot: _Slot) -> None:
        """Send the latest text until it is sent, then let a final slot go."""
        while slot.text != slot.sent:
            final = slot.job.state in FINAL
            due = slot.next_at if final or slot.failures else slot.next_at + self.interval
            if (wait := due - self.clock.now()) > 0:
                slot.wake.clear()
                await wake_or_sleep(self.clock, slot.wake, wait)
                continue
            text, outcome = slot.text, await self._edit(slot, slot.text)
            slot.next_at = self.clock.now()
            if outcome is Outcome.GONE:
                if not final:  # later updates of the job are dropped until it ends
                    self.gone.add(slot.job.id)
                break
            if outcome is Outcome.RETRY:
                slot.failures += 1
                slot.next_at += self.backoff.backoff(slot.failures, self.rng)
            else:
                slot.sent, slot.failures = text, 0
        if slot.job.state in FINAL or slot.job.id in self.gone:
            self.slots.pop(slot.job.id, None)

    async def _edit(self, slot: _Slot, text: str) -> Outcome:
        """One edit: through the interaction while its token lives, else the channel."""
        job, log = slot.job, logger.bind(job=slot.job.id, guild=slot.job.guild_id)
        rows = [] if job.state in FINAL else [cancel_row(self.rest, job.id)]
        try:
            if slot.token and slot.token_expires_at > self.clock.now() + 5:
                try:
                    await self.rest.edit_interaction_response(
                        self.app_id(), slot.token, text, components=rows
                    )
                    return Outcome.SENT
                except (hikari.UnauthorizedError, hikari.NotFoundError):
                    log.info("interaction token expired; editing through the channel")
                    slot.token = None
            if not (job.status_message_id and job.channel_id):
                return Outcome.GONE
            message = job.status_message_id
            await self.rest.edit_message(job.channel_id, message, text, components=rows)
            return Outcome.SENT
        except hikari.NotFoundError:
            log.info("status message was deleted; the job carries on without it")
        except hikari.ClientHTTPResponseError as exc:  # 403 and other refusals: for good
            log.warning("cannot edit the status message in channel {}: {}", job.channel_id, exc)
        except (hikari.HTTPError, OSError) as exc:  # 5xx, rate limits too long, network
            log.warning("status edit failed, trying again: {}", exc)
            return Outcome.RETRY
        return Outcome.GONE
