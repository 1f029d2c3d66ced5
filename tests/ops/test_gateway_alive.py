"""gateway_alive on a real hikari GatewayBot connected to the fake Discord."""

from __future__ import annotations

import hikari

from bossbot.ops import gateway_alive
from tests.fakes.discord.server import FakeDiscord


async def test_alive_while_the_bot_runs_not_before_start_or_after_close(
    fake_discord: FakeDiscord,
) -> None:
    bot = hikari.GatewayBot(
        token=fake_discord.token,
        rest_url=fake_discord.rest_url,
        intents=hikari.Intents.GUILDS,
        banner=None,
        logs=None,
    )
    before = gateway_alive(bot)
    await bot.start(check_for_updates=False)
    try:
        running = gateway_alive(bot)
    finally:
        await bot.close()
    assert (before, running, gateway_alive(bot)) == (False, True, False)
