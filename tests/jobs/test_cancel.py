"""Cancelling jobs: queued ones at once, running ones stop and leave no files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bossbot.errors import AlreadyFinished, NoJob
from bossbot.jobs import Executor, JobStore
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, block, until
from tests.jobs.test_executor import request

Make = Callable[..., Executor]


async def test_cancelling_a_queued_job_cancels_it_without_fetching(
    make_executor: Make, recorder: Recorder
) -> None:
    fetch = FakeFetch()
    executor = make_executor(fetch)
    job = await executor.submit(request())
    cancelled = await executor.cancel(job.id)
    await executor.start()
    assert (cancelled.state, fetch.calls) == ("cancelled", [])
    assert recorder.names(job.id) == ["queued", "cancel"]
    assert (await executor.wait(job.id)).state == "cancelled"


async def test_cancelling_a_running_download_stops_it_and_removes_its_files(
    make_executor: Make, recorder: Recorder, data_dir: Path
) -> None:
    fetch = FakeFetch(block)
    executor = make_executor(fetch)
    await executor.start()
    job = await executor.submit(request())
    await until(lambda: fetch.started.is_set())
    assert (data_dir / "tmp" / job.id / "clip.mp4.part").is_file()
    cancelled = await executor.cancel(job.id)
    assert (cancelled.state, fetch.cancelled) == ("cancelled", 1)
    assert not (data_dir / "tmp" / job.id).exists()
    assert recorder.names(job.id)[-1] == "cancel"
    assert recorder.deliveries == []


async def test_a_job_cancelled_by_another_process_stops_at_the_next_heartbeat(
    make_executor: Make, store: JobStore, clock: FakeClock, data_dir: Path
) -> None:
    fetch = FakeFetch(block)
    executor = make_executor(fetch, job_timeout=600)
    await executor.start()
    job = await executor.submit(request())
    await until(lambda: fetch.started.is_set())
    store.transition(job.id, "cancel")  # as another process sharing the file would
    await clock.advance(executor.rt.lease_ttl / 3)
    await until(lambda: fetch.cancelled == 1)
    assert (await executor.wait(job.id)).state == "cancelled"
    assert not (data_dir / "tmp" / job.id).exists()


async def test_cancelling_a_finished_job_says_it_has_finished(make_executor: Make) -> None:
    executor = make_executor()
    await executor.start()
    job = await executor.wait((await executor.submit(request())).id)
    with pytest.raises(AlreadyFinished) as caught:
        await executor.cancel(job.id)
    assert caught.value.data == {"job": job.id, "state": "done"}


async def test_cancelling_an_unknown_job_says_there_is_none(make_executor: Make) -> None:
    with pytest.raises(NoJob):
        await make_executor().cancel("nothere")
