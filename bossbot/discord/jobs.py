"""Wiring of the job executor, one place for every process role.

Store, status messages, uploads, queue positions, metrics. The bot calls
:func:`attach_jobs`; the worker role calls :func:`build_executor` with its REST client, so
both run jobs with the same plug-ins (fetch, validate, delivery).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import hikari

from bossbot.discord.autocomplete import job_choices
from bossbot.discord.positions import QueuePositions
from bossbot.discord.registry import Services
from bossbot.discord.status import StatusMessages
from bossbot.discord.uploads import DiscordDelivery
from bossbot.fetch import fetch_media
from bossbot.jobs import Executor
from bossbot.jobs.retry import RetryPolicy
from bossbot.jobs.stores import open_store
from bossbot.media import batches, validate
from bossbot.messages.jobs import status_text
from bossbot.ops import Metrics, MetricsListener
from bossbot.roles.role import BOT, Role

Latency = Callable[[], Mapping[int, float]]


def build_executor(
    rest: hikari.api.RESTClient, services: Services, role: Role, latency: Latency = dict
) -> Executor:
    """The executor of a process with ``role``, over the store the settings name.

    Its status messages and uploads go through ``rest``; it is handed to the actions
    through ``services`` (``jobs``, ``metrics``, the cancel command's autocomplete).
    """
    spec, settings = services.spec, services.settings
    store = open_store(settings)
    status = StatusMessages(
        rest,
        lambda: services.me() or 0,
        spec.limits.progress_interval,
        lambda job, event: status_text(job, event, prefix=spec.prefix, timestamps=True),
        backoff=RetryPolicy.from_limits(spec.limits),
    )
    metrics = Metrics(store.counts, latency, role.labels())
    positions = QueuePositions(status, lambda: store.queued("bot"))
    executor = Executor(
        store, spec=spec, settings=settings, fetch=fetch_media, validate=validate,
        split=batches, delivery=DiscordDelivery(rest, services.me), origin="bot",
        listeners=[status, positions, MetricsListener(metrics)], claims=role.claims,
    )  # fmt: skip
    services.jobs, services.metrics = executor, metrics
    services.autocomplete["cancel"] = job_choices(services)
    return executor


def attach_jobs(bot: hikari.GatewayBot, services: Services, role: Role = BOT) -> Executor:
    """Create the executor for ``bot`` and hand it to the actions through ``services``."""
    return build_executor(bot.rest, services, role, lambda: shard_latencies(bot))


def shard_latencies(bot: hikari.GatewayBot) -> dict[int, float]:
    """Heartbeat latency in seconds of each shard of ``bot`` that has one."""
    found = {}
    for shard_id, shard in getattr(bot, "shards", {}).items():
        value = shard.heartbeat_latency
        if value == value and value != float("inf"):  # neither NaN nor infinite
            found[int(shard_id)] = value
    return found
