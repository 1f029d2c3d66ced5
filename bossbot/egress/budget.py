"""What one job step may use through the guard, what it has used, and when it counts as stalled."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Budget:
    """What one job step may use through the guard.

    Attributes:
        bytes: Bytes read from sites, all connections together (grows per finished file).
        requests: Connections (CONNECT) and plain HTTP requests.
        min_rate: Bytes per second below which a busy job counts as stalled.
        window: Seconds a job may stay busy below ``min_rate`` before it is stopped.
    """

    bytes: int
    requests: int
    min_rate: int
    window: int


@dataclass(slots=True, eq=False)
class Token:
    """One credential: its budget, what it used, and its open connections."""

    name: str
    secret: str
    budget: Budget
    extra: int = 0
    read: int = 0
    requests: int = 0
    broken: str | None = None
    closers: set[Callable[[], None]] = field(default_factory=set)
    seconds: deque[tuple[int, bool]] = field(default_factory=deque)
    this_second: int = 0
    waiting: int = 0

    def allowance(self) -> int:
        """Bytes this token may still read."""
        return max(0, self.budget.bytes + self.extra - self.read)

    def close_second(self) -> str | None:
        """End one second of the rate window; the reason to stop when the job stalled.

        A second is busy when bytes arrived or a request waits for its answer. A job busy
        for a whole window while reading less than ``min_rate`` per second has stalled;
        an idle second (nothing asked, nothing sent) starts the window afresh.
        """
        busy = self.waiting > 0 or self.this_second > 0
        self.seconds.append((self.this_second, busy))
        self.this_second = 0
        window = self.budget.window
        while len(self.seconds) > window:
            self.seconds.popleft()
        if not busy:
            self.seconds.clear()
            return None
        got = sum(size for size, _ in self.seconds)
        if len(self.seconds) == window and got < self.budget.min_rate * window:
            return f"{got} bytes in {window} s while busy"
        return None
