"""What a job's status message says in each state (Discord and the terminal alike)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bossbot.errors import ALL_ERRORS, BossError, Cancelled, Internal
from bossbot.messages.errors import render_error
from bossbot.messages.progress import duration, progress_line

if TYPE_CHECKING:
    from bossbot.jobs import Job, JobEvent


def _files(count: int) -> str:
    """``1 file``, ``7 files``."""
    return f"{count} file" if count == 1 else f"{count} files"


def queued_text(job_id: str, position: int | None) -> str:
    """Waiting in the queue; ``position`` 1 is next."""
    if position == 1:
        return f"🕒 Queued as `{job_id}`: you're next."
    where = f": position {position} in the queue." if position else "."
    return f"🕒 Queued as `{job_id}`{where}"


def started_text() -> str:
    """The download has started, before its first progress report."""
    return "⬇️ Downloading…"


def retry_text(attempt: int, attempts: int, wait: float | None) -> str:
    """Attempt ``attempt`` of ``attempts`` failed with a transient error; another follows."""
    later = f" in {duration(wait)}" if wait is not None else ""
    return f"🔁 Attempt {attempt} of {attempts} failed; trying again{later}."


def validating_text() -> str:
    """The files are being checked."""
    return "🔎 Checking the files…"


def uploading_text(count: int) -> str:
    """The files are being posted."""
    return f"⬆️ Uploading {_files(count)}…"


def done_text(count: int) -> str:
    """Everything was delivered."""
    return f"✅ Done: {_files(count)}."


def error_of(kind: str | None) -> BossError:
    """An error of the stored ``kind`` (without its data), for jobs failed earlier."""
    match = next((cls for cls in ALL_ERRORS if cls.kind == kind), Internal)
    return match()


def status_text(job: Job, event: JobEvent, **context: Any) -> str:
    """The status message after ``event``; ``context`` goes to render_error (``prefix``)."""
    name = event.name
    if name == "progress" and event.progress is not None:
        return progress_line(event.progress)
    if name in ("queued", "recover"):
        return queued_text(job.id, event.position)
    if name == "retry":
        return retry_text(job.attempt - 1, job.max_attempts, event.retry_in)
    if name == "fail":
        return render_error(event.error or error_of(job.error_kind), **context)
    if name == "cancel":
        return render_error(Cancelled(), **context)
    texts = {
        "fetched": validating_text,
        "validated": lambda: uploading_text(len(job.files)),
        "delivered": lambda: done_text(len(job.files)),
    }
    return texts.get(name, started_text)()
