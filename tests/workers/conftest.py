"""Real worker processes (forked by the shared zygote) with a real guard process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest_asyncio

from bossbot.settings import Settings
from bossbot.spec import Budgets, Spec
from bossbot.spec.fit import Fit
from bossbot.workers import Workers
from tests.fakes.jobs import make_spec
from tests.fetch.conftest import COMMANDS

SITES = Spec.model_validate(__import__("tomllib").loads(COMMANDS.read_text())).sites


def spec_with(fit: dict[str, Any] | None = None, **budgets: Any) -> Spec:
    """A small spec with the shipped site groups, the given ``[budgets]`` and ``[fit]``."""
    spec = make_spec()
    checked = Budgets.model_validate({**spec.budgets.model_dump(), **budgets})
    fitting = Fit.model_validate({**spec.fit.model_dump(), **(fit or {})})
    return spec.model_copy(update={"sites": SITES, "budgets": checked, "fit": fitting})


@pytest_asyncio.fixture
async def make_workers(tmp_path: Path) -> AsyncIterator[Callable[..., Workers]]:
    """``make(fit, **budgets)``: started Workers allowed to reach 127.0.0.1 only."""
    made: list[Workers] = []

    async def make(fit: dict[str, Any] | None = None, **budgets: Any) -> Workers:
        settings = Settings(data_dir=tmp_path / "data", allow_private_urls="127.0.0.1/32")
        workers = Workers(settings, spec_with(fit, **budgets))
        await workers.start()
        made.append(workers)
        return workers

    yield make
    for workers in made:
        await workers.stop()


async def fetch(workers: Workers, url: str, dest: Path, cap: int = 1_000_000, **kw: Any):
    """Fetch ``url`` with ``workers``; returns the files and the progress reports."""
    seen: list[Any] = []
    dest.mkdir(parents=True, exist_ok=True)
    got = await workers.fetch(url, dest, spec=workers.spec, cap=cap, on_progress=seen.append, **kw)
    return got.files, seen


async def running(workers: Workers, seconds: float = 20) -> int:
    """The pid of the worker that runs now (waits for one to start)."""
    for _ in range(int(seconds / 0.02)):
        if workers.running:
            return next(iter(workers.running)).pid
        await asyncio.sleep(0.02)
    raise AssertionError("no worker started")
