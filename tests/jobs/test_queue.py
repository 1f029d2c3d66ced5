"""Admission and order: bounded queue, per-user cap, priority then FIFO, concurrency."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from bossbot.errors import QueueFull, UserQueueFull
from bossbot.fetch.base import Progress
from bossbot.jobs import Executor
from tests.fakes.jobs import FakeFetch, Recorder, finish, until, write
from tests.jobs.test_executor import request

Make = Callable[..., Executor]


class Gate:
    """A fetch step that waits until the test opens the gate; records the order of URLs."""

    def __init__(self) -> None:
        self.open = asyncio.Event()
        self.order: list[str] = []
        self.running = 0
        self.most = 0

    async def __call__(self, dest: Path, on_progress: Callable[[Progress], None]) -> list[Path]:
        self.order.append(dest.name)
        self.running += 1
        self.most = max(self.most, self.running)
        await self.open.wait()
        self.running -= 1
        return await write()(dest, on_progress)


async def test_the_queue_refuses_jobs_over_its_bound(make_executor: Make) -> None:
    executor = make_executor(max_queue=2)
    await executor.submit(request(user=1))
    await executor.submit(request(user=2))
    with pytest.raises(QueueFull) as caught:
        await executor.submit(request(user=3))
    assert caught.value.data == {"limit": 2}
    assert await executor.store.counts() == {"queued": 2}


async def test_a_user_cannot_queue_more_than_their_role_allows(make_executor: Make) -> None:
    executor = make_executor()
    await executor.submit(request(user=1, limit=2))
    await executor.submit(request(user=1, limit=2))
    with pytest.raises(UserQueueFull) as caught:
        await executor.submit(request(user=1, limit=2))
    assert caught.value.data == {"limit": 2}
    assert (await executor.submit(request(user=2, limit=2))).state == "queued"


async def test_a_finished_job_frees_its_place(make_executor: Make) -> None:
    executor = make_executor(max_queue=1)
    await executor.start()
    first = await executor.submit(request())
    await finish(executor, first.id)
    assert (await executor.submit(request())).state == "queued"


async def test_queued_event_carries_the_queue_position(
    make_executor: Make, recorder: Recorder
) -> None:
    executor = make_executor()
    for user in (1, 2, 3):
        await executor.submit(request(user=user))
    assert [event.position for _, event in recorder.seen] == [1, 2, 3]


async def test_higher_role_priority_runs_first_then_first_come_first_served(
    make_executor: Make,
) -> None:
    gate = Gate()
    executor = make_executor(FakeFetch(gate), max_concurrent=1)
    jobs = {}
    for name, priority in [("low1", 0), ("mod", 10), ("trusted", 5), ("low2", 0), ("mod2", 10)]:
        jobs[(await executor.submit(request(user=len(jobs), priority=priority))).id] = name
    await executor.start()
    gate.open.set()
    for job_id in jobs:
        await finish(executor, job_id)
    assert [jobs[job_id] for job_id in gate.order] == ["mod", "mod2", "trusted", "low1", "low2"]


async def test_no_more_than_max_concurrent_jobs_run_at_once(make_executor: Make) -> None:
    gate = Gate()
    executor = make_executor(FakeFetch(gate), max_concurrent=2)
    await executor.start()
    ids = [(await executor.submit(request(user=n))).id for n in range(5)]
    await until(lambda: gate.running == 2)
    assert (await executor.store.counts())["queued"] == 3
    gate.open.set()
    for job_id in ids:
        assert (await finish(executor, job_id)).state == "done"
    assert gate.most == 2
