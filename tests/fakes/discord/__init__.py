r"""A fake Discord (gateway + REST, checked against Discord's OpenAPI spec) for bot tests.

Typical use, with the ``fake_discord`` fixture of ``fixtures.py``::

    bot = hikari.GatewayBot(fake_discord.token, rest_url=fake_discord.rest_url, ...)
    await bot.start(check_for_updates=False)
    await fake_discord.send_message("$dlt https://x", roles=[fake_discord.role_ids["Trusted"]])
    reply = await fake_discord.wait_for("POST", r"/channels/\d+/messages$")
    assert fake_discord.bot_messages()[-1]["attachments"][0]["data"] == expected_bytes

Modules: ``server`` (FakeDiscord), ``events`` (what users do), ``gateway`` (websocket),
``rest`` + ``routes_*`` (REST), ``validator`` + ``spec`` (OpenAPI checks), ``store``,
``commands``, ``interactions`` (state), ``payloads`` + ``messages`` (JSON builders),
``faults`` (injected failures), ``recorder`` (request log), ``fixtures`` (pytest).
"""

from .faults import Fault
from .ids import APPLICATION_ID, BOT_ID, CHANNEL_ID, GUILD_ID, USER_ID, snowflake
from .interactions import InteractionRecord
from .messages import EPHEMERAL, LOADING, FakeFile
from .recorder import FakeRequest
from .server import FakeDiscord
from .world import Role, default_roles

__all__ = [
    "APPLICATION_ID",
    "BOT_ID",
    "CHANNEL_ID",
    "EPHEMERAL",
    "GUILD_ID",
    "LOADING",
    "USER_ID",
    "FakeDiscord",
    "FakeFile",
    "FakeRequest",
    "Fault",
    "InteractionRecord",
    "Role",
    "default_roles",
    "snowflake",
]
