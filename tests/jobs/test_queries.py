"""The queue in the store: admission, what runs next, positions, views, counts, pruning."""

from __future__ import annotations

import pytest

from bossbot.errors import QueueFull, UserQueueFull
from bossbot.jobs import Job, JobRequest, JobStore, SqliteStore
from tests.fakes.jobs import FakeClock, add


async def test_claims_take_the_highest_priority_then_the_oldest(
    store: JobStore, clock: FakeClock
) -> None:
    await add(store, "low001", priority=0)
    clock.t += 1
    await add(store, "high01", priority=10)
    clock.t += 1
    await add(store, "high02", priority=10)
    await add(store, "other1", priority=99, origin="cli")
    first = await store.claim("bot", "me", clock.t + 60)
    assert (first.id, first.state, first.lease_owner, first.started_at) == (
        "high01", "fetching", "me", clock.t
    )  # fmt: skip
    assert (await store.claim("bot", "me", clock.t + 60, {"low001", "high02"})).id == "high02"
    assert (await store.claim("cli", "me", clock.t + 60)).id == "other1"
    assert (await store.claim("bot", "me", clock.t + 60)).id == "low001"
    assert await store.claim("bot", "me", clock.t + 60) is None


async def test_jobs_waiting_for_a_retry_are_not_claimed_before_their_time(
    store: JobStore, clock: FakeClock
) -> None:
    await add(store, "later1", next_attempt_at=clock.t + 30)
    assert await store.claim("bot", "me", clock.t + 60) is None
    assert await store.next_due("bot") == clock.t + 30
    clock.t += 30
    assert (await store.claim("bot", "me", clock.t + 60)).id == "later1"


async def test_a_job_that_kept_its_files_starts_by_uploading_them(store: JobStore) -> None:
    await add(store, "kept01", files=["/data/tmp/kept01/a.mp4"], attempt=2)
    assert (await store.claim("bot", "me", 1e12)).state == "uploading"


async def test_admission_bounds_the_queue_and_each_requester(store: JobStore) -> None:
    def job(user: int) -> Job:
        request = JobRequest(url="https://x.test/v", cap=1, requester_id=user)
        return request.new_job(origin="bot", max_attempts=3, now=store.clock.now())

    first = await store.admit(job(1), max_queue=2, user_limit=1)
    assert len(first.id) == 6
    with pytest.raises(UserQueueFull):
        await store.admit(job(1), max_queue=2, user_limit=1)
    await store.admit(job(2), max_queue=2, user_limit=1)
    with pytest.raises(QueueFull):
        await store.admit(job(3), max_queue=2, user_limit=1)
    assert await store.counts() == {"queued": 2}


async def test_an_id_drawn_twice_is_drawn_again(
    store: JobStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    draws = iter(["same01", "same01", "next01"])
    monkeypatch.setattr(f"{type(store).__module__}.new_job_id", lambda: next(draws))
    request = JobRequest(url="https://x.test/v", cap=1, user_limit=5)
    made = [
        await store.admit(request.new_job(origin="bot", max_attempts=3, now=0.0),
                          max_queue=5, user_limit=5)
        for _ in range(2)
    ]  # fmt: skip
    assert [job.id for job in made] == ["same01", "next01"]


async def test_positions_follow_the_run_order_and_same_time_is_fifo(store: JobStore) -> None:
    for job_id, priority in [("a00001", 0), ("b00002", 5), ("c00003", 0), ("d00004", 5)]:
        await add(store, job_id, priority=priority)  # same created_at: insertion order decides
    await add(store, "run005", state="fetching", priority=9)
    positions = {j: await store.position(j) for j in ("b00002", "d00004", "a00001", "c00003")}
    assert positions == {"b00002": 1, "d00004": 2, "a00001": 3, "c00003": 4}
    assert await store.position("run005") is None
    assert [job.id for job in await store.queued("bot")] == list(positions)


async def test_per_user_and_per_guild_views(store: JobStore, clock: FakeClock) -> None:
    await add(store, "u1a001", requester_id=1, guild_id=7)
    clock.t += 1
    await add(store, "u1b002", requester_id=1, guild_id=8, state="done")
    await add(store, "u2a003", requester_id=2, guild_id=7, state="fetching")
    assert [j.id for j in await store.user_jobs(1)] == ["u1a001"]
    assert [j.id for j in await store.user_jobs(1, active=False)] == ["u1a001", "u1b002"]
    assert [j.id for j in await store.guild_jobs(7)] == ["u1a001", "u2a003"]
    assert [j.id for j in await store.guild_jobs(8, active=False)] == ["u1b002"]


async def test_recent_and_counts_kept_by_the_database(store: JobStore, clock: FakeClock) -> None:
    for n, state in enumerate(["done", "failed", "queued", "done"]):
        clock.t += 1
        await add(store, f"job{n:03d}", state=state)
    assert [j.id for j in await store.recent(3)] == ["job003", "job002", "job001"]
    assert await store.counts() == {"done": 2, "failed": 1, "queued": 1}
    await store.transition("job002", "cancel")
    assert await store.counts() == {"done": 2, "failed": 1, "cancelled": 1}


async def test_counts_read_the_counter_not_the_jobs(sqlite_store: SqliteStore) -> None:
    plan = sqlite_store.conn.execute("EXPLAIN QUERY PLAN SELECT state, jobs FROM job_counts")
    assert "jobs " not in " ".join(row[3] for row in plan.fetchall())


async def test_finished_jobs_past_their_retention_are_pruned(
    store: JobStore, clock: FakeClock
) -> None:
    for n in range(5):
        await add(store, f"old{n:03d}", state="done", finished_at=clock.t - 100 + n)
    await add(store, "new001", state="done", finished_at=clock.t)
    await add(store, "wait01", state="queued")
    assert await store.prune(clock.t - 50, limit=3) == 3
    assert await store.prune(clock.t - 50) == 2
    assert sorted(job.id for job in await store.recent()) == ["new001", "wait01"]
    assert await store.counts() == {"done": 1, "queued": 1}


async def test_stale_jobs_are_started_ones_without_a_live_lease(
    store: JobStore, clock: FakeClock
) -> None:
    await add(store, "live01", state="fetching", lease_owner="a", lease_expires_at=clock.t + 5)
    await add(store, "dead01", state="fetching", lease_owner="a", lease_expires_at=clock.t - 5)
    await add(store, "none01", state="uploading")
    await add(store, "queued", state="queued")
    await add(store, "done01", state="done")
    assert sorted(j.id for j in await store.stale(clock.t, "bot")) == ["dead01", "none01"]


PLANS = {
    "next": ("SELECT * FROM jobs WHERE state = 'queued' AND origin = 'bot' "
             "AND next_attempt_at <= 0 ORDER BY priority DESC, created_at, rowid LIMIT 1"),
    "user": "SELECT * FROM jobs WHERE requester_id = 5 AND state IN ('queued', 'fetching')",
    "guild": "SELECT * FROM jobs WHERE guild_id = 5 AND state IN ('queued', 'fetching')",
    "recent": "SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT 20",
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(PLANS))
async def test_queue_queries_use_an_index_with_ten_thousand_rows(
    sqlite_store: SqliteStore, name: str
) -> None:
    store = sqlite_store
    rows = [
        (f"j{n:05d}", "u", "done" if n % 10 else "queued", n % 50, n % 7, float(n), "x")
        for n in range(10_000)
    ]
    with store.tx() as conn:
        conn.executemany(
            "INSERT INTO jobs (id, url, state, requester_id, guild_id, created_at, updated_at,"
            " next_attempt_at, upload_nonce) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)",
            rows,
        )
    conn.execute("ANALYZE")
    plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + PLANS[name]))
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
    assert await store.position("j00000") == 1
