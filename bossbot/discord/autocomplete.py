"""Autocomplete of job ids on ``/dlc job:``: the caller's own unfinished jobs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import lightbulb

from bossbot.discord.registry import Services

Provider = Callable[[lightbulb.AutocompleteContext[str]], Awaitable[None]]


def job_choices(services: Services) -> Provider:
    """A provider offering the caller's unfinished jobs, newest first, filtered by input."""

    async def provide(ctx: lightbulb.AutocompleteContext[str]) -> None:
        typed = str(ctx.focused.value or "").strip().lower()
        store = services.jobs.store if services.jobs else None
        jobs = await store.user_jobs(int(ctx.interaction.user.id)) if store else []
        choices = [
            (f"{job.id} · {job.state} · {services.notes.info(job).title or job.url}"[:100], job.id)
            for job in reversed(jobs)
            if job.id.startswith(typed) or typed in job.url.lower()
        ]
        await ctx.respond(choices[:25])

    return provide
