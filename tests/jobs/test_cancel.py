"""Cancelling jobs: queued ones at once, running ones stop and leave no files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bossbot.errors import AlreadyFinished, NoJob
from bossbot.jobs import Executor, JobStore
from bossbot.jobs.postgres import PostgresStore
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, block, executor_on, finish, until
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
    assert (await finish(executor, job.id)).state == "cancelled"


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
    make_executor: Make, store: JobStore, clock: FakeClock, data_dir: Path, recorder: Recorder
) -> None:
    fetch = FakeFetch(block)
    executor = make_executor(fetch, job_timeout=600)
    await executor.start()
    job = await executor.submit(request())
    await until(lambda: fetch.started.is_set())
    await store.transition(job.id, "cancel")  # as another process sharing the store would
    await clock.advance(5)  # the next lease renewal (PostgreSQL: at once, by NOTIFY)
    await until(lambda: fetch.cancelled == 1)
    assert (await finish(executor, job.id)).state == "cancelled"
    await until(lambda: not (data_dir / "tmp" / job.id).exists())
    await until(lambda: recorder.names(job.id)[-1:] == ["cancel"])  # its status ends here too


async def test_a_cancel_by_another_process_is_heard_at_once_on_postgres(
    pg_url: str, clock: FakeClock, data_dir: Path, recorder: Recorder
) -> None:
    fetch = FakeFetch(block)
    worker = executor_on(PostgresStore(pg_url, clock), data_dir, recorder, fetch, job_timeout=600)
    gateway = PostgresStore(pg_url, clock)  # another process: its own connections
    await worker.start()
    await gateway.connect()
    try:
        job = await worker.submit(request())
        await until(lambda: fetch.started.is_set())
        await gateway.transition(job.id, "cancel")  # the clock stands still: no renewal
        await until(lambda: fetch.cancelled == 1, limit=2)
        await until(lambda: recorder.names(job.id)[-1:] == ["cancel"], limit=2)
    finally:
        await worker.stop()
        await worker.store.close()
        await gateway.close()


async def test_cancelling_a_finished_job_says_it_has_finished(make_executor: Make) -> None:
    executor = make_executor()
    await executor.start()
    job = await finish(executor, (await executor.submit(request())).id)
    with pytest.raises(AlreadyFinished) as caught:
        await executor.cancel(job.id)
    assert caught.value.data == {"job": job.id, "state": "done"}


async def test_cancelling_an_unknown_job_says_there_is_none(make_executor: Make) -> None:
    with pytest.raises(NoJob):
        await make_executor().cancel("nothere")


async def test_a_job_running_in_another_process_is_cancelled_at_once_here(
    make_executor: Make, store: JobStore, recorder: Recorder
) -> None:
    executor = make_executor()
    job = await executor.submit(request())
    await store.claim("bot", "other:1:x", store.clock.now() + 60)  # it runs elsewhere
    cancelled = await executor.cancel(job.id)
    assert (cancelled.state, cancelled.lease_owner) == ("cancelled", None)
    assert recorder.names(job.id) == ["queued", "cancel"]


async def test_a_job_that_ends_while_being_cancelled_says_it_has_finished(
    make_executor: Make, store: JobStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    executor = make_executor()
    job = await executor.submit(request())
    seen = await store.get(job.id)  # as read by the cancel, just before the job ended
    await store.transition(job.id, "fail", error_kind="not_found")
    reads = iter([seen])
    real_get = store.get

    async def stale_first(job_id: str) -> object:
        return next(reads, None) or await real_get(job_id)

    monkeypatch.setattr(store, "get", stale_first)
    with pytest.raises(AlreadyFinished) as caught:
        await executor.cancel(job.id)
    assert caught.value.data == {"job": job.id, "state": "failed"}
