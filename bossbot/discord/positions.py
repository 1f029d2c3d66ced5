"""Queue positions kept current: when a job leaves the queue, the ones behind move up."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bossbot.jobs import Job, JobEvent, JobListener

LEAVES_QUEUE = frozenset({"start", "cancel", "fail"})


class QueuePositions:
    """A JobListener telling every waiting job's status message its new place.

    ``status`` coalesces edits and skips unchanged texts, so a busy queue costs at most
    one edit per waiting job per progress interval.
    """

    def __init__(self, status: JobListener, queued: Callable[[], Awaitable[list[Job]]]) -> None:
        """Refresh through ``status``; ``queued`` lists waiting jobs in run order."""
        self.status, self.queued = status, queued

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """After a job leaves the queue, re-announce the positions of those still in it."""
        if event.name not in LEAVES_QUEUE:
            return
        for position, waiting in enumerate(await self.queued(), start=1):
            if waiting.id != job.id:
                await self.status.on_update(waiting, JobEvent("queued", position=position))
