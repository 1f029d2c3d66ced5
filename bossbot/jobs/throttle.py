"""Progress throttling: one update per interval at most; the first, the last, a new stage always."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextlib import suppress

from bossbot.fetch.base import Progress
from bossbot.jobs.clock import Clock


def _complete(progress: Progress) -> bool:
    """True for a report that says everything is downloaded."""
    whole = progress.total is not None and progress.done >= progress.total
    return whole and (progress.file_count is None or progress.file_index >= progress.file_count)


class Throttle:
    """Decides which progress reports get through."""

    def __init__(self, interval: float, clock: Clock) -> None:
        self.interval = interval
        self.clock = clock
        self._last_at: float | None = None
        self._last: Progress | None = None
        self._pending: Progress | None = None

    def offer(self, progress: Progress) -> bool:
        """True when ``progress`` should be delivered now; otherwise it is kept as pending."""
        now = self.clock.now()
        if progress == self._last:
            return False
        due = self._last_at is None or now - self._last_at >= self.interval
        changed = self._last is not None and progress.stage != self._last.stage
        if due or changed or _complete(progress):
            self._last_at, self._last, self._pending = now, progress, None
            return True
        self._pending = progress
        return False

    def flush(self) -> Progress | None:
        """The last report held back, if any (call when the download ends)."""
        pending, self._pending = self._pending, None
        if pending is not None:
            self._last_at, self._last = self.clock.now(), pending
        return pending


class ProgressPump:
    """The ``on_progress`` callback given to a fetcher: thread-safe and throttled.

    Reports from a worker thread are handed to the event loop; ``emit`` always runs on
    the loop's thread.
    """

    def __init__(self, throttle: Throttle, emit: Callable[[Progress], None]) -> None:
        self.throttle = throttle
        self.emit = emit
        self._loop = asyncio.get_running_loop()
        self._thread = threading.get_ident()

    def __call__(self, progress: Progress) -> None:
        """Accept one report from the fetcher, from any thread."""
        if threading.get_ident() == self._thread:
            self._offer(progress)
        else:
            with suppress(RuntimeError):  # the loop is closing: nobody is listening
                self._loop.call_soon_threadsafe(self._offer, progress)

    def _offer(self, progress: Progress) -> None:
        """Pass ``progress`` on when the throttle lets it through."""
        if self.throttle.offer(progress):
            self.emit(progress)

    def flush(self) -> None:
        """Deliver the report held back by the throttle (the last one)."""
        pending = self.throttle.flush()
        if pending is not None:
            self.emit(pending)
