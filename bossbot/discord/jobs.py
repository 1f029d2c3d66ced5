"""Wiring of the job executor into the bot: store, status messages, uploads, queue stats."""

from __future__ import annotations

import hikari

from bossbot.discord.autocomplete import job_choices
from bossbot.discord.positions import QueuePositions
from bossbot.discord.registry import Services
from bossbot.discord.status import StatusMessages
from bossbot.discord.uploads import DiscordDelivery
from bossbot.jobs import Executor
from bossbot.jobs.retry import RetryPolicy
from bossbot.jobs.stores import open_store
from bossbot.media import batches
from bossbot.messages.jobs import status_text
from bossbot.ops import Metrics, MetricsListener
from bossbot.workers import Workers


def attach_jobs(bot: hikari.GatewayBot, services: Services) -> Executor:
    """Create the executor for ``bot`` and hand it to the actions through ``services``."""
    spec, settings = services.spec, services.settings
    store = open_store(settings)
    status = StatusMessages(
        bot.rest,
        lambda: services.me() or 0,
        spec.limits.progress_interval,
        lambda job, event: status_text(job, event, prefix=spec.prefix, timestamps=True),
        backoff=RetryPolicy.from_limits(spec.limits),
    )
    metrics = Metrics(store.counts, lambda: services.latency())
    positions = QueuePositions(status, lambda: store.queued("bot"))
    workers = Workers(settings, spec)
    executor = Executor(
        store, spec=spec, settings=settings, fetch=workers.fetch, validate=workers.validate,
        split=batches, delivery=DiscordDelivery(bot.rest, services.me), origin="bot",
        listeners=[status, positions, MetricsListener(metrics)],
    )  # fmt: skip
    services.jobs, services.metrics, services.workers = executor, metrics, workers
    services.autocomplete["cancel"] = job_choices(services)
    return executor
