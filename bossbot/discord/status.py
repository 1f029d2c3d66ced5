"""The status message of each job, edited in place until its final state has landed."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable

import hikari

from bossbot.discord.status_edit import AppId, Outcome, Slot, edit_once
from bossbot.jobs import FINAL, Clock, Job, JobEvent, SystemClock
from bossbot.jobs.clock import wake_or_sleep
from bossbot.jobs.retry import RetryPolicy

Render = Callable[[Job, JobEvent], str]
Shown = Callable[[str], Awaitable[object]]


class StatusMessages:
    """A JobListener that keeps each job's status message current until it ends.

    Edits are coalesced: while one waits (interval, backoff, rate limit) newer texts
    replace it. A final text skips the interval, has no Cancel button, and is retried with
    ``backoff`` until it lands or the message is gone (which frees the job's slot); then
    ``shown(job id)`` records it for an ``untold`` job, so no other process shows it again.
    """

    def __init__(
        self, rest: hikari.api.RESTClient, app_id: AppId, interval: float, render: Render,
        *, backoff: RetryPolicy, clock: Clock | None = None, shown: Shown | None = None,
    ) -> None:  # fmt: skip
        self.rest, self.app_id, self.interval, self.render = rest, app_id, interval, render
        self.shown = shown
        self.backoff, self.clock, self.rng = backoff, clock or SystemClock(), random.Random()
        self.slots: dict[str, Slot] = {}
        self.gone: set[str] = set()

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """Record the new text and make sure an editor task will send it."""
        if job.id in self.gone or (job.status_message_id is None and not job.interaction_token):
            if job.state in FINAL:
                self.gone.discard(job.id)
                await self._ended(job)
            return
        slot = self.slots.setdefault(job.id, Slot(job))
        slot.job, slot.text = job, self.render(job, event)
        if job.interaction_token and slot.token is None:
            slot.token, slot.token_expires_at = job.interaction_token, job.token_expires_at or 0
        slot.wake.set()
        if slot.task is None or slot.task.done():
            slot.task = asyncio.create_task(self._editor(slot), name=f"status-{job.id}")

    async def _editor(self, slot: Slot) -> None:
        """Send the latest text until it is sent, then let a final slot go."""
        while slot.text != slot.sent:
            final = slot.job.state in FINAL
            due = slot.next_at if final or slot.failures else slot.next_at + self.interval
            if (wait := due - self.clock.now()) > 0:
                slot.wake.clear()
                await wake_or_sleep(self.clock, slot.wake, wait)
                continue
            text, now = slot.text, self.clock.now()
            outcome = await edit_once(self.rest, self.app_id, now, slot, text)
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
        if slot.job.state in FINAL:
            await self._ended(slot.job)

    async def _ended(self, job: Job) -> None:
        """The end of ``job`` is shown, or cannot be: record it once, if it was owed."""
        if job.untold and self.shown is not None:
            await self.shown(job.id)
