"""Retry policy: which errors are retried, and how long to wait before the next attempt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from bossbot.errors import BossError
from bossbot.spec import Limits


class Rng(Protocol):
    """The part of :class:`random.Random` the jitter needs."""

    def random(self) -> float:
        """A float in [0, 1)."""
        ...


Jitter = Literal["full", "equal"]


def backoff_delay(attempt: int, *, base: float, cap: float, rng: Rng, jitter: Jitter) -> float:
    """Seconds to wait after failed attempt ``attempt`` (1-based).

    The ceiling is ``base * 2 ** (attempt - 1)``, at most ``cap``. ``full`` jitter waits a
    random time up to the ceiling; ``equal`` jitter waits half of it plus a random half.
    """
    ceiling = min(cap, base * 2 ** (attempt - 1))
    if jitter == "full":
        return ceiling * rng.random()
    return ceiling / 2 + ceiling / 2 * rng.random()


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Backoff settings, from ``spec.limits``."""

    base: float
    cap: float
    jitter: Jitter = "equal"

    @classmethod
    def from_limits(cls, limits: Limits, jitter: Jitter = "equal") -> RetryPolicy:
        """The policy declared in ``commands.toml``."""
        return cls(limits.backoff_base, limits.backoff_max, jitter)

    def backoff(self, failures: int, rng: Rng) -> float:
        """Seconds to wait after ``failures`` failures in a row (1-based)."""
        return backoff_delay(failures, base=self.base, cap=self.cap, rng=rng, jitter=self.jitter)

    def delay(self, error: BossError, attempt: int, attempts_left: bool, rng: Rng) -> float | None:
        """Seconds until the next attempt, or None when the job must fail now."""
        if not (error.transient and attempts_left):
            return None
        return self.backoff(attempt, rng)
