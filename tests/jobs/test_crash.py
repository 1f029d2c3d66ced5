"""Crash recovery: a worker killed with SIGKILL mid-download; a restart finishes the job once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bossbot.jobs import Executor, SqliteStore
from bossbot.jobs.postgres import PostgresStore
from bossbot.settings import Settings
from tests.fakes.jobs import (
    FakeClock,
    FakeFetch,
    Recorder,
    add,
    finish,
    make_spec,
    passthrough,
    write,
)  # fmt: skip

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("crash_worker.py")


@dataclass
class Keeper(Recorder):
    """A delivery that keeps the bytes it was given."""

    got: dict[str, bytes] = field(default_factory=dict)

    async def post(self, job: object, index: int, count: int, files: list[Path]) -> None:
        await super().post(job, index, count, files)
        self.got.update({path.name: path.read_bytes() for path in files})


def run_worker_until_fetching(data_dir: Path, *url: str) -> str:
    """Start the worker, wait until it is mid-download, SIGKILL it; return the job id."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(data_dir), *url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        lines = [proc.stdout.readline().strip() for _ in range(2)]
        assert "FETCHING" in lines, lines
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=10)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    return next(line for line in lines if line != "FETCHING")


@pytest.mark.slow
async def test_a_killed_worker_s_job_is_finished_exactly_once_by_a_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    job_id = run_worker_until_fetching(data_dir)
    store = SqliteStore.in_dir(data_dir, FakeClock(start=time.time() + 60))  # its lease ran out
    left = await store.get(job_id)
    assert (left.state, left.attempt) == ("fetching", 1)
    assert (data_dir / "tmp" / job_id / "clip.mp4").read_bytes() == b"half"

    keeper, fetch = Keeper(), FakeFetch(write("clip.mp4", b"the whole clip"))
    executor = Executor(
        store,
        spec=make_spec(),
        settings=Settings(data_dir=data_dir),
        fetch=fetch,
        validate=passthrough,
        delivery=keeper,
    )
    await executor.start()
    try:
        done = await finish(executor, job_id)
    finally:
        await executor.stop()
    assert (done.state, done.attempt, len(fetch.calls)) == ("done", 2, 1)
    assert keeper.deliveries == [(job_id, [["clip.mp4"]])]
    assert keeper.got == {"clip.mp4": b"the whole clip"}
    assert list((data_dir / "tmp").iterdir()) == []
    await store.close()


@pytest.mark.slow
async def test_a_killed_worker_s_job_is_taken_over_at_once_by_a_worker_of_the_same_host(
    tmp_path: Path, pg_url: str
) -> None:
    job_id = run_worker_until_fetching(tmp_path / "dead", pg_url)
    store = PostgresStore(pg_url)  # the real clock: the dead worker's lease has 30 s to go
    await store.connect()
    left = await store.get(job_id)
    assert left.state == "fetching"
    assert left.lease_expires_at > time.time() + 20
    keeper, fetch = Keeper(), FakeFetch(write("clip.mp4", b"the whole clip"))
    executor = Executor(
        store, spec=make_spec(), settings=Settings(data_dir=tmp_path / "alive"), fetch=fetch,
        validate=passthrough, delivery=keeper,
    )  # fmt: skip
    await executor.start()  # its pid is gone: no need to wait for the lease
    try:
        done = await finish(executor, job_id)
    finally:
        await executor.stop()
        await store.close()
    assert (done.state, done.attempt, len(fetch.calls)) == ("done", 2, 1)
    assert keeper.deliveries == [(job_id, [["clip.mp4"]])]


async def test_a_job_of_a_worker_on_another_host_is_taken_over_when_its_lease_expires(
    pg_url: str, tmp_path: Path
) -> None:
    clock = FakeClock()
    store = PostgresStore(pg_url, clock)
    await store.connect()
    await add(store, "far001", state="fetching", lease_owner="elsewhere:1:ab",
              lease_expires_at=clock.t + 60)  # fmt: skip
    keeper = Keeper()
    executor = Executor(
        store, spec=make_spec(), settings=Settings(data_dir=tmp_path), fetch=FakeFetch(),
        validate=passthrough, delivery=keeper, clock=clock,
    )  # fmt: skip
    await executor.start()
    try:
        assert (await store.get("far001")).lease_owner == "elsewhere:1:ab"  # may still run
        await clock.advance(61)  # its lease expired: the next beat takes the job over
        await clock.advance(5)
        assert (await finish(executor, "far001")).state == "done"
    finally:
        await executor.stop()
        await store.close()
    assert keeper.deliveries == [("far001", [["clip.mp4"]])]
