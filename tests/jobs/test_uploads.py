"""The uploading step: its own deadline, retried without downloading again, posted once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from bossbot.errors import DiscordBusy, NoJob
from bossbot.jobs import Executor, Job, JobStore
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, finish, holds, until, write
from tests.jobs.test_executor import Half, request

Make = Callable[..., Executor]


class Flaky(Recorder):
    """A delivery whose posts fail with the given errors first, or hang when told to."""

    def __init__(self, *errors: Exception, hang: bool = False) -> None:
        super().__init__()
        self.errors, self.hang, self.started = list(errors), hang, asyncio.Event()

    async def post(self, job: Job, index: int, count: int, files: list[Path]) -> None:
        self.started.set()
        if self.hang:
            self.hang = False
            await asyncio.Event().wait()
        if self.errors:
            raise self.errors.pop(0)
        await super().post(job, index, count, files)


async def test_a_failed_upload_is_retried_with_the_files_it_kept(
    make_executor: Make, clock: FakeClock, data_dir: Path
) -> None:
    fetch, delivery = FakeFetch(write("clip.mp4")), Flaky(DiscordBusy("429"))
    executor = make_executor(fetch, backoff_base=4, options={"rng": Half()})
    executor.life.delivery = delivery
    await executor.start()
    job = await executor.submit(request())
    await until(lambda: holds(executor.store, job.id, attempt=2))
    waiting = await executor.store.get(job.id)
    assert (waiting.state, waiting.error_kind) == ("queued", "discord_busy")
    assert waiting.upload_tries == 1
    assert (data_dir / "tmp" / job.id / "clip.mp4").is_file()  # kept for the next attempt
    await clock.advance(3)
    done = await finish(executor, job.id)
    assert (done.state, len(fetch.calls), delivery.finds) == ("done", 1, [job.id])
    assert delivery.deliveries == [(job.id, [["clip.mp4"]])]
    assert not (data_dir / "tmp" / job.id).exists()


async def test_an_upload_has_its_own_deadline_apart_from_the_download(
    make_executor: Make, clock: FakeClock
) -> None:
    fetch, delivery = FakeFetch(write()), Flaky(hang=True)
    executor = make_executor(fetch, job_timeout=60, upload_timeout=300, options={"rng": Half()})
    executor.life.delivery = delivery
    await executor.start()
    job = await executor.submit(request())
    await asyncio.wait_for(delivery.started.wait(), 5)
    await clock.advance(120)  # past job_timeout: the upload goes on
    assert (await executor.store.get(job.id)).state == "uploading"
    await clock.advance(180)  # past upload_timeout: stopped, retried later
    await until(lambda: holds(executor.store, job.id, error_kind="upload_timeout"))
    await clock.advance((await executor.store.get(job.id)).next_attempt_at - clock.t)
    done = await finish(executor, job.id)
    assert (done.state, done.attempt, len(fetch.calls), len(delivery.posts)) == ("done", 2, 1, 1)


async def test_files_removed_before_the_upload_are_downloaded_again(
    make_executor: Make, store: JobStore, clock: FakeClock, data_dir: Path
) -> None:
    await store.insert(Job(id="gone01", url="u", state="uploading", files=["/nowhere/clip.mp4"],
                           created_at=clock.t, next_attempt_at=clock.t))  # fmt: skip
    fetch = FakeFetch(write())
    executor = make_executor(fetch, backoff_base=2, options={"rng": Half()})
    await executor.start()
    await until(lambda: holds(store, "gone01", error_kind="files_lost"))
    assert (await store.get("gone01")).files == []
    await clock.advance((await store.get("gone01")).next_attempt_at - clock.t)
    assert (await finish(executor, "gone01")).state == "done"
    assert len(fetch.calls) == 1


async def test_a_progress_report_after_the_lease_was_lost_is_neither_stored_nor_shown(
    make_executor: Make, store: JobStore, recorder: Recorder
) -> None:
    executor = make_executor()
    job = await executor.submit(request())
    started = await store.claim("bot", "another-process", 1e12)
    executor.ledger.progress(started, started.progress or _half())
    await asyncio.sleep(0.05)
    assert (await store.get(job.id)).progress is None
    assert "progress" not in recorder.names(job.id)


def _half() -> object:
    from bossbot.fetch.base import Progress

    return Progress(done=1, total=2)


async def test_a_delivery_whose_lease_was_taken_over_stops_posting(
    make_executor: Make, store: JobStore
) -> None:
    class Usurped(Recorder):
        async def post(self, job: Job, index: int, count: int, files: list[Path]) -> None:
            await super().post(job, index, count, files)
            await store.update(job.id, lease_owner="other:1:x")  # another process took it

    async def two(dest: Path, on_progress: object) -> list[Path]:
        names = ("a.jpg", "b.jpg", "c.jpg")
        for name in names:
            (dest / name).write_bytes(b"x")
        return [dest / name for name in names]

    executor = make_executor(FakeFetch(two))
    executor.life.delivery = delivery = Usurped()
    await executor.start()
    job = await executor.submit(request())
    await until(lambda: job.id not in executor.scheduler.tasks and delivery.posts)
    left = await store.get(job.id)
    assert (left.state, left.lease_owner, left.batches_done) == ("uploading", "other:1:x", 0)
    assert len(delivery.posts) == 1  # the second batch is the new owner's to post


async def test_waiting_for_an_unknown_job_says_there_is_none(make_executor: Make) -> None:
    with pytest.raises(NoJob):
        await finish(make_executor(), "nothere")
