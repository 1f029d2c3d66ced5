"""Acting on a job by command or button (cancel it, delete its posts): who may, and the reply."""

from __future__ import annotations

from contextlib import suppress

import hikari

from bossbot.discord.posts import posts_of
from bossbot.discord.registry import Services
from bossbot.errors import NoJob, NotYours, UnknownJob
from bossbot.jobs import Job
from bossbot.messages.discord import cancelled_text, deleted_text
from bossbot.messages.people import discord_roles


async def job_for(
    services: Services, job_id: str | None, user_id: int, guild_id: int | None,
    roles: frozenset[str], action: str,
) -> Job:  # fmt: skip
    """The job named (or the user's latest unfinished one), if the user may ``action`` it.

    Raises:
        NoJob: No id given and the user has nothing unfinished.
        UnknownJob: No job with that id in this guild.
        NotYours: Someone else's job, and none of the user's roles may act on others'.
    """
    jobs = services.jobs
    assert jobs is not None, "acting on jobs needs the job executor"  # noqa: S101
    if job_id is None:
        active = [job for job in await jobs.store.user_jobs(user_id) if job.guild_id == guild_id]
        if not active:
            raise NoJob("nothing to cancel")
        return active[-1]
    job = await jobs.store.get(job_id.strip().lower().removeprefix("`").removesuffix("`"))
    if job is None or job.guild_id != guild_id:
        raise UnknownJob(f"no job {job_id}", job=job_id[:12])
    spec = services.spec
    if job.requester_id != user_id and not any(spec.roles[role].cancel_others for role in roles):
        others = discord_roles(
            spec, [name for name, role in spec.roles.items() if role.cancel_others]
        )
        raise NotYours(
            f"{user_id} may not {action} {job.id}", job=job.id, action=action, roles=others
        )
    return job


async def cancel_for(
    services: Services, job_id: str | None, user_id: int, guild_id: int | None,
    roles: frozenset[str],
) -> str:  # fmt: skip
    """Cancel ``job_id`` (or the user's latest unfinished job) and return the reply.

    Raises:
        BossError: As :func:`job_for`; AlreadyFinished when the job has ended.
    """
    job = await job_for(services, job_id, user_id, guild_id, roles, "cancel it")
    job = await services.jobs.cancel(job.id)  # type: ignore[union-attr]
    return cancelled_text(job.id, job.url, job.requester_id != user_id)


async def delete_for(
    services: Services, job_id: str, user_id: int, guild_id: int | None, roles: frozenset[str]
) -> str:
    """Delete the bot's posts of ``job_id`` and return the reply.

    Raises:
        BossError: As :func:`job_for`.
    """
    job = await job_for(services, job_id, user_id, guild_id, roles, "delete its posts")
    assert services.rest is not None, "deleting posts needs Discord"  # noqa: S101
    posts = await posts_of(services.rest, job, services.me(), job.batches_done or None)
    for message_id in posts.values():
        with suppress(hikari.NotFoundError):  # deleted meanwhile, by a person or a click
            await services.rest.delete_message(job.channel_id or 0, message_id)
    return deleted_text(job.id, len(posts))
