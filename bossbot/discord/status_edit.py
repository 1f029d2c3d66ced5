"""One edit of a status message, and what a failed edit means.

Through the interaction while its token lives, else through the channel; a failure is
tried again (5xx, network) or means the message is gone for good (deleted, refused).
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

import hikari
from loguru import logger

from bossbot.discord.buttons import cancel_row
from bossbot.jobs import FINAL, Job

AppId = Callable[[], int]
Outcome = Enum("Outcome", "SENT RETRY GONE")


@dataclass(slots=True)
class Slot:
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


async def edit_once(
    rest: hikari.api.RESTClient, app_id: AppId, now: float, slot: Slot, text: str
) -> Outcome:
    """One edit: through the interaction while its token lives, else the channel."""
    job, log = slot.job, logger.bind(job=slot.job.id, guild=slot.job.guild_id)
    rows = [] if job.state in FINAL else [cancel_row(rest, job.id)]
    try:
        if slot.token and slot.token_expires_at > now + 5:
            try:
                await rest.edit_interaction_response(app_id(), slot.token, text, components=rows)
                return Outcome.SENT
            except (hikari.UnauthorizedError, hikari.NotFoundError):
                log.info("interaction token expired; editing through the channel")
                slot.token = None
        if not (job.status_message_id and job.channel_id):
            return Outcome.GONE
        await rest.edit_message(job.channel_id, job.status_message_id, text, components=rows)
        return Outcome.SENT
    except hikari.NotFoundError:
        log.info("status message was deleted; the job carries on without it")
    except hikari.ClientHTTPResponseError as exc:  # 403 and other refusals: for good
        log.warning("cannot edit the status message in channel {}: {}", job.channel_id, exc)
    except (hikari.HTTPError, OSError) as exc:  # 5xx, rate limits too long, network
        log.warning("status edit failed, trying again: {}", exc)
        return Outcome.RETRY
    return Outcome.GONE
