"""What a job's status message says in each state (Discord and the terminal alike)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bossbot.errors import ALL_ERRORS, BossError, Cancelled, Internal
from bossbot.messages.errors import render_error
from bossbot.messages.progress import duration, progress_line

if TYPE_CHECKING:
    from bossbot.jobs import Job, JobEvent


def _count(count: int, noun: str) -> str:
    """``1 file``, ``7 files``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _files(count: int) -> str:
    """``1 file``, ``7 files``."""
    return _count(count, "file")


def queued_text(job_id: str, position: int | None) -> str:
    """Waiting in the queue; ``position`` 1 is next."""
    if position == 1:
        return f"🕒 Queued as `{job_id}`: you're next."
    where = f": position {position} in the queue." if position else "."
    return f"🕒 Queued as `{job_id}`{where}"


def started_text() -> str:
    """The download has started, before its first progress report."""
    return "⬇️ Downloading…"


WHY: dict[str, str] = {
    "rate_limited": "the site is limiting requests",
    "site_down": "the site had a server error",
    "network": "the connection to the site failed",
    "timeout": "the download took too long",
    "discord_busy": "Discord refused the upload for now",
    "upload_timeout": "posting to Discord took too long",
    "files_lost": "the downloaded files were removed",
}
"""Why an attempt failed, for each error kind that is retried."""


def retry_text(attempt: int, attempts: int, kind: str | None, when: str) -> str:
    """Attempt ``attempt`` of ``attempts`` failed; the next one is scheduled ``when``."""
    why = WHY.get(kind or "", "a passing error")
    return f"🔁 Attempt {attempt} of {attempts} failed: {why}. Trying again {when}."


def when_text(at: float, wait: float | None, *, timestamps: bool) -> str:
    """``<t:1700000004:R>`` (Discord shows "in 4 seconds", counting down) or ``in 4 s``."""
    if timestamps:
        return f"<t:{int(at)}:R>"
    return f"in {duration(wait or 0.0)}"


def gave_up_text(attempts: int) -> str:
    """Added to the final failure of an error that was (or could have been) retried."""
    return f"🏁 I gave up after {_count(attempts, 'attempt')}."


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


def status_text(job: Job, event: JobEvent, *, timestamps: bool = False, **context: Any) -> str:
    """The status message after ``event``; ``context`` goes to render_error (``prefix``).

    ``timestamps`` writes times as Discord timestamps (Discord), else as durations.
    """
    name = event.name
    if name == "progress" and event.progress is not None:
        return progress_line(event.progress)
    if name in ("queued", "recover"):
        return queued_text(job.id, event.position)
    if name == "retry":
        when = when_text(job.next_attempt_at, event.retry_in, timestamps=timestamps)
        return retry_text(job.attempt - 1, job.max_attempts, job.error_kind, when)
    if name == "fail":
        error = event.error or error_of(job.error_kind)
        final = f"\n{gave_up_text(job.attempt)}" if error.transient else ""
        return render_error(error, **context) + final
    if name == "cancel":
        return render_error(Cancelled(), **context)
    texts = {
        "start": lambda: uploading_text(len(job.files)) if job.files else started_text(),
        "fetched": validating_text,
        "validated": lambda: uploading_text(len(job.files)),
        "delivered": lambda: done_text(len(job.files)),
    }
    return texts.get(name, started_text)()
