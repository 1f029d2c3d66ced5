"""Several processes sharing one PostgreSQL database, each with its own store and executor.

Each "process" has its own connection pool and lease owner, as gateways and workers do.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest_asyncio

from bossbot.errors import QueueFull, UserQueueFull
from bossbot.jobs import JobRequest
from bossbot.jobs.postgres import PostgresStore
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, add, block, executor_on, until, write


@pytest_asyncio.fixture
async def stores(pg_url: str, clock: FakeClock) -> AsyncIterator[Callable[..., Any]]:
    """Makes n stores on the test's database, each like another process; closed after."""
    made: list[PostgresStore] = []

    async def make(count: int) -> list[PostgresStore]:
        batch = [PostgresStore(pg_url, clock) for _ in range(count)]
        await asyncio.gather(*(store.connect() for store in batch))
        made.extend(batch)
        return batch

    yield make
    for store in made:
        await store.close()


def job_of(user: int, clock: FakeClock) -> Any:
    request = JobRequest(url=f"https://x.test/{user}", cap=1, requester_id=user)
    return request.new_job(origin="bot", max_attempts=3, now=clock.t)


async def test_max_queue_and_user_caps_hold_across_processes(stores: Any, clock: FakeClock) -> None:
    gateways = await stores(4)

    async def admit(store: PostgresStore, user: int) -> str:
        try:
            await store.admit(job_of(user, clock), max_queue=7, user_limit=2)
        except (QueueFull, UserQueueFull) as exc:
            return type(exc).__name__
        return "admitted"

    outcomes = await asyncio.gather(
        *(admit(gateways[n % 4], user=n % 6) for n in range(48))  # 6 users, 8 tries each
    )
    assert outcomes.count("admitted") == 7
    mine = [len(await gateways[0].user_jobs(user)) for user in range(6)]
    assert (sum(mine), max(mine)) == (7, 2)
    assert await gateways[1].counts() == {"queued": 7}


async def test_each_job_is_claimed_by_exactly_one_of_many_claimers(
    stores: Any, clock: FakeClock
) -> None:
    workers = await stores(4)
    for n in range(60):
        await add(workers[0], f"job{n:03d}")

    async def claim_all(store: PostgresStore, owner: str) -> list[str]:
        claimed = []
        while (job := await store.claim("bot", owner, clock.t + 60)) is not None:
            claimed.append(job.id)
        return claimed

    found = await asyncio.gather(*(claim_all(s, f"w{n}:1:x") for n, s in enumerate(workers)))
    every = [job_id for claimed in found for job_id in claimed]
    assert sorted(every) == [f"job{n:03d}" for n in range(60)]  # each once, none twice
    assert sum(1 for claimed in found if claimed) > 1  # they did take turns
    assert await workers[0].counts() == {"fetching": 60}


async def test_workers_take_jobs_by_priority_then_first_come_across_processes(
    stores: Any, clock: FakeClock, data_dir: Path
) -> None:
    shared = await stores(1)
    for n in range(12):
        clock.t += 1
        await add(shared[0], f"job{n:03d}", priority=n % 3)  # 2, 5, 8, 11 best; then 1, 4...
    expected = sorted((f"job{n:03d}" for n in range(12)), key=lambda j: (-(int(j[3:]) % 3), j))
    skipped: list[str] = []

    async def fetch(dest: Path, on_progress: Any) -> list[Path]:
        job_id = dest.name
        waiting = [job.id for job in await shared[0].queued("bot")]
        skipped.extend(j for j in expected[: expected.index(job_id)] if j in waiting)
        return await write()(dest, on_progress)

    workers = [
        executor_on(store, data_dir / f"w{n}", Recorder(), FakeFetch(fetch), max_concurrent=1)
        for n, store in enumerate(await stores(3))
    ]
    await asyncio.gather(*(worker.start() for worker in workers))
    try:
        await until(lambda: _counted(shared[0], {"done": 12}), limit=20)
    finally:
        await asyncio.gather(*(worker.stop() for worker in workers))
    assert skipped == []  # no job ever started while a better one still waited


async def test_max_concurrent_is_per_worker(stores: Any, clock: FakeClock, data_dir: Path) -> None:
    first, second, gateway = await stores(3)
    workers = [
        executor_on(store, data_dir / f"w{n}", Recorder(), FakeFetch(block), max_concurrent=2)
        for n, store in enumerate((first, second))
    ]
    admitting = executor_on(gateway, data_dir / "g", Recorder(), options={"claims": False})
    await asyncio.gather(admitting.start(), *(worker.start() for worker in workers))
    try:
        for n in range(6):
            await admitting.submit(JobRequest(url=f"https://x.test/{n}", cap=1, user_limit=9))
        await until(lambda: _counted(gateway, {"fetching": 4, "queued": 2}))
        await until(lambda: [len(w.scheduler.tasks) for w in workers] == [2, 2])
        assert admitting.scheduler.tasks == {}  # a gateway without workers runs nothing
    finally:
        await asyncio.gather(*(worker.stop() for worker in workers))


async def _counted(store: PostgresStore, counts: dict[str, int]) -> bool:
    return await store.counts() == counts


async def test_two_processes_changing_one_job_never_both_win(stores: Any, clock: FakeClock) -> None:
    processes = await stores(4)
    await add(processes[0], "race01", state="fetching", lease_owner="w:1:a")
    cancels = [store.transition("race01", "cancel") for store in processes[1:]]
    outcomes = await asyncio.gather(
        processes[0].transition("race01", "fetched", owner="w:1:a", files=["/t/a.mp4"]),
        *cancels, return_exceptions=True,
    )  # fmt: skip
    won = [o for o in outcomes if not isinstance(o, BaseException)]
    lost = {type(o).__name__ for o in outcomes if isinstance(o, BaseException)}
    assert lost <= {"TransitionNotAllowed", "LeaseLost"}  # the others saw what the winner wrote
    assert len([job for job in won if job.state == "cancelled"]) == 1  # one cancel, not three
    final = await processes[0].get("race01")
    assert final.state == "cancelled"
    assert await processes[0].counts() == {"cancelled": 1}
