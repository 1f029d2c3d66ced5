"""The SQLite job store with 10,000 jobs: enqueue, one transition, the queue view."""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench.figures import Figure, percentile
from bossbot.jobs import RUNNING, JobRequest, SqliteStore
from bossbot.messages.queue import queue_view

GUILD, CHANNEL = 1180000000000000100, 1180000000000000200
FINISHED = ("done",) * 18 + ("failed",) * 1 + ("cancelled",) * 1
ACTIVE = ("fetching", "uploading") * 5 + ("queued",) * 40  # a full default queue (50)


def populate(store: SqliteStore, total: int) -> None:
    """``total`` jobs in one guild: the last 50 unfinished, the rest finished."""
    rng, now = random.Random(7), time.time()
    states = [rng.choice(FINISHED) for _ in range(total - len(ACTIVE))] + list(ACTIVE)
    with store.tx():
        for index, state in enumerate(states):
            request = JobRequest(
                url=f"https://x.com/u/status/{index}", cap=10 * 1024**2, site="twitter",
                requester_id=1000 + index % 97, requester_name=f"user{index % 97}",
                guild_id=GUILD, channel_id=CHANNEL, priority=rng.choice((0, 0, 5, 10)),
            )  # fmt: skip
            job = request.new_job(origin="bot", max_attempts=3, now=now - total + index)
            job.id, job.state = f"j{index:06d}", state
            store._insert(job)


async def timed(
    action: Callable[[], Awaitable[Any]], reps: int, loop_ms: list[float] | None = None
) -> list[float]:
    """Milliseconds of each of ``reps`` calls, one after another.

    ``loop_ms`` also gets, per call, the CPU time the event loop's thread spent on it: what
    the call costs the loop (the SQLite store's work runs on its own thread).
    """
    times = []
    for _ in range(reps):
        start, cpu = time.perf_counter(), time.thread_time()
        await action()
        times.append((time.perf_counter() - start) * 1000)
        if loop_ms is not None:
            loop_ms.append((time.thread_time() - cpu) * 1000)
    return times


async def _queue_view(store: SqliteStore) -> str:
    """What ``$dlq`` does: the guild's unfinished jobs, split, sorted and rendered."""
    active = await store.guild_jobs(GUILD)
    running = [job for job in active if job.state in RUNNING]
    waiting = sorted(
        (j for j in active if j.state == "queued"), key=lambda j: (-j.priority, j.created_at)
    )
    return queue_view(running, waiting, 1000, 50)


def _figure(key: str, name: str, ms: list[float], target: str = "") -> Figure:
    note = f"p50 of {len(ms)}, p99 {percentile(ms, 99):.2f} ms"
    return Figure(f"store.{key}", name, percentile(ms, 50), "ms", target, note)


def store_scale(total: int = 10_000, reps: int = 200) -> list[Figure]:
    """Time the store's hot paths with ``total`` jobs in the database."""
    return asyncio.run(_store_scale(total, reps))


async def _positions(store: SqliteStore, ids: list[str]) -> list[int | None]:
    """Ten queue positions, as the refresh after a job leaves the queue reads them."""
    return [await store.position(job_id) for job_id in ids]


async def _store_scale(total: int, reps: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        store = SqliteStore.open(Path(tmp) / "jobs.sqlite3")
        populate(store, total)
        queued = [job.id for job in await store.queued("bot")]
        view = await timed(lambda: _queue_view(store), reps)
        positions = await timed(lambda: _positions(store, queued[:10]), reps)
        listing = await timed(lambda: store.queued("bot"), reps)
        starts = iter(queued)
        on_loop: list[float] = []
        transition = await timed(
            lambda: store.transition(next(starts), "start"), len(queued), on_loop
        )
        request = JobRequest(url="https://x.com/u/status/1", cap=1, guild_id=GUILD)
        enqueue = await timed(
            lambda: store.admit(request.new_job(origin="bot", max_attempts=3, now=time.time()),
                                max_queue=10**6, user_limit=10**6), reps, on_loop)  # fmt: skip
        counts = await timed(store.counts, reps)
        await store.close()
    label = f"{total:,} jobs"
    return [
        _figure("queue_view", f"store {label}: queue view ($dlq)", view, "< 10"),
        _figure("positions", f"store {label}: 10 queue positions", positions),
        _figure("queued_list", f"store {label}: queued list (positions refresh)", listing),
        _figure("transition", f"store {label}: one transition", transition),
        _figure("enqueue", f"store {label}: enqueue", enqueue),
        _figure("counts", f"store {label}: jobs per state ($health, /metrics)", counts),
        Figure(
            "store.loop_cost",
            f"store {label}: event loop time per write, p99",
            percentile(on_loop, 99),
            "ms",
            "< 1",
            f"max {max(on_loop):.2f} ms; SQLite's work runs on the store's own thread",
        ),
    ]
