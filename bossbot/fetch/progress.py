"""Hand progress from a downloader's thread or poller to the job, throttled."""

from __future__ import annotations

import asyncio
import threading
import time

from loguru import logger

from bossbot.fetch.base import Progress, ProgressCallback

MIN_GAP = 0.2


class Reporter:
    """Call ``on_progress`` in the event loop's thread, at most every :data:`MIN_GAP` s.

    ``report`` may be called from any thread; from a worker thread the call is queued to
    the loop (in order, before the worker's result). The final report of a file always
    passes.
    """

    def __init__(self, on_progress: ProgressCallback, loop: asyncio.AbstractEventLoop) -> None:
        self._on_progress = on_progress
        self._loop = loop
        self._last = 0.0
        self._thread = threading.get_ident()

    def report(self, progress: Progress, *, force: bool = False) -> None:
        """Pass ``progress`` on unless one was passed very recently."""
        now = time.monotonic()
        if not force and now - self._last < MIN_GAP:
            return
        self._last = now
        if threading.get_ident() == self._thread:
            self._deliver(progress)
            return
        try:
            self._loop.call_soon_threadsafe(self._deliver, progress)
        except RuntimeError:  # the loop is closed: nobody is listening any more
            return

    def _deliver(self, progress: Progress) -> None:
        """Call ``on_progress``; a fault in showing progress never fails the download."""
        try:
            self._on_progress(progress)
        except Exception:
            logger.exception("progress callback failed")
