"""Queue views of the store: what runs next, positions, per user and guild, counts."""

from __future__ import annotations

import pytest

from bossbot.jobs import JobStore
from tests.fakes.jobs import FakeClock
from tests.jobs.test_store import add


def test_next_runnable_is_highest_priority_then_oldest(store: JobStore, clock: FakeClock) -> None:
    add(store, "low001", priority=0)
    clock.t += 1
    add(store, "high01", priority=10)
    clock.t += 1
    add(store, "high02", priority=10)
    add(store, "other1", priority=99, origin="cli")
    assert store.next_runnable(clock.t, "bot").id == "high01"
    assert store.next_runnable(clock.t, "bot", ids={"low001", "high02"}).id == "high02"
    assert store.next_runnable(clock.t, "cli").id == "other1"


def test_jobs_waiting_for_a_retry_are_not_runnable_before_their_time(
    store: JobStore, clock: FakeClock
) -> None:
    add(store, "later1", next_attempt_at=clock.t + 30)
    assert store.next_runnable(clock.t, "bot") is None
    assert store.next_due("bot") == clock.t + 30
    assert store.next_runnable(clock.t + 30, "bot").id == "later1"


def test_positions_follow_the_run_order_and_same_time_is_fifo(store: JobStore) -> None:
    for job_id, priority in [("a00001", 0), ("b00002", 5), ("c00003", 0), ("d00004", 5)]:
        add(store, job_id, priority=priority)  # same created_at: insertion order decides
    add(store, "run005", state="fetching", priority=9)
    positions = {j: store.position(j) for j in ("b00002", "d00004", "a00001", "c00003")}
    assert positions == {"b00002": 1, "d00004": 2, "a00001": 3, "c00003": 4}
    assert store.position("run005") is None


def test_per_user_and_per_guild_views(store: JobStore, clock: FakeClock) -> None:
    add(store, "u1a001", requester_id=1, guild_id=7)
    clock.t += 1
    add(store, "u1b002", requester_id=1, guild_id=8, state="done")
    add(store, "u2a003", requester_id=2, guild_id=7, state="fetching")
    assert [j.id for j in store.user_jobs(1)] == ["u1a001"]
    assert [j.id for j in store.user_jobs(1, active=False)] == ["u1a001", "u1b002"]
    assert [j.id for j in store.guild_jobs(7)] == ["u1a001", "u2a003"]
    assert [j.id for j in store.guild_jobs(8, active=False)] == ["u1b002"]
    assert store.active_count() == 2
    assert store.active_count(requester_id=1) == 1
    assert store.active_count(origin="cli") == 0


def test_recent_and_counts(store: JobStore, clock: FakeClock) -> None:
    for n, state in enumerate(["done", "failed", "queued", "done"]):
        clock.t += 1
        add(store, f"job{n:03d}", state=state)
    assert [j.id for j in store.recent(3)] == ["job003", "job002", "job001"]
    assert store.counts() == {"done": 2, "failed": 1, "queued": 1}


def test_stale_jobs_are_started_ones_without_a_live_lease(
    store: JobStore, clock: FakeClock
) -> None:
    add(store, "live01", state="fetching", lease_owner="a", lease_expires_at=clock.t + 5)
    add(store, "dead01", state="fetching", lease_owner="a", lease_expires_at=clock.t - 5)
    add(store, "none01", state="uploading")
    add(store, "queued", state="queued")
    add(store, "done01", state="done")
    assert sorted(j.id for j in store.stale(clock.t, "bot")) == ["dead01", "none01"]


PLANS = {
    "next": ("SELECT * FROM jobs WHERE state = 'queued' AND origin = 'bot' "
             "AND next_attempt_at <= 0 ORDER BY priority DESC, created_at, rowid LIMIT 1"),
    "user": "SELECT * FROM jobs WHERE requester_id = 5 AND state IN ('queued', 'fetching')",
    "guild": "SELECT * FROM jobs WHERE guild_id = 5 AND state IN ('queued', 'fetching')",
    "recent": "SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT 20",
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(PLANS))
def test_queue_queries_use_an_index_with_ten_thousand_rows(store: JobStore, name: str) -> None:
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
    assert store.position("j00000") == 1
