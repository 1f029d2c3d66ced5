"""Fakes for job tests: a clock the test moves, scripted fetches, recording plug-ins."""

from __future__ import annotations

import asyncio
import inspect
import sqlite3
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bossbot.fetch.base import Progress
from bossbot.jobs import Executor, Job, JobEvent, JobStore
from bossbot.settings import Settings
from bossbot.spec import Spec

SPEC_BASE: dict[str, Any] = {
    "upload": {"tier_limits": {"0": "10MiB"}, "max_attachments": 2},
    "roles": {"everyone": {"default": True, "max_file_size": "10MiB"}},
    "commands": {
        "help": {"action": "help", "summary": "s", "help": "h", "usage": "u", "examples": ["x"]}
    },
}


def make_spec(**limits: Any) -> Spec:
    """A small valid spec with the given ``[limits]``."""
    return Spec.model_validate({**SPEC_BASE, "limits": limits})


class FakeClock:
    """Time stands still until the test calls :meth:`advance`."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.t = start
        self._sleepers: list[tuple[float, asyncio.Future[None]]] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> Awaitable[None]:
        """Sleep until ``seconds`` after now: the deadline is fixed by this call."""
        return self._until(self.t + seconds)

    async def _until(self, deadline: float) -> None:
        if deadline <= self.t:
            await asyncio.sleep(0)
            return
        entry = (deadline, asyncio.get_running_loop().create_future())
        self._sleepers.append(entry)
        try:
            await entry[1]
        finally:
            self._sleepers.remove(entry)

    async def advance(self, seconds: float) -> None:
        """Move time on, wake the sleepers that are due and let them run."""
        self.t += seconds
        for deadline, future in list(self._sleepers):
            if deadline <= self.t and not future.done():
                future.set_result(None)
        await settle()


async def settle(rounds: int = 20) -> None:
    """Let ready tasks run."""
    for _ in range(rounds):
        await asyncio.sleep(0)


async def holds(store: JobStore, job_id: str, **fields: Any) -> bool:
    """True when the stored job has these field values (a predicate for :func:`until`)."""
    job = await store.get(job_id)
    return job is not None and all(getattr(job, name) == value for name, value in fields.items())


async def add(store: JobStore, job_id: str, **fields: Any) -> Job:
    """Store a job row as given (times default to the store clock's now)."""
    now = store.clock.now()
    values = {"created_at": now, "updated_at": now, "next_attempt_at": now, **fields}
    values.setdefault("url", f"https://x.test/{job_id}")
    return await store.insert(Job(id=job_id, **values))


async def finish(executor: Executor, job_id: str, limit: float = 10.0) -> Job:
    """The job once it has ended; fail the test after ``limit`` real seconds."""
    return await asyncio.wait_for(executor.wait(job_id), limit)


async def until(predicate: Callable[[], object], limit: float = 5.0) -> None:
    """Wait until ``predicate()`` (awaited if need be) is true; fail after ``limit`` s."""
    deadline = time.monotonic() + limit
    while True:
        value = predicate()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        await asyncio.sleep(0.005)


Step = Callable[[Path, Callable[[Progress], None]], Awaitable[list[Path]]]


def write(name: str = "clip.mp4", data: bytes = b"media") -> Step:
    """A fetch step that writes one file into the job's dir."""

    async def step(dest: Path, on_progress: Callable[[Progress], None]) -> list[Path]:
        (dest / name).write_bytes(data)
        on_progress(Progress(done=len(data), total=len(data)))
        return [dest / name]

    return step


class FakeFetch:
    """Plays one scripted outcome per call (an exception to raise, or a step to run)."""

    def __init__(self, *outcomes: BaseException | Step) -> None:
        self.outcomes = list(outcomes) or [write()]
        self.calls: list[dict[str, Any]] = []
        self.started = asyncio.Event()
        self.cancelled = 0

    async def __call__(self, url: str, dest: Path, **options: Any) -> list[Path]:
        self.calls.append({"url": url, "dest": dest, **options})
        outcome = self.outcomes.pop(0) if len(self.outcomes) > 1 else self.outcomes[0]
        self.started.set()
        if isinstance(outcome, BaseException):
            raise outcome
        try:
            return await outcome(dest, options["on_progress"])
        except asyncio.CancelledError:
            self.cancelled += 1
            raise


async def block(dest: Path, on_progress: Callable[[Progress], None]) -> list[Path]:
    """A fetch step that writes part of a file and then hangs until cancelled."""
    (dest / "clip.mp4.part").write_bytes(b"half")
    on_progress(Progress(done=4, total=8))
    await asyncio.Event().wait()
    raise AssertionError("unreachable")


class Outage:
    """Stands in for a store method: fails with a disk error while ``left`` is above 0."""

    def __init__(self, real: Callable[..., Awaitable[Any]], left: int) -> None:
        self.real, self.left = real, left

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.left:
            self.left -= 1
            raise sqlite3.OperationalError("disk I/O error")
        return await self.real(*args, **kwargs)


def passthrough(files: list[Path], *, cap: int, dest: Path, **options: Any) -> list[Path]:
    """A validate function that accepts everything."""
    return files


def executor_on(
    store: JobStore, data_dir: Path, recorder: Recorder, fetch: FakeFetch | None = None,
    options: dict[str, Any] | None = None, **limits: Any,
) -> Executor:  # fmt: skip
    """An executor (not started) over ``store`` with ``recorder`` as delivery and listener."""
    settings = Settings(data_dir=data_dir, allow_private_urls=True)
    return Executor(
        store, spec=make_spec(**limits), settings=settings, fetch=fetch or FakeFetch(),
        validate=passthrough, delivery=recorder, listeners=[recorder], **(options or {}),
    )  # fmt: skip


@dataclass
class Recorder:
    """Delivery and listener at once: remembers posts (as a channel would) and events.

    ``posts`` holds ``(job id, batch, file names)`` of every post; ``find`` answers from
    it, like Discord's messages with their markers. ``deliveries`` groups them per job.
    """

    posts: list[tuple[str, int, list[str]]] = field(default_factory=list)
    finds: list[str] = field(default_factory=list)
    events: list[tuple[str, str, str]] = field(default_factory=list)
    seen: list[tuple[Job, JobEvent]] = field(default_factory=list)

    async def find(self, job: Job, count: int) -> set[int]:
        self.finds.append(job.id)
        return {batch for job_id, batch, _ in self.posts if job_id == job.id}

    async def post(self, job: Job, index: int, count: int, files: list[Path]) -> None:
        assert all(path.is_file() for path in files)
        self.posts.append((job.id, index, [path.name for path in files]))

    @property
    def deliveries(self) -> list[tuple[str, list[list[str]]]]:
        """``(job id, [[names of batch 0], ...])`` per job, in the order first posted."""
        jobs = dict.fromkeys(job_id for job_id, _, _ in self.posts)
        return [(j, [names for i, _, names in self.posts if i == j]) for j in jobs]

    async def on_update(self, job: Job, event: JobEvent) -> None:
        self.events.append((job.id, event.name, job.state))
        self.seen.append((job, event))

    def names(self, job_id: str) -> list[str]:
        """The event names of one job, in order."""
        return [name for jid, name, _ in self.events if jid == job_id]
