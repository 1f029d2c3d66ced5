"""Wiring of the job executor, one place for every process role.

Store, workers, status messages, uploads, results, queue positions, metrics, the cache of
repeat links, the settings servers changed and the quiet status of auto-detected links. The
bot calls
:func:`attach_jobs`; the worker role calls :func:`build_executor` with its REST client, so
both run jobs with the same plug-ins (fetch and validate in worker processes, delivery).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import cast

import hikari

from bossbot.discord.auto_status import AutoStatus
from bossbot.discord.autocomplete import job_choices
from bossbot.discord.keeping import KeepPosts
from bossbot.discord.notes import JobNotes
from bossbot.discord.positions import QueuePositions
from bossbot.discord.registry import Services
from bossbot.discord.results import Results
from bossbot.discord.status import Render, StatusMessages
from bossbot.discord.uploads import DiscordDelivery
from bossbot.guilds import GuildSettings
from bossbot.jobs import Executor, Job, JobEvent
from bossbot.jobs.recovery import shown
from bossbot.jobs.repeats import CacheStore, RepeatCache
from bossbot.jobs.retry import RetryPolicy
from bossbot.jobs.stores import open_store
from bossbot.media import batches
from bossbot.messages.jobs import status_text
from bossbot.messages.results import named, posted_text
from bossbot.ops import Metrics, MetricsListener
from bossbot.roles.role import BOT, Role
from bossbot.spec import Spec
from bossbot.workers import Workers

Latency = Callable[[], Mapping[int, float]]


def render_status(spec: Spec, notes: JobNotes) -> Render:
    """A job's status text on Discord: its state, then a small line naming the job.

    Once done, the text links to the post carrying the files.
    """

    def render(job: Job, event: JobEvent) -> str:
        if event.name == "delivered":
            post = notes.first_post(job)
            text = posted_text(len(job.files), job.guild_id, job.channel_id, post)
        else:
            text = status_text(job, event, prefix=spec.prefix, timestamps=True)
        return named(text, job.url, notes.info(job), hidden=notes.spoiler(job))

    return render


def build_executor(
    rest: hikari.api.RESTClient, services: Services, role: Role, latency: Latency = dict,
    cache: hikari.api.Cache | None = None,
) -> Executor:  # fmt: skip
    """The executor of a process with ``role``, over the store the settings name.

    Its status messages and uploads go through ``rest``; a role that runs jobs gets worker
    processes (``services.workers``, started with the process). Everything is handed to
    the actions through ``services``.
    """
    spec, settings, notes = services.spec, services.settings, services.notes
    store = open_store(settings)
    status = StatusMessages(
        rest, lambda: services.me() or 0, spec.limits.progress_interval,
        render_status(spec, notes), backoff=RetryPolicy.from_limits(spec.limits),
        shown=lambda job_id: shown(store, job_id),
    )  # fmt: skip
    metrics = Metrics(store.counts, latency, role.labels())
    positions = QueuePositions(status, lambda: store.queued("bot"))
    guilds = services.guilds = GuildSettings(store, spec)
    results = Results(rest, cache, services.me, spec.results, notes, store.clock, guilds)
    auto = services.auto = AutoStatus(rest, store, spec, render_status(spec, notes), store.clock)
    workers = services.workers = Workers(settings, spec) if role.claims else None
    repeats = RepeatCache(cast(CacheStore, store), settings.data_dir / "cache", spec.cache,
                          store.clock)  # fmt: skip
    executor = Executor(
        store, spec=spec, settings=settings, split=batches, origin="bot",
        fetch=workers.fetch if workers else _no_work,
        validate=workers.validate if workers else _no_work,
        delivery=DiscordDelivery(rest, services.me, notes), claims=role.claims,
        listeners=[status, positions, MetricsListener(metrics), KeepPosts(repeats, notes),
                   results, auto],
    )  # fmt: skip
    services.jobs, services.metrics, services.results = executor, metrics, results
    services.repeats = repeats
    services.autocomplete["cancel"] = job_choices(services)
    return executor


async def _no_work(*args: object, **kwargs: object) -> list[object]:
    """A gateway-only process never runs a job (it claims none)."""
    raise RuntimeError("this process runs no jobs")


def attach_jobs(bot: hikari.GatewayBot, services: Services, role: Role = BOT) -> Executor:
    """Create the executor for ``bot`` and hand it to the actions through ``services``."""
    return build_executor(bot.rest, services, role, lambda: shard_latencies(bot), bot.cache)


def shard_latencies(bot: hikari.GatewayBot) -> dict[int, float]:
    """Heartbeat latency in seconds of each shard of ``bot`` that has one."""
    found = {}
    for shard_id, shard in getattr(bot, "shards", {}).items():
        value = shard.heartbeat_latency
        if value == value and value != float("inf"):  # neither NaN nor infinite
            found[int(shard_id)] = value
    return found
