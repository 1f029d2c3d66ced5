"""Fixtures of the job tests: a real store, a fake clock, an executor factory.

The store is SQLite in tmp_path, then a PostgreSQL database of the test's own.
Every test taking ``store`` runs twice, once on each backend: the store contract suite.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bossbot.jobs import Executor, JobStore, SqliteStore
from bossbot.jobs.postgres import PostgresStore
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, executor_on


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest_asyncio.fixture
async def sqlite_store(data_dir: Path, clock: FakeClock) -> AsyncIterator[SqliteStore]:
    store = SqliteStore.in_dir(data_dir, clock)
    yield store
    await store.close()


@pytest_asyncio.fixture(params=["sqlite", "postgres"])
async def store(
    request: pytest.FixtureRequest, data_dir: Path, clock: FakeClock
) -> AsyncIterator[JobStore]:
    """The store on each backend in turn."""
    if request.param == "sqlite":
        made: JobStore = SqliteStore.in_dir(data_dir, clock)
    else:
        made = PostgresStore(request.getfixturevalue("pg_url"), clock)
    await made.connect()
    yield made
    await made.close()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest_asyncio.fixture
async def make_executor(
    store: JobStore, clock: FakeClock, data_dir: Path, recorder: Recorder
) -> AsyncIterator[Callable[..., Executor]]:
    """``make(fetch, **limits)`` builds an executor (not started) over the shared store."""
    made: list[Executor] = []

    def make(fetch: FakeFetch | None = None, *, options: Any = None, **limits: Any) -> Executor:
        executor = executor_on(store, data_dir, recorder, fetch, options, **limits)
        made.append(executor)
        return executor

    yield make
    for executor in made:
        await executor.stop()
