"""Supervised loops and job tasks.

A crash is logged with its traceback, the loop restarts with backoff, and a loop that keeps
failing is reported; a job id has one task at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from loguru import logger

from bossbot.jobs import Executor, JobStore
from tests.fakes.jobs import FakeClock, FakeFetch, Outage, Recorder, block, finish, until, write
from tests.jobs.test_executor import Half, request

Make = Callable[..., Executor]


@pytest.fixture
def logged() -> Iterator[list[str]]:
    """Every log line (with its traceback) written during the test."""
    lines: list[str] = []
    sink = logger.add(lines.append, format="{message}\n{exception}", level="DEBUG")
    yield lines
    logger.remove(sink)


async def test_a_store_error_restarts_the_scheduler_with_backoff_and_the_job_runs(
    make_executor: Make, store: JobStore, clock: FakeClock, logged: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    executor = make_executor(backoff_base=2, options={"rng": Half()})
    await executor.start()
    monkeypatch.setattr(store, "claim", Outage(store.claim, 1))
    job = await executor.submit(request())
    await until(lambda: any("the scheduler loop failed (1 in a row)" in line for line in logged))
    assert any("OperationalError: disk I/O error" in line for line in logged)  # the traceback
    assert (await executor.get(job.id)).state == "queued"
    await clock.advance(1.5)  # the backoff after one failure: 2 s, equal jitter at half
    assert (await finish(executor, job.id)).state == "done"
    assert executor.failing() == []


async def test_a_loop_failing_again_and_again_is_reported_until_it_recovers(
    make_executor: Make, store: JobStore, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    executor = make_executor(backoff_base=2, backoff_max=2, options={"rng": Half()})
    await executor.start()
    outage = Outage(store.renew, 3)
    monkeypatch.setattr(store, "renew", outage)
    for beat in range(3):
        assert executor.failing() == []
        await clock.advance(1.5 if beat else 0)  # the backoff after a failure (2 s, jitter 1/2)
        await clock.advance(5)  # the next renewal (every few seconds)
        await until(lambda b=beat: outage.left == 2 - b)
    await until(lambda: executor.failing() == ["leases"])
    await clock.advance(1.5)
    await clock.advance(5)  # renewed: the loop is healthy again
    await until(lambda: executor.failing() == [])


async def test_a_job_id_never_runs_in_two_tasks_at_once(
    make_executor: Make, recorder: Recorder
) -> None:
    gate = asyncio.Event()

    async def slow(dest: Any, on_progress: Any) -> Any:
        await gate.wait()
        return await write()(dest, on_progress)

    executor = make_executor(FakeFetch(slow))
    await executor.start()
    job = await executor.submit(request())
    await until(lambda: job.id in executor.scheduler.tasks)
    first = executor.scheduler.tasks[job.id]
    executor.scheduler.spawn(await executor.get(job.id))  # claimed again (a late renewal)
    second = executor.scheduler.tasks[job.id]
    assert second is not first
    gate.set()
    await asyncio.wait_for(asyncio.gather(first, second, return_exceptions=True), 5)
    assert await first is not None  # the first run finished the job ...
    assert await second is None  # ... the second, started only after it, found it done
    assert job.id not in executor.scheduler.tasks  # the slot of each went with its own task
    assert len(recorder.posts) == 1


async def test_a_task_ending_late_does_not_free_the_slot_of_its_successor(
    make_executor: Make,
) -> None:
    executor = make_executor(FakeFetch(block))
    scheduler = executor.scheduler
    old, new = asyncio.ensure_future(asyncio.sleep(0)), asyncio.ensure_future(asyncio.sleep(9))
    scheduler.tasks["abc123"] = new
    scheduler._finished("abc123", old)
    assert scheduler.tasks["abc123"] is new
    new.cancel()
