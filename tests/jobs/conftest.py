"""Fixtures of the job tests: a real store in tmp_path, a fake clock, an executor factory."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bossbot.jobs import Executor, SqliteStore
from bossbot.settings import Settings
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, make_spec, passthrough


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> SqliteStore:
    store = SqliteStore.in_dir(data_dir, clock)
    yield store
    store.conn.close()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest_asyncio.fixture
async def make_executor(
    store: SqliteStore, clock: FakeClock, data_dir: Path, recorder: Recorder
) -> AsyncIterator[Callable[..., Executor]]:
    """``make(fetch, **limits)`` builds an executor (not started) over the shared store."""
    made: list[Executor] = []

    def make(fetch: FakeFetch | None = None, *, options: Any = None, **limits: Any) -> Executor:
        executor = Executor(
            store,
            spec=make_spec(**limits),
            settings=Settings(data_dir=data_dir, allow_private_urls=True),
            fetch=fetch or FakeFetch(),
            validate=passthrough,
            delivery=recorder,
            listeners=[recorder],
            clock=clock,
            **(options or {}),
        )
        made.append(executor)
        return executor

    yield make
    for executor in made:
        await executor.stop()
