"""Wiring of the job executor into the bot: store, status messages, uploads, queue stats."""

from __future__ import annotations

import hikari

from bossbot.discord.autocomplete import job_choices
from bossbot.discord.notes import JobNotes
from bossbot.discord.positions import QueuePositions
from bossbot.discord.registry import Services
from bossbot.discord.results import Results
from bossbot.discord.status import Render, StatusMessages
from bossbot.discord.uploads import DiscordDelivery
from bossbot.jobs import Executor, Job, JobEvent
from bossbot.jobs.retry import RetryPolicy
from bossbot.jobs.stores import open_store
from bossbot.media import batches
from bossbot.messages.jobs import status_text
from bossbot.messages.results import named, posted_text
from bossbot.ops import Metrics, MetricsListener
from bossbot.spec import Spec
from bossbot.workers import Workers


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


def attach_jobs(bot: hikari.GatewayBot, services: Services) -> Executor:
    """Create the executor for ``bot`` and hand it to the actions through ``services``."""
    spec, settings = services.spec, services.settings
    store = open_store(settings)
    notes = services.notes
    status = StatusMessages(
        bot.rest,
        lambda: services.me() or 0,
        spec.limits.progress_interval,
        render_status(spec, notes),
        backoff=RetryPolicy.from_limits(spec.limits),
    )
    metrics = Metrics(store.counts, lambda: services.latency())
    positions = QueuePositions(status, lambda: store.queued("bot"))
    results = Results(bot.rest, bot.cache, services.me, spec.results, notes, store.clock)
    workers = Workers(settings, spec)
    executor = Executor(
        store, spec=spec, settings=settings, fetch=workers.fetch, validate=workers.validate,
        split=batches, delivery=DiscordDelivery(bot.rest, services.me, notes), origin="bot",
        listeners=[status, positions, MetricsListener(metrics), results],
    )  # fmt: skip
    services.jobs, services.metrics, services.results = executor, metrics, results
    services.workers = workers
    services.autocomplete["cancel"] = job_choices(services)
    return executor
