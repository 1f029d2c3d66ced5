"""The job store on both backends: transitions committed with their fields, leases.

SQLite's schema migrations are here, PostgreSQL's in test_postgres_store.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bossbot.errors import NoJob
from bossbot.fetch.base import Progress
from bossbot.jobs import JobStore, LeaseLost, SqliteStore, TransitionNotAllowed
from bossbot.jobs.sqlite import MIGRATIONS, SchemaError, migrate, version
from bossbot.jobs.sqlite.migrations import V1
from tests.fakes.jobs import FakeClock, add


async def test_a_new_file_is_migrated_to_the_latest_version_in_wal_mode(tmp_path: Path) -> None:
    store = SqliteStore.in_dir(tmp_path / "data")
    assert (tmp_path / "data" / "jobs.sqlite3").is_file()
    assert version(store.conn) == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    await store.close()


async def test_reopening_keeps_the_rows_and_applies_nothing_twice(tmp_path: Path) -> None:
    store = SqliteStore.in_dir(tmp_path)
    await add(store, "aaaaaa")
    await store.close()
    again = SqliteStore.in_dir(tmp_path)
    assert await again.get("aaaaaa") is not None
    assert version(again.conn) == len(MIGRATIONS)
    await again.close()


async def test_a_version_1_database_is_upgraded_keeping_its_jobs(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "jobs.sqlite3", isolation_level=None)
    migrate(conn, [V1])
    conn.executemany(
        "INSERT INTO jobs (id, url, state, interaction_token, created_at, updated_at,"
        " next_attempt_at, upload_nonce) VALUES (?, 'u', ?, 'secret', 0, 0, 0, 'n')",
        [("done01", "done"), ("done02", "done"), ("wait01", "queued")],
    )
    conn.close()
    store = SqliteStore.in_dir(tmp_path)
    assert await store.counts() == {"done": 2, "queued": 1}
    assert (await store.get("done01")).interaction_token is None  # finished: token dropped
    assert (await store.get("wait01")).interaction_token == "secret"
    assert (await store.get("wait01")).upload_tries == 0
    await store.close()


def test_migrations_run_in_order_from_the_stored_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    steps = [
        "CREATE TABLE t (a INTEGER)",
        "ALTER TABLE t ADD COLUMN b TEXT; CREATE INDEX i ON t (b)",
    ]
    assert migrate(conn, steps[:1]) == 1
    assert migrate(conn, steps) == 2
    assert [row[1] for row in conn.execute("PRAGMA table_info(t)")] == ["a", "b"]


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, ["CREATE TABLE t (a INTEGER)", "ALTER TABLE missing ADD COLUMN b"])
    assert version(conn) == 1


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "jobs.sqlite3", isolation_level=None)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(SchemaError, match="upgrade boss-bot"):
        SqliteStore.in_dir(tmp_path)


async def test_every_field_survives_a_round_trip(store: JobStore) -> None:
    job = await add(
        store,
        "k3v9qa",
        requester_roles=["Trusted", "Booster"],
        files=["data/tmp/a.mp4", "data/tmp/b.jpg"],
        progress=Progress(done=5, total=10, speed=1.5, eta=3.0, file_index=2, file_count=7),
        guild_id=1,
        interaction_token="secret",
        token_expires_at=123.5,
        upload_tries=2,
        batches_done=1,
    )
    assert await store.get("k3v9qa") == job
    assert await store.get("nothere") is None


async def test_a_transition_commits_the_state_with_its_fields(
    store: JobStore, clock: FakeClock
) -> None:
    await add(store, "aaaaaa")
    clock.t += 10
    job = await store.transition("aaaaaa", "start", lease_owner="me", lease_expires_at=clock.t)
    stored = await store.get("aaaaaa")
    assert stored == job
    assert (stored.state, stored.lease_owner, stored.updated_at) == ("fetching", "me", clock.t)


async def test_a_final_transition_stamps_the_time_and_drops_lease_and_token(
    store: JobStore, clock: FakeClock
) -> None:
    await add(store, "aaaaaa", interaction_token="secret", token_expires_at=clock.t + 900)
    await store.transition("aaaaaa", "start", lease_owner="me", lease_expires_at=clock.t + 60)
    await store.transition("aaaaaa", "fail", owner="me", error_kind="not_found")
    job = await store.get("aaaaaa")
    assert (job.state, job.finished_at, job.lease_owner, job.error_kind) == (
        "failed",
        clock.t,
        None,
        "not_found",
    )
    assert (job.interaction_token, job.token_expires_at) == (None, None)


async def test_a_refused_transition_changes_nothing(store: JobStore) -> None:
    await add(store, "aaaaaa")
    with pytest.raises(TransitionNotAllowed):
        await store.transition("aaaaaa", "delivered", files=["x"])
    assert (await store.get("aaaaaa")).files == []
    assert (await store.get("aaaaaa")).state == "queued"


async def test_writes_by_a_process_without_the_lease_are_refused(store: JobStore) -> None:
    await add(store, "aaaaaa")
    await store.transition("aaaaaa", "start", lease_owner="other")
    with pytest.raises(LeaseLost):
        await store.transition("aaaaaa", "fetched", owner="me")
    assert not await store.update("aaaaaa", owner="me", progress=Progress(done=1))
    assert await store.update("aaaaaa", owner="other", progress=Progress(done=2))
    job = await store.get("aaaaaa")
    assert (job.state, job.progress) == ("fetching", Progress(done=2))


async def test_transition_of_an_unknown_job_raises_no_job(store: JobStore) -> None:
    with pytest.raises(NoJob):
        await store.transition("nothere", "cancel")


async def test_unknown_fields_are_refused(store: JobStore) -> None:
    await add(store, "aaaaaa")
    with pytest.raises(KeyError):
        await store.update("aaaaaa", **{"state = 'done'; --": 1})
    with pytest.raises(KeyError):
        await store.transition("aaaaaa", "start", colour="red")
    assert (await store.get("aaaaaa")).state == "queued"
