"""Action name -> handler. ``commands.toml`` names actions; this registry supplies them."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import hikari

from bossbot.discord.hints import Cooldown
from bossbot.discord.invocation import Invocation
from bossbot.discord.notes import JobNotes
from bossbot.discord.results import Results
from bossbot.guilds import GuildSettings
from bossbot.jobs import Executor
from bossbot.jobs.repeats import RepeatCache
from bossbot.ops import Metrics
from bossbot.settings import Settings
from bossbot.spec import Spec
from bossbot.workers import Workers

if TYPE_CHECKING:  # it queues through the download action, which imports this module
    from bossbot.discord.auto_status import AutoStatus


@dataclass(slots=True)
class Services:
    """What actions may use: the spec, the settings and the running bot's facts.

    Attributes:
        spec: The validated commands.toml.
        settings: Runtime settings.
        started_at: Monotonic start time, for uptime.
        latency: Returns the gateway heartbeat latency in seconds (None if unknown).
        jobs: The job executor, None when downloads are not wired.
        rest: Discord's REST client, for messages outside a command's reply.
        me: Returns the bot's user id once connected (None before).
        metrics: The metrics registry, when the bot keeps one.
        autocomplete: Autocomplete providers by action name (``cancel``: job ids).
        workers: The worker processes and egress guard downloads run in.
        cooldown: What was said lately to whom (one hint per member and channel a minute).
        notes: What the Discord side knows of jobs beyond their rows (spoiler, info, posts).
        results: What follows the posts (previews hidden, buttons taken off in time).
        repeats: The cache of repeat links (links posted here lately answered at once).
        guilds: What each server changed with ``/settings``, kept in memory (None without
            a job store).
        cache: The gateway's cache (what the bot may do in a channel), when there is one.
        auto: The quiet status of auto-detected links (⏳, ✅, a reply on failure).
    """

    spec: Spec
    settings: Settings
    started_at: float = field(default_factory=time.monotonic)
    latency: Callable[[], float | None] = lambda: None
    jobs: Executor | None = None
    rest: hikari.api.RESTClient | None = None
    me: Callable[[], int | None] = lambda: None
    metrics: Metrics | None = None
    autocomplete: dict[str, Any] = field(default_factory=dict)
    workers: Workers | None = None
    cooldown: Cooldown = field(default_factory=Cooldown)
    notes: JobNotes = field(default_factory=JobNotes)
    results: Results | None = None
    repeats: RepeatCache | None = None
    guilds: GuildSettings | None = None
    cache: hikari.api.Cache | None = None
    auto: AutoStatus | None = None


Action = Callable[[Invocation, Services], Awaitable[None]]
ACTIONS: dict[str, Action] = {}


def action(name: str) -> Callable[[Action], Action]:
    """Register the decorated coroutine as the handler of action ``name``."""

    def register(handler: Action) -> Action:
        if name in ACTIONS:
            raise ValueError(f"action {name!r} is registered twice")
        ACTIONS[name] = handler
        return handler

    return register
