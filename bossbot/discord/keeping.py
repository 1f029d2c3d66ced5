"""Delivered posts remembered for the cache of repeat links (a job listener)."""

from __future__ import annotations

from loguru import logger

from bossbot.discord.notes import JobNotes
from bossbot.jobs import Job, JobEvent
from bossbot.jobs.repeats import RepeatCache


class KeepPosts:
    """A JobListener: once a job is done (committed) and its post exists, remember both.

    The event comes after the store committed ``done`` and before the job's temp dir is
    removed, so the files are linked into the cache from where they were posted. A job
    told twice is kept once (the entry's id is the job's).
    """

    def __init__(self, cache: RepeatCache, notes: JobNotes) -> None:
        self.cache, self.notes = cache, notes

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """Keep the post of a delivered job in the cache."""
        first = self.notes.first_post(job)
        if event.name != "delivered" or job.channel_id is None or first is None:
            return
        try:
            await self.cache.keep(job, job.channel_id, first)
        except OSError as exc:  # a full disk costs the cache, never the job
            logger.bind(job=job.id).warning("could not keep the files in the cache: {}", exc)
