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
from bossbot.settings import Settings
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, finish, make_spec, passthrough, write

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("crash_worker.py")


@dataclass
class Keeper(Recorder):
    """A delivery that keeps the bytes it was given."""

    got: dict[str, bytes] = field(default_factory=dict)

    async def post(self, job: object, index: int, count: int, files: list[Path]) -> None:
        await super().post(job, index, count, files)
        self.got.update({path.name: path.read_bytes() for path in files})


def run_worker_until_fetching(data_dir: Path) -> str:
    """Start the worker, wait until it is mid-download, SIGKILL it; return the job id."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(data_dir)],
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
