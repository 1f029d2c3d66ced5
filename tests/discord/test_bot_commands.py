"""The bot on a Discord-protocol fake: sync, help, health, denials, unknown commands."""

from __future__ import annotations

import re

from bossbot.discord.app import BotApp
from bossbot.errors import NotAllowed
from bossbot.messages import render_error
from tests.discord.conftest import SPEC, StartBot, reply_to, slash_answer
from tests.fakes.discord.server import FakeDiscord

EPHEMERAL = 64
TYPES = {"string": 3, "integer": 4, "boolean": 5, "number": 10}


def normalise(text: str) -> str:
    """Blank out what changes between runs: uptime, latency, versions."""
    text = re.sub(r"\*\*Uptime:\*\* .*", "**Uptime:** <uptime>", text)
    text = re.sub(r"\*\*Gateway latency:\*\* .*", "**Gateway latency:** <latency>", text)
    text = re.sub(r"\*\*ffmpeg:\*\* .*", "**ffmpeg:** <found or missing>", text)
    return re.sub(r"(\S+) [0-9][0-9.]*[0-9a-z.+-]*( ·|$)", r"\1 <version>\2", text)


async def test_slash_commands_synced_are_the_spec(fake_discord: FakeDiscord, bot: BotApp):
    synced = {c["name"]: c for c in fake_discord.synced_commands(fake_discord.guild_id)}
    assert set(synced) == set(SPEC.commands)
    for name, command in SPEC.commands.items():
        assert synced[name]["description"] == command.summary
        assert synced[name]["contexts"] == [0]  # guilds only, like prefix commands
        options = [
            (o["name"], o["description"], o["type"], o.get("required", False))
            for o in synced[name].get("options", [])
        ]
        assert options == [
            (o.name, o.description, TYPES[o.type], o.required) for o in command.options
        ]


async def test_prefix_help_lists_commands(fake_discord: FakeDiscord, bot: BotApp, snapshot):
    reply = await reply_to(fake_discord, "$help")
    assert reply["content"] == snapshot
    assert reply["allowed_mentions"]["parse"] == []


async def test_prefix_alias_and_topic(fake_discord: FakeDiscord, bot: BotApp, snapshot):
    reply = await reply_to(fake_discord, "$h status")
    assert reply["content"] == snapshot


async def test_slash_help_is_ephemeral(fake_discord: FakeDiscord, bot: BotApp, snapshot):
    answer = await slash_answer(fake_discord, "help", {"command": "health"})
    assert answer["data"]["flags"] & EPHEMERAL
    assert answer["data"]["content"] == snapshot


async def test_prefix_and_slash_health(fake_discord: FakeDiscord, bot: BotApp, snapshot):
    reply = await reply_to(fake_discord, "$health")
    answer = await slash_answer(fake_discord, "health")
    assert normalise(reply["content"]) == snapshot
    assert normalise(answer["data"]["content"]) == normalise(reply["content"])


async def test_unknown_prefix_command_gets_a_hint(fake_discord: FakeDiscord, bot, snapshot):
    reply = await reply_to(fake_discord, "$hlep me")
    assert reply["content"] == snapshot


async def test_bots_webhooks_and_prices_are_ignored(fake_discord: FakeDiscord, bot: BotApp):
    await fake_discord.send_message("$help", bot=True, user_id=555)
    await fake_discord.send_message("$help", webhook_id=777)
    await fake_discord.send_message("that costs $5, ok?")
    await reply_to(fake_discord, "$help")  # a human's command still answers, once
    assert len(fake_discord.bot_messages()) == 1


async def test_member_without_role_is_refused(fake_discord: FakeDiscord, start_bot: StartBot):
    spec = SPEC.model_copy(deep=True)
    spec.commands["health"] = spec.commands["health"].model_copy(update={"roles": ["moderator"]})
    await start_bot(spec)
    denial = render_error(NotAllowed(command="health", roles=["Moderator", "Admin"]), prefix="$")
    reply = await reply_to(fake_discord, "$health")
    answer = await slash_answer(fake_discord, "health")
    assert reply["content"] == denial
    assert answer["data"]["content"] == denial
    assert answer["data"]["flags"] & EPHEMERAL
    moderator = fake_discord.role_ids["Moderator"]
    allowed = await reply_to(fake_discord, "$health", roles=[moderator], user_id=4242)
    assert allowed["content"].startswith("🩺")


async def test_help_hides_commands_a_member_cannot_use(fake_discord, start_bot: StartBot):
    spec = SPEC.model_copy(deep=True)
    spec.commands["health"] = spec.commands["health"].model_copy(update={"roles": ["moderator"]})
    await start_bot(spec)
    member = await reply_to(fake_discord, "$help")
    moderator = fake_discord.role_ids["Moderator"]
    mod = await reply_to(fake_discord, "$help", roles=[moderator], user_id=4242)
    assert "$health" not in member["content"]
    assert "$health" in mod["content"]


async def test_usage_error_for_malformed_arguments(fake_discord, start_bot: StartBot, snapshot):
    spec = SPEC.model_copy(deep=True)
    help_ = spec.commands["help"]
    option = help_.options[0].model_copy(update={"required": True})
    spec.commands["help"] = help_.model_copy(update={"options": [option]})
    await start_bot(spec)
    reply = await reply_to(fake_discord, "$help")
    assert reply["content"] == snapshot
