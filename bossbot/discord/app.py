"""The hikari bot and lightbulb client, built from settings and the spec."""

from __future__ import annotations

import math
from dataclasses import dataclass

import hikari
import lightbulb
from loguru import logger

from bossbot.discord.components import on_interaction
from bossbot.discord.dispatch import answer_error
from bossbot.discord.jobs import attach_jobs
from bossbot.discord.prefix import on_message
from bossbot.discord.registry import Services
from bossbot.discord.slash import SlashResponder, build_slash
from bossbot.errors import BossError
from bossbot.roles.role import BOT, Role
from bossbot.settings import Settings
from bossbot.spec import Spec

INTENTS = hikari.Intents.GUILDS | hikari.Intents.GUILD_MESSAGES | hikari.Intents.MESSAGE_CONTENT


@dataclass(slots=True)
class BotApp:
    """The running parts: hikari's bot, lightbulb's client and the services of actions."""

    bot: hikari.GatewayBot
    client: lightbulb.GatewayEnabledClient
    services: Services
    role: Role = BOT


def _latency(bot: hikari.GatewayBot) -> float | None:
    """Heartbeat latency in seconds, None before the first heartbeat."""
    value = bot.heartbeat_latency
    return None if math.isnan(value) or math.isinf(value) else value


def _me(bot: hikari.GatewayBot) -> int | None:
    """The bot's user id, once the gateway said who it is."""
    me = bot.get_me()
    return int(me.id) if me else None


def build_app(
    settings: Settings, spec: Spec, services: Services | None = None, *, max_retries: int = 3,
    role: Role = BOT,
) -> BotApp:  # fmt: skip
    """Create the bot, compile the spec into slash and prefix commands, wire the events.

    ``max_retries`` is hikari's own retries of a request answered 5xx (tests turn them off
    to see each failure reach the bot); ``role`` says which shards it runs, and whether it
    runs jobs too.
    """
    bot = hikari.GatewayBot(
        settings.require_token(),
        intents=INTENTS,
        rest_url=settings.discord_api_url,
        banner=None,
        logs=None,
        suppress_optimization_warning=True,
        max_retries=max_retries,
    )
    services = services or Services(spec=spec, settings=settings)
    services.latency = lambda: _latency(bot)
    services.rest = bot.rest
    services.me = lambda: _me(bot)
    services.cache = bot.cache
    attach_jobs(bot, services, role)
    client = lightbulb.client_from_app(bot, default_enabled_guilds=settings.guild_ids)
    for name, command in spec.commands.items():
        client.register(build_slash(name, command, services))

    @client.error_handler
    async def on_command_error(exc: lightbulb.exceptions.ExecutionPipelineFailedException) -> bool:
        cause = exc.causes[0] if exc.causes else None
        if isinstance(cause, BossError):
            await answer_error(SlashResponder(exc.context), cause, services)
            return True
        logger.opt(exception=cause).error("slash command {} failed", exc.context.command_data.name)
        return False

    async def on_guild_message(event: hikari.GuildMessageCreateEvent) -> None:
        await on_message(event, services)

    async def on_component(event: hikari.InteractionCreateEvent) -> None:
        await on_interaction(event, services)

    bot.subscribe(hikari.StartedEvent, client.start)
    bot.subscribe(hikari.StoppingEvent, client.stop)
    bot.subscribe(hikari.GuildMessageCreateEvent, on_guild_message)
    bot.subscribe(hikari.InteractionCreateEvent, on_component)
    bot.subscribe(hikari.ShardReadyEvent, _log_ready)
    bot.subscribe(hikari.ShardDisconnectedEvent, _log_disconnect)
    bot.subscribe(hikari.ShardResumedEvent, _log_resume)
    return BotApp(bot=bot, client=client, services=services, role=role)


async def _log_ready(event: hikari.ShardReadyEvent) -> None:
    """Log that the gateway session is ready."""
    logger.info("connected to Discord as {} (shard {})", event.my_user, event.shard.id)


async def _log_disconnect(event: hikari.ShardDisconnectedEvent) -> None:
    """Log a gateway disconnect; hikari reconnects on its own."""
    logger.warning("gateway disconnected (shard {}); reconnecting", event.shard.id)


async def _log_resume(event: hikari.ShardResumedEvent) -> None:
    """Log a resumed gateway session."""
    logger.info("gateway session resumed (shard {})", event.shard.id)
