"""The executor: runs jobs to the end, retries, fails, times out, bounds the queue."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from pathlib import Path

from bossbot.errors import BadMedia, NetworkError, NotFound, SiteDown
from bossbot.jobs import Executor, JobRequest
from bossbot.jobs.model import Job
from bossbot.jobs.plugins import JobEvent
from bossbot.jobs.retry import backoff_delay
from tests.fakes.jobs import FakeClock, FakeFetch, Recorder, block, finish, holds, until, write

Make = Callable[..., Executor]


def request(
    user: int = 1, priority: int = 0, limit: int = 3, url: str = "https://x.test/v"
) -> JobRequest:
    return JobRequest(url=url, cap=1000, requester_id=user, priority=priority, user_limit=limit)


class Half:
    """An rng whose jitter is always exactly half."""

    def random(self) -> float:
        return 0.5


async def test_a_job_runs_through_every_state_and_is_delivered_once(
    make_executor: Make, recorder: Recorder, data_dir: Path
) -> None:
    executor = make_executor(FakeFetch(write("a.mp4"), write("b.mp4")))
    await executor.start()
    job = await executor.submit(request())
    done = await finish(executor, job.id)
    assert done.state == "done"
    assert recorder.names(job.id) == [
        "queued",
        "start",
        "progress",
        "fetched",
        "validated",
        "delivered",
    ]
    assert recorder.deliveries == [(job.id, [["a.mp4"]])]
    assert not (data_dir / "tmp" / job.id).exists()
    assert (done.attempt, done.started_at is not None, done.finished_at is not None) == (
        1,
        True,
        True,
    )


async def test_files_are_delivered_in_batches_of_the_attachment_limit(
    make_executor: Make, recorder: Recorder
) -> None:
    async def gallery(dest: Path, on_progress: object) -> list[Path]:
        for n in range(5):
            (dest / f"{n}.jpg").write_bytes(b"x")
        return [dest / f"{n}.jpg" for n in range(5)]

    executor = make_executor(FakeFetch(gallery))
    await executor.start()
    job = await finish(executor, (await executor.submit(request())).id)
    assert recorder.deliveries[0][1] == [["0.jpg", "1.jpg"], ["2.jpg", "3.jpg"], ["4.jpg"]]
    assert len(job.files) == 5


async def test_fetch_gets_the_cap_the_settings_and_the_bandwidth_limit(make_executor: Make) -> None:
    fetch = FakeFetch()
    executor = make_executor(fetch, bandwidth_limit="1MiB")
    await executor.start()
    await finish(executor, (await executor.submit(request())).id)
    call = fetch.calls[0]
    assert (call["cap"], call["rate_limit"]) == (1000, 1024**2)
    assert call["dest"].name == (await executor.store.recent(1))[0].id


async def test_a_transient_error_is_retried_then_succeeds(
    make_executor: Make, recorder: Recorder, clock: FakeClock
) -> None:
    fetch = FakeFetch(SiteDown("503"), write())
    executor = make_executor(fetch, backoff_base=4, options={"rng": Half()})
    await executor.start()
    job = await executor.submit(request())
    await until(lambda: holds(executor.store, job.id, attempt=2))
    retry = await executor.store.get(job.id)
    assert (retry.state, retry.error_kind, retry.next_attempt_at - clock.t) == (
        "queued",
        "site_down",
        3.0,
    )
    await clock.advance(3.0)
    done = await finish(executor, job.id)
    assert (done.state, done.attempt, len(fetch.calls)) == ("done", 2, 2)
    assert recorder.names(job.id).count("retry") == 1
    assert len(recorder.deliveries) == 1


async def test_a_permanent_error_fails_at_once(
    make_executor: Make, recorder: Recorder, data_dir: Path
) -> None:
    fetch = FakeFetch(NotFound("404"))
    executor = make_executor(fetch, attempts=5)
    await executor.start()
    job = await finish(executor, (await executor.submit(request())).id)
    assert (job.state, job.attempt, job.error_kind, len(fetch.calls)) == (
        "failed",
        1,
        "not_found",
        1,
    )
    _, last_event = recorder.seen[-1]
    assert (last_event.name, last_event.error.kind) == ("fail", "not_found")
    assert recorder.deliveries == []
    assert not (data_dir / "tmp" / job.id).exists()


async def test_backoff_doubles_up_to_the_cap_then_the_job_fails(
    make_executor: Make, recorder: Recorder, clock: FakeClock
) -> None:
    fetch = FakeFetch(NetworkError("reset"))
    executor = make_executor(
        fetch, attempts=5, backoff_base=2, backoff_max=6, options={"rng": Half()}
    )
    await executor.start()
    job = await executor.submit(request())
    delays = []
    for attempt in range(2, 6):
        await until(lambda a=attempt: recorder.names(job.id).count("retry") == a - 1)
        delays.append(recorder.seen[-1][1].retry_in)
        await clock.advance(delays[-1])
    failed = await finish(executor, job.id)
    assert delays == [1.5, 3.0, 4.5, 4.5]  # ceilings 2, 4, 8->6, 16->6; equal jitter at half
    assert (failed.state, failed.attempt, failed.error_kind, len(fetch.calls)) == (
        "failed",
        5,
        "network",
        5,
    )


def test_full_jitter_draws_up_to_the_ceiling_from_the_injected_rng() -> None:
    rng, mirror = random.Random(7), random.Random(7)
    delays = [backoff_delay(n, base=2, cap=10, rng=rng, jitter="full") for n in (1, 2, 3, 4)]
    assert delays == [c * mirror.random() for c in (2, 4, 8, 10)]


async def test_a_job_over_its_time_is_stopped_and_fails_with_timeout(
    make_executor: Make, clock: FakeClock, data_dir: Path
) -> None:
    fetch = FakeFetch(block)
    executor = make_executor(fetch, attempts=1, job_timeout=60)
    await executor.start()
    job = await executor.submit(request())
    await until(lambda: fetch.started.is_set())
    await clock.advance(59)
    assert (await executor.store.get(job.id)).state == "fetching"
    await clock.advance(1)
    failed = await finish(executor, job.id)
    assert (failed.state, failed.error_kind, fetch.cancelled) == ("failed", "timeout", 1)
    assert not (data_dir / "tmp" / job.id).exists()


async def test_waiting_for_a_job_returns_once_its_end_is_told_and_its_files_are_gone(
    make_executor: Make, data_dir: Path
) -> None:
    gate = asyncio.Event()

    class Slow:
        async def on_update(self, job: Job, event: JobEvent) -> None:
            if event.name == "delivered":
                await gate.wait()

    executor = make_executor(FakeFetch(write()))
    executor.notifier.listeners.insert(0, Slow())
    await executor.start()
    job = await executor.submit(request())
    await until(lambda: holds(executor.store, job.id, state="done"))
    waiting = asyncio.ensure_future(executor.wait(job.id))
    await asyncio.sleep(0.05)
    assert not waiting.done()
    assert (data_dir / "tmp" / job.id).exists()
    gate.set()
    assert (await asyncio.wait_for(waiting, 5)).state == "done"
    assert not (data_dir / "tmp" / job.id).exists()


async def test_a_job_that_times_out_is_retried_when_attempts_are_left(
    make_executor: Make, clock: FakeClock
) -> None:
    fetch = FakeFetch(block, write())
    executor = make_executor(fetch, attempts=2, job_timeout=60, options={"rng": Half()})
    await executor.start()
    job = await executor.submit(request())
    await until(lambda: fetch.started.is_set())
    await clock.advance(60)
    await until(lambda: holds(executor.store, job.id, attempt=2))
    await clock.advance((await executor.store.get(job.id)).next_attempt_at - clock.t)
    assert (await finish(executor, job.id)).state == "done"


async def test_validation_errors_fail_the_job(make_executor: Make) -> None:
    async def refuse(files: list[Path], *, cap: int, dest: Path, **_: object) -> list[Path]:
        raise BadMedia("not media", name=files[0].name)

    executor = make_executor()
    executor.life.validate = refuse
    await executor.start()
    job = await finish(executor, (await executor.submit(request())).id)
    assert (job.state, job.error_kind) == ("failed", "bad_media")


async def test_a_fetch_returning_nothing_fails_with_no_media(make_executor: Make) -> None:
    async def nothing(dest: Path, on_progress: object) -> list[Path]:
        return []

    executor = make_executor(FakeFetch(nothing))
    await executor.start()
    job = await finish(executor, (await executor.submit(request())).id)
    assert (job.state, job.error_kind) == ("failed", "no_media")


async def test_an_unexpected_exception_fails_the_job_as_internal(make_executor: Make) -> None:
    executor = make_executor(FakeFetch(RuntimeError("bug")), attempts=3)
    await executor.start()
    job = await finish(executor, (await executor.submit(request())).id)
    assert (job.state, job.error_kind, job.attempt) == ("failed", "internal", 1)
    assert "RuntimeError: bug" in job.error_text


async def test_a_failing_listener_does_not_fail_the_job(
    make_executor: Make, recorder: Recorder
) -> None:
    class Broken:
        async def on_update(self, job: object, event: object) -> None:
            raise RuntimeError("listener bug")

    executor = make_executor()
    executor.notifier.listeners.insert(0, Broken())
    await executor.start()
    job = await finish(executor, (await executor.submit(request())).id)
    assert job.state == "done"
    assert recorder.names(job.id)[-1] == "delivered"
