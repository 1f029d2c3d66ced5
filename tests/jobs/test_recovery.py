"""Stop and start again: running jobs resume, uploads resume without posting twice."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from bossbot.jobs import Executor, Job, JobStore
from bossbot.jobs.recovery import recover
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, add, block, finish, until, write
from tests.jobs.test_executor import request

Make = Callable[..., Executor]


async def leftover(
    store: JobStore, data_dir: Path, job_id: str, state: str, **fields: object
) -> Job:
    """A job as a dead process left it, with a file in its temp dir."""
    tmp = data_dir / "tmp" / job_id
    tmp.mkdir(parents=True)
    (tmp / "clip.mp4").write_bytes(b"media")
    return await add(store, job_id, state=state, files=[str(tmp / "clip.mp4")], **fields)


async def test_stop_leaves_a_running_job_resumable_and_a_restart_finishes_it(
    make_executor: Make, recorder: Recorder, data_dir: Path
) -> None:
    fetch = FakeFetch(block)
    first = make_executor(fetch)
    await first.start()
    job = await first.submit(request())
    await until(lambda: fetch.started.is_set())
    await first.stop()
    stopped = await first.store.get(job.id)
    assert (stopped.state, stopped.lease_owner, stopped.error_kind) == ("fetching", None, None)
    second = make_executor(FakeFetch(write()))
    await second.start()
    done = await finish(second, job.id)
    assert (done.state, done.attempt) == ("done", 2)
    assert recorder.names(job.id).count("recover") == 1
    assert len(recorder.deliveries) == 1
    assert not (data_dir / "tmp" / job.id).exists()


async def test_an_interrupted_upload_is_delivered_again_without_downloading(
    make_executor: Make, store: JobStore, recorder: Recorder, data_dir: Path
) -> None:
    job = await leftover(store, data_dir, "upld01", "uploading")
    fetch = FakeFetch()
    executor = make_executor(fetch)
    await executor.start()
    done = await finish(executor, job.id)
    assert (done.state, done.attempt, fetch.calls) == ("done", 1, [])
    assert recorder.deliveries == [("upld01", [["clip.mp4"]])]
    assert not (data_dir / "tmp" / job.id).exists()


async def test_a_batch_posted_but_not_recorded_before_a_crash_is_not_posted_again(
    make_executor: Make, store: JobStore, recorder: Recorder, data_dir: Path
) -> None:
    job = await leftover(store, data_dir, "upld02", "uploading", upload_tries=1)
    for name in ("b.jpg", "c.jpg"):
        (data_dir / "tmp" / job.id / name).write_bytes(b"x")
    files = [str(data_dir / "tmp" / job.id / n) for n in ("clip.mp4", "b.jpg", "c.jpg")]
    await store.update(job.id, files=files)
    recorder.posts.append((job.id, 0, ["clip.mp4", "b.jpg"]))  # the dead process posted it
    executor = make_executor()
    await executor.start()
    done = await finish(executor, job.id)
    assert recorder.finds == [job.id]
    assert recorder.deliveries == [(job.id, [["clip.mp4", "b.jpg"], ["c.jpg"]])]
    assert (done.state, done.batches_done, done.upload_tries) == ("done", 2, 2)


async def test_stopping_during_an_upload_redelivers_it_on_the_next_start(
    make_executor: Make, recorder: Recorder
) -> None:
    entered = asyncio.Event()

    class SlowDelivery(Recorder):
        async def post(self, job: Job, index: int, count: int, files: list[Path]) -> None:
            entered.set()
            await asyncio.Event().wait()

    first = make_executor()
    first.life.delivery = SlowDelivery()
    await first.start()
    job = await first.submit(request())
    await asyncio.wait_for(entered.wait(), 5)
    await first.stop()
    assert (await first.store.get(job.id)).state == "uploading"
    second = make_executor()
    await second.start()
    assert (await finish(second, job.id)).state == "done"
    assert recorder.deliveries == [(job.id, [["clip.mp4"]])]
    assert recorder.finds == [job.id]  # the second delivery first looked for the post


async def test_a_job_that_crashed_on_its_last_attempt_fails(
    make_executor: Make, store: JobStore, data_dir: Path
) -> None:
    job = await leftover(store, data_dir, "last01", "validating", attempt=3, max_attempts=3)
    await make_executor().start()
    failed = await store.get(job.id)
    assert (failed.state, failed.error_kind) == ("failed", "internal")
    assert not (data_dir / "tmp" / job.id).exists()


async def test_the_command_line_fails_stale_jobs_instead_of_resuming_them(
    make_executor: Make, store: JobStore, data_dir: Path
) -> None:
    job = await leftover(store, data_dir, "cli001", "fetching", origin="cli")
    other = await leftover(store, data_dir, "bot001", "fetching")
    await make_executor(options={"origin": "cli", "resume": False, "only_own": True}).start()
    assert (await store.get(job.id)).state == "failed"
    assert (await store.get(other.id)).state == "fetching"  # another origin: not ours to touch


async def test_a_live_lease_of_another_process_is_respected_until_it_expires(
    make_executor: Make, store: JobStore, clock: FakeClock, data_dir: Path
) -> None:
    job = await leftover(
        store, data_dir, "busy01", "fetching", lease_owner="x", lease_expires_at=clock.t + 30
    )
    executor = make_executor()
    await executor.start()
    assert (await store.get(job.id)).state == "fetching"
    assert (data_dir / "tmp" / job.id).is_dir()
    await clock.advance(40)  # a heartbeat after the expiry recovers it
    assert (await finish(executor, job.id)).attempt == 2


async def test_start_removes_temp_dirs_of_finished_and_unknown_jobs(
    make_executor: Make, store: JobStore, data_dir: Path
) -> None:
    await leftover(store, data_dir, "done01", "done")
    await leftover(store, data_dir, "queue1", "queued", next_attempt_at=store.clock.now() + 99)
    (data_dir / "tmp" / "ghost1").mkdir()
    await make_executor().start()
    assert sorted(p.name for p in (data_dir / "tmp").iterdir()) == ["queue1"]


async def test_a_stale_job_another_process_recovers_first_is_left_to_it(
    make_executor: Make, store: JobStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await leftover(store, data_dir, "race01", "fetching")  # no lease: its process died
    listed = store.stale

    async def listed_then_taken(now: float, origin: str) -> list[Job]:
        found = await listed(now, origin)
        # another process, same database
        await store.take_lease("race01", "other:1:x", store.clock.now() + 60)
        return found

    monkeypatch.setattr(store, "stale", listed_then_taken)
    await make_executor().start()
    left = await store.get("race01")
    assert (left.state, left.attempt, left.lease_owner) == ("fetching", 1, "other:1:x")
    assert (data_dir / "tmp" / "race01" / "clip.mp4").is_file()  # its files are the other's


async def test_finished_jobs_are_pruned_after_the_declared_days(
    make_executor: Make, store: JobStore, clock: FakeClock
) -> None:
    day = 86_400
    await add(store, "old001", state="done", finished_at=clock.t - 2 * day, interaction_token=None)
    await add(store, "new001", state="failed", finished_at=clock.t - day / 2)
    await make_executor(keep_finished_days=1).start()
    await clock.advance(20)  # the next lease renewal also prunes

    async def pruned() -> bool:
        return [job.id for job in await store.recent()] == ["new001"]

    await until(pruned)


async def test_a_stale_job_whose_task_still_runs_here_is_left_to_it(
    make_executor: Make, store: JobStore, data_dir: Path
) -> None:
    await leftover(store, data_dir, "mine01", "fetching")  # its lease lapsed while it ran here
    executor = make_executor()
    redeliver = await recover(
        executor.ledger, origin="bot", ttl=60, resume=True, running={"mine01"}
    )
    assert redeliver == []
    mine = await store.get("mine01")
    assert (mine.state, mine.attempt) == ("fetching", 1)


async def test_an_end_no_status_message_showed_is_told_again_once_it_is_a_lease_old(
    make_executor: Make, store: JobStore, recorder: Recorder, clock: FakeClock
) -> None:
    await add(store, "ended1", state="fetching", status_message_id=7, channel_id=3)
    ended = await store.transition("ended1", "fail", error_kind="not_found", error_text="gone")
    await add(store, "quiet1", state="fetching")  # no status message: nothing to show
    assert (ended.untold, (await store.transition("quiet1", "cancel")).untold) == (True, False)
    executor = make_executor()
    await executor.start()
    await clock.advance(30)  # its own process may still be showing it
    assert recorder.names("ended1") == []
    await clock.advance(40)
    await until(lambda: recorder.names("ended1") == ["fail"])
    [(job, event)] = [(j, e) for j, e in recorder.seen if j.id == "ended1"]
    assert (job.state, job.error_kind, event.again) == ("failed", "not_found", True)
    await clock.advance(60)  # told once by this process, however long it stays untold
    assert recorder.names("ended1") == ["fail"]
    assert recorder.names("quiet1") == []
    await store.update("ended1", untold=False)  # what the status messages do once shown
    assert await store.untold("bot", clock.t) == []
