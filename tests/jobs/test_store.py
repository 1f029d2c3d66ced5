"""The SQLite job store: schema migrations, transitions committed with their fields, queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bossbot.errors import NoJob
from bossbot.fetch.base import Progress
from bossbot.jobs import Job, JobStore, TransitionNotAllowed
from bossbot.jobs.schema import MIGRATIONS, SchemaError, migrate, version
from bossbot.jobs.store import LeaseLost
from tests.fakes.jobs import FakeClock


def add(store: JobStore, job_id: str, **fields: object) -> Job:
    now = store.clock.now()
    values = {"created_at": now, "updated_at": now, "next_attempt_at": now, **fields}
    return store.insert(Job(id=job_id, url=f"https://x.test/{job_id}", **values))  # type: ignore[arg-type]


def test_a_new_file_is_migrated_to_the_latest_version_in_wal_mode(tmp_path: Path) -> None:
    store = JobStore.in_dir(tmp_path / "data")
    assert (tmp_path / "data" / "jobs.sqlite3").is_file()
    assert version(store.conn) == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_reopening_keeps_the_rows_and_applies_nothing_twice(tmp_path: Path) -> None:
    store = JobStore.in_dir(tmp_path)
    add(store, "aaaaaa")
    store.close()
    again = JobStore.in_dir(tmp_path)
    assert again.get("aaaaaa") is not None
    assert version(again.conn) == len(MIGRATIONS)
    again.close()


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
        JobStore.in_dir(tmp_path)


def test_every_field_survives_a_round_trip(store: JobStore) -> None:
    job = add(
        store,
        "k3v9qa",
        requester_roles=["Trusted", "Booster"],
        files=["data/tmp/a.mp4", "data/tmp/b.jpg"],
        progress=Progress(done=5, total=10, speed=1.5, eta=3.0, file_index=2, file_count=7),
        guild_id=1,
        interaction_token="secret",
        token_expires_at=123.5,
    )
    assert store.get("k3v9qa") == job
    assert store.get("nothere") is None


def test_a_transition_commits_the_state_with_its_fields(store: JobStore, clock: FakeClock) -> None:
    add(store, "aaaaaa")
    clock.t += 10
    job = store.transition("aaaaaa", "start", lease_owner="me", lease_expires_at=clock.t + 60)
    stored = store.get("aaaaaa")
    assert stored == job
    assert (stored.state, stored.lease_owner, stored.updated_at) == ("fetching", "me", clock.t)


def test_a_final_transition_stamps_finish_time_and_drops_the_lease(
    store: JobStore, clock: FakeClock
) -> None:
    add(store, "aaaaaa")
    store.transition("aaaaaa", "start", lease_owner="me", lease_expires_at=clock.t + 60)
    job = store.transition("aaaaaa", "fail", owner="me", error_kind="not_found")
    assert (job.state, job.finished_at, job.lease_owner, job.error_kind) == (
        "failed",
        clock.t,
        None,
        "not_found",
    )


def test_a_refused_transition_changes_nothing(store: JobStore) -> None:
    add(store, "aaaaaa")
    with pytest.raises(TransitionNotAllowed):
        store.transition("aaaaaa", "delivered", files=["x"])
    assert store.get("aaaaaa").files == []
    assert store.get("aaaaaa").state == "queued"


def test_a_transition_by_a_process_without_the_lease_is_refused(store: JobStore) -> None:
    add(store, "aaaaaa")
    store.transition("aaaaaa", "start", lease_owner="other")
    with pytest.raises(LeaseLost):
        store.transition("aaaaaa", "fetched", owner="me")
    assert store.get("aaaaaa").state == "fetching"


def test_transition_of_an_unknown_job_raises_no_job(store: JobStore) -> None:
    with pytest.raises(NoJob):
        store.transition("nothere", "cancel")


def test_unknown_fields_are_refused(store: JobStore) -> None:
    add(store, "aaaaaa")
    with pytest.raises(KeyError):
        store.update("aaaaaa", **{"state = 'done'; --": 1})
    with pytest.raises(KeyError):
        store.transition("aaaaaa", "start", colour="red")
    assert store.get("aaaaaa").state == "queued"
