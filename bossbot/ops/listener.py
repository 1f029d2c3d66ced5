"""A job listener that feeds the metrics: bytes moved, failures and retries by kind."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bossbot.jobs.model import Job
from bossbot.jobs.plugins import JobEvent
from bossbot.ops.metrics import Metrics

FORGET = frozenset({"delivered", "retry", "fail", "cancel"})
"""Events after which the sizes recorded at ``validated`` are no longer needed."""


def total_size(files: Iterable[str]) -> int:
    """Sum of the sizes of the files that still exist."""
    total = 0
    for name in files:
        try:
            total += Path(name).stat().st_size
        except OSError:
            continue
    return total


class MetricsListener:
    """Counts what jobs do into ``metrics``; add it to the executor's listeners.

    Downloaded bytes are the sizes of the fetched files (``fetched``). Uploaded bytes are
    the sizes of the validated files, taken at ``validated`` or at the ``start`` of a
    retried upload (the temp dir is gone by the time ``delivered`` arrives) and added on
    ``delivered``.
    """

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics
        self._sizes: dict[str, int] = {}

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """Update the counters for ``event`` (an end told again was counted already)."""
        if event.again:
            return
        name = event.name
        if name == "fetched":
            self.metrics.downloaded += total_size(job.files)
        elif name == "validated" or (name == "start" and job.files):  # a retried upload
            self._sizes[job.id] = total_size(job.files)
        elif name == "delivered":
            self.metrics.uploaded += self._sizes.get(job.id, 0)
        elif name in {"retry", "fail"}:
            kind = event.error.kind if event.error is not None else job.error_kind
            counter = self.metrics.retries if name == "retry" else self.metrics.failures
            counter[kind or "unknown"] += 1
        if name in FORGET:
            self._sizes.pop(job.id, None)
