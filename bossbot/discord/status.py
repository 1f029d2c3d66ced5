"""The status message of each job, edited in place, at most once per interval."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field

import hikari
from loguru import logger

from bossbot.discord.buttons import cancel_row
from bossbot.jobs import FINAL, Job, JobEvent

Render = Callable[[Job, JobEvent], str]
AppId = Callable[[], int]
MAX_FAILURES = 3  # failed edits in a row before a status message is given up


@dataclass(slots=True)
class _Slot:
    """The latest text wanted for one job's status message, and its editor task."""

    job: Job
    text: str
    last_edit: float = 0.0
    task: asyncio.Task[None] | None = None
    gone: bool = False
    sent: str = ""
    failures: int = 0
    wake: asyncio.Event = field(default_factory=asyncio.Event)


class StatusMessages:
    """A JobListener that keeps each job's status message current.

    Edits are coalesced: while one edit waits (interval, or Discord's rate limit), newer
    texts replace the pending one, so only the latest state is sent. Final states are sent
    without waiting for the interval. A deleted status message ends editing for that job;
    the job itself carries on.
    """

    def __init__(
        self, rest: hikari.api.RESTClient, app_id: AppId, interval: float, render: Render
    ) -> None:
        """Edit through ``rest`` at most every ``interval`` seconds per job."""
        self.rest, self.app_id, self.interval, self.render = rest, app_id, interval, render
        self.slots: dict[str, _Slot] = {}

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """Record the new text and make sure an editor task will send it."""
        if job.status_message_id is None and not job.interaction_token:
            return
        slot = self.slots.setdefault(job.id, _Slot(job, ""))
        slot.job, slot.text = job, self.render(job, event)
        if job.state in FINAL:
            slot.wake.set()
        if not slot.gone and (slot.task is None or slot.task.done()):
            slot.task = asyncio.create_task(self._editor(slot), name=f"status-{job.id}")

    async def _editor(self, slot: _Slot) -> None:
        """Send the latest text until nothing newer is pending."""
        while not slot.gone and slot.text != slot.sent and slot.failures < MAX_FAILURES:
            wait = slot.last_edit + self.interval - time.monotonic()
            if wait > 0 and slot.job.state not in FINAL:
                slot.wake.clear()
                with suppress(TimeoutError):
                    await asyncio.wait_for(slot.wake.wait(), wait)
            text, job = slot.text, slot.job
            if await self._edit(slot, job, text):
                slot.sent, slot.failures = text, 0
            else:
                slot.failures += 1
            slot.last_edit = time.monotonic()
        if slot.job.state in FINAL:
            self.slots.pop(slot.job.id, None)

    async def _edit(self, slot: _Slot, job: Job, text: str) -> bool:
        """One edit, through the interaction while its token lives, else the channel.

        Returns:
            False when the edit failed and is worth another try.
        """
        rows = [] if job.state in FINAL else [cancel_row(self.rest, job.id)]
        log = logger.bind(job=job.id, guild=job.guild_id)
        try:
            if job.interaction_token and (job.token_expires_at or 0) > time.time() + 5:
                try:
                    await self.rest.edit_interaction_response(
                        self.app_id(), job.interaction_token, text, components=rows
                    )
                    return True
                except (hikari.UnauthorizedError, hikari.NotFoundError):
                    log.info("interaction token expired; editing through the channel")
                    job.token_expires_at = 0.0
            if job.status_message_id and job.channel_id:
                await self.rest.edit_message(
                    job.channel_id, job.status_message_id, text, components=rows
                )
        except hikari.NotFoundError:
            log.info("status message was deleted; the job carries on without it")
            slot.gone = True
        except hikari.ForbiddenError as exc:
            log.warning("cannot edit the status message in channel {}: {}", job.channel_id, exc)
            slot.gone = True
        except hikari.HTTPError as exc:
            log.warning("status edit failed, will try again: {}", exc)
            return False
        return True
