"""What ``bossbot jobs`` prints: recent jobs as a table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bossbot.messages.progress import duration

if TYPE_CHECKING:
    from bossbot.jobs import Job

HEADER = ["id", "state", "tries", "site", "error", "age"]


def jobs_table(jobs: list[Job], now: float) -> str:
    """One line per job, newest first; or a hint when there are none."""
    if not jobs:
        return "No jobs yet. Start one with `bossbot fetch URL`."
    rows = [
        [
            job.id,
            job.state,
            f"{job.attempt}/{job.max_attempts}",
            job.site or "-",
            job.error_kind or "-",
            f"{duration(now - job.created_at)} ago",
        ]
        for job in jobs
    ]
    widths = [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [HEADER, *rows]
    )
