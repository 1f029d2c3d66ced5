"""Stop and start again: running jobs resume, uploads are redone with the same nonce."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from bossbot.jobs import Executor, Job, JobStore
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, block, until, write
from tests.jobs.test_executor import request
from tests.jobs.test_store import add

Make = Callable[..., Executor]


def leftover(store: JobStore, data_dir: Path, job_id: str, state: str, **fields: object) -> Job:
    """A job as a dead process left it, with a file in its temp dir."""
    tmp = data_dir / "tmp" / job_id
    tmp.mkdir(parents=True)
    (tmp / "clip.mp4").write_bytes(b"media")
    return add(store, job_id, state=state, files=[str(tmp / "clip.mp4")], **fields)


async def test_stop_leaves_a_running_job_resumable_and_a_restart_finishes_it(
    make_executor: Make, recorder: Recorder, data_dir: Path
) -> None:
    fetch = FakeFetch(block)
    first = make_executor(fetch)
    await first.start()
    job = await first.submit(request())
    await until(lambda: fetch.started.is_set())
    await first.stop()
    stopped = first.get(job.id)
    assert (stopped.state, stopped.lease_owner, stopped.error_kind) == ("fetching", None, None)
    second = make_executor(FakeFetch(write()))
    await second.start()
    done = await second.wait(job.id)
    assert (done.state, done.attempt) == ("done", 2)
    assert recorder.names(job.id).count("recover") == 1
    assert len(recorder.deliveries) == 1
    assert not (data_dir / "tmp" / job.id).exists()


async def test_an_interrupted_upload_is_delivered_again_with_the_same_nonce(
    make_executor: Make, store: JobStore, recorder: Recorder, data_dir: Path
) -> None:
    job = leftover(store, data_dir, "upld01", "uploading", upload_nonce="nonce-1")
    fetch = FakeFetch()
    executor = make_executor(fetch)
    await executor.start()
    done = await executor.wait(job.id)
    assert (done.state, done.attempt, fetch.calls) == ("done", 1, [])
    assert recorder.deliveries == [("upld01", "nonce-1", [["clip.mp4"]])]
    assert not (data_dir / "tmp" / job.id).exists()


async def test_stopping_during_an_upload_redelivers_it_on_the_next_start(
    make_executor: Make, recorder: Recorder
) -> None:
    entered = asyncio.Event()

    class SlowDelivery:
        async def deliver(self, job: Job, batches: list[list[Path]]) -> None:
            entered.set()
            await asyncio.Event().wait()

    first = make_executor()
    first.rt.delivery = SlowDelivery()
    await first.start()
    job = await first.submit(request())
    await entered.wait()
    await first.stop()
    assert first.get(job.id).state == "uploading"
    second = make_executor()
    await second.start()
    assert (await second.wait(job.id)).state == "done"
    assert recorder.deliveries == [(job.id, job.upload_nonce, [["clip.mp4"]])]


async def test_a_job_that_crashed_on_its_last_attempt_fails(
    make_executor: Make, store: JobStore, data_dir: Path
) -> None:
    job = leftover(store, data_dir, "last01", "validating", attempt=3, max_attempts=3)
    await make_executor().start()
    failed = store.get(job.id)
    assert (failed.state, failed.error_kind) == ("failed", "internal")
    assert not (data_dir / "tmp" / job.id).exists()


async def test_the_command_line_fails_stale_jobs_instead_of_resuming_them(
    make_executor: Make, store: JobStore, data_dir: Path
) -> None:
    job = leftover(store, data_dir, "cli001", "fetching", origin="cli")
    other = leftover(store, data_dir, "bot001", "fetching")
    await make_executor(options={"origin": "cli", "resume": False, "only_own": True}).start()
    assert store.get(job.id).state == "failed"
    assert store.get(other.id).state == "fetching"  # another origin: not ours to touch


async def test_a_live_lease_of_another_process_is_respected_until_it_expires(
    make_executor: Make, store: JobStore, clock: FakeClock, data_dir: Path
) -> None:
    job = leftover(
        store, data_dir, "busy01", "fetching", lease_owner="x", lease_expires_at=clock.t + 30
    )
    executor = make_executor()
    await executor.start()
    assert store.get(job.id).state == "fetching"
    assert (data_dir / "tmp" / job.id).is_dir()
    await clock.advance(40)  # a heartbeat after the expiry recovers it
    assert (await executor.wait(job.id)).attempt == 2


async def test_start_removes_temp_dirs_of_finished_and_unknown_jobs(
    make_executor: Make, store: JobStore, data_dir: Path
) -> None:
    leftover(store, data_dir, "done01", "done")
    leftover(store, data_dir, "queue1", "queued", next_attempt_at=store.clock.now() + 99)
    (data_dir / "tmp" / "ghost1").mkdir()
    await make_executor().start()
    assert sorted(p.name for p in (data_dir / "tmp").iterdir()) == ["queue1"]
