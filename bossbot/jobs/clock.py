"""Time, injectable: the executor asks a clock for ``now()`` and ``sleep()``.

Tests pass a fake clock, so backoff, timeouts, leases and throttling run without waiting.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

T = TypeVar("T")


class Clock(Protocol):
    """Wall-clock time in epoch seconds and a sleep measured by the same clock."""

    def now(self) -> float:
        """Seconds since the epoch."""
        ...

    def sleep(self, seconds: float) -> Awaitable[None]:
        """An awaitable done ``seconds`` of this clock's time after this call.

        The deadline is fixed by the call, not when the awaitable first runs (a sleep
        wrapped in a task that starts later still ends on time).
        """
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> float:
        """``time.time()``."""
        return time.time()

    def sleep(self, seconds: float) -> Awaitable[None]:
        """Sleep until ``seconds`` after this call, by the monotonic clock."""
        return _sleep_until(time.monotonic() + seconds)


async def _sleep_until(deadline: float) -> None:
    """``asyncio.sleep`` until the monotonic ``deadline``."""
    await asyncio.sleep(max(deadline - time.monotonic(), 0.0))


async def _stop(task: asyncio.Future[object]) -> None:
    """Cancel ``task`` and wait until it has really finished."""
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def within(
    clock: Clock,
    seconds: float,
    work: Awaitable[T],
    late: Callable[[str], Exception] = TimeoutError,
) -> T:
    """Await ``work``, but cancel it once ``seconds`` of clock time have passed.

    Cancelling the caller cancels ``work`` too and waits for it to stop.

    Raises:
        Exception: ``late`` (TimeoutError by default) when the time ran out (``work`` has
            been cancelled and has finished), or when ``work`` itself timed out.
    """
    task = asyncio.ensure_future(work)
    timer = asyncio.ensure_future(clock.sleep(seconds))
    try:
        await asyncio.wait({task, timer}, return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:
        await _stop(task)
        raise
    finally:
        timer.cancel()
    if not task.done():
        await _stop(task)
        raise late(f"took longer than {seconds:g} s")
    try:
        return task.result()
    except TimeoutError as exc:
        raise late(f"timed out: {exc}") from None


async def wake_or_sleep(clock: Clock, wake: asyncio.Event, seconds: float | None) -> None:
    """Return when ``wake`` is set or, if ``seconds`` is given, when that time has passed."""
    waiter = asyncio.ensure_future(wake.wait())
    timer = asyncio.ensure_future(clock.sleep(seconds)) if seconds is not None else None
    try:
        await asyncio.wait({waiter, *([timer] if timer else [])}, return_when="FIRST_COMPLETED")
    finally:
        waiter.cancel()
        if timer is not None:
            timer.cancel()
