"""What is plugged into the core: fetch, validate and split, a Delivery, JobListeners."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bossbot.errors import BossError
from bossbot.fetch.base import Progress
from bossbot.fetch.outcome import Checked, Fetched
from bossbot.jobs.model import Job

FetchFn = Callable[..., Awaitable[Fetched | list[Path]]]
"""``fetch(url, dest, *, spec, cap, on_progress, cookies_dir, rate_limit, audio, quality)``
-> :class:`Fetched` (or just the files): :meth:`bossbot.workers.Workers.fetch` (a worker
process, every connection through the guard)."""
ValidateFn = Callable[..., Any]
"""``validate(files, *, cap, dest, on_progress, audio, role)`` -> :class:`Checked` (or the
files), sync or async: the workers' (parse, decode, fit) by default."""


def fetched(result: Fetched | list[Path]) -> Fetched:
    """A fetch function's result as :class:`Fetched`."""
    return result if isinstance(result, Fetched) else Fetched(list(result))


async def checked(validate: ValidateFn, files: list[Path], **options: Any) -> Checked:
    """Call ``validate`` (a sync one in a thread); its result as :class:`Checked`."""
    if inspect.iscoroutinefunction(validate):
        result = await validate(files, **options)
    else:
        result = await asyncio.to_thread(validate, files, **options)
    return result if isinstance(result, Checked) else Checked(list(result))


SplitFn = Callable[[list[Path], int], list[list[Path]]]
"""``batches(files, size) -> list[list[Path]]`` (default: :func:`bossbot.media.batches`)."""


class Delivery(Protocol):
    """Hands the validated files of a job to the user, one batch (one message) at a time.

    Exactly once, without relying on Discord's short nonce memory: the core records each
    batch once :meth:`post` returns, and before a delivery that may repeat an earlier one
    (``job.upload_tries > 0``) asks :meth:`find` which batches the user already has. So
    each post must leave a marker ``find`` sees later, even when the process died before
    the post was recorded (Discord: a Delete button whose custom id names job and batch).
    """

    async def find(self, job: Job, count: int) -> set[int]:
        """The indexes (0-based) of the job's batches already delivered, of ``count``.

        Raises:
            bossbot.errors.BossError: Transient errors (DiscordBusy...) retry the upload.
        """
        ...

    async def post(self, job: Job, index: int, count: int, files: list[Path]) -> None:
        """Deliver batch ``index`` of ``count`` (at most ``upload.max_attachments`` files).

        Raises:
            bossbot.errors.BossError: Transient errors (DiscordBusy...) retry the upload;
                permanent ones (UploadRefused, MissingPermission) fail the job.
        """
        ...


@dataclass(frozen=True, slots=True)
class JobEvent:
    """What happened to a job, for listeners (status messages, the terminal).

    Attributes:
        name: ``queued``, ``start``, ``progress``, ``fetched``, ``validated``,
            ``delivered``, ``retry``, ``fail``, ``cancel`` or ``recover``.
        progress: The progress snapshot (``progress`` events).
        error: The error that caused ``retry`` or ``fail``.
        position: Place in the queue (``queued`` and ``retry`` events), 1 = next.
        retry_in: Seconds until the next attempt (``retry`` events); it is due at
            ``job.next_attempt_at``.
        again: An end told again, by a process that did not end the job, because its
            status message never showed it (counted once, shown again).
    """

    name: str
    progress: Progress | None = None
    error: BossError | None = None
    position: int | None = None
    retry_in: float | None = None
    again: bool = False


class JobListener(Protocol):
    """Receives every state change and (throttled) progress report of jobs."""

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """React to ``event``; ``job`` is the row as written by that event."""
        ...
