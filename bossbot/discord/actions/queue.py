"""The ``queue`` action: what runs and what waits in this server."""

from __future__ import annotations

from bossbot.discord.invocation import Invocation
from bossbot.discord.registry import Services, action
from bossbot.jobs.machine import RUNNING
from bossbot.messages.queue import queue_view


@action("queue")
async def show_queue(inv: Invocation, services: Services) -> None:
    """Answer with this guild's unfinished jobs; queued ones in the order they will run."""
    jobs = services.jobs
    assert jobs is not None, "the queue view needs the job executor"  # noqa: S101
    active = await jobs.store.guild_jobs(inv.guild_id) if inv.guild_id is not None else []
    running = [job for job in active if job.state in RUNNING]
    waiting = [job for job in active if job.state == "queued"]
    waiting.sort(key=lambda job: (-job.priority, job.created_at))
    spec = services.spec
    notes = services.notes
    infos = {job.id: notes.info(job) for job in active}
    hidden = {job.id for job in active if notes.spoiler(job)}
    text = queue_view(
        running, waiting, inv.user_id, spec.limits.max_queue, spec.prefix, infos, hidden
    )
    await inv.reply.send(text)
