"""The queue view of ``$dlq``."""

from __future__ import annotations

from bossbot.jobs import Job
from bossbot.spec import format_size

SHOWN = 15  # lines per section; Discord messages hold 2000 characters
STATE_WORDS = {"fetching": "downloading", "validating": "checking", "uploading": "uploading"}


def _progress(job: Job) -> str:
    """``42 %`` or ``3.1 MiB`` (unknown total), or nothing before the first report."""
    progress = job.progress
    if progress is None or not progress.done:
        return ""
    if progress.total:
        return f" · {min(100, progress.done * 100 // progress.total)} %"
    return f" · {format_size(progress.done)}"


def _line(job: Job, viewer: int, lead: str) -> str:
    """One job: id, site, requester, and a mark on the viewer's own jobs."""
    mine = " ← yours" if job.requester_id == viewer else ""
    who = job.requester_name or f"<@{job.requester_id}>"
    return f"{lead} `{job.id}` {job.site or 'link'} · {who}{mine}"


def queue_view(
    running: list[Job], queued: list[Job], viewer: int, limit: int, prefix: str = "$"
) -> str:
    """Running jobs with progress, then queued jobs by position; or the empty queue."""
    if not running and not queued:
        return f"📭 The queue is empty. Send a link with `{prefix}dl <url>` to start a download."
    lines = [f"📋 **Queue** — {len(running)} running, {len(queued)} waiting (at most {limit})"]
    for job in running[:SHOWN]:
        state = STATE_WORDS.get(job.state, job.state)
        lines.append(_line(job, viewer, "▶️") + f" · {state}{_progress(job)}")
    for position, job in enumerate(queued[:SHOWN], start=1):
        lines.append(_line(job, viewer, f"{position}."))
    hidden = max(0, len(running) - SHOWN) + max(0, len(queued) - SHOWN)
    if hidden:
        lines.append(f"…and {hidden} more.")
    return "\n".join(lines)
