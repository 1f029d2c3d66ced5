"""Cancelling a job, by command or by button: who may, and what they are told."""

from __future__ import annotations

from bossbot.discord.registry import Services
from bossbot.errors import NoJob, NotYours, UnknownJob
from bossbot.messages.discord import cancelled_text


async def cancel_for(
    services: Services,
    job_id: str | None,
    user_id: int,
    guild_id: int | None,
    roles: frozenset[str],
) -> str:
    """Cancel ``job_id`` (or the user's latest unfinished job) and return the reply.

    Raises:
        NoJob: No id given and the user has nothing unfinished.
        UnknownJob: No job with that id in this guild.
        NotYours: Someone else's job, and none of the user's roles may cancel others'.
        AlreadyFinished: The job is done, failed or cancelled already.
    """
    jobs = services.jobs
    assert jobs is not None, "cancel needs the job executor"  # noqa: S101
    if job_id is None:
        active = [job for job in jobs.store.user_jobs(user_id) if job.guild_id == guild_id]
        if not active:
            raise NoJob("nothing to cancel")
        job = active[-1]
    else:
        job = jobs.store.get(job_id.strip().lower().removeprefix("`").removesuffix("`"))
        if job is None or job.guild_id != guild_id:
            raise UnknownJob(f"no job {job_id}", job=job_id[:12])
    by_other = job.requester_id != user_id
    if by_other and not any(services.spec.roles[role].cancel_others for role in roles):
        raise NotYours(f"{user_id} tried to cancel {job.id}", job=job.id)
    job = await jobs.cancel(job.id)
    return cancelled_text(job.id, job.url, by_other)
