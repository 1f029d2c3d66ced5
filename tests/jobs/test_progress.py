"""Progress reports: throttled to the declared interval, first and last always, persisted."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from pytest_mock import MockerFixture

from bossbot.fetch.base import Progress
from bossbot.jobs import Executor
from bossbot.jobs.throttle import Throttle
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, finish
from tests.jobs.test_executor import request

Make = Callable[..., Executor]


def reports(clock: FakeClock, times: list[float], *, thread: bool = False):
    """A fetch step reporting progress n at clock time ``times[n]`` (from a thread if asked)."""

    async def step(dest: Path, on_progress: Callable[[Progress], None]) -> list[Path]:
        start = clock.t
        for n, at in enumerate(times):
            clock.t = start + at
            report = Progress(done=n + 1, total=len(times))
            if thread:
                await asyncio.to_thread(on_progress, report)
            else:
                on_progress(report)
        (dest / "a.mp4").write_bytes(b"x")
        return [dest / "a.mp4"]

    return step


def progress_done(recorder: Recorder) -> list[int]:
    return [event.progress.done for _, event in recorder.seen if event.name == "progress"]


async def test_reports_are_throttled_to_the_interval_with_first_and_last_kept(
    make_executor: Make, recorder: Recorder, clock: FakeClock, mocker: MockerFixture
) -> None:
    times = [0, 1, 2, 5, 6, 9, 10, 12, 13]  # the last report is 9 of 9 (complete)
    executor = make_executor(FakeFetch(reports(clock, times)), progress_interval=5)
    writes = mocker.spy(executor.store, "update")
    await executor.start()
    job = await finish(executor, (await executor.submit(request())).id)
    assert progress_done(recorder) == [1, 4, 7, 9]  # t=0, t=5, t=10, complete
    assert len([c for c in writes.call_args_list if "progress" in c.kwargs]) == 4
    assert job.progress == Progress(done=9, total=9)


async def test_the_last_held_back_report_is_delivered_when_the_download_ends(
    make_executor: Make, recorder: Recorder, clock: FakeClock
) -> None:
    step = reports(clock, [0, 1, 2])

    async def unknown_total(dest: Path, on_progress: Callable[[Progress], None]) -> list[Path]:
        return await step(dest, lambda p: on_progress(Progress(done=p.done, speed=10.0)))

    executor = make_executor(FakeFetch(unknown_total), progress_interval=5)
    await executor.start()
    job = await finish(executor, (await executor.submit(request())).id)
    assert progress_done(recorder) == [1, 3]
    assert job.progress == Progress(done=3, speed=10.0)


async def test_reports_from_a_worker_thread_reach_the_listeners(
    make_executor: Make, recorder: Recorder, clock: FakeClock
) -> None:
    executor = make_executor(
        FakeFetch(reports(clock, [0, 6, 12], thread=True)), progress_interval=5
    )
    await executor.start()
    await finish(executor, (await executor.submit(request())).id)
    assert progress_done(recorder) == [1, 2, 3]


def test_a_repeated_identical_report_is_not_sent_twice(clock: FakeClock) -> None:
    throttle = Throttle(5, clock)
    report = Progress(done=8, total=8)
    assert throttle.offer(report)
    assert not throttle.offer(report)
    assert throttle.flush() is None


def test_a_gallery_is_complete_only_at_its_last_file(clock: FakeClock) -> None:
    throttle = Throttle(5, clock)
    assert throttle.offer(Progress(done=1, total=1, file_index=1, file_count=3))
    assert not throttle.offer(Progress(done=2, total=2, file_index=2, file_count=3))
    assert throttle.offer(Progress(done=3, total=3, file_index=3, file_count=3))


def test_a_new_stage_is_shown_at_once_then_throttled_again(clock: FakeClock) -> None:
    throttle = Throttle(5, clock)
    assert throttle.offer(Progress(done=1, total=9))
    assert throttle.offer(Progress(done=0, total=1000, stage="compress"))  # fitting began
    assert not throttle.offer(Progress(done=10, total=1000, stage="compress"))
    assert throttle.offer(Progress(done=0, total=1000, stage="recompress"))


async def test_a_progress_report_that_cannot_be_recorded_is_not_shown(
    make_executor: Make, recorder: Recorder, clock: FakeClock, mocker: MockerFixture
) -> None:
    executor = make_executor(FakeFetch(reports(clock, [0])), progress_interval=5)
    real_update = executor.store.update

    async def update(job_id: str, **changes: object) -> bool:
        if "progress" in changes:
            raise OSError("disk full")
        return await real_update(job_id, **changes)

    mocker.patch.object(executor.store, "update", update)
    await executor.start()
    job = await finish(executor, (await executor.submit(request())).id)
    assert job.state == "done"
    assert progress_done(recorder) == []
