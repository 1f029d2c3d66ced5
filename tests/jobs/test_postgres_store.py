"""The PostgreSQL store's own parts: migrations, connection errors, notices."""

from __future__ import annotations

import asyncio

import psycopg
import pytest

from bossbot.jobs import JobRequest
from bossbot.jobs.postgres import MIGRATIONS, PostgresStore, connect, migrate, version
from bossbot.jobs.store import SchemaError, StoreError
from tests.fakes.jobs import FakeClock, until


async def test_a_new_database_is_migrated_once_even_by_processes_starting_together(
    pg_url: str,
) -> None:
    stores = [PostgresStore(pg_url) for _ in range(4)]
    await asyncio.gather(*(store.connect() for store in stores))
    async with await connect(pg_url) as conn:
        assert await version(conn) == len(MIGRATIONS)
        assert await migrate(conn) == len(MIGRATIONS)  # nothing left to apply
    for store in stores:
        await store.close()


async def test_migrations_run_in_order_from_the_stored_version(pg_url: str) -> None:
    steps = [
        "CREATE TABLE t (a integer)",
        "ALTER TABLE t ADD COLUMN b text; CREATE INDEX i ON t (b)",
    ]
    async with await connect(pg_url) as conn:
        assert await migrate(conn, steps[:1]) == 1
        assert await migrate(conn, steps) == 2
        with pytest.raises(psycopg.errors.UndefinedTable):
            await migrate(conn, [*steps, "ALTER TABLE missing ADD COLUMN c text"])
        assert await version(conn) == 2  # the failed migration left nothing behind


async def test_a_database_from_a_newer_version_is_refused_in_one_line(pg_url: str) -> None:
    async with await connect(pg_url) as conn:
        await migrate(conn)
        await conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(
        SchemaError, match=f"schema version 99, this boss-bot knows {len(MIGRATIONS)}"
    ):
        await PostgresStore(pg_url).connect()


async def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        await PostgresStore("postgresql://bot:s3cret@127.0.0.1:1/jobs").connect()
    text = str(caught.value)
    assert text.startswith("BOSSBOT_DATABASE_URL (127.0.0.1:1/jobs) is unusable: ")
    assert "s3cret" not in text
    assert "\n" not in text


async def test_notices_wake_other_processes_and_name_the_cancelled_job(pg_url: str) -> None:
    clock = FakeClock()
    writer, listener = PostgresStore(pg_url, clock), PostgresStore(pg_url, clock)
    await writer.connect()
    await listener.connect()
    woken, cancelled = [], []
    listening = asyncio.ensure_future(listener.listen(lambda: woken.append(1), cancelled.append))
    try:
        await until(lambda: woken)  # listening: once at the start, for what it may have missed
        request = JobRequest(url="https://x.test/v", cap=1)
        job = request.new_job(origin="bot", max_attempts=3, now=clock.t)
        await writer.admit(job, max_queue=5, user_limit=5)
        await until(lambda: len(woken) == 2)  # queued
        await writer.claim("bot", "w:1:a", clock.t + 60)
        await writer.transition(job.id, "cancel")
        await until(lambda: cancelled == [job.id])
    finally:
        listening.cancel()
        await asyncio.gather(listening, return_exceptions=True)
        await writer.close()
        await listener.close()
