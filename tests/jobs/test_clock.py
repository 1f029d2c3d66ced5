"""The clocks: a sleep ends at the time asked for when it was called, fake or real."""

from __future__ import annotations

import asyncio
import time

import pytest

from bossbot.errors import Timeout
from bossbot.jobs import SystemClock
from bossbot.jobs.clock import within
from tests.fakes.jobs import FakeClock


async def test_a_fake_sleep_counts_from_its_call_not_from_its_first_run(clock: FakeClock) -> None:
    sleep = clock.sleep(10)
    clock.t += 5  # time passes before the sleep's task first runs
    task = asyncio.ensure_future(sleep)
    await clock.advance(4.9)
    assert not task.done()
    await clock.advance(0.1)
    assert task.done()


async def test_a_fake_sleep_already_due_when_it_first_runs_ends_at_once(clock: FakeClock) -> None:
    sleep = clock.sleep(3)
    clock.t += 3
    assert await asyncio.wait_for(sleep, 1) is None  # no advance needed


async def test_the_system_clock_also_counts_from_the_call() -> None:
    sleep = SystemClock().sleep(0.05)
    time.sleep(0.05)  # noqa: ASYNC251 - blocking on purpose: the deadline has passed
    started = time.monotonic()
    await sleep
    assert time.monotonic() - started < 0.04


async def test_work_over_its_time_is_cancelled_and_finished_first(clock: FakeClock) -> None:
    finished = []

    async def work() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            finished.append(True)

    task = asyncio.ensure_future(within(clock, 10, work()))
    await clock.advance(10)
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(task, 1)
    assert finished == [True]


async def test_a_timeout_inside_the_work_is_reported_as_the_callers_late_error(
    clock: FakeClock,
) -> None:
    async def work() -> None:
        raise TimeoutError("read timed out")

    with pytest.raises(Timeout, match="timed out: read timed out"):
        await within(clock, 10, work(), Timeout)
