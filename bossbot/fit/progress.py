"""Progress of one ffmpeg run, read from its ``-progress pipe:1`` key=value blocks."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FitProgress:
    """How far an encode is (picklable: a worker sends it to the bot as it is).

    Attributes:
        done: Seconds of output written.
        total: Seconds of the whole output (the input's duration), 0 when unknown.
        eta: Seconds left at the speed so far, None before it can be told.
        attempt: 1 for the first encode, 2 and more when an overshoot made it encode again.
    """

    done: float
    total: float
    eta: float | None = None
    attempt: int = 1

    @property
    def fraction(self) -> float:
        """Done part, 0..1 (0 when the total is unknown)."""
        return min(1.0, self.done / self.total) if self.total > 0 else 0.0


ProgressFn = Callable[[FitProgress], None]
"""Called with each report (about twice a second). Raising from it cancels the encode."""


class ProgressReader:
    """Turns ffmpeg's progress lines into :class:`FitProgress` calls."""

    def __init__(
        self,
        total: float,
        on_progress: ProgressFn | None,
        attempt: int = 1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total, self.on_progress, self.attempt, self.clock = total, on_progress, attempt, clock
        self.started = clock()
        self.done = 0.0

    def feed(self, line: str) -> None:
        """Read one line; a ``progress=`` line ends a block and reports it."""
        key, _, value = line.strip().partition("=")
        if key == "out_time_us" and value.lstrip("-").isdigit():
            self.done = max(self.done, int(value) / 1e6)
        elif key == "progress" and self.on_progress is not None:
            self.on_progress(self.report(final=value == "end"))

    def report(self, *, final: bool = False) -> FitProgress:
        """The progress now; the last report of a run says all is done."""
        done = self.total if final and self.total else self.done
        fraction = min(1.0, done / self.total) if self.total else 0.0
        elapsed = self.clock() - self.started
        eta = elapsed * (1 - fraction) / fraction if fraction > 0 else None
        return FitProgress(done, self.total, eta, self.attempt)
