"""PostgreSQL's hot paths with many jobs stored: claim, one transition, the ``$dlq`` view.

100 guilds; the last jobs unfinished (a full queue per guild), the rest finished, loaded with
COPY (the triggers keep the per-state counters as for any insert).
"""

from __future__ import annotations

import asyncio
import random
import time

import psycopg

from bench.figures import Figure, percentile
from bench.storescale import GUILD, timed
from bossbot.jobs import Job, JobRequest
from bossbot.jobs.postgres import PostgresStore
from bossbot.jobs.rows import COLUMNS, to_row
from bossbot.messages.queue import queue_view

GUILDS, QUEUED, RUNNING_JOBS = 100, 2_000, 50


def _jobs(total: int) -> list[Job]:
    rng, now, made = random.Random(7), time.time(), []
    for index in range(total):
        left = total - index
        state = ("queued" if left <= QUEUED else "fetching") if left <= QUEUED + RUNNING_JOBS else (
            rng.choice(("done",) * 18 + ("failed", "cancelled")))  # fmt: skip
        request = JobRequest(
            url=f"https://x.com/u/status/{index}", cap=10 * 1024**2, site="twitter",
            requester_id=1000 + index % 997, guild_id=GUILD + index % GUILDS,
            channel_id=GUILD + 100, priority=rng.choice((0, 0, 5, 10)),
        )  # fmt: skip
        job = request.new_job(origin="bot", max_attempts=3, now=now - total + index)
        job.id, job.state = f"j{index:07d}", state
        job.finished_at = job.created_at + 5 if state in ("done", "failed", "cancelled") else None
        if state == "fetching":
            job.lease_owner, job.lease_expires_at = "elsewhere:1:x", now + 3600
        made.append(job)
    return made


def _load(url: str, total: int) -> None:
    """COPY ``total`` jobs in, then ANALYZE."""
    with psycopg.connect(url, autocommit=True) as conn:
        with conn.cursor().copy(f"COPY jobs ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for job in _jobs(total):
                row = to_row(job)
                copy.write_row([row[name] for name in COLUMNS])
        conn.execute("ANALYZE jobs")


async def _queue_view(store: PostgresStore) -> str:
    """What ``$dlq`` does in one guild: its unfinished jobs, split, sorted and rendered."""
    active = await store.guild_jobs(GUILD)
    running = [job for job in active if job.state != "queued"]
    waiting = sorted(
        (j for j in active if j.state == "queued"), key=lambda j: (-j.priority, j.created_at)
    )
    return queue_view(running, waiting, 1000, 50)


def _p99(key: str, name: str, ms: list[float], target: str) -> Figure:
    note = f"p50 {percentile(ms, 50):.2f} ms of {len(ms)}"
    return Figure(key, name, percentile(ms, 99), "ms", target, note)


async def store_figures(url: str, total: int, reps: int = 500) -> list[Figure]:
    """Claim, transition and ``$dlq`` p99 with ``total`` jobs in the database."""
    store = PostgresStore(url)
    await store.connect()
    try:
        await asyncio.to_thread(_load, url, total)
        claimed: list[Job] = []

        async def claim() -> None:
            job = await store.claim("bot", "bench:1:x", time.time() + 60)
            assert job is not None
            claimed.append(job)

        claims = await timed(claim, min(reps, QUEUED))
        jobs = iter(claimed)
        moves = await timed(
            lambda: store.transition(
                next(jobs).id, "fetched", owner="bench:1:x", files=["/t/a.mp4"]
            ),
            len(claimed),
        )
        views = await timed(lambda: _queue_view(store), reps)
    finally:
        await store.close()
    label = f"PostgreSQL {total:,} jobs"
    return [
        _p99("scale.claim.p99", f"{label}: claim p99", claims, "< 5"),
        _p99("scale.transition.p99", f"{label}: one transition p99", moves, "< 5"),
        _p99("scale.queue_view.p99", f"{label}: queue view ($dlq) p99", views, "< 10"),
    ]
