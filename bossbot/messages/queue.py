"""The queue view of ``$dlq``."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from bossbot.jobs import Job
from bossbot.media.info import MediaInfo
from bossbot.messages.results import label, plain
from bossbot.spec import format_size

SHOWN = 15  # lines per section at most
BUDGET = 1970  # characters of the list: Discord messages hold 2000
LABEL, NAME = 60, 32  # characters shown of a job's title or link, and of a name
STATE_WORDS = {"fetching": "downloading", "validating": "checking", "uploading": "uploading"}


def _progress(job: Job) -> str:
    """``42 %`` or ``3.1 MiB`` (unknown total), or nothing before the first report."""
    progress = job.progress
    if progress is None or not progress.done:
        return ""
    if progress.total:
        return f" · {min(100, progress.done * 100 // progress.total)} %"
    return f" · {format_size(progress.done)}"


def _line(job: Job, viewer: int, lead: str, info: MediaInfo, hidden: bool) -> str:
    """One job: id, title or link, requester, and a mark on the viewer's own jobs."""
    mine = " ← yours" if job.requester_id == viewer else ""
    who = plain(job.requester_name, NAME) if job.requester_name else f"<@{job.requester_id}>"
    return f"{lead} `{job.id}` {label(job.url, info, LABEL, hidden=hidden)} · {who}{mine}"


def queue_view(
    running: list[Job], queued: list[Job], viewer: int, limit: int, prefix: str = "$",
    infos: Mapping[str, MediaInfo] | None = None, hidden: Collection[str] = (),
) -> str:  # fmt: skip
    """Running jobs with progress, then queued jobs by position; or the empty queue.

    Each job is named by its title (``infos``, by job id) once known, else by its link,
    behind a spoiler for the jobs ``hidden`` by their requesters; the list stops before the
    message would pass Discord's 2000 characters.
    """
    if not running and not queued:
        return f"📭 The queue is empty. Send a link with `{prefix}dl <url>` to start a download."
    infos = infos or {}
    lines = [f"📋 **Queue** — {len(running)} running, {len(queued)} waiting (at most {limit})"]
    rows = [(job, "▶️", f" · {STATE_WORDS.get(job.state, job.state)}{_progress(job)}")
            for job in running[:SHOWN]]  # fmt: skip
    rows += [(job, f"{n}.", "") for n, job in enumerate(queued[:SHOWN], start=1)]
    for job, lead, tail in rows:
        line = _line(job, viewer, lead, infos.get(job.id, MediaInfo()), job.id in hidden) + tail
        if sum(len(text) + 1 for text in [*lines, line]) > BUDGET:
            break
        lines.append(line)
    if hidden := len(running) + len(queued) - (len(lines) - 1):
        lines.append(f"…and {hidden} more.")
    return "\n".join(lines)
